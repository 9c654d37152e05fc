"""Lists of people's names in prose: find the thank-you list, read its style.

A thank-you sentence can name people after a colon ("... suggestions: A, B and C."),
after a verb ("I'd like to thank A, B, and C, who provided references"; "Thanks to A
and B!"; "我们感谢张三、李四和王五对本文的帮助"), or after a phrase of its own ("the
moderators A, B, C, and D."). The names may be plain, links (``[A](https://...)``,
``\\href{...}{A}``) or ``@logins``, separated by commas, "and", "&", "、", "和".

Every run of names joined by separators is a candidate; the thank-you list is the run
that a thanks word (or the configured phrase) introduces in its sentence, preferring a
run about readers and contributors, then the last one. Its separators give the style a
new name is added in: Oxford comma or not, no "and" at all, Chinese 、 and 和.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_ACCENT = r"\{\\[`'^\"~=.uvcHkr]\s*\{?\\?[A-Za-z]\}?\}|\\[`'^\"~=.][A-Za-z]"
_TOKEN = rf"[{_UPPER}]\.|(?:[{_UPPER}]|{_ACCENT})(?:[\w'’\-]|{_ACCENT})*"
_PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|le|la|du|dos|das|ter|ten|bin|al|el|y)"
_LATIN = rf"(?:{_TOKEN})(?:[ \t~]+(?:{_PARTICLE}[ \t]+)*(?:{_TOKEN}))*"
# Two to four Chinese characters after a separator or a thanks word, before a word that
# ends a name (对 "for", 的, 等 "and others") or punctuation.
_CJK = (
    r"(?:(?<![\u4e00-\u9fff])|(?<=[、和及与谢]))(?![和及与以]|感谢|致谢|谢谢|鸣谢|感激)"
    r"[\u4e00-\u9fff·]{2,4}?(?=[对為为在的给提帮等们，、。；：:,.)）\s和及与]|$)"
)
_TEXT_NAME = rf"(?:{_LATIN}|{_CJK})"
LOGIN = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"  # a GitHub login
ITEM = re.compile(
    rf"\[(?P<md>{_TEXT_NAME}|@[\w-]+|[\w-]+(?=\]\(https://github\.com/))\]\((?P<url>[^)\s]+)\)"
    rf"|\\href\{{(?P<texurl>[^{{}}\s]+)\}}\{{(?P<tex>{_TEXT_NAME})\}}"
    rf"|(?P<login>@{LOGIN})(?![\w@])"
    rf"|(?P<plain>{_TEXT_NAME})"
)
SEPARATOR = re.compile(
    r"[ \t]*(?:\n[ \t]*)?(?:,[ \t]*(?:\n[ \t]*)?(?:and|&)[ \t]+|,|，|、|;|and[ \t]+|&[ \t]*|"
    r"和|及|与|以及)[ \t]*(?:\n[ \t]*)?"
)
CUE = re.compile(
    r"thank|grateful|gratitude|acknowledg|indebted|appreciat|credit|contribut|help|"
    r"感谢|致谢|谢谢|感激|鸣谢|贡献",
    re.IGNORECASE,
)
READERS = re.compile(
    r"reader|suggest|recommend|contribut|comment|feedback|issue|reference|review|"
    r"读者|建议|推荐|评论|贡献",
    re.IGNORECASE,
)
# "the PhD students from [EgoAlpha Lab](...)": a place people belong to, not people; and
# what follows "the" is a group or a thing ("the PhD students"), not a name.
_AFFILIATION = re.compile(r"\b(?:(?:from|at|of|in)[ \t]+(?:the[ \t]+)?|the[ \t]+)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。！？]|[.!?](?=\s|$)|\n[ \t]*\n")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Capitalised words that start sentences or name things, not people.
_NOT_NAMES = frozenset(
    [
        "We",
        "I",
        "The",
        "This",
        "Our",
        "My",
        "Thanks",
        "Thank",
        "Special",
        "Also",
        "In",
        "For",
        "And",
        "Many",
        "Finally",
        "Moreover",
        "Furthermore",
        "Additionally",
        "Since",
        "Readers",
        "Authors",
        "Acknowledgments",
        "Acknowledgements",
        "GitHub",
        "Twitter",
        "Email",
    ]
)


@dataclass(frozen=True)
class NameList:
    """A run of names in a text: each item as written, its span, the separators between."""

    names: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    separators: tuple[str, ...]
    linked: bool  # the items are links (Markdown or \\href)
    score: tuple[int, ...] = ()

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def item_name(item: str) -> str:
    """The person's name an item holds: the text of a link, or the item itself."""
    found = ITEM.fullmatch(item)
    if not found:
        return item
    for group in ("md", "tex", "login", "plain"):
        if found.group(group):
            return found.group(group)
    return item


