"""What the reader says *about* the suggestion: where it goes, how to thank them,
and whether the issue is a suggestion at all.
"""

from __future__ import annotations

import re

from bot.text.escaping import one_line

# Any wording that asks for a paper to be added (weak: "add" alone is enough).
SUGGEST = re.compile(
    r"\b(?:add|adds|adding|added|include|includes|including|included|missing|missed|miss|"
    r"omitted|overlooked|suggest\w*|recommend\w*|consider\w*|cite|citing|cited|cover|covering|"
    r"mention|worth|propose|proposed|our (?:work|paper|recent|new|latest|survey)|new paper|"
    r"related (?:work|paper)s?|relevant)\b"
    r"|添加|推荐|建议|补充|遗漏|收录|加入|引用|增加|漏掉|缺少|漏了|新增|论文|文章",
    re.IGNORECASE,
)
# Wording that clearly asks for a paper to be added (overrides a typo/question look).
STRONG = re.compile(
    r"\b(?:please|pls|plz|could you|can you|would you|will you|kindly|may you|might|hope you|"
    r"i'?d like to|i would like to|we'?d like to|we would like to|you may|feel free to|"
    r"consider|worth)\b[^.?!\n]{0,60}?\b(?:add|adding|include|including|cite|citing|mention|"
    r"mentioning|cover|covering|list|listing)\b"
    r"|\bmissing\s+(?:\w+\s+){0,2}(?:papers?|works?|references?|citations?|entr(?:y|ies)|articles?)\b"
    r"|\b(?:suggest|recommend|propose)\w*\s+(?:\w+\s+){0,4}(?:papers?|works?|articles?|surveys?|"
    r"preprints?|publications?|references?|studies|study)\b"
    r"|\b(?:paper|new[- ]paper|reference)\s+(?:suggestion|request|recommendation)s?\b"
    r"|\badd(?:ing)?\s+(?:[\w-]+\s+){0,3}(?:papers?|works?|articles?|references?|surveys?|this|it)\b"
    r"|\b(?:not|n't)\s+(?:yet\s+)?(?:be(?:en)?\s+)?(?:cite|cited|include|included|cover|covered|"
    r"mention|mentioned|list|listed)\b"
    r"|\b(?:have|did) you (?:seen?|read|considered|noticed|missed)\b|\bare you aware\b"
    r"|\b(?:might|may|could) be (?:relevant|of interest|helpful|useful|a good fit)\b"
    r"|\brelevant (?:to|for) (?:your|this|the)\b"
    r"|\bshould\s+(?:also\s+)?(?:be\s+)?(?:added|included|cited|mentioned|listed|covered|in)\b"
    r"|推荐|添加|补充|收录|遗漏|漏掉|建议(?:加入|增加|添加|补充|收录|引用)"
    r"|(?:能否|可否|是否可以|可以|能不能|希望)[^。？?！!\n]{0,30}(?:加入|添加|补充|收录|引用|加上)",
    re.IGNORECASE,
)
# The issue is about a paper (not a tool, a dataset or a list): for a repository link.
PAPER_WORDS = re.compile(
    r"\b(?:paper|papers|work|publication|article|preprint|project page)\b|论文|文章", re.IGNORECASE
)
# Typo reports, broken links, "how do I cite your survey", corrections.
NEGATIVE = re.compile(
    r"\b(?:typos?|spelling|misspel\w*|misprint|grammar|grammatical|broken\s+links?|dead\s+links?|"
    r"links?\s+(?:is|are)\s+(?:broken|dead|invalid|wrong|down)|404|cannot\s+access|can'?t\s+access|"
    r"can\s+not\s+access|unable\s+to\s+access|not\s+accessible|how\s+(?:to|do\s+i|do\s+we|should\s+i|"
    r"should\s+we|can\s+i|can\s+we)\s+cite|cite\s+(?:this|your)\s+(?:survey|paper|work)|"
    r"citation\s+(?:of|for)\s+(?:this|your)|(?<!if i'm )(?<!if i am )(?<!if im )wrong(?:ly)?|"
    r"incorrect(?:ly)?|mistakes?|errata|erratum|"
    r"traceback|exception|error:|failed\s+to|crash(?:es|ed)?|"
    r"update\s+(?:the\s+)?(?:venue|link|url|reference|citation|title|authors?|year|bibtex|entry|info\w*)|"
    r"(?:chang\w*|renam\w*|correct\w*)\s+(?:(?:the|our|my|its|this)\s+){0,2}(?:paper\s+)?title|"
    r"title\s+(?:change|correction)|"
    r"should\s+(?:point|link)\s+to|instead\s+of|points?\s+to\s+(?:a|the)\s+wrong|"
    r"links?\s+(?:to|for|of)\s+your\s+(?:own\s+)?(?:arxiv\s+)?(?:paper|survey|preprint|article)|"
    r"your\s+(?:own\s+)?(?:arxiv\s+)?(?:paper|survey|preprint)(?:'s)?\s+(?:link|url))\b"
    r"|错别字|笔误|拼写|错字|链接失效|无法访问|打不开|如何引用|引用格式|写错|错误|更新(?:一下)?(?:链接|信息|会议|出处)",
    re.IGNORECASE,
)
QUESTION_TITLE = re.compile(
    r"^\s*(?:\[\s*(?:question|q|help|discussion|bug)\s*\]|question\b|q:|how\b|why\b|what\b|"
    r"where\b|when\b|is there\b|请问|问题|疑问|咨询)",
    re.IGNORECASE,
)
# The core of "please add this paper" wording (no "cite"/"relevant", which questions use too).
SUGGEST_CORE = re.compile(
    r"\b(?:add|adding|include|including|missing|missed|suggest\w*|recommend\w*|consider\w*|worth|"
    r"overlooked|omitted)\b|推荐|添加|补充|遗漏|收录|加入|建议|漏掉|缺少",
    re.IGNORECASE,
)

