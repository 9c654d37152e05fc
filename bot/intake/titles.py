"""Is this piece of text a paper title? Heuristics at three levels of trust.

* ``loose``: the reader marked it as a title (quotes, ``Title:`` label, form
  field): it only has to be a plausible length and not start like a sentence
  fragment.
* ``medium``: link text or bold text: additionally not a generic phrase such
  as "our paper", "PDF" or "Thanks!".
* ``strict``: unmarked text next to an identifier, a list item or the line
  before a link: additionally it must read like a title (Title Case or a
  ``Name: subtitle`` shape) and not like a sentence ("Hi, could you ...").
"""

from __future__ import annotations

import re

from bot.text.venues import ACRONYMS

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'’\-\u00c0-\u024f]*|\d[\w.\-]*")
_URLISH = re.compile(r"https?://|www\.|\b10\.\d{4,9}/|\.(?:com|org|net|io)/", re.IGNORECASE)
_JUNK = re.compile(r"[{}<>|\\^~$%#=\[\]`@*_]|\s[;,]|\(\s*\)|\.\.\.\.")
# A list item's marker: "- ", "1. ", "[1] ", "（1） ", or "1.Title" (no space; "1.5B" is not one).
LIST_MARKER = (
    r"(?:(?:[-*+•·▪●]|\d{1,3}[.)、]|\[\d{1,3}\]|\(\d{1,3}\)|（\d{1,3}）)\s+"
    r"|\d{1,3}[.、](?=[^\W\d_]))"
)
_LIST_MARKER = re.compile(rf"^\s*{LIST_MARKER}")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(.+?)\1")
_LEADING_TAG = re.compile(r"^\s*[(\[【（]([^()\[\]【】（）]{1,40})[)\]】）]\s*[:：\-–—]?\s*")
# Emoji, arrows and other symbols readers decorate lines with ("🔥 Title", "Title ✨").
_EDGE_SYMBOLS_START = re.compile(
    r"^[\u2190-\u2bff\u2700-\u27bf\U0001f000-\U0001faff\ufe0f\u200d\s]+"
)
_EDGE_SYMBOLS_END = re.compile(r"[\u2190-\u2bff\u2700-\u27bf\U0001f000-\U0001faff\ufe0f\u200d\s]+$")
_TRAILING_PAREN = re.compile(r"\s*[(（\[]([^()（）\[\]]{0,120})[)）\]]\s*$")
_VENUE_WORDS = re.compile(
    r"\d{4}|\d{2}\b|'\d{2}|accept|arxiv|preprint|oral|spotlight|poster|review|submit|workshop|"
    r"conference|journal|proceedings|findings|acl|emnlp|naacl|neurips|nips|icml|iclr|cvpr|iccv|"
    r"eccv|aaai|ijcai|kdd|www|sigir|tacl|coling|tpami|jmlr|pdf|code|github|link|paper|project|"
    r"\bours\b|our work|中|录用|接收|会议|期刊|我们的",
    re.IGNORECASE,
)
_VENUE_TAIL = re.compile(
    r"^(?:(?:in|at|accepted (?:to|by|at|in)|published (?:in|at)|to appear (?:in|at)|proc\.?|"
    r"proceedings of)\s+)?"
    r"(?:the\s+)?(?:[A-Z][A-Za-z\-]*\s*|\d{4}\s*|'\d{2}\s*|findings|main|long|short|oral|spotlight|poster|"
    r"workshop|conference|journal|track|paper)+\s*$|(?:19|20)\d{2}\s*$",
)
_VENUE_MARK = re.compile(
    rf"(?:19|20)\d{{2}}|'\d{{2}}\b|\b(?:{ACRONYMS}|"
    r"[Ff]indings|[Ww]orkshop|[Pp]roceedings|[Cc]onference|[Jj]ournal|[Oo]ral|[Ss]potlight|[Pp]reprint)\b"
)
_STOPWORDS = {
    "a",
    "an",
    "the",
    "of",
    "for",
    "and",
    "or",
    "in",
    "on",
    "to",
    "with",
    "via",
    "by",
    "from",
    "at",
    "as",
    "is",
    "are",
    "be",
    "vs",
    "vs.",
    "into",
    "towards",
    "toward",
    "through",
    "its",
    "their",
    "without",
    "over",
    "under",
    "about",
    "between",
    "across",
    "using",
    "do",
    "does",
    "can",
    "not",
    "than",
    "that",
    "when",
    "how",
    "what",
    "why",
    "where",
    "which",
    "who",
    "we",
    "you",
    "it",
    "all",
    "more",
    "less",
    "beyond",
    "within",
    "after",
    "before",
    "against",
    "upon",
    "per",
    "so",
    "but",
    "if",
    "your",
    "our",
    "my",
    "de",
    "et",
    "al",
}
# Lower-case words that do not appear in titles but do in requests ("could you add ...").
_SENTENCE_WORDS = {
    "i",
    "i'm",
    "i've",
    "we're",
    "we've",
    "you're",
    "please",
    "could",
    "would",
    "thanks",
    "thank",
    "hi",
    "hello",
    "dear",
    "hey",
    "kindly",
    "appreciate",
    "hope",
    "our",
    "my",
    "me",
    "your",
    "cite",
    "citing",
    "add",
    "adding",
    "include",
    "including",
    "suggest",
    "recommend",
    "here",
    "there",
    "this",
    "these",
    "those",
    "following",
    "paper",
    "papers",
    "survey",
    "repo",
    "repository",
    "link",
    "section",
    "also",
    "just",
    "really",
    "great",
    "nice",
    "awesome",
    "typo",
    "issue",
    "missing",
    "published",
    "accepted",
    "released",
    "proposed",
    "propose",
}
_SENTENCE_CJK = re.compile(
    r"[我你您请谢麻烦希望吗呢吧啊哦嗯]|感谢|谢谢|可以|能否|是否|一下|这篇|本文|我们|论文|推荐|添加|建议|补充"
)
_GENERIC = {
    "paper",
    "papers",
    "our paper",
    "this paper",
    "my paper",
    "our work",
    "this work",
    "my work",
    "new paper",
    "a new paper",
    "paper suggestion",
    "suggest paper",
    "suggest a paper",
    "add paper",
    "add a paper",
    "missing paper",
    "missing papers",
    "great work",
    "great survey",
    "nice work",
    "nice survey",
    "awesome work",
    "thanks",
    "thank you",
    "thanks a lot",
    "related work",
    "related works",
    "link",
    "links",
    "pdf",
    "code",
    "arxiv",
    "github",
    "project",
    "project page",
    "homepage",
    "website",
    "abstract",
    "bibtex",
    "citation",
    "reference",
    "references",
    "summary",
    "description",
    "why it belongs",
    "paper title",
    "title",
    "n/a",
    "na",
    "none",
    "no response",
    "_no response_",
    "tbd",
    "todo",
    "here",
    "this",
    "click here",
    "paper link",
    "arxiv link",
    "code link",
    "full paper",
    "openreview",
    "acl anthology",
    "doi",
    "hugging face",
    "huggingface",
    "papers with code",
    "semantic scholar",
    "alphaxiv",
    "paper and code",
    "github repo",
    "official code",
    "our survey",
    "your survey",
    "the survey",
    "a survey",
    "survey",
    "论文",
    "论文推荐",
    "推荐论文",
    "添加论文",
    "新论文",
    "代码",
    "链接",
}
_SENTENCE_START = re.compile(
    r"^(?:hi|hello|dear|hey|thanks|thank|please|could|can|would|will|may|i|we|our|my|you|your|"
    r"this|these|that|it|is|are|do|does|did|have|has|here|there|also|btw|just|great|nice|awesome|"
    r"in|as|for|add|adding|fix|update|remove|change|make|use|see|check|note|by the way)\b",
    re.IGNORECASE,
)


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def clean_candidate(text: str) -> str:
    """Strip list markers, emphasis, quotes, LaTeX line breaks and edge punctuation."""
    text = " ".join(text.replace("\\\\", " ").split())
    text = _LIST_MARKER.sub("", text)
    for _ in range(2):
        text = _EMPHASIS.sub(r"\2", text)
    text = text.strip(" \t*_`>#|\\")
    text = _EDGE_SYMBOLS_START.sub("", text)
    text = _EDGE_SYMBOLS_END.sub("", text)
    pairs = [
        ('"', '"'),
        ("“", "”"),
        ("‘", "’"),
        ("'", "'"),
        ("《", "》"),
        ("「", "」"),
        ("『", "』"),
        ("〈", "〉"),
        ("«", "»"),
        ("„", "“"),
    ]
    changed = True
    while changed and text:
        changed = False
        for left, right in pairs:
            if len(text) > 2 and text.startswith(left) and text.endswith(right):
                text = text[len(left) : -len(right)].strip()
                changed = True
    text = text.strip(" \t,;:.。，；：、-–—|*_`\\")
    return text


