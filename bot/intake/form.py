"""Read the body GitHub renders from the "Suggest a paper" issue form.

GitHub turns a submitted form into Markdown: one ``### <label>`` heading per
field, a blank line, the answer (``_No response_`` when empty) and, for
checkboxes, task-list lines (``- [X] Please do not thank me by name``).

Labels are matched forgivingly (by keywords, in English or Chinese, in any
order), so a survey that renames or reorders fields keeps working:

* *link*: "link", "URL", "identifier", "arXiv", "DOI", "链接" -> every identifier
  or link in it is a paper (several lines = several papers);
* *title*: "title", "标题", "题目" -> the title of the (first) paper, or a
  title-only suggestion when no link was given;
* *section*: "section", "chapter", "category", "章节" -> ``section``;
* *thank_as*: "thank", "acknowledg", "credit", "致谢", "署名" -> ``thank_as``;
* a block of task-list lines: a checked box that says "do not thank me" (or
  "anonymous", "不要致谢") sets ``opt_out``; other boxes are ignored;
* *why* ("why", "reason", "relevance", ...), fields about code, project pages,
  datasets ("Code link" is not the paper's link) and any unknown field: free text
  in which only identifiers on a line of their own or in a list item count as
  further papers (so "it builds on LoRA (arXiv:2106.09685)" does not suggest
  LoRA), and a BibTeX entry there is merged into the paper it describes.

A form whose link and title fields yield nothing falls back to reading the
whole body as free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.intake import freetext, hints, titles
from bot.intake.candidates import ID_KINDS, RANK_FORM, Candidate, merge
from bot.intake.text import code_blocks, mask_spans
from bot.text.normalize import title_key

_HEADING = re.compile(r"^ {0,3}###[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_NO_RESPONSE = re.compile(
    r"^\s*(?:_no response_|no response|none|n/?a|-+|无|暂无)\s*$", re.IGNORECASE
)
_TASK = re.compile(r"^\s*[-*+]\s+\[([ xX✓✔])\]\s*(.*)$")
_OPT_OUT_BOX = re.compile(
    r"(?i)\b(?:not|don'?t|no)\b.{0,40}\b(?:thank|acknowledg|credit|name|list|mention)|anonym|"
    r"不要|不用|无需|匿名|不(?:必|需要)"
)
_NOT_PAPER_LABEL = (
    r"\b(?:code|github|repo\w*|project|demo|homepage|website|dataset|video|slides|blog|twitter|model)\b"
    r"|代码|项目|主页|数据集"
)
_SEP = 1_000_000  # offsets of one form field are kept apart from the next


@dataclass
class FormField:
    label: str
    kind: str  # link | title | section | thank_as | checkboxes | why
    value: str
    index: int
    checked: list[str] = field(default_factory=list)


def classify_label(label: str, value: str) -> str:
    text = re.sub(r"[*_`]|\(optional\)|（可选）", " ", label).strip().lower()
    lines = [line for line in value.splitlines() if line.strip()]
    if lines and all(_TASK.match(line) for line in lines):
        return "checkboxes"
    if re.search(r"thank|acknowledg|credit|致谢|署名|鸣谢", text):
        return "thank_as"
    if re.search(_NOT_PAPER_LABEL, text):
        return "why"  # "Code link", "Project page": links there are not the paper
    if re.search(
        r"link|url|identifier|\bid\b|arxiv|doi|openreview|anthology|address|链接|网址|地址|标识|编号",
        text,
    ):
        return "link"
    if re.search(r"title|标题|题目|论文名|name of (?:the )?paper|paper name", text):
        return "title"
    if re.search(r"\bwhy\b|reason|motivation|理由|原因|为什么", text):
        return "why"
    if re.search(r"section|chapter|category|where|part of|章节|部分|类别|分类|位置", text):
        return "section"
    return "why"


def split_form(body: str) -> list[FormField] | None:
    """The form's fields, or None when the body is not a rendered form."""
    code = [(b.start, b.end) for b in code_blocks(body)]
    searchable = mask_spans(body, code)
    headings = list(_HEADING.finditer(searchable))
    if not 2 <= len(headings) <= 40:
        return None  # GitHub forms have a handful of fields; 40+ headings is a document
    fields: list[FormField] = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(body)
        value = body[heading.end() : end].strip("\n")
        label = heading.group(1)
        kind = classify_label(label, value)
        if _NO_RESPONSE.match(value):
            value = ""
        form_field = FormField(label, kind, value.strip(), index)
        if kind == "checkboxes":
            form_field.checked = [
                m.group(2)
                for line in value.splitlines()
                if (m := _TASK.match(line)) and m.group(1).strip()
            ]
        fields.append(form_field)
    if not any(f.kind in ("link", "title") for f in fields):
        return None
    return fields


@dataclass
class FormResult:
    candidates: list[Candidate]
    section: str | None
    thank_as: str | None
    opt_out: bool


