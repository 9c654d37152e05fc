"""``survey-bot init``: write a commented starter ``.github/survey-bot.yml``.

It looks at the repository first: ``*.bib`` files, every Markdown file that
lists papers (the README, a ``paper_list/*.md`` folder; tables included), the
README's "Update Log" / "Acknowledgments" headings (or their Chinese forms) and
its language, so that the starter config usually works as written. The default
section for new papers is set only when the list makes it clear (one section
lists papers, or a "Paper List" heading does); otherwise it is left out and
``init`` says why. Every path it writes exists. It never overwrites an existing
config without ``--force``.
"""

from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.editors.latex_cites import Leaf
    from bot.own_paper import OwnPaper

TEMPLATE = "survey-bot.yml.j2"

_SKIP_DIRS = {
    ".git",
    ".github",
    "node_modules",
    ".venv",
    "venv",
    "__pycache__",
    "build",
    "dist",
    ".tox",
}
_MAX_FILES = 20000
# Folders a site serves or a build writes (Hugo's static/ and public/, Jekyll's _site/,
# Sphinx's _build/, a pipeline's output/; build/ and dist/ are never looked at).
_SITE_DIRS = frozenset({"static", "public", "_site", "_build", "output"})
_README = re.compile(r"^readme\.(md|markdown)$", re.IGNORECASE)
_PAPER_LIST = re.compile(r"^(?:paper\s*list|papers|reading\s*list|论文(?:列表)?)\b", re.IGNORECASE)
_NOT_LISTS = re.compile(
    r"^(?:contributing|changelog|change_log|code_of_conduct|license|security)", re.I
)
_MIN_PAPERS = 3  # a Markdown file with fewer papers is not a paper list
_MIN_LEAVES = 5  # a .tex with fewer citing list items is no LaTeX paper list
_SCRIPTS = frozenset({".py", ".sh", ".js", ".rb", ".pl", ".r", ".jl"})
# Words that make a heading worth weighing as a log (a note says why one is not taken).
_CHANGELOG = re.compile(
    r"update\s*log|update\s*records?|change\s*log|updates|news|version\s*history|"
    r"release\s*notes|更新日志|更新记录",
    re.IGNORECASE,
)
# The words a log's heading is made of ("Update Log", "News and Updates", "What's New",
# "更新", "更新日志", "最新动态", as bot.editors.sections' news sections): a heading with
# another word names something else ("News Recommendation Challenges", "Updates and
# Contributions", "MOSS （更新于2023年4月21日）").
_LOG_WORDS = re.compile(
    r"latest|recent|news|updates?|logs?|change ?logs?|changes|records?|versions?|revisions?|"
    r"history|release|notes|what|s|new|and|(?:最新|最近)?(?:更新|动态|新闻)(?:日志|记录)?"
)
_LOG_FILLERS = {"latest", "recent", "what", "s", "and"}  # no log's name alone ("## S")
_LOG_FILE = re.compile(r"(?:change[-_]?log|changes|news|history)\.(?:md|markdown)", re.IGNORECASE)
# A list's title naming the papers a survey left out (systematic reviews' excluded studies).
_LEFT_OUT = re.compile(
    r"\b(?:excluded|rejected|dropped|removed|discarded)\s+(?:papers|studies|articles|works)\b|"
    r"\b(?:papers|studies|articles|works)\s+(?:excluded|rejected|dropped|removed|not included)\b",
    re.IGNORECASE,
)
# ("ack", "acks": the LaTeX environments of NeurIPS and acmart, the ACM journals' class)
_THANKS = re.compile(r"acknowledg|thanks|contributors|credits|致谢|鸣谢|^acks?$", re.IGNORECASE)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--repo",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the survey repository to look at and write into (default: .)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing config")