def strip_venue_tail(text: str) -> str:
    """Drop ``(ICLR 2025)``, ``[arXiv]``, ``(accepted to ACL)`` style notes at the end,
    and ``[ICLR 2024]`` style tags at the start."""
    text = " ".join(text.split())
    head = _LEADING_TAG.match(text)
    if head and _VENUE_WORDS.search(head.group(1)):
        text = text[head.end() :]
    for _ in range(3):
        found = _TRAILING_PAREN.search(text)
        if not found or not _VENUE_WORDS.search(found.group(1) or "x"):
            break
        text = text[: found.start()].rstrip(" ,;:-–—")
    for _ in range(2):  # "Title. In CVPR, 2016"
        tail = re.search(r"(?:[.,;|]|\s[-–—])\s*([^.,;|]{2,60})$", text)
        if (
            tail
            and _VENUE_TAIL.search(tail.group(1))
            and _VENUE_MARK.search(tail.group(1))
            and len(_WORD.findall(text[: tail.start()])) >= 3
        ):
            text = text[: tail.start()].rstrip()
    text = re.sub(
        r"\s*[,;]?\s*(?:(?:in|at|accepted (?:to|by|at)|published (?:in|at))\s+)?"
        r"(?:ACL|EMNLP|NAACL|EACL|COLING|NeurIPS|ICML|ICLR|CVPR|ICCV|ECCV|AAAI|IJCAI|KDD|"
        r"SIGIR|WWW|TACL|TPAMI)\s*'?\d{2,4}\s*$",
        "",
        text,
    )
    return text.strip(" ,;:.-–—|")


