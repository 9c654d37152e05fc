"""How a list writes a value: dates, years, author lists, venue with year.

Each reader returns the value and its *form* (how it was written), each writer
takes a value and a form; a new entry is written in the form the neighbours
use most. Forms are small strings or tuples, so that the majority of a list is
a plain ``Counter``:

- dates: a format with ``{Y}`` ``{y}`` (year), ``{m}`` ``{n}`` ``{b}`` ``{B}``
  (month: padded, unpadded, ``Oct``, ``October``), ``{d}`` ``{e}`` (day:
  padded, unpadded): ``"[{Y}/{m}]"`` is not a date form, ``"{Y}/{m}"`` is;
- venue and year: ``"{v} {Y}"``, ``"{v}'{y}"``, ``"{v}{Y}"``, ``"{v}"``;
- author lists: an ``AuthorForm``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text.initials import initialled

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(MONTHS, 1)}
_MONTH_NUMBER.update({name[:3].lower(): i for i, name in enumerate(MONTHS, 1)})
_MONTH_NUMBER["sept"] = 9
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

Date = tuple[int, int | None, int | None]  # year, month, day

_ORDINAL = "st|nd|rd|th"  # "21st Jan., 2022": a day written as an ordinal

# Between a date's numbers: a full stop, a slash, a hyphen, or a hyphen that does not break
# (as a character or an HTML reference: "2024&#8209;06" keeps its line whole).
_DATE_SEPARATOR = r"(?P<s>[./\-‐‑]|&#8209;|&#x2011;)"
_DATE_SHAPES = (
    re.compile(rf"(?P<Y>(?:19|20)\d\d){_DATE_SEPARATOR}(?P<m>\d{{1,2}})(?:(?P=s)(?P<d>\d{{1,2}}))?"),
    re.compile(rf"(?P<m>\d{{1,2}}){_DATE_SEPARATOR}(?P<Y>(?:19|20)\d\d)"),
    re.compile(rf"(?P<d>\d{{1,2}})(?P<o>{_ORDINAL})?\s+(?P<b>{_MONTH}),?\s+(?P<Y>(?:19|20)\d\d)"),
    re.compile(rf"(?P<b>{_MONTH})\s+(?P<d>\d{{1,2}}),\s+(?P<Y>(?:19|20)\d\d)"),
    re.compile(rf"(?P<b>{_MONTH}),?\s+(?P<Y>(?:19|20)\d\d|\d\d)"),  # "Feb., 2026" too
)
#: Where a date may be written inside text (no glued digits or letters around it).
DATE_IN_TEXT = re.compile(
    r"(?<![\w./-])(?:(?:19|20)\d\d([./-])\d{1,2}(?:\1\d{1,2})?"
    r"|\d{1,2}[./-](?:19|20)\d\d"
    rf"|\d{{1,2}}(?:{_ORDINAL})?\s+{_MONTH},?\s+(?:19|20)\d\d"
    rf"|{_MONTH}\s+\d{{1,2}},\s+(?:19|20)\d\d"
    rf"|{_MONTH},?\s+(?:(?:19|20)\d\d|\d\d)(?!\d))"
    r"(?![\w/-]|\.\d)",
)


def full_year(text: str) -> int:
    """The year a year's digits name: ``2016``, or ``16`` (2016) and ``98`` (1998)."""
    year = int(text)
    if len(text) == 4:
        return year
    return year + (2000 if year < 70 else 1900)


# A venue's acronym with two digits of its year glued on, in a tag or a badge: "ACMMM20",
# "IEEE25" (this century's, up to 2029: "ResNet50" is no venue of 2050).
_SHORT_YEAR_GLUED = re.compile(r"(?P<v>[A-Z][A-Za-z]{1,10})(?P<y>[0-2]\d)")


def read_glued_venue(text: str) -> tuple[str, int] | None:
    """``CVPR21`` -> ``("CVPR", 2021)``: where a tag writes no space before the year."""
    found = _SHORT_YEAR_GLUED.fullmatch(text.strip())
    return (found["v"], 2000 + int(found["y"])) if found else None