@dataclass
class Survey:
    """What ``init`` found in the repository, as the template's values."""

    language: str = "en"
    bib_files: list[str] = field(default_factory=list)
    other_references: list[tuple[str, str]] = field(default_factory=list)  # (path, format)
    bibtex: str | None = None
    readme: str | None = None
    # Markdown files that list papers (counted as cited), the one new papers go into,
    # and why no default section was set for it (when none was).
    paper_lists: list[str] = field(default_factory=list)
    paper_list: str | None = None
    section_note: str | None = None
    paper_section: str | None = None
    changelog_path: str | None = None
    changelog_format: str = "markdown-table"
    changelog_heading: str | None = None
    thanks_heading: str | None = None
    # Every changelog (path, format, heading) and thank-you (path, heading) found, the
    # README's first, then the LaTeX sources' (a \section*{致谢}, an itemize of versions).
    changelogs: list[tuple[str, str, str | None]] = field(default_factory=list)
    thanks: list[tuple[str, str]] = field(default_factory=list)
    own_paper: OwnPaper | None = None  # the survey's own ids and title, from its README
    notes: list[str] = field(default_factory=list)  # what was seen and left out, and why


def _repo_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            found.append(Path(directory, name).relative_to(root))
            if len(found) >= _MAX_FILES:
                return found
    return found


def _entry_count(path: Path) -> int:
    try:
        return len(
            re.findall(
                r"^\s*@\s*\w+\s*[{(]", path.read_text(encoding="utf-8", errors="replace"), re.M
            )
        )
    except OSError:
        return 0