def looks_like_title(text: str | None, level: str = "strict") -> bool:
    """Whether ``text`` (already cleaned) is plausibly a paper title, at trust ``level``."""
    if not text:
        return False
    text = text.strip()
    if not 4 <= len(text) <= 300 or "\n" in text:
        return False
    if "【" in text or "】" in text:
        return False  # lenticular brackets tag a post ("【推荐】【Nature】..."), never a title
    if _URLISH.search(text) or (level != "loose" and _JUNK.search(text)):
        return False  # quoted titles may hold TeX or odd characters; unmarked text may not
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < 0.6 * len(text.replace(" ", "")):
        return False
    low = text.lower()
    if low in _GENERIC or low.strip(" .!?") in _GENERIC:
        return False
    words = _WORD.findall(text)
    cjk = cjk_count(text)
    if cjk >= 4:
        if level == "strict" and (_SENTENCE_CJK.search(text) or len(text) > 80):
            return False
        return not re.search(r"[?？]$", text) or level == "loose"
    if len(words) < 2 and not (
        level == "loose" and len(text) >= 6 and re.search(r"[A-Z].*[A-Z0-9]", text)
    ):
        return False
    if len(words) > 40:
        return False
    first = text[0]
    if first.islower() and not re.match(r"[a-z]+[A-Z0-9]|[a-z]{1,4}\d|[a-z][\w-]*:", text):
        return False  # "state of the art results", but "iPhone", "mT5: ...", "word2vec"
    if level == "loose":
        return True
    if len(words) < 3 and ":" not in text:
        return False
    if re.match(
        r"(?i)(?:(?:our|this|my|the following|here)\s+(?:paper|work|survey|article|repo)"
        r"|(?:a|an|the)\s+(?:paper|work|article|repo))s?\b",
        text,
    ):
        return False  # "our survey ...", "a paper on ..." is prose; "A Survey on X" is a title
    if level == "medium":
        return not _SENTENCE_START.match(text) or _title_case(words) >= 0.75
    # strict
    if re.search(r"[?？]\s*$", text) and _title_case(words) < 0.75:
        return False
    if len(re.findall(r"[.!?]\s+\S", text)) >= 2:
        return False  # several sentences
    lowered = {w.lower() for w in words if w.islower() or w == "I"}
    if lowered & _SENTENCE_WORDS:
        return False
    if _SENTENCE_START.match(text) and _title_case(words) < 0.75:
        return False
    head, colon, _ = text.partition(":")
    if colon and 1 <= len(_WORD.findall(head)) <= 5 and not _SENTENCE_START.match(head):
        return True
    return _title_case(words) >= 0.6


def _title_case(words: list[str]) -> float:
    significant = [w for w in words if w.lower() not in _STOPWORDS]
    if not significant:
        return 0.0
    upper = sum(
        1 for w in significant if w[0].isupper() or w[0].isdigit() or re.search(r"[A-Z]", w[1:])
    )
    return upper / len(significant)