_NUMBER = r"(\d{1,2}(?:\.\d{1,2}){0,3})"
_SECTION_NUMBER = [
    re.compile(
        rf"\b(?:to|in|into|under|for|at|within)\s+(?:the\s+)?(?:section|sec\.?|§|chapter|ch\.)\s*{_NUMBER}(?![\d.]*\d)",
        re.IGNORECASE,
    ),
    re.compile(rf"(?:section|sec\.?|§|chapter)\s*{_NUMBER}(?![\d.]*\d)", re.IGNORECASE),
    re.compile(rf"第\s*{_NUMBER}\s*(?:节|章|小节|部分)"),
    re.compile(rf"(?:章节|小节)\s*[:：]?\s*{_NUMBER}"),
    re.compile(rf"(?<![\d.]){_NUMBER}\s*(?:节|章节|小节)"),
]
_STOP = (
    r"(?=\s*(?:$|[\n.,;!?()，。；！？（）]|"
    r"\s(?:and|since|because|as|if|please|thanks?|so|which|where|of the survey|of your)\b))"
)
_SECTION_WORD = r"(?i:section|part|chapter|category|subsection)"
_SECTION_NAMED = [
    re.compile(
        r"\b(?:section|part|chapter|category|subsection)\s+[\"“]([^\n\"“”]{2,80}?)[\"”]",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:section|part|chapter|category|subsection)\s+(?:on|about|of|for|titled|called|named|regarding)\s+"
        r"(?:the\s+)?[\"“‘'*]*([^\n\"”’'*.,;!?()]{2,80}?)[\"”’'*]*" + _STOP,
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:to|in|into|under|within)\s+(?:the\s+|your\s+)?[\"“‘'*]+([^\n\"”’'*]{2,80}?)[\"”’'*]+\s*"
        r"(?:section|part|chapter|category|subsection)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?i:to|in|into|under|within)\s+(?:(?i:the|your)\s+)?([A-Z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|&|and|of|for|in|the|/)){0,7})"
        r"\s+" + _SECTION_WORD + r"\b"
    ),
    re.compile(
        r"\b(?:to|in|into|under|within)\s+(?:the|your)\s+([a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})\s+"
        r"(?:section|subsection|chapter)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"^[ \t>]*(?:[-*+][ \t]+)?[*_]*"
        r"(?:section|survey section|target section|章节|所属章节|部分|分类)[*_]*"
        r"\s*[:：]\s*[*_]*(.{1,80}?)[*_]*\s*$",
        re.IGNORECASE | re.MULTILINE,
    ),
    re.compile(
        r"(?:放到|放在|放入|加入到|加到|加入|添加到|补充到|归入|归到|归类到|放进)\s*(?:第\s*)?[\"“《「]?"
        r"([^\n\"”》」，。,.；;：:]{1,30}?)[\"”》」]?\s*(?:这个|这一)?(?:部分|章节|一节|小节|节|章|类别|分类|板块|里|中)"
    ),
    re.compile(
        r"(?:在|到)\s*[\"“《「]?([^\n\"”》」，。,.；;：:的]{2,30}?)[\"”》」]?\s*(?:这个|这一)?(?:部分|章节|板块)"
    ),
]

