"""Thanks in every common shape: prose in the first person singular or plural, after a
colon or a verb, with a trailing clause; bullet lists; tables; LaTeX sections."""

from __future__ import annotations

import pytest

from bot.editors.acknowledgements import add_acknowledgements, thanked_keys
from bot.editors.common import name_key
from bot.suggestions import Thanks
from tests.conftest import RENDERER


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "I'd like to thank A. Adams, Bea Brown, and Cy Chen, who provided references "
            "for this summary.",
            "I'd like to thank A. Adams, Bea Brown, Cy Chen, and Dee Dunn, who provided "
            "references for this summary.",
            id="first-person-singular-oxford-trailing-clause",
        ),
        pytest.param(
            "We thank Ana Alves and Bo Berg for their suggestions.",
            "We thank Ana Alves, Bo Berg and Dee Dunn for their suggestions.",
            id="we-thank-two-names-for",
        ),
        pytest.param(
            "Thanks to Ana Alves!",
            "Thanks to Ana Alves and Dee Dunn!",
            id="thanks-to-one-name",
        ),
        pytest.param(
            "Special thanks go to our readers Ana Alves, Bo Berg & Cy Chen.",
            "Special thanks go to our readers Ana Alves, Bo Berg, Cy Chen & Dee Dunn.",
            id="ampersand",
        ),
        pytest.param(
            "The authors thank Yankai Lin and Yutao Zhu for proofreading. We sincerely thank "
            "the readers who wrote to us: Tyler Suard, and Jay Alammar.",
            "The authors thank Yankai Lin and Yutao Zhu for proofreading. We sincerely thank "
            "the readers who wrote to us: Tyler Suard, Jay Alammar, and Dee Dunn.",
            id="the-readers-list-not-the-proofreaders",
        ),
    ],
)
def test_a_name_joins_the_sentence_in_its_style(before, after):
    text = f"# Survey\n\n## Acknowledgments\n\n{before}\n"
    result = add_acknowledgements(text, [Thanks("dd", "Dee Dunn")], renderer=RENDERER)
    assert result.text == text.replace(before, after)


def test_chinese_sentence_with_a_trailing_clause():
    text = "## 致谢\n\n感谢张三、李四和王五对本文的帮助。\n"
    result = add_acknowledgements(text, [Thanks("z", "赵六")], "致谢", "zh", renderer=RENDERER)
    assert result.text == text.replace("李四和王五对", "李四、王五和赵六对")


@pytest.mark.parametrize(
    ("lines", "new"),
    [
        pytest.param(
            "- [Ana Alves](https://github.com/ana)\n- [Bo Berg](https://github.com/bo)\n",
            "- [Dee Dunn](https://github.com/dd)\n",
            id="linked-bullets-get-the-profile-link",
        ),
        pytest.param(
            "1. Ana Alves (University of X)\n2. Bo Berg (Lab Y)\n",
            "3. Dee Dunn\n",
            id="numbered-affiliation-not-copied",
        ),
        pytest.param(
            "* @ana\n* @bo\n",
            "* Dee Dunn\n",
            id="logins",
        ),
    ],
)
def test_a_contributor_list_gets_one_more_line(lines, new):
    text = f"## Contributors\n\n{lines}\n## License\n"
    result = add_acknowledgements(text, [Thanks("dd", "Dee Dunn")], renderer=RENDERER)
    assert result.text == text.replace(lines, lines + new)


def test_a_contributor_table_gets_one_more_row():
    table = "| Name | Contribution |\n| --- | --- |\n| Ana Alves | references |\n"
    text = f"## Thanks\n\n{table}"
    result = add_acknowledgements(text, [Thanks("dd", "Dee Dunn")], renderer=RENDERER)
    assert result.text == text + "| Dee Dunn | |\n"