def read_date(text: str) -> tuple[Date, str] | None:
    """``(year, month, day)`` and the form of a whole date string, or None.

    ``2023/05`` -> ``((2023, 5, None), "{Y}/{m}")``; ``16 Oct 2023`` ->
    ``((2023, 10, 16), "{e} {b} {Y}")``; ``June 24`` -> ``((2024, 6, None), "{B} {y}")``.
    """
    for shape in _DATE_SHAPES:
        found = shape.fullmatch(text.strip())
        if not found:
            continue
        groups = found.groupdict()
        year_text = groups["Y"]
        year = full_year(year_text)
        month, month_key = _month(groups)
        if month is None or not 1 <= month <= 12:
            continue
        day = int(groups["d"]) if groups.get("d") else None
        if day is not None and not 1 <= day <= 31:
            continue
        keys = {"Y": "{Y}" if len(year_text) == 4 else "{y}"}
        keys["b" if groups.get("b") else "m"] = month_key
        if day is not None:
            keys["d"] = "{d}" if groups["d"].startswith("0") else "{e}"
        if groups.get("o"):
            keys["o"] = "{o}"
        form = _replace_groups(found, keys)
        return (year, month, day), form.strip()
    return None


_SHORT_DATE = re.compile(r"(?P<y>[0-3]\d)\.(?P<m>0?[1-9]|1[0-2])")


def read_short_date(text: str) -> tuple[Date, str] | None:
    """``26.05`` -> ``((2026, 5, None), "{y}.{m}")``: a year's last two digits and a month.
    Read only where a date is expected (after a venue's name: "`arXiv 26.05`"), since
    alone it is as much a version or a score."""
    found = _SHORT_DATE.fullmatch(text.strip())
    if found is None:
        return None
    month = found["m"]
    form = "{y}." + ("{m}" if len(month) == 2 else "{n}")
    return (2000 + int(found["y"]), int(month), None), form


def _month(groups: dict[str, str | None]) -> tuple[int | None, str]:
    if groups.get("b"):
        word = str(groups["b"]).rstrip(".")
        number = _MONTH_NUMBER.get(word.lower())
        if number is None:
            return None, ""
        full = MONTHS[number - 1]
        dot = "." if str(groups["b"]).endswith(".") else ""
        key = "{B}" if word == full else "{b}" if word == full[:3] else "{b4}"
        return number, key + dot
    text = str(groups["m"])
    return int(text), "{m}" if len(text) == 2 else "{n}"  # "10" fits both: the common "{m}"


def _replace_groups(found: re.Match[str], keys: dict[str, str]) -> str:
    text = found.group(0)
    pieces = []
    at = 0
    spans = sorted(
        (found.start(name) - found.start(), found.end(name) - found.start(), key)
        for name, key in keys.items()
    )
    for start, end, key in spans:
        pieces.append(text[at:start].replace("{", "{{").replace("}", "}}"))
        pieces.append(key)
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def write_date(date: Date, form: str) -> str | None:
    """``date`` in ``form``; None when the form needs a month or day the date lacks."""
    year, month, day = date
    needs_month = any(key in form for key in ("{m}", "{n}", "{b", "{B}"))
    needs_day = "{d}" in form or "{e}" in form
    if (needs_month and month is None) or (needs_day and day is None):
        return None
    name = MONTHS[month - 1] if month else ""
    return form.format(
        Y=f"{year:04d}",
        y=f"{year % 100:02d}",
        m=f"{month or 0:02d}",
        n=str(month or ""),
        b=name[:3],
        b4="Sept" if month == 9 else name[:3],
        B=name,
        d=f"{day or 0:02d}",
        e=str(day or ""),
        o=_ordinal(day or 0),
    )


def _ordinal(day: int) -> str:
    """The suffix that makes ``day`` an ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st."""
    if day % 10 in (1, 2, 3) and day not in (11, 12, 13):
        return ("st", "nd", "rd")[day % 10 - 1]
    return "th"


