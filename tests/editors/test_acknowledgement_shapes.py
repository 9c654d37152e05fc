"""Thanks in every common shape: prose in the first person singular or plural, after a
colon or a verb, with a trailing clause; bullet lists; tables; LaTeX sections."""

from __future__ import annotations

import pytest

from bot.editors.acknowledgements import add_acknowledgements
from bot.models import Thanks
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
        ("\\section*{致谢}", ""),
    ],
    ids=["section", "environment", "chinese-title"],
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