@pytest.mark.parametrize(
    ("section", "end"),
    [
        ("\\section*{Acknowledgments}", ""),
        ("\\begin{acknowledgements}", "\\end{acknowledgements}\n"),
        ("\\begin{acks}", "\\end{acks}\n"),
        ("\\begin{ack}", "\\end{ack}\n"),
        ("\\section*{致谢}", ""),
    ],
    ids=["section", "environment", "acmart-acks", "neurips-ack", "chinese-title"],
)
def test_latex_thanks_are_found_under_their_usual_names(section, end):
    body = "We thank Ana Alves and Bo Berg for their comments.\n"
    text = f"\\section{{Conclusion}}\nDone.\n\n{section}\n{body}{end}\n\\bibliography{{refs}}\n"
    result = add_acknowledgements(
        text, [Thanks("x", "Cé_cile & Co #1")], renderer=RENDERER, path="paper/main.tex"
    )
    # Two names joined by "and" become an English list: "A, B and C" (first written here
    # as "A and B and C", which no maintainer would write).
    assert result.text == text.replace(
        "Ana Alves and Bo Berg for", "Ana Alves, Bo Berg and Cé\\_cile \\& Co \\#1 for"
    )


def test_a_latex_itemize_of_names_gets_an_item():
    text = (
        "\\section*{Contributors}\n"
        "\\begin{itemize}\n  \\item Ana Alves\n  \\item Bo Berg\n\\end{itemize}\n"
    )
    result = add_acknowledgements(text, [Thanks("d", "Dee Dunn")], renderer=RENDERER, path="a.tex")
    assert result.text == text.replace(
        "  \\item Bo Berg\n", "  \\item Bo Berg\n  \\item Dee Dunn\n"
    )


def test_lines_of_names_with_hard_breaks_keep_breaking():
    # Contributors one a line, "\" breaking all but the last (yunlong10's README does so).
    text = (
        "## Contributors\n\n[Ana Alves](https://a.example) @ Uni A \\\n"
        "[Bo Berg](https://b.example) @ Uni B \n\n## License\n"
    )
    result = add_acknowledgements(text, [Thanks("dd", "Dee Dunn")], renderer=RENDERER)
    assert result.text == text.replace(
        "@ Uni B \n", "@ Uni B \\\n[Dee Dunn](https://github.com/dd) \n"
    )


# Real README shapes (quoted from public READMEs found by searching "Thanks to the
# following contributors"); each expected result was written by hand first.
MAINTAINERS_THEN_THANKS = (
    "## Contributors\n\nThis work is maintained by the MLDM research group.\n\n"
    "Maintainers include:\n\n"
    "- [Hongyan Xue](https://github.com/xuehongyanL)\n- [Shuo Yu](https://github.com/Chlorie)\n\n"
    "Thanks to the following contributors:\n\n- [@yigaza](https://github.com/yigaza)\n\n"
    "Thanks to the following in-depth research on our project:\n\n- *A report*\n"
)
LINKS_AFTER_A_COLON = (
    "## Contributors\nSpecial thanks to the following contributors to this release: \n\n"
    "[@shetsa-amzn](https://github.com/shetsa-amzn), [@sullis](https://github.com/sullis)\n"
)
LOGIN_LINK_WITH_ITS_COMMITS = (
    "## Credits\n\n### Contributors\n\n"
    "Thanks to the following contributors for their work on the theme:\n\n"
    "- [mmirus](https://github.com/mmirus) - "
    "[contributions](https://github.com/olimorris/onedarkpro.nvim/commits?author=mmirus)\n\n"
    "### Inspiration\n\n- [One Dark Pro](https://github.com/Binaryify/OneDark-Pro)\n"
)
NUMBERED_WITH_WHAT_FOR = (
    "## Acknowledgements\n\n"
    "1. Tahmid Rahman ([@tahmedge](https://github.com/tahmedge)) for "
    "[PR#1](https://github.com/MLGroupJLU/LLM-eval-survey/pull/1).\n"
    "2. Hao Zhao for suggestions on new benchmarks.\n"
    "3. [@taichengguo](https://github.com/taichengguo) for "
    "[issue#9](https://github.com/MLGroupJLU/LLM-eval-survey/issues/9)\n"
)
NAME_HANDLE_AND_WHAT = (
    "# 4. Credits\n\nA great vote of thanks to the following contributors :\n"
    "- Ishan Manchanda (@IshanManchanda) - Contribution to the list of working VPNs.\n\n\n***\n"
)

