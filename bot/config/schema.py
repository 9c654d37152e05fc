"""survey-bot's keys in ``.github/survey-bot.yml``: the dataclasses, their defaults and docs.

Every key is declared by a dataclass field below, with its default and a
one-line doc in the field's metadata (:func:`bot.config.validate.doc`);
validation, the did-you-mean for unknown keys and the generated reference
(``docs/config.md``, see :func:`reference_markdown`) all come from these
declarations through :mod:`bot.config.validate`, which knows no key of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.config.validate import doc, reference_table
from bot.paths import METADATA_CACHE

LANGUAGES = ("en", "zh")
REFERENCE_FORMATS = ("bibtex", "bbl", "text", "markdown")
CHANGELOG_FORMATS = ("markdown-table", "bullets", "latex", "yaml", "sections")
VERSION_POLICIES = ("bump", "none")
# Common near-misses, for the did-you-mean of a wrong choice.
ALIASES = {
    "md": "markdown",
    "bib": "bibtex",
    "txt": "text",
    "plain": "text",
    "tex": "bibtex",
    "table": "markdown-table",
    "markdown": "markdown-table",
    "list": "bullets",
    "bullet": "bullets",
    "yml": "yaml",
    "english": "en",
    "chinese": "zh",
    "cn": "zh",
    "zh-cn": "zh",
    "zh_cn": "zh",
}


@dataclass(frozen=True)
class ReferenceSource:
    """A file whose entries count as "already cited"."""

    # path: the file, relative to the repository root
    path: str = field(
        metadata=doc(
            "File whose entries count as already cited, relative to the repository root.", path=True
        )
    )
    # format: bibtex | bbl | text | markdown; None: from extension/content
    format: str | None = field(
        default=None,
        metadata=doc(
            "One of bibtex, bbl, text, markdown; omitted: from the extension (.bib .bbl .txt .md).",
            choices=REFERENCE_FORMATS,
        ),
    )


@dataclass(frozen=True)
class BibtexTarget:
    # path: the .bib file new entries are appended to (or inserted into, when its keys are sorted)
    path: str = field(metadata=doc("The .bib file new BibTeX entries go into.", path=True))


@dataclass(frozen=True)
class PaperListTarget:
    # path: the Markdown file holding the paper list
    path: str = field(metadata=doc("The Markdown file holding the paper list.", path=True))
    # section: default heading when /accept names none
    section: str | None = field(
        default=None, metadata=doc("Heading new papers go under when /accept names none.")
    )


@dataclass(frozen=True)
class ChangelogTarget:
    # path: the file holding the changelog
    path: str = field(
        metadata=doc(
            "The file holding the changelog (a README, the survey's .tex, a CHANGELOG.md, or a "
            "YAML data file).",
            path=True,
        )
    )
    # format: markdown-table | bullets | yaml | latex | sections
    format: str = field(
        default="markdown-table",
        metadata=doc(
            "markdown-table (a Version | Time | Update Content table), bullets, "
            "yaml (a data file), latex (an itemize/description in a .tex file), or sections "
            "(dated headings, '## 2024-05-01', each over its bullets: a file of them, or the "
            "subsections of the heading below).",
            choices=CHANGELOG_FORMATS,
        ),
    )
    # heading: the heading above the table or bullets (unused for yaml)
    heading: str = field(
        default="Update Log",
        metadata=doc(
            "The heading above the log (unused for yaml; for sections, the heading whose dated "
            "subsections make the log, when the file has it): a Markdown heading, or "
            "with format latex the title of its \\section*{...}."
        ),
    )
    # version: bump the survey's version in each new entry, or none (an update line)
    version: str = field(
        default="bump",
        metadata=doc(
            "bump: each batch's entry gets the next version (V10 -> V11), where the log has "
            "versions; none: a dated update line without a version (the survey's versions "
            "stay its own).",
            choices=VERSION_POLICIES,
        ),
    )
    # language: the wording of this log's entries when it differs from the survey's
    language: str | None = field(
        default=None,
        metadata=doc(
            "en or zh: the wording of this log's entries, when not the survey's language "
            "(a Chinese .tex beside an English README).",
            choices=LANGUAGES,
        ),
    )


@dataclass(frozen=True)
class AcknowledgementsTarget:
    # path: the file holding the thank-you sentence
    path: str = field(
        metadata=doc("The file holding the thank-you sentence or list (.md or .tex).", path=True)
    )
    # heading: the heading of the section holding it
    heading: str = field(
        default="Acknowledgments",
        metadata=doc(
            "The heading of the section holding the thanks (a Markdown heading, a LaTeX "
            "\\section*{...}, or an acknowledgements environment)."
        ),
    )
    # phrase: words of the thank-you sentence, when it is not under a heading of its own
    phrase: str | None = field(
        default=None,
        metadata=doc(
            "Words just before the names in the thank-you sentence (e.g. \"the moderators\"), "
            "to find it anywhere in the file when it has no heading of its own."
        ),
    )
    language: str | None = field(
        default=None,
        metadata=doc(
            "en or zh: the wording of a new thank-you sentence here, when not the survey's "
            "language.",
            choices=LANGUAGES,
        ),
    )


@dataclass(frozen=True)
class Labels:
    suggestion: str = field(
        default="paper-suggestion", metadata=doc("Issues that suggest a paper.", label=True)
    )
    cited: str = field(
        default="already-cited",
        metadata=doc("The suggested paper is already in the survey.", label=True),
    )
    new: str = field(
        default="new-paper",
        metadata=doc("The suggested paper is not in the survey yet.", label=True),
    )
    needs_info: str = field(
        default="needs-info", metadata=doc("The bot could not identify the paper.", label=True)
    )
    accepted: str = field(
        default="accepted", metadata=doc("A maintainer accepted the paper.", label=True)
    )
    rejected: str = field(
        default="rejected", metadata=doc("A maintainer declined the paper.", label=True)
    )


@dataclass(frozen=True)
class BatchConfig:
    branch: str = field(
        default="survey-bot/updates",
        metadata=doc("Branch of the pull request that batches accepted papers.", branch=True),
    )
    title: str = field(
        default="Add papers suggested by readers", metadata=doc("Title of that pull request.")
    )
    author_name: str = field(
        default="survey-bot", metadata=doc("Git author name of the bot's commits.")
    )
    author_email: str = field(
        default="survey-bot@users.noreply.github.com",
        metadata=doc("Git author e-mail of the bot's commits."),
    )


@dataclass(frozen=True)
class DashboardConfig:
    enabled: bool = field(
        default=False,
        metadata=doc(
            "Keep one dashboard issue listing every suggestion, with a box a maintainer ticks "
            "to accept; closing that issue turns it off again."
        ),
    )
    on_events: bool = field(
        default=True,
        metadata=doc(
            "Refresh the dashboard after each triage and each decision (2 requests each), and "
            "recall earlier suggestions of the same paper; false: only the scheduled run "
            "updates it."
        ),
    )
    title: str = field(default="Survey dashboard", metadata=doc("The dashboard issue's title."))
    label: str = field(
        default="survey-bot-dashboard",
        metadata=doc("The label the bot finds its dashboard issue by.", label=True),
    )


@dataclass(frozen=True)
class MetadataConfig:
    # contact: goes into the User-Agent, as the services ask
    contact: str | None = field(
        default=None,
        metadata=doc("Your e-mail: sent in the User-Agent, as arXiv, Crossref and OpenAlex ask."),
    )
    cache: str = field(
        default=METADATA_CACHE,
        metadata=doc("Where looked-up metadata is cached, relative to the repository.", path=True),
    )
    cache_days: int = field(
        default=30, metadata=doc("How long a cached lookup stays fresh, in days.", minimum=0)
    )
    timeout: float = field(
        default=20.0, metadata=doc("Seconds to wait for a metadata service.", minimum=0.1)
    )


@dataclass(frozen=True)
class SurveyPaper:
    """The survey's own paper: readers who name it are not suggesting a paper."""

    arxiv: tuple[str, ...] = field(
        default=(), metadata=doc("The survey's own arXiv ids: never a suggestion.")
    )
    doi: tuple[str, ...] = field(
        default=(), metadata=doc("The survey's own DOIs (preprint, published): never a suggestion.")
    )
    title: str | None = field(
        default=None, metadata=doc("The survey's own title: never a suggestion.")
    )

    @property
    def ids(self) -> tuple[str, ...]:
        """Everything that names the survey itself, as intake's ``ignore_ids`` takes it."""
        return (*self.arxiv, *self.doi, *((self.title,) if self.title else ()))