def coarser(form: str, date: Date) -> str:
    """``form`` without the parts ``date`` does not know: ``16 Oct 2023`` -> ``Oct 2023``
    for a month, ``2023`` for a year (a paper's day is rarely known, its month often is)."""
    _, month, day = date
    if day is None:
        form = _drop(form, r"\{[de]\}(?:\{o\})?")
    if month is None:
        form = _drop(form, r"\{(?:m|n|b|b4|B)\}\.?")
    return form


def _drop(form: str, part: str) -> str:
    """``form`` without ``part`` and the separator after it (or, last, before it)."""
    dropped = re.sub(part + r"[ ,./-]+", "", form, count=1)
    return dropped if dropped != form else re.sub(r"[ ,./-]*" + part, "", form, count=1)


def informative(form: str, date: Date) -> bool:
    """Does this date show how the list writes months (``05``, ``Jun``) and days (``06``)?

    ``2021.11`` fits both ``{m}`` and ``{n}``, ``24 Sep 2022`` both ``{d}`` and ``{e}``,
    ``May 2024`` both ``{b}`` and ``{B}``: such forms do not vote.
    """
    _, month, day = date
    month_shown = "{m}" in form or "{n}" in form
    named = "{b" in form or "{B}" in form
    day_shown = "{d}" in form or "{e}" in form
    return not (
        (month_shown and month is not None and month >= 10)
        or (named and month == 5)  # "May" is May in full and short
        or (day_shown and day is not None and day >= 10)
    )


def same_form(form: str, other: str, date: Date) -> bool:
    """Do the two forms write ``date`` the same way (a padded ``11`` equals an unpadded one)?"""
    return write_date(date, form) == write_date(date, other)


# --------------------------------------------------------------------------- venue and year

# (never the last digits of a number: "arXiv:2405.12094" names no year 2094)
_YEAR_AT_END = re.compile(
    r"(?P<sep>\s*,?\s*|['’‘])(?<![\d.:/])(?P<year>(?:19|20)\d\d|(?<=['’‘])\d\d)$"
)
# Two digits after an acronym and a space: "ICLR 24", "CIKM 23", "NeurIPS 23", "arXiv 23"
# (a word of two capitals or more; "Qwen 25", "Top 10" name no venue with a year).
_SHORT_YEAR = re.compile(
    r"\b(?:[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[Aa]r[Xx]iv)(?P<sep> )(?P<year>\d\d)$"
)
_YEAR_GLUED = re.compile(
    r"^(?P<venue>[A-Za-z][A-Za-z&-]*?)(?P<year>(?:19|20)\d\d)(?P<rest>[a-z]?)$"
)
# The year in parentheses after the venue: "NeurIPS (2024)".
_YEAR_IN_PARENS = re.compile(r"(?P<sep>\s*\()(?P<year>(?:19|20)\d\d)\)$")
_YEAR_ANYWHERE = re.compile(
    r"(?<![\w./-])((?:19|20)\d\d)(?![\w/-]|\.\d)|(?<=[A-Za-z])['’‘](\d\d)(?![\d'’])"
    r"|(?<=[A-Z])((?:19|20)\d\d)(?=\s)"  # "ICCV2025 Highlight": glued to an acronym
)
# The year first: "2020 · SIGIR", "2023, NeurIPS", "2021 - ICLR".
_YEAR_FIRST = re.compile(r"^(?P<year>(?:19|20)\d\d)(?P<sep>\s*[·•,|:–—-]\s*)(?P<venue>[^\d\s].*)$")


