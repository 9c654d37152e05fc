"""``survey-bot init``: write a commented starter ``.github/survey-bot.yml``.

It looks at the repository first: ``*.bib`` files, the README's paper list,
its "Update Log" / "Acknowledgments" headings (or their Chinese forms) and the
README's language, so that the starter config usually works as written. It
never overwrites an existing config without ``--force``.
"""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
_README = re.compile(r"^readme\.(md|markdown)$", re.IGNORECASE)
_PAPER_LIST = re.compile(r"paper\s*list|papers|reading\s*list|论文", re.IGNORECASE)
_CHANGELOG = re.compile(
    r"update\s*log|change\s*log|updates|news|version\s*history|更新日志|更新记录", re.IGNORECASE
)
_THANKS = re.compile(r"acknowledg|thanks|contributors|致谢|鸣谢", re.IGNORECASE)


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
    readme_is_reference: bool = False
    paper_section: str | None = None
    # When ``paper_section`` lists no paper itself: its subsections that do. A
    # paper accepted without a section would start a new list above them, so
    # the maintainer is told to pick one.
    paper_subsections: list[str] = field(default_factory=list)
    changelog_path: str | None = None
    changelog_format: str = "markdown-table"
    changelog_heading: str | None = None
    thanks_heading: str | None = None
    # Every changelog (path, format, heading) and thank-you (path, heading) found, the
    # README's first, then the LaTeX sources' (a \section*{致谢}, an itemize of versions).
    changelogs: list[tuple[str, str, str | None]] = field(default_factory=list)
    thanks: list[tuple[str, str]] = field(default_factory=list)
    own_paper: OwnPaper | None = None  # the survey's own ids and title, from its README


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
    from bot.editors.sections import find_headings, section_end
    from bot.own_paper import find_own_paper

    survey = Survey()
    files = _repo_files(root)
    bibs = [p for p in files if p.suffix.lower() == ".bib"]
    bibs.sort(key=lambda p: (-_entry_count(root / p), len(p.parts), p.as_posix()))
    survey.bib_files = [p.as_posix() for p in bibs]
    survey.bibtex = survey.bib_files[0] if bibs else None
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
    readmes = [p for p in files if len(p.parts) == 1 and _README.match(p.name)]
    if readmes:
        readme = readmes[0]
        survey.readme = readme.as_posix()
        text = (root / readme).read_text(encoding="utf-8", errors="replace")
        lines = text.splitlines()
        headings = find_headings(lines)
        cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
        latin = len(re.findall(r"[A-Za-z]", text))
        survey.language = "zh" if cjk > latin * 0.3 else "en"
        survey.own_paper = find_own_paper(text) or None
        linked_items = len(
            re.findall(
                r"^\s*(?:\d+[.)]|[-*+])\s.*(?:arxiv\.org|doi\.org|\d{4}\.\d{4,5})", text, re.M
            )
        )
        survey.readme_is_reference = linked_items >= 3
        for heading in headings:
            title = heading.title
            if survey.paper_section is None and _PAPER_LIST.search(title):
                survey.paper_section = title
            elif survey.changelog_heading is None and _CHANGELOG.search(title):
                survey.changelog_heading = title
                body = lines[heading.line + 1 : section_end(lines, headings, heading)]
                has_table = any(line.lstrip().startswith("|") for line in body)
                has_bullets = any(
                    re.match(r"^\s*[-*+•]", line) and find_date(line) for line in body
                )
                survey.changelog_format = (
                    "bullets" if has_bullets and not has_table else "markdown-table"
                )
                survey.changelog_path = survey.readme
            elif survey.thanks_heading is None and _THANKS.search(title):
                survey.thanks_heading = title
        if survey.paper_section is not None:
            survey.paper_subsections = _subsections_with_papers(text, survey.paper_section)
    yaml_logs = [p for p in files if re.fullmatch(r"(change|update)[-_]?log\.ya?ml", p.name, re.I)]
    if survey.changelog_heading is None and yaml_logs:
        survey.changelog_path = yaml_logs[0].as_posix()
        survey.changelog_format = "yaml"
    if survey.changelog_path:
        survey.changelogs.append(
            (survey.changelog_path, survey.changelog_format, survey.changelog_heading)
        )
    if survey.readme and survey.thanks_heading:
        survey.thanks.append((survey.readme, survey.thanks_heading))
    _latex_targets(root, files, survey)
    return survey


def _latex_targets(root: Path, files: list[Path], survey: Survey) -> None:
    """The thank-you and changelog sections of the survey's LaTeX sources."""
    from bot.editors.latex_sections import find_sections

    for path in files:
        if path.suffix.lower() != ".tex":
            continue
        try:
            lines = (root / path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for section in find_sections(lines):
            body = "\n".join(lines[section.body : section.end])
            if _THANKS.search(section.title):
                survey.thanks.append((path.as_posix(), section.title))
            elif _CHANGELOG.search(section.title) and re.search(
                r"\\begin\{(?:itemize|enumerate|description)\}", body
            ):
                survey.changelogs.append((path.as_posix(), "latex", section.title))


def missing_paths(root: Path, survey: Survey) -> list[str]:
    """Paths the config would name that the repository does not have (none, normally:
    init names only files it read; a check that it never writes a path that is not there)."""
    named = [p for p, _, _ in survey.changelogs] + [p for p, _ in survey.thanks]
    named += survey.bib_files + [p for p, _ in survey.other_references]
    named += [survey.readme] if survey.readme else []
    return sorted({p for p in named if not (root / p).is_file()})


def _subsections_with_papers(text: str, title: str) -> list[str]:
    """The subsections of heading ``title`` that list papers, if it lists none itself."""
    from bot.editors.lines import Lines
    from bot.editors.sections import paper_sections, section_extent

    headings = paper_sections(text)
    heading = next((h for h in headings if h.title == title), None)
    if heading is None or heading.holds_papers:
        return []
    end = section_extent(Lines.parse(text).contents, headings, heading)
    return [h.title for h in headings if heading.line < h.line < end and h.holds_papers]


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
    missing = missing_paths(root, survey)
    if missing:
        raise ConfigError(f"init found files it cannot read back: {', '.join(missing)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_config(survey), encoding="utf-8")
    load_config(root)  # the file we wrote must load; a failure here is our bug, reported clearly
    print(f"wrote {target}")
    found = [
        f"BibTeX: {survey.bibtex}" if survey.bibtex else "no .bib file",
        f"paper list: {survey.readme} > {survey.paper_section}"
        if survey.paper_section
        else "no paper list heading",
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
    if survey.paper_subsections:
        print(
            f"note: {survey.paper_section!r} lists no paper itself, only its subsections "
            f"({', '.join(survey.paper_subsections)}): a paper accepted without a section "
            "would start a new list above them; set paper_list.section to the usual one"
        )
    print("review the file, then commit it")
    return 0