def _numbered(path: Path) -> bool:
    """A plain-text reference list: several lines starting "[1]", "[2]", ..."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:20000]
    except OSError:
        return False
    return len(re.findall(r"^\s*\[\d+\]", head, re.M)) >= 3


def inspect(root: Path) -> Survey:
    """Look at ``root``'s files and guess the config."""
    from bot.editors.dates import find_date
    from bot.editors.sections import find_headings, section_end, section_extent
    from bot.own_paper import find_own_paper

    survey = Survey()
    files = _repo_files(root)
    readmes = [p for p in files if len(p.parts) == 1 and _README.match(p.name)]
    if readmes:
        readme = readmes[0]
        survey.readme = readme.as_posix()
        text = (root / readme).read_text(encoding="utf-8", errors="replace")
        lines = text.splitlines()
        headings = find_headings(lines)
        # The prose's language, not the papers': their titles (links, bold) are English
        # in a Chinese survey too.
        prose = re.sub(r"\[[^\]\n]*\]\([^)\s]*\)|\*\*[^*\n]+\*\*|https?://\S+", " ", text)
        cjk = len(re.findall(r"[\u4e00-\u9fff]", prose))
        latin = len(re.findall(r"[A-Za-z]", prose))
        survey.language = "zh" if cjk > latin * 0.3 else "en"
        own = find_own_paper(text)
        survey.own_paper = own or None
        if own.unclaimed and not own:
            survey.notes.append(
                f"the README's top links {', '.join(own.unclaimed)} but does not call it its "
                'own (no citation of it, no "our survey"): the survey\'s own paper is left unset'
            )
        for heading in headings:
            title = heading.title
            if survey.changelog_heading is None and (
                _CHANGELOG.search(title) or _names_a_log(title)
            ):
                body = lines[heading.line + 1 : section_end(lines, headings, heading)]
                has_table = any(line.lstrip().startswith("|") for line in body)
                has_bullets, unread = _dated_bullets(body)
                # A log's heading names it ("Update Log", "🚀 Updates"); a sentence of news
                # ("News: Our survey has been accepted ...") or prose pointing elsewhere
                # ("Updates and Contributions": see CHANGELOG.md) is no log.
                named = _names_a_log(title)
                extent = section_extent(lines, headings, heading)
                whole = lines[heading.line + 1 : extent]
                empty = not any(line.strip() for line in whole)  # subsections included
                # "## 更新日志" over "### 2026-04-05" subsections, each over its lines
                dated_sections = not (has_table or has_bullets) and any(
                    heading.line < h.line < extent and find_date(h.text, months=True)
                    for h in headings
                )
                if named and unread and not (has_table or has_bullets or dated_sections):
                    survey.notes.append(f"{title!r} is no changelog the bot can write: {unread}")
                    continue
                if not (named and (has_table or has_bullets or empty or dated_sections)):
                    survey.notes.append(
                        f"{title!r} is no changelog (a short heading over dated lines, a table "
                        "or nothing): not taken"
                    )
                    continue
                survey.changelog_heading = title
                survey.changelog_format = (
                    "sections"
                    if dated_sections
                    else "bullets"
                    if has_bullets and not has_table
                    else "markdown-table"
                )
                survey.changelog_path = survey.readme
            elif (
                survey.thanks_heading is None and _THANKS.search(title) and _names_a_section(title)
            ):
                survey.thanks_heading = title
    files = _survey_files(root, files, survey)
    bibs = [p for p in files if p.suffix.lower() == ".bib"]
    bibs.sort(key=lambda p: (-_entry_count(root / p), len(p.parts), p.as_posix()))
    survey.bib_files = [p.as_posix() for p in bibs]
    published = _published(root, files, bibs)
    edited = [p for p in bibs if p not in published]
    survey.bibtex = edited[0].as_posix() if edited else None
    if published:
        shown = [p.as_posix() for p in bibs if p in published]
        survey.notes.append(
            f"{', '.join(shown[:3])}{', ...' if len(shown) > 3 else ''}: published copies "
            "(served by a site, and written by a script of the repository or kept twice): "
            "their papers count as cited, but new entries are not written there"
        )
    for path in files:
        suffix = path.suffix.lower()
        if suffix == ".bbl" and not bibs:
            survey.other_references.append((path.as_posix(), "bbl"))
        elif (
            suffix == ".txt"
            and re.search(r"ref|bib|cite", path.name, re.I)
            and _numbered(root / path)
        ):
            survey.other_references.append((path.as_posix(), "text"))
    _find_paper_lists(root, files, survey)
    yaml_logs = [p for p in files if re.fullmatch(r"(change|update)[-_]?log\.ya?ml", p.name, re.I)]
    if survey.changelog_heading is None and yaml_logs:
        survey.changelog_path = yaml_logs[0].as_posix()
        survey.changelog_format = "yaml"
    elif survey.changelog_heading is None and (log := _dated_sections_log(root, files)):
        survey.changelog_path, survey.changelog_format = log, "sections"
    if survey.changelog_path:
        survey.changelogs.append(
            (survey.changelog_path, survey.changelog_format, survey.changelog_heading)
        )
    if survey.readme and survey.thanks_heading:
        survey.thanks.append((survey.readme, survey.thanks_heading))
    _latex_targets(root, files, survey)
    _latex_paper_list(root, files, survey)
    return survey


_DOCUMENT = re.compile(r"^[^%\n]*\\documentclass\b", re.MULTILINE)
_TITLE = re.compile(r"\\title\s*(?:\[[^\]]*\]\s*)?\{")