_THANK = [
    re.compile(
        r"\b(?:thank|acknowledge|credit|mention|list|name|cite)\s+(?:me|us)\s+"
        r"(?:as|by|with the name)\s*[:：]?\s*(.+)$",
        re.IGNORECASE | re.MULTILINE,
    ),
    re.compile(
        r"^[ \t>]*(?:[-*+][ \t]+)?[*_]*(?:thank(?:s)?\s+(?:me\s+)?as|acknowledg\w*\s+(?:name|as)|"
        r"name\s+(?:for|in)\s+(?:the\s+)?acknowledg\w*|"
        r"name\s+to\s+(?:thank|acknowledge|credit)|致谢署名|致谢名称|致谢姓名|致谢名字|署名)[*_]*\s*[:：]\s*(.+)$",
        re.IGNORECASE | re.MULTILINE,
    ),
    re.compile(
        r"\b(?:my|our)\s+name\s+(?:for|in)\s+(?:the\s+)?acknowledg\w*\s+(?:is|should be)"
        r"\s*[:：]?\s*(.+)$",
        re.IGNORECASE | re.MULTILINE,
    ),
    re.compile(
        r"(?:致谢|感谢)(?:时|中)?(?:请)?(?:署名|写|用|称呼我?)(?:为|是|成)?\s*[:：]?\s*(.+)$",
        re.MULTILINE,
    ),
    re.compile(r"(?:署名|落款)(?:为|是|写)\s*[:：]?\s*(.+)$", re.MULTILINE),
]
_THANK_CUT = re.compile(
    r"\s*(?:[(（\[]|(?<=(?-i:[a-z]{3}))(?<!Prof)(?<!prof)[.!;]\s|[!;]|"
    r",\s*(?:please|thanks?|and|if)\b|\s(?:please|thanks?|thank you|"
    r"in (?:the|your)|if|when|once|for the|for this)\b|[，。；！]|$)",
    re.IGNORECASE,
)
OPT_OUT = re.compile(
    r"\b(?:do\s+not|don'?t|dont|no\s+need\s+to|need\s+not|please\s+don'?t|not\s+necessary\s+to|"
    r"prefer\s+not\s+to\s+be|rather\s+not\s+be)\s+(?:to\s+)?(?:be\s+)?(?:thank|acknowledg|credit|mention|nam|list)\w*"
    r"(?:\s+(?:me|us))?|\b(?:stay|remain|keep\s+me|be)\s+anonymous\b|\banonymously\b|\bno\s+acknowledg\w*"
    r"|不(?:用|需要|必|要)(?:在致谢中)?(?:致谢|感谢|署名|提及|列出)|无需(?:致谢|署名)|匿名",
    re.IGNORECASE,
)