def read_venue(text: str) -> tuple[str, int | None, str]:
    """Venue, year and form of a venue text: ``arXiv 2023`` -> ``("arXiv", 2023, "{v} {Y}")``.

    ``ICLR'24`` -> ``("ICLR", 2024, "{v}'{y}")``, ``ICLR 24`` -> ``("ICLR", 2024, "{v} {y}")``;
    ``2020 · SIGIR`` -> ``("SIGIR", 2020,
    "{Y} · {v}")``; ``EMNLP2016`` -> ``("EMNLP", 2016,
    "{v}{Y}")``; ``NeurIPS (2024)`` -> ``("NeurIPS", 2024, "{v} ({Y})")``;
    ``CVPR2023w`` keeps the ``w`` as written; a year inside the text
    (``NeurIPS 2022 Datasets and Benchmarks Track``) stays in the venue (form ``""``: none).
    """
    text = text.strip()
    first = _YEAR_FIRST.match(text)
    if first:
        return first.group("venue"), int(first.group("year")), "{Y}" + first.group("sep") + "{v}"
    glued = _YEAR_GLUED.match(text)
    if glued:
        return glued.group("venue"), int(glued.group("year")), "{v}{Y}" + glued.group("rest")
    parens = _YEAR_IN_PARENS.search(text)
    if parens and parens.start() > 0:
        venue = text[: parens.start()].strip()
        return venue, int(parens.group("year")), "{v}" + parens.group("sep") + "{Y})"
    at_end = _YEAR_AT_END.search(text) or _SHORT_YEAR.search(text)
    if at_end and at_end.start("sep") > 0:
        year_text = at_end.group("year")
        year = full_year(year_text)
        sep = at_end.group("sep")
        key = "{Y}" if len(year_text) == 4 else "{y}"
        return text[: at_end.start("sep")].strip(), year, "{v}" + sep + key
    if re.fullmatch(r"(?:19|20)\d\d", text):
        return "", int(text), "{Y}"
    inside = _YEAR_ANYWHERE.search(text)
    if inside:  # "NeurIPS 2022 Datasets and Benchmarks Track", "ACL'25 Findings": no form
        return text, full_year(inside.group(1) or inside.group(2) or inside.group(3)), ""
    return text, None, "{v}"


def write_venue(venue: str, year: int | None, form: str) -> str:
    """``venue`` and ``year`` in ``form``; a missing part drops with its separator."""
    if year is None or ("{Y}" not in form and "{y}" not in form) or str(year) in venue:
        return venue
    if not venue:
        return str(year)
    return form.replace("{v}", venue).replace("{Y}", str(year)).replace("{y}", f"{year % 100:02d}")


# --------------------------------------------------------------------------- author lists

_ET_AL = re.compile(r"(?P<sep>,?\s*)(?P<etal>e[tl]\.?\s*al\b\.?|etc\.?)\s*$", re.IGNORECASE)
_AND = re.compile(r"(?P<sep>,?\s+(?:and|&)\s+)(?=[^,]*$)", re.IGNORECASE)


@dataclass(frozen=True)
class AuthorForm:
    """How a list writes authors: all of them, or the first (or a surname) and "et al."."""

    mode: str  # "all", "first", "surname" or "one" (a lone name: says nothing)
    sep: str = ", "
    last_sep: str = ", "
    etal: str = " et al."
    initials: bool = False  # given names as initials: "G. Hinton", "M. Zeiler and R. Fergus"
    inverted: bool = False  # "Surname, Given and Surname, Given", as BibTeX writes names


@dataclass(frozen=True)
class Authors:
    names: tuple[str, ...]
    et_al: bool