# Paitesanshi/LLM-Agent-Survey (c6503602), README.md lines 1479-1486.
NAME_THEN_LOGIN_LINK = (
    "## 🫡 Acknowledgement\nWe thank the following people for their valuable suggestions "
    "and contributions to this survey:\n"
    "- Yifan Song[@Yifan-Song793](https://github.com/Yifan-Song793)\n"
    "- Qichen Zhao[@Andrewzh112](https://github.com/Andrewzh112)\n"
    "- Ikko E. Ashimine[@eltociear](https://github.com/eltociear)\n\n\n## 📧 Contact Us\n"
)


@pytest.mark.parametrize(
    ("text", "heading", "old", "new"),
    [
        pytest.param(
            NAME_THEN_LOGIN_LINK,
            "Acknowledgement",
            "eltociear)\n",
            "eltociear)\n- Dee Dunn[@dd-login](https://github.com/dd-login)\n",
            id="name-then-its-login-link",
        ),
        pytest.param(
            MAINTAINERS_THEN_THANKS,
            "Contributors",
            "- [@yigaza](https://github.com/yigaza)\n",
            "- [@yigaza](https://github.com/yigaza)\n- [@dd-login](https://github.com/dd-login)\n",
            id="the-thanked-list-not-the-maintainers-one",
        ),
        pytest.param(
            LINKS_AFTER_A_COLON,
            "Contributors",
            "[@sullis](https://github.com/sullis)\n",
            "[@sullis](https://github.com/sullis), [@dd-login](https://github.com/dd-login)\n",
            id="names-in-the-paragraph-after-a-colon",
        ),
        pytest.param(
            LOGIN_LINK_WITH_ITS_COMMITS,
            "Contributors",
            "commits?author=mmirus)\n",
            "commits?author=mmirus)\n- [dd-login](https://github.com/dd-login)\n",
            id="one-login-link-with-a-long-tail",
        ),
        pytest.param(
            NUMBERED_WITH_WHAT_FOR,
            "Acknowledgements",
            "issues/9)\n",
            "issues/9)\n4. [Dee Dunn](https://github.com/dd-login)\n",
            id="numbered-mostly-names-one-login",
        ),
        pytest.param(
            NAME_HANDLE_AND_WHAT,
            "Credits",
            "working VPNs.\n",
            "working VPNs.\n- Dee Dunn\n",
            id="one-name-after-a-thanks-line",
        ),
    ],
)
def test_real_contributor_sections_get_the_reader_where_readers_are_thanked(
    text, heading, old, new
):
    reader = Thanks("dd-login", "Dee Dunn")
    result = add_acknowledgements(text, [reader], heading, renderer=RENDERER)
    assert result.text == text.replace(old, new)


def test_a_reader_known_by_login_only_is_written_in_the_name_then_login_form():
    reader = Thanks("octocat", "")
    result = add_acknowledgements(
        NAME_THEN_LOGIN_LINK, [reader], "Acknowledgement", renderer=RENDERER
    )
    new = "- octocat[@octocat](https://github.com/octocat)\n"
    assert result.text == NAME_THEN_LOGIN_LINK.replace("eltociear)\n", "eltociear)\n" + new)


def test_credits_is_a_name_thanks_go_by():
    # The configured default finds a "Credits" heading (numbered, too) as it finds
    # "Contributors" or "Thanks".
    reader = Thanks("d", "Dee Dunn")
    result = add_acknowledgements(NAME_HANDLE_AND_WHAT, [reader], renderer=RENDERER)
    assert result.text == NAME_HANDLE_AND_WHAT.replace("VPNs.\n", "VPNs.\n- Dee Dunn\n")