def _survey_files(root: Path, files: list[Path], survey: Survey) -> list[Path]:
    """``files`` without the sources of the LaTeX documents that are not the survey's.

    A repository that keeps several papers' sources (``papers/<title>/``, each with its
    ``\\documentclass``, acknowledgements and ``.bib``: the papers a reading list reads)
    is no one paper's source: those thanks, logs and bibliographies are other authors'.
    Of several document folders, the survey's is the one whose ``\\title`` is the survey's
    own paper (its README's citation); without one, none is, and a note says so. One
    document folder (its versions side by side), or folders of one title (the paper and
    its slides), are the survey's.
    """
    from bot.editors.sections import normalize_heading
    from bot.text import latex

    documents: dict[Path, set[str]] = {}  # folder -> the titles of its documents
    for path, lines in _tex_sources(root, files):
        text = "\n".join(lines)
        if _DOCUMENT.search(text):
            title = _TITLE.search(text)
            end = latex.matching_brace(text, title.end() - 1) if title else -1
            name = latex.decode(text[title.end() : end]) if title and end > 0 else ""
            documents.setdefault(path.parent, set()).add(normalize_heading(name))
    if len(documents) < 2 or len(set().union(*documents.values()) - {""}) < 2:
        return files  # one folder, or one work (the paper and its slides)
    own = survey.own_paper.title if survey.own_paper else None
    mine = {d for d, titles in documents.items() if own and normalize_heading(own) in titles}
    if not mine:
        folders = sorted(d.as_posix() for d in documents)
        shown = ", ".join(folders[:3]) + (", ..." if len(folders) > 3 else "")
        survey.notes.append(
            f"{len(folders)} LaTeX documents ({shown}), none of them the survey's own paper "
            "(its title cited in the README): their acknowledgements, logs and .bib files "
            "are other papers' and are left out"
        )

    def owner(path: Path) -> Path | None:
        """The deepest document folder holding ``path``."""
        holding = [d for d in documents if d in path.parents]
        return max(holding, key=lambda d: len(d.parts), default=None)

    return [path for path in files if (folder := owner(path)) is None or folder in mine]


def _published(root: Path, files: list[Path], bibs: list[Path]) -> set[Path]:
    """The .bib files that are a site's published copies, not the survey's own source.

    A .bib a site serves (in one of ``_SITE_DIRS``) is a copy when a build script of the
    repository names it (aghribi/acc-ml-living-review's exporter writes
    ``site/static/downloads/livingreview.bib`` from its database), or when the repository
    keeps it twice (the site's build copies ``static/`` into ``public/``): a new entry
    written there is lost at the next build. One a site serves and nothing writes is kept
    by hand (tonyauyeung/ml4mol-paper-list's ``static/_bibliography/papers.bib``, which the
    site's JavaScript reads), and is the survey's own."""
    served = [p for p in bibs if _SITE_DIRS.intersection(p.parts[:-1])]
    if not served:
        return set()
    contents = Counter(_read(root / p) for p in bibs)
    scripts = "\n".join(
        _read(root / p)
        for p in files
        if (p.suffix.lower() in _SCRIPTS and p.suffix.lower() != ".js") or p.name == "Makefile"
    )  # (not the site's JavaScript, which reads the file it shows)
    return {
        p for p in served
        if p.name in scripts or ((text := _read(root / p)).strip() and contents[text] > 1)
    }  # fmt: skip


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _names_a_section(title: str) -> bool:
    """Whether a heading is a section's name ("Update Log", "👏 Acknowledgements", "致谢")
    rather than a sentence set as a heading ("We appreciate any useful suggestions ...
    Thanks for your cooperation!", "News: Our survey has been accepted ..."), which only
    mentions thanks or news on its way."""
    return len(re.findall(r"\w+", title)) <= 4


def _dated_bullets(body: list[str]) -> tuple[bool, str | None]:
    """Whether a section's bullets are dated and, where their dates have a two-digit
    year in an order their values leave open ("[04/05/06]"), why they are not read."""
    import datetime as dt

    from bot.editors.dates import find_date
    from bot.editors.two_digit_years import two_digit_years

    bullets = [line for line in body if re.match(r"^\s*[-*+•]", line)]
    years = two_digit_years(bullets, dt.date.today())
    two_digit = years.kind if years else None
    dated = any(find_date(line, months=True, two_digit=two_digit) for line in bullets)
    return dated, years.unread() if years and not two_digit else None


def _a_sentence(title: str) -> bool:
    """Whether a heading is prose set large ("We appreciate any useful suggestions ...
    Please raise issues or send an email to ... Thanks for your cooperation!") rather
    than a section's name: more than one sentence, an e-mail address, or too many words
    for a name."""
    # a word's end, then another sentence: not "2.1. Models", "Vol. 2", "e.g. X"
    sentences = re.search(r"[^\W\d_]{3}[.!?]\s+[A-Z]|[。！？]\s*\S", title)
    return bool(sentences or "@" in title or len(re.findall(r"\w+", title)) > 20)