def read_authors(text: str) -> tuple[Authors, AuthorForm]:
    """Names and form of an author list as written (no emphasis around it)."""
    text = text.strip()
    et_al = _ET_AL.search(text)
    etal = ""
    if et_al and et_al.start() > 0:
        etal = et_al.group("sep") + et_al.group("etal")
        text = text[: et_al.start()].strip()
    if APA.fullmatch(text):  # "Salmon, P. M., Stanton, N. A., & Jenkins, D. P."
        names = [found.group(0) for found in _APA_NAME.finditer(text)]
        last = _APA_AND.search(text)
        mode = "all" if len(names) > 1 else "first" if etal else "one"
        last_sep = last.group(0) if last else ", "
        form = AuthorForm(mode, ", ", last_sep, etal or ", et al.", initials=True, inverted=True)
        return Authors(tuple(names), bool(etal)), form
    bibtex = INVERTED.fullmatch(text) is not None  # "Haarnoja, Tuomas and Zhou, Aurick"
    if bibtex or ("," not in text and len(re.findall(r"\s+and\s+", text)) >= 2):
        # (or "Logan Yliniemi and Adrian Agogino and Kagan Tumer": "and" between each two)
        names = [name.strip() for name in re.split(r"\s+and\s+", text)]
        form = AuthorForm("all", " and ", " and ", etal or " et al.", inverted=bibtex)
        return Authors(tuple(names), bool(etal)), form
    separator = "; " if ";" in text else ", "
    last_sep = separator
    final = _AND.search(text)
    head, tail = text, ""
    if final:
        last_sep = final.group("sep")
        head, tail = text[: final.start()], text[final.end() :]
    names = [n.strip() for n in head.split(separator.strip())] if head else []
    names = [n for n in names if n]
    if tail:
        names.append(tail.strip())
    if etal:
        single_word = len(names) == 1 and " " not in names[0] and len(names[0]) > 1
        mode = "surname" if single_word else "first"
        if len(names) > 1:
            mode = "all"
    else:
        mode = "all" if len(names) > 1 else "one"
    initials = bool(names) and all(_INITIALLED.fullmatch(name) for name in names)
    form = AuthorForm(mode, separator, last_sep, etal or " et al.", initials)
    return Authors(tuple(names), bool(etal)), form


# Two names or more, each "Surname, Given", joined by "and" (a BibTeX author field).
INVERTED = re.compile(r"[^,\n]+,[^,\n]+(?:\s+and\s+[^,\n]+,[^,\n]+)+")
# Names as APA writes them: the surname, then the initials ("Endsley, M. R."), joined by
# commas and a last "&" ("Lee, J. D., & See, K. A.").
_APA_NAME = re.compile(
    r"[A-Z\u00C0-\u024F][\w'’-]+(?:[ \t][A-Z\u00C0-\u024F][\w'’-]+)*,[ \t]"
    r"[A-Z]\.(?:[ \t]?-?[A-Z]\.)*"
)
APA = re.compile(
    rf"{_APA_NAME.pattern}(?:,[ \t]{_APA_NAME.pattern})*(?:,?[ \t]&[ \t]{_APA_NAME.pattern})?"
)
_APA_AND = re.compile(r",?[ \t]&[ \t]")
_INITIALLED = re.compile(r"(?:[A-Z]\.(?:-[A-Z]\.)?[ \t]?)+[A-Z][\w'’-]+")


def _with_initials(name: str) -> str:
    """ "Ada Lovelace" -> "A. Lovelace"; a name already so, or of one word, as it is."""
    words = name.split()
    if len(words) < 2 or _INITIALLED.fullmatch(name):
        return name
    return f"{initialled(' '.join(words[:-1]))} {words[-1]}"


def swap_name_order(name: str) -> str:
    """ "Tuomas Haarnoja" -> "Haarnoja, Tuomas" (and back: a name with a comma is turned)."""
    if "," in name:
        surname, _, given = name.partition(",")
        return f"{given.strip()} {surname.strip()}".strip()
    words = name.split()
    return f"{words[-1]}, {' '.join(words[:-1])}" if len(words) > 1 else name


def write_authors(authors: Authors, form: AuthorForm, surname: str | None = None) -> str:
    """``authors`` in ``form``; ``surname`` is the first author's surname for that mode."""
    names = list(authors.names)
    if not names:
        return ""
    if form.initials:  # "Ada Lovelace" in a list of "G. Hinton" (or of "Hinton, G.")
        names = [name if "," in name else _with_initials(name) for name in names]
    # "Tuomas Haarnoja" in a list of "Haarnoja, Tuomas", and the other way round
    names = [name if ("," in name) == form.inverted else swap_name_order(name) for name in names]
    more = authors.et_al or len(names) > 1
    if form.mode in ("first", "surname"):
        first = surname if form.mode == "surname" and surname else names[0]
        return first + (form.etal if more else "")
    # (the names before "et al." are not the last: "Stanton, N. A., Stewart, R., et al.")
    last_sep = form.sep if authors.et_al else form.last_sep
    text = names[0] if len(names) == 1 else form.sep.join(names[:-1]) + last_sep + names[-1]
    return text + (form.etal if authors.et_al else "")