# EgoAlpha/prompt-in-context-learning (096cb894, README.md lines 789-808, shortened): thanks to a
# lab's students in prose, then a commented-out list of contributors.
THANKS_THEN_COMMENTED_CONTRIBUTORS = (
    "# 🙏 Acknowledgements\n\n"
    "Thanks to the PhD students from [EgoAlpha Lab](https://github.com/EgoAlpha) and other "
    "workers who participated in this repo.\n\n\n"
    '<!-- <img width="200%" src="./figures/hr.gif" /> -->\n\n'
    "<!-- # 👨‍👩‍👧‍👦 Contributors\n\n## Main Contributors\n* [Yu Liu]()\n"
    "* [Yifei Cao](https://github.com/cyfedu1024) -->\n\n\n"
    "<!-- ## Guest Contributors\n* [No] -->\n"
)


def test_no_name_is_added_to_a_lab_nor_to_a_commented_out_list():
    # "the PhD students from [EgoAlpha Lab]" names a group and a place, no person; the
    # contributors are commented out. A sentence of its own, before the comments.
    reader = Thanks("dd-login", "Dee Dunn")
    result = add_acknowledgements(
        THANKS_THEN_COMMENTED_CONTRIBUTORS, [reader], "Acknowledgements", renderer=RENDERER
    )
    new = "We sincerely thank the readers who suggested papers for this survey: Dee Dunn.\n"
    assert result.text == THANKS_THEN_COMMENTED_CONTRIBUTORS.replace(
        "participated in this repo.\n", "participated in this repo.\n\n" + new
    )


# tjunlp-lab/Awesome-LLMs-Evaluation-Papers (a4895bc1), README.md lines 1365-1369; the
# same contrib.rocks block closes zjunlp/Prompt4ReasoningPapers (bd2e561a) and
# zjunlp/LLMAgentPapers (3855f982). The image is drawn from the repository's commits.
CONTRIBUTOR_AVATARS = (
    "## Contributors\n\n"
    '<a href="https://github.com/tjunlp-lab/Awesome-LLMs-Evaluation-Papers/graphs/contributors">\n'
    '    <img src="https://contrib.rocks/image?repo=tjunlp-lab/Awesome-LLMs-Evaluation-Papers" />\n'
    "</a>\n"
)


def test_no_name_is_added_inside_an_html_tag():
    # "tjunlp-lab/Awesome-LLMs-Evaluation-Papers" in an attribute read as a list of names
    # after "graphs/contributors": the reader was written into the image's address. No
    # person is named inside a tag; the section gets a sentence of its own.
    reader = Thanks("dd-login", "Dee Dunn")
    result = add_acknowledgements(
        CONTRIBUTOR_AVATARS, [reader], "Contributors", renderer=RENDERER
    )
    new = "We sincerely thank the readers who suggested papers for this survey: Dee Dunn.\n"
    assert result.text == CONTRIBUTOR_AVATARS + "\n" + new


# shsack/IBM-challenge README.md (stored copy; commit not reported by the index), its
# all-contributors table as the all-contributors tool writes it.
ALL_CONTRIBUTORS_TABLE = (
    "## Contributors ✨\n\n"
    "Thanks goes to these wonderful people "
    "([emoji key](https://allcontributors.org/docs/en/emoji-key)):\n\n"
    "<!-- ALL-CONTRIBUTORS-LIST:START - Do not remove or modify this section -->\n"
    "<!-- prettier-ignore-start -->\n<!-- markdownlint-disable -->\n<table>\n  <tr>\n"
    '    <td align="center"><a href="https://github.com/StefanoBarison"><img '
    'src="https://avatars.githubusercontent.com/u/56699595?v=4?s=100" width="100px;" '
    'alt=""/><br /><sub><b>Stefano Barison</b></sub></a><br /><a '
    'href="https://github.com/shsack/IBM-challenge/commits?author=StefanoBarison" '
    'title="Code">💻</a></td>\n'
    '    <td align="center"><a href="https://github.com/shsack"><img '
    'src="https://avatars.githubusercontent.com/u/45107198?v=4?s=100" width="100px;" '
    'alt=""/><br /><sub><b>Stefan Hermann Sack</b></sub></a><br /><a '
    'href="https://github.com/shsack/IBM-challenge/commits?author=shsack" '
    'title="Code">💻</a></td>\n'
    "  </tr>\n</table>\n\n"
    "<!-- markdownlint-restore -->\n<!-- prettier-ignore-end -->\n\n"
    "<!-- ALL-CONTRIBUTORS-LIST:END -->\n"
)


