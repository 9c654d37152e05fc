"""The survey's ``.github/survey-bot.yml`` as one typed, frozen object.

Read once, at the entry point; everything below receives a ``Config``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

CONFIG_PATH = Path(".github") / "survey-bot.yml"


@dataclass(frozen=True)
class ReferenceSource:
    """A file whose entries count as "already cited"."""

    path: str
    format: str | None = None  # bibtex | bbl | text | markdown; None: from extension/content


@dataclass(frozen=True)
class BibtexTarget:
    path: str


@dataclass(frozen=True)
class PaperListTarget:
    path: str
    section: str | None = None  # default heading when /accept names none


@dataclass(frozen=True)
class ChangelogTarget:
    path: str
    format: str = "markdown-table"  # markdown-table | bullets | yaml
    heading: str = "Update Log"


@dataclass(frozen=True)
class AcknowledgementsTarget:
    path: str
    heading: str = "Acknowledgments"


@dataclass(frozen=True)
class Labels:
    suggestion: str = "paper-suggestion"
    cited: str = "already-cited"
    new: str = "new-paper"
    needs_info: str = "needs-info"
    accepted: str = "accepted"
    rejected: str = "rejected"


@dataclass(frozen=True)
class BatchConfig:
    branch: str = "survey-bot/updates"
    title: str = "Add papers suggested by readers"
    author_name: str = "survey-bot"
    author_email: str = "survey-bot@users.noreply.github.com"


@dataclass(frozen=True)
class MetadataConfig:
    contact: str | None = None  # goes into the User-Agent, as the services ask
    cache: str = ".survey-bot/cache.sqlite"
    cache_days: int = 30
    timeout: float = 20.0


@dataclass(frozen=True)
class Config:
    language: str = "en"  # en | zh
    references: tuple[ReferenceSource, ...] = ()
    bibtex: BibtexTarget | None = None
    paper_list: PaperListTarget | None = None
    changelog: ChangelogTarget | None = None
    acknowledgements: AcknowledgementsTarget | None = None
    maintainers: tuple[str, ...] = ()
    labels: Labels = field(default_factory=Labels)
    batch: BatchConfig = field(default_factory=BatchConfig)
    metadata: MetadataConfig = field(default_factory=MetadataConfig)
    root: Path = Path(".")  # the survey repository's working tree