def _items(text: str, start: int, end: int) -> list[re.Match[str]]:
    items: list[re.Match[str]] = []
    position = start
    while position < end:
        found = ITEM.search(text, position, end)
        if not found:
            break
        words = found.group(0).split()
        follows = bool(items) and bool(SEPARATOR.fullmatch(text[items[-1].end() : found.start()]))
        if found.group("plain") and words and words[0] in _NOT_NAMES and not follows:
            # "We thank..." -- a capitalised word that is no name; the rest may be.
            position = found.start() + len(words[0])
            continue
        items.append(found)
        position = found.end()
    return items


def find_name_lists(text: str, phrase: str | None = None) -> list[NameList]:
    """Every run of names in ``text`` that a thanks word (or ``phrase``) introduces."""
    items = _items(text, 0, len(text))
    runs: list[list[re.Match[str]]] = []
    separators: list[list[str]] = []
    for item in items:
        if runs:
            between = text[runs[-1][-1].end() : item.start()]
            if between and SEPARATOR.fullmatch(between):
                runs[-1].append(item)
                separators[-1].append(between)
                continue
        runs.append([item])
        separators.append([])
    lists = []
    for run, seps in zip(runs, separators, strict=True):
        sentence_start = max(
            (m.end() for m in _SENTENCE_END.finditer(text, 0, run[0].start())), default=0
        )
        lead = text[sentence_start : run[0].start()]
        if not lead.strip() and text[:sentence_start].rstrip().endswith((":", "：")):
            # The names are a paragraph of their own after "... the following people:".
            sentence_start = _paragraph_start(text, sentence_start)
            lead = text[sentence_start : run[0].start()]
        # A colon introduces names ("... who wrote to us: A and B."), but one capitalised
        # phrase after a colon is a title's second half as often ("World: A Comprehensive
        # Survey"): alone, it needs a thanks word before it.
        introduced = (
            phrase.casefold() in lead.casefold()
            if phrase
            else bool(
                CUE.search(lead) or (len(run) >= 2 and re.search(r"[:：]\s*$", lead))
            )
        )
        if not introduced or _AFFILIATION.search(lead):
            continue
        sentence_end = _SENTENCE_END.search(text, run[-1].end())
        context = text[sentence_start : sentence_end.end() if sentence_end else len(text)]
        lists.append(
            NameList(
                tuple(m.group(0) for m in run),
                tuple((m.start(), m.end()) for m in run),
                tuple(seps),
                any(m.group("md") or m.group("tex") for m in run),
                (
                    bool(phrase) or bool(READERS.search(context)),
                    len(run) >= 2,
                    run[0].start(),
                ),
            )
        )
    return lists


def _paragraph_start(text: str, end: int) -> int:
    """Where the paragraph before ``end`` (a blank line and the names after it) starts."""
    before = text[:end].rstrip()
    return max((m.end() for m in re.finditer(r"\n[ \t]*\n", before)), default=0)


def best_name_list(text: str, phrase: str | None = None) -> NameList | None:
    """The thank-you list of ``text``: about readers if one is, else the last."""
    lists = find_name_lists(text, phrase)
    return max(lists, key=lambda found: found.score) if lists else None


def list_style(found: NameList | None, language: str, sample: str) -> tuple[str, str]:
    """(middle separator, final separator) of the list, or of a new one."""
    seps = found.separators if found else ()
    if any("、" in s for s in seps) or (not seps and language == "zh" and _CJK_CHAR.search(sample)):
        final = next((s.strip() for s in reversed(seps) if s.strip() in {"和", "及", "与"}), "和")
        return "、", final
    if any("，" in s for s in seps):
        return "，", "和" if not any("and" in s for s in seps) else " and "
    if seps and seps[-1].strip() in {"和", "及", "与", "以及"}:
        return "、", seps[-1].strip()
    if seps and not any(re.search(r"\band\b|&", s) for s in seps):
        middle = seps[-1] if seps[-1].strip() == "," else ", "
        return middle, middle  # "A, B, C": no "and" at all
    if len(seps) >= 2:
        oxford = bool(re.match(r"\s*,\s*(?:and|&)\s+", seps[-1]))
        amp = "&" in seps[-1]
        word = "&" if amp else "and"
        return ", ", f", {word} " if oxford else f" {word} "
    if seps and re.match(r"\s*,\s*(?:and|&)\s+", seps[-1]):
        return ", ", ", and "
    return ", ", " and "