def test_no_name_is_written_into_an_html_table_of_people():
    # "Stefano Barison" in the first avatar cell read as a list of one after the colon:
    # the reader became "Stefano Barison and Dee Dunn" in that cell. An HTML table of
    # people (the all-contributors tool's, avatars) takes no line of Markdown; the
    # section gets a sentence of its own.
    reader = Thanks("dd-login", "Dee Dunn")
    result = add_acknowledgements(
        ALL_CONTRIBUTORS_TABLE, [reader], "Contributors", renderer=RENDERER
    )
    new = "We sincerely thank the readers who suggested papers for this survey: Dee Dunn.\n"
    assert result.text == ALL_CONTRIBUTORS_TABLE.replace("</table>\n", "</table>\n\n" + new)



@pytest.mark.parametrize(
    "reader",
    [Thanks("StefanoBarison", "Stefano B."), Thanks("", "Stefan Hermann Sack")],
    ids=["by-the-login-its-avatar-links", "by-the-name-under-its-avatar"],
)
def test_a_reader_shown_in_an_html_table_of_people_is_already_thanked(reader):
    # The same table: a reader who is one of its people gets no sentence besides.
    result = add_acknowledgements(
        ALL_CONTRIBUTORS_TABLE, [reader], "Contributors", renderer=RENDERER
    )
    assert result.text == ALL_CONTRIBUTORS_TABLE
    [skipped] = result.skipped
    assert skipped.why == "already thanked (shown among the avatars under 'Contributors')"


def test_the_batch_counts_the_names_under_avatars_as_thanked():
    keys = thanked_keys(ALL_CONTRIBUTORS_TABLE, "Contributors")
    assert {name_key("Stefano Barison"), name_key("Stefan Hermann Sack")} <= keys

# HCPLab-SYSU/Embodied_AI_Paper_List (ea3fedd4), README.md lines 20-31: the heading an
# earlier init configured (a call for suggestions set as an h4), over the survey's title.
CALL_FOR_SUGGESTIONS = (
    "#### We appreciate any useful suggestions for improvement of this paper list or survey "
    "from peers. Please raise issues or send an email to **liuy856@mail.sysu.edu.cn** and "
    "**chen867820261@gmail.com**. Thanks for your cooperation! We also welcome your pull "
    "requests for this project!\n\n"
    '![Teaser](teaser.png "demo")\n\n'
    "[**Aligning Cyber Space with Physical World: A Comprehensive Survey on Embodied AI, "
    "IEEE/ASME Transactions on Mechatronics 2025**](https://arxiv.org/pdf/2407.06886)    \n"
    "  [Yang Liu](https://yangliu9208.github.io), Weixing Chen, Yongjie Bai, "
    "[Xiaodan Liang](https://lemondan.github.io), [Guanbin Li](http://guanbinli.com/), "
    "[Wen Gao](https://idm.pku.edu.cn/info/1017/1041.htm), "
    "[Liang Lin](http://www.linliang.net/)     \n\n"
    '<p align="center">\n<img src="./Survey.png" width="800">\n</p>  \n\n## 🏠 About\n'
)


def test_a_capitalised_phrase_alone_after_a_colon_is_no_list_of_names():
    # "World: A Comprehensive Survey" read as a list of one name introduced by the colon
    # of the survey's title, and the reader joined it ("A Comprehensive Survey and Dee
    # Dunn on Embodied AI"). One name after a colon is a list only where a thanks word
    # introduces it ("Thanks to: Ana."); the section gets a sentence of its own.
    heading = CALL_FOR_SUGGESTIONS.split("\n", 1)[0].removeprefix("#### ")
    result = add_acknowledgements(
        CALL_FOR_SUGGESTIONS, [Thanks("dd", "Dee Dunn")], heading, renderer=RENDERER
    )
    new = "We sincerely thank the readers who suggested papers for this survey: Dee Dunn.\n"
    assert result.text == CALL_FOR_SUGGESTIONS.replace("</p>  \n", "</p>  \n\n" + new)