def read_form(title: str, fields: list[FormField]) -> FormResult:
    links = [f for f in fields if f.kind == "link"]
    titles_given = [f for f in fields if f.kind == "title" and f.value]
    others = [f for f in fields if f.kind == "why"]

    main: list[Candidate] = []
    for form_field in links:
        if not form_field.value:
            continue
        read = freetext.read("", form_field.value, allow_plain_urls=True, title_only=False)
        found = merge(_shift(read.candidates, read.body_offset, form_field.index))
        if not found and not titles_given:
            value = titles.clean_candidate(form_field.value.split("\n")[0])
            if _form_title_ok(value):
                found = [
                    Candidate(
                        pos=_pos(form_field.index, 0),
                        title=value,
                        title_rank=RANK_FORM,
                        origin="title",
                    )
                ]
        main.extend(found)

    title_lines = [
        titles.clean_candidate(line) for f in titles_given for line in f.value.splitlines()
    ]
    title_lines = [t for t in title_lines if _form_title_ok(t)]
    if title_lines:
        id_papers = [c for c in main if c.origin != "title"]
        if len(title_lines) > 1 and len(title_lines) == len(id_papers):
            for cand, value in zip(id_papers, title_lines, strict=True):
                cand.set_title(value, RANK_FORM)
        elif id_papers:
            id_papers[0].set_title(title_lines[0], RANK_FORM)
        else:
            main.append(
                Candidate(
                    pos=_pos(titles_given[0].index, 0),
                    title=title_lines[0],
                    title_rank=RANK_FORM,
                    origin="title",
                )
            )

    extra: list[Candidate] = []
    why_text = "\n\n".join(f.value for f in others if f.value)
    for form_field in others:
        if not form_field.value:
            continue
        read = freetext.read("", form_field.value, strict_ids=True, title_only=False)
        for cand in _shift(read.candidates, read.body_offset, form_field.index):
            if not (cand.has_id or cand.paper_url or cand.origin == "bibtex"):
                continue  # a project page or demo link next to the paper is not another paper
            if (
                cand.origin == "bibtex"
                and len(main) == 1
                and not _matches_any(cand, main)
                and not cand.has_id
            ):
                main[0].bibtex = main[0].bibtex or cand.bibtex
                main[0].set_title(cand.title, cand.title_rank)
                continue
            extra.append(cand)

    from_title = freetext.read(title, "", title_only=True)
    title_cands = [c for c in from_title.candidates if c.has_id or c.paper_url]
    for cand in title_cands:
        cand.pos -= _SEP
    prefix_titles = [c for c in from_title.candidates if c.origin == "title"]

    candidates = merge(main + extra + title_cands)
    if not main:
        # Nothing in the link/title fields: the reader wrote the suggestion somewhere else.
        plain = _without_form_markup(fields)
        read = freetext.read(title, plain)
        candidates = merge(read.candidates) if not read.negative else []
    elif prefix_titles and len(candidates) == 1 and not candidates[0].title:
        candidates[0].set_title(prefix_titles[0].title, prefix_titles[0].title_rank)

    section = None
    for form_field in fields:
        if form_field.kind == "section" and form_field.value:
            section = hints.normalize_section(form_field.value)
            break
    if section is None and why_text:
        section = hints.find_section(why_text)

    thank_as = None
    for form_field in fields:
        if form_field.kind == "thank_as" and form_field.value:
            thank_as = hints.clean_name(form_field.value.split("\n")[0])
            if thank_as:
                break
    if thank_as is None and why_text:
        thank_as = hints.find_thank_as(why_text)

    opt_out = any(
        _OPT_OUT_BOX.search(text) for f in fields if f.kind == "checkboxes" for text in f.checked
    )
    if not opt_out and why_text:
        opt_out = hints.wants_opt_out(why_text)
    return FormResult(candidates, section, thank_as, opt_out)


def _form_title_ok(value: str) -> bool:
    if not value or len(value) > 300 or _NO_RESPONSE.match(value):
        return False
    if re.search(r"https?://|www\.", value):
        return False
    return len(value) >= 2 and value.lower() not in {
        "title",
        "paper",
        "tbd",
        "todo",
        "same as above",
    }


def _pos(index: int, local: int) -> int:
    return index * _SEP + local


def _shift(cands: list[Candidate], body_offset: int, index: int) -> list[Candidate]:
    for cand in cands:
        cand.pos = _pos(index, max(0, cand.pos - body_offset))
    return cands


def _matches_any(cand: Candidate, others: list[Candidate]) -> bool:
    return any(
        any(getattr(cand, k) and getattr(cand, k) == getattr(o, k) for k in ID_KINDS)
        or (cand.title and title_key(cand.title) == title_key(o.title))
        for o in others
    )


def _without_form_markup(fields: list[FormField]) -> str:
    """The form's answers as plain paragraphs (headings and ``_No response_`` dropped)."""
    return "\n\n".join(f.value for f in fields if f.value and f.kind != "checkboxes")