def _names_a_log(title: str) -> bool:
    """Whether a heading names a changelog, made of a log's words only."""
    from bot.editors.sections import normalize_heading

    words = normalize_heading(title).split()
    return all(_LOG_WORDS.fullmatch(word) for word in words) and bool(
        set(words) - _LOG_FILLERS
    )


def _dated_sections_log(root: Path, files: list[Path]) -> str | None:
    """A top-level CHANGELOG.md (CHANGES, NEWS, HISTORY) of dated headings, if there is one."""
    from bot.editors.dates import find_date
    from bot.editors.sections import find_headings

    for path in files:
        if len(path.parts) == 1 and _LOG_FILE.fullmatch(path.name):
            try:
                lines = (root / path).read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            if any(find_date(h.text, months=True) for h in find_headings(lines)):
                return path.as_posix()
    return None


def _tex_sources(root: Path, files: list[Path]) -> Iterator[tuple[Path, list[str]]]:
    """Each readable ``.tex`` file of the survey, with its lines."""
    for path in files:
        if path.suffix.lower() != ".tex":
            continue
        try:
            yield path, (root / path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue


def _latex_targets(root: Path, files: list[Path], survey: Survey) -> None:
    """The thank-you and changelog sections of the survey's LaTeX sources.

    A class's sample acknowledgements left in a template the repository keeps are no
    thank-you (a note says why). Without any thank-you section, thanks written in the
    title's ``\\thanks{...}`` footnote are said to be there and not written into: a
    footnote on the first page is the authors' and their funders' (and the editor adds
    sentences to a section, never inside a command's argument)."""
    from bot.editors.latex_sections import find_sections
    from bot.text.template_text import sample_text

    footnotes: list[tuple[str, str]] = []
    for path, lines in _tex_sources(root, files):
        for section in find_sections(lines):
            body = "\n".join(lines[section.body : section.end])
            if _THANKS.search(section.title):
                if why := sample_text(body):
                    survey.notes.append(
                        f"{path.as_posix()} > {section.title} is a document class's sample "
                        f"text ({why}): no thank-you, not written into"
                    )
                    continue
                survey.thanks.append((path.as_posix(), section.title))
            elif _names_a_log(section.title) and re.search(
                r"\\begin\{(?:itemize|enumerate|description)\}", body
            ):
                survey.changelogs.append((path.as_posix(), "latex", section.title))
        footnotes += [(path.as_posix(), text) for text in _thanking_footnotes(lines)]
    if footnotes and not survey.thanks:
        from bot.issue.triage import clip

        where, text = footnotes[0]
        survey.notes.append(
            f"{where} thanks people only in a \\thanks footnote ({clip(text, 80)!r}): a "
            "footnote is no acknowledgements section, so readers are not thanked there; "
            "to thank them, add a \\section*{Acknowledgements} and list it under "
            "acknowledgements:"
        )


_FOOTNOTE = re.compile(r"\\thanks\s*\{")
_THANKING = re.compile(r"\b(?:thank|acknowledg|grateful|indebted|feedback)", re.IGNORECASE)


def _thanking_footnotes(lines: list[str]) -> Iterator[str]:
    """The text of each ``\\thanks{...}`` that thanks someone (not an affiliation)."""
    from bot.text import latex

    text = "\n".join(_uncommented(line) for line in lines)
    for found in _FOOTNOTE.finditer(text):
        end = latex.matching_brace(text, found.end() - 1)
        words = latex.decode(text[found.end() : end]) if end > 0 else ""
        if _THANKING.search(words):
            yield words


def _latex_paper_list(root: Path, files: list[Path], survey: Survey) -> None:
    """A LaTeX paper list (``\\item Label~\\cite{...}`` leaves, HEPML's living review) is
    where new papers go when the survey keeps no Markdown list, or when its Markdown list
    is written from the LaTeX one by a script of the repository: a paper added to a
    generated README would be lost at the script's next run."""
    from bot.editors.latex_cites import leaves

    if survey.bibtex is None:
        return  # the list cites BibTeX keys: without a .bib there is nothing to cite
    found = [
        (count, path.as_posix())
        for path, lines in _tex_sources(root, files)
        if (count := len(cited := _named_leaves(lines, leaves(lines)))) >= _MIN_LEAVES
        and _lists_its_citations(lines, {leaf.line for leaf in cited})
    ]
    if not found:
        return
    count, tex = max(found, key=lambda item: (item[0], item[1]))
    if survey.paper_list is not None:
        writer = _writer(root, files, tex, survey.paper_list)
        if writer is None:
            return
        survey.notes.append(
            f"{survey.paper_list} is written by {writer} from {tex}: new papers are cited "
            f"in {tex}, and the papers of {survey.paper_list} count as cited"
        )
    survey.paper_list, survey.paper_section = tex, None
    survey.section_note = (
        f"{tex} cites papers in {count} list items: each paper is cited in the item "
        "/accept section: names"
    )


_CITE = re.compile(r"\\cite[a-zA-Z]*\*?\s*(?:\[[^\]]*\]\s*)*\{")
_COMMAND = re.compile(r"\\[a-zA-Z]+\*?(?:\[[^\]]*\])*(?:\{[^{}]*\})*")  # with its arguments
_WORD = re.compile(r"[^\W\d_]{2,}")
_NAME_WORDS = 15  # a topic's name or a paper's title; more is a sentence


def _named_leaves(lines: list[str], cited: list[Leaf]) -> list[Leaf]:
    """The citing items that name a topic or a title and cite (HEPML's ``\\item
    \\textbf{Estimation}~\\cite{...}``, QPPQ's tags and citations after a name): not the
    sentences a survey itemizes about its papers ("Zhang et al.~\\cite{zhang2021survey}
    apresentam um survey ...", "\\textbf{SISA:} Consiste em dividir os dados ...
    \\cite{...}"), which go on after their citation or run longer than a name. A new
    paper's key has no place in a sentence about another paper."""

    def words(text: str) -> int:
        return len(_WORD.findall(_COMMAND.sub(" ", _uncommented(text))))

    return [
        leaf
        for leaf in cited
        if words(lines[leaf.line][leaf.keys_end :]) < 3 and words(lines[leaf.line]) <= _NAME_WORDS
    ]


def _uncommented(line: str) -> str:
    """A LaTeX line without its comment (``%`` not escaped)."""
    return re.sub(r"(?<!\\)%.*", "", line)


def _lists_its_citations(lines: list[str], items: set[int]) -> bool:
    """Whether a .tex file's citing list items (the lines ``items``) hold most of its
    citations. A living review lists papers: nearly all its citations are in its list
    (HEPML, QPPQ: all but the review's own and a tool's). A survey's text that itemizes
    a few remarks ("\\item \\textbf{Knowledge Graphs}: ... quality~\\cite{...}") cites
    most papers in its prose, and a new paper has no place among those remarks."""
    counts = [len(_CITE.findall(_uncommented(line))) for line in lines]
    listed = sum(counts[index] for index in items)
    return listed * 2 > sum(counts)


def _writer(root: Path, files: list[Path], source: str, written: str) -> str | None:
    """A script of the repository that names both files (reads one, writes the other)."""
    names = (Path(source).name, Path(written).name)
    for path in files:
        if path.suffix.lower() not in _SCRIPTS and path.name != "Makefile":
            continue
        if all(name in _read(root / path) for name in names):
            return path.as_posix()
    return None


def _find_paper_lists(root: Path, files: list[Path], survey: Survey) -> None:
    """Every Markdown file that lists papers; the one new papers go into, and its section."""
    from bot.editors.sections import find_headings
    from bot.references.markdown import parse

    counts: dict[str, int] = {}
    notes: list[str] = []
    for path in files:
        if path.suffix.lower() not in (".md", ".markdown") or _NOT_LISTS.match(path.name):
            continue
        try:
            text = (root / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if not (papers := len(parse(text).references)):
            continue
        # "# Migration: dropped papers", "Excluded studies": the papers the survey left
        # out are not cited by it, and new papers do not join them.
        title = next(iter(find_headings(text.splitlines())), None)
        if title and _LEFT_OUT.search(title.title):
            survey.notes.append(
                f"{path.as_posix()} lists papers left out ({title.title!r}): they do not "
                "count as cited, and new papers do not go there"
            )
            continue
        # (never the README: a list's front page is read as one wherever it names papers,
        # yaodongC/awesome-instruction-dataset's, four of its datasets read as papers, too)
        if path.as_posix() != survey.readme and _notes(text, papers):
            if papers >= _MIN_PAPERS:  # (fewer make no list anyway: nothing to say)
                notes.append(path.as_posix())
            continue
        counts[path.as_posix()] = papers
    if notes:
        shown = ", ".join(notes[:3]) + (f" and {len(notes) - 3} more" if len(notes) > 3 else "")
        survey.notes.append(
            f"{shown}: a few papers among many more lines of notes or instructions, most "
            "linking nothing (reading notes, a prompt): no paper list, not counted as cited"
        )
    # A file with a paper or two is a list when it stands beside one (``paper_list/*.md``);
    # alone, it is more likely a page that cites a few (a contributing guide, a changelog).
    folders = {str(Path(p).parent) for p, n in counts.items() if n >= _MIN_PAPERS}
    counts = {
        p: n for p, n in counts.items()
        if n >= _MIN_PAPERS or (str(Path(p).parent) in folders and "/" in p)
    }  # fmt: skip
    # The README first when it lists papers, then the other lists, folder by folder.
    survey.paper_lists = sorted(counts, key=lambda p: (p != survey.readme, p.count("/"), p))
    if not survey.paper_lists:
        return
    main = survey.readme if survey.readme in counts else max(counts, key=lambda p: (counts[p], p))
    survey.paper_list = main
    text = (root / main).read_text(encoding="utf-8", errors="replace")
    survey.paper_section, survey.section_note = _default_section(text)


_ITEM = re.compile(r"^(?:[-*+•]|\d{1,4}[.)])[ \t]+\S|^\|", re.MULTILINE)
_LINKS = re.compile(r"https?://|\]\(")


def _notes(text: str, papers: int) -> bool:
    """Whether a Markdown file that names a few papers is notes rather than a list of them.

    A paper list's items are entries: papers, and the tools and pages beside them, which
    link somewhere even when the reader cannot read them (an unusual citation style). A
    reader's notes (MattSkala/meshnet-survey's NOTES.md: 5 papers among 111 items, most
    of them remarks such as "- social networks difficult to bootstrap") or a prompt's
    instructions (cremarco/kg-exploration-survey's prompt.md: "* **id**: string,
    required.") hold far more items than papers, most of them linking nothing. Only the
    file's own items count, not those nested under an entry (its fields, its notes)."""
    items = [line for line in text.splitlines() if _ITEM.match(line)]
    unlinked = sum(1 for line in items if not _LINKS.search(line))
    return papers * 10 < len(items) and unlinked * 2 > len(items)


def _default_section(text: str) -> tuple[str | None, str | None]:
    """The heading new papers go under when ``/accept`` names none, or why there is none.

    Only a heading whose section lists papers counts (never a figure, a table of
    contents, prose, or a sentence set as a heading over the survey's own paper): the
    only one that does, or one named "Paper List", "Papers" or "论文" that does. With
    several and no such name, a guess would put papers in the wrong place: none is set.
    """
    from bot.editors.sections import find_headings, normalize_heading, paper_targets, short_path

    targets = paper_targets(text)
    holding = [h for h in targets if h.holds_papers and not _a_sentence(h.title)]
    if len(holding) == 1:
        return holding[0].title, None
    named = [h for h in holding if _PAPER_LIST.search(h.title)]
    if len(named) == 1:
        return named[0].title, None
    if not holding:
        return None, "no heading lists papers yet"
    # A name that repeats ("2024" under each topic) is shown by its path ("Survey > 2024").
    every = find_headings(text.splitlines())
    counts = Counter(normalize_heading(h.title) for h in holding)
    names = [
        short_path(every, h, holding) if counts[normalize_heading(h.title)] > 1 else h.title
        for h in holding
    ]
    shown = ", ".join(names[:5]) + (", ..." if len(holding) > 5 else "")
    return None, (
        f"papers are listed under {len(holding)} sections ({shown}): "
        "each paper is added where /accept section: names"
    )


def written_paths(survey: Survey) -> list[str]:
    """Every file path the config names."""
    paths: list[str | None] = [*survey.bib_files, *(path for path, _ in survey.other_references)]
    paths += [*survey.paper_lists, survey.paper_list, survey.bibtex]
    paths += [path for path, _, _ in survey.changelogs] + [path for path, _ in survey.thanks]
    return [path for path in dict.fromkeys(paths) if path]


def render_config(survey: Survey) -> str:
    from bot.render import Renderer

    return Renderer.bundled().render(TEMPLATE, s=survey)


def run(args: argparse.Namespace) -> int:
    from bot.config import CONFIG_PATH, load_config
    from bot.errors import ConfigError

    root: Path = args.repo
    if not root.is_dir():
        raise ConfigError(f"{root} is not a directory")
    target = root / CONFIG_PATH
    if target.exists() and not args.force:
        raise ConfigError(
            f"{CONFIG_PATH.as_posix()} already exists in {root}; "
            "pass --force to overwrite it (edit it by hand to keep your changes)"
        )
    survey = inspect(root)
    missing = [path for path in written_paths(survey) if not (root / path).is_file()]
    if missing:  # every path comes from the walk above: a miss here is our bug, said clearly
        raise ConfigError(f"init found files that do not exist: {', '.join(missing)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_config(survey), encoding="utf-8")
    load_config(root)  # the file we wrote must load; a failure here is our bug, reported clearly
    print(f"wrote {target}")
    found = [
        f"BibTeX: {survey.bibtex}"
        if survey.bibtex
        else f"no .bib to write into ({len(survey.bib_files)} published copies)"
        if survey.bib_files
        else "no .bib file",
        f"paper list: {survey.paper_list}"
        + (f" > {survey.paper_section}" if survey.paper_section else "")
        if survey.paper_list
        else "no paper list",
        "changelog: " + ", ".join(f"{p} ({f})" for p, f, _ in survey.changelogs)
        if survey.changelogs
        else "no changelog",
        "acknowledgements: " + ", ".join(f"{p} > {h}" for p, h in survey.thanks)
        if survey.thanks
        else "no acknowledgements heading",
        f"language: {survey.language}",
        f"the survey's own paper: {own.title or ', '.join(own.arxiv + own.doi)}"
        if (own := survey.own_paper)
        else "no citation of the survey's own paper in the README",
    ]
    print("found: " + "; ".join(found))
    others = [path for path in survey.paper_lists if path != survey.paper_list]
    if others:
        print(f"note: papers listed in {', '.join(others)} count as cited; new ones go to "
              f"{survey.paper_list}")  # fmt: skip
    if survey.paper_list and survey.section_note:
        print(f"note: no default section for new papers: {survey.section_note}")
    for note in survey.notes:
        print(f"note: {note}")
    print("review the file, then commit it")
    return 0