def compact(text: str) -> str:
    """``text`` with runs of spaces and of blank lines folded (hint patterns need no offsets)."""
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n(?: ?\n)+", "\n\n", text)


def has_suggestion_wording(text: str) -> bool:
    return bool(SUGGEST.search(text))


def find_section(text: str) -> str | None:
    """The survey section the reader names: ``"5.2"`` for numbers, else the section's name."""
    best: tuple[int, str] | None = None
    for pattern in _SECTION_NUMBER[:1]:
        found = pattern.search(text)
        if found:
            return found.group(1)
    for pattern in _SECTION_NAMED:
        for found in pattern.finditer(text):
            name = _clean_section(found.group(1))
            if name and (best is None or found.start() < best[0]):
                best = (found.start(), name)
            break
    for pattern in _SECTION_NUMBER[1:]:
        found = pattern.search(text)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), found.group(1))
    return best[1] if best else None


# What a form field holds when the reader left it empty, and the extra answers that
# mean "no section" or "no name" in particular.
_EMPTY_ANSWERS = frozenset({"_no response_", "n/a", "none", "-", "no response", "无"})
_NO_SECTION = _EMPTY_ANSWERS | {"not sure", "不确定"}
_NO_NAME = _EMPTY_ANSWERS | {"no", "anonymous", "匿名"}


def _clean_section(value: str) -> str | None:
    value = one_line(value).strip(" \t*_`\"“”'‘’《》「」:：,.;")
    value = re.sub(r"^(?:the|your|this)\s+", "", value, flags=re.IGNORECASE)
    value = re.sub(r"^第\s*", "", value)
    if not value or len(value) > 80:
        return None
    if value.lower() in {
        "same",
        "this",
        "that",
        "a",
        "an",
        "new",
        "appropriate",
        "relevant",
        "right",
        "correct",
        "suitable",
        "related",
        "corresponding",
        "proper",
        "next",
        "previous",
        "first",
        "last",
        "above",
        "below",
        "following",
        "current",
        "other",
        "respective",
        "existing",
        "main",
        "whole",
        "entire",
        "comments",
        "issues",
    }:
        return None
    numbered = r"(?i)(?:section|sec\.?|§|chapter|第)?\s*" + _NUMBER + r"\s*(?:节|章)?"
    if re.fullmatch(numbered, value) and (number := re.search(_NUMBER, value)):
        return number.group(1)
    if value.lower() in _NO_SECTION:
        return None
    return value


def normalize_section(value: str | None) -> str | None:
    """A form's "section" answer: ``"Section 5.2"`` -> ``"5.2"``, names kept as typed."""
    if not value:
        return None
    return _clean_section(value.split("\n", 1)[0])


def find_thank_as(text: str) -> str | None:
    """The name the reader asks to be thanked as, if they say so."""
    for pattern in _THANK:
        found = pattern.search(text)
        if found:
            name = clean_name(found.group(1))
            if name:
                return name
    return None


def clean_name(value: str | None) -> str | None:
    """A display name: one line, no quotes/emphasis/trailing punctuation, at most 80 chars."""
    if not value:
        return None
    value = one_line(value)
    value = value.strip(" \t*_`\"“”'‘’「」:：")
    cut = _THANK_CUT.search(value)
    if cut:
        value = value[: cut.start()]
    value = value.strip(" \t*_`\"“”'‘’「」:：,;!")
    if value.endswith(".") and not re.search(
        r"(?:^|[\s.])(?:[A-Z]|Jr|Sr|Dr|Ph\.D|Esq|Inc|Ltd)\.$", value
    ):
        value = value[:-1]  # a sentence's full stop, not an initial ("Ada L.") or "Jr."
    value = value.strip(" \t*_`\"“”'‘’「」:：,;!")
    if not value or len(value) > 80 or len(value.split()) > 8:
        return None
    if re.search(r"https?://|www\.|[<>{}]", value):
        return None
    if value.lower() in _NO_NAME:
        return None
    return value


def wants_opt_out(text: str) -> bool:
    return bool(OPT_OUT.search(text))