@dataclass(frozen=True)
class Config:
    # language: en | zh: wording of replies, changelog and thanks
    language: str = field(
        default="en",
        metadata=doc(
            "en or zh: the wording of replies, changelog entries and thanks.", choices=LANGUAGES
        ),
    )
    # references: every file whose entries count as "already cited"
    references: tuple[ReferenceSource, ...] = field(
        default=(),
        metadata=doc(
            'Every file whose entries count as "already cited"; '
            "omitted: the bibtex and paper_list files."
        ),
    )
    bibtex: BibtexTarget | None = field(
        default=None, metadata=doc("Optional: where new BibTeX entries go.")
    )
    paper_list: PaperListTarget | None = field(
        default=None, metadata=doc("Optional: the Markdown list new papers go into.")
    )
    changelog: tuple[ChangelogTarget, ...] = field(
        default=(),
        metadata=doc(
            "Optional: where each batch is logged; one mapping, or a list of them "
            "(a README and the paper's .tex)."
        ),
    )
    acknowledgements: tuple[AcknowledgementsTarget, ...] = field(
        default=(),
        metadata=doc(
            "Optional: where readers are thanked; one mapping, or a list of them "
            "(a README and the paper's .tex)."
        ),
    )
    # maintainers: extra logins allowed to command (repository admins/maintainers always may)
    maintainers: tuple[str, ...] = field(
        default=(),
        metadata=doc(
            "Extra GitHub logins allowed to command the bot (people with write access always may).",
            login=True,
        ),
    )
    labels: Labels = field(
        default_factory=Labels, metadata=doc("Optional overrides of the label names.")
    )
    batch: BatchConfig = field(
        default_factory=BatchConfig, metadata=doc("The pull request that batches accepted papers.")
    )
    dashboard: DashboardConfig = field(
        default_factory=DashboardConfig,
        metadata=doc("The dashboard issue: every suggestion and where it stands."),
    )
    metadata: MetadataConfig = field(
        default_factory=MetadataConfig,
        metadata=doc("Metadata lookups (arXiv, Crossref, Semantic Scholar, DBLP)."),
    )
    survey: SurveyPaper = field(
        default_factory=SurveyPaper,
        metadata=doc("The survey's own paper (init fills it from the README's citation)."),
    )
    root: Path = field(
        default=Path("."), metadata={"internal": True}
    )  # the survey repository's working tree


def reference_markdown() -> str:
    """The text of ``docs/config.md``, generated from the declarations above."""
    lines = [
        "# `.github/survey-bot.yml` reference",
        "",
        "<!-- Generated from bot/config/schema.py by `python -m bot.config`; "
        "tests/config/test_docs.py checks it is current. -->",
        "",
        "`survey-bot init` writes a commented starter file after looking at the repository.",
        "Paths are relative to the repository root and must stay inside it.",
        "Unknown keys are errors (with a did-you-mean), so a typo never goes unnoticed.",
        "",
        *reference_table(Config),
        "",
    ]
    return "\n".join(lines)
