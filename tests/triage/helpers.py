"""Builders shared by the triage tests: suggestions, records, verdicts and a config."""

from __future__ import annotations

import datetime as dt
import re

from bot.batch.plan import BatchData, BatchPlan, ThanksItem, batch_data
from bot.config import Config
from bot.config.schema import AcknowledgementsTarget, PaperListTarget
from bot.editors.sections import paper_sections
from bot.issue.state import TriageState, accepted_items, thanks_only
from bot.issue.triage import IssueInfo
from bot.models import CheckResult, Query, Reference, ScoredReference, Skipped
from bot.suggestions import PaperRecord, Suggestion

THANKS = (AcknowledgementsTarget("README.md"),)
CONFIG = Config(
    paper_list=PaperListTarget(path="README.md", section="Evaluation"), acknowledgements=THANKS
)
CONFIG_ZH = Config(
    language="zh",
    paper_list=PaperListTarget(path="README.md", section="评测"),
    acknowledgements=THANKS,
)
CONFIG_NO_LIST = Config()

# The headings of the survey's paper list, as ``bot.issue.handler`` passes them to the plans: three
# sections list papers, the others (a title, parents, a new empty section) do not.
PAPER_LIST = """\
# A Survey of LLMs
## 1 Evaluation
- **Holistic Evaluation of Language Models.** *Percy Liang et al.* arXiv 2022.
## 2 Agents
### Tools
- **Toolformer: Language Models Can Teach Themselves to Use Tools.** *Timo Schick et al.* 2023.
## 3 Tuning
### Tools
## 5.2 Alignment Tuning
- **Training language models to follow instructions.** *Long Ouyang et al.* NeurIPS 2022.
## 评测
"""
SECTIONS = tuple(paper_sections(PAPER_LIST))

SURVEY_REF = Reference(
    title="A Survey of Large Language Models",
    number=57,
    key="zhao2023survey",
    authors=("Wayne Xin Zhao",),
    year=2023,
    arxiv="2303.18223",
    source="refs.bib",
    line=120,
)
OTHER_REF = Reference(
    title="Chain-of-Thought Prompting", key="wei2022chain", source="refs.bib", line=300
)

ISSUE = IssueInfo(number=7, author_login="reader1")


def cited(arxiv: str = "2303.18223") -> tuple[Suggestion, PaperRecord, CheckResult]:
    record = PaperRecord(
        title="A Survey of Large Language Models",
        authors=("Wayne Xin Zhao", "Kun Zhou", "Junyi Li", "Tianyi Tang"),
        year=2023,
        arxiv=arxiv,
        source="arxiv",
    )
    return (
        Suggestion(arxiv=arxiv),
        record,
        CheckResult(
            Query.from_record(record), "cited", match=SURVEY_REF, score=1.0, reason="arxiv-id"
        ),
    )


def new(
    arxiv: str = "2308.09662",
    title: str = "A Survey on LLM-based Autonomous Agents",
    **suggestion: object,
) -> tuple[Suggestion, PaperRecord, CheckResult]:
    record = PaperRecord(
        title=title,
        authors=("Lei Wang", "Chen Ma"),
        year=2023,
        venue="Frontiers of CS",
        arxiv=arxiv,
        doi="10.1007/s11704-024-40231-1",
        source="arxiv",
    )
    return (
        Suggestion(arxiv=arxiv, **suggestion),
        record,
        CheckResult(Query.from_record(record), "new"),
    )


def ambiguous() -> tuple[Suggestion, PaperRecord, CheckResult]:
    record = PaperRecord(
        title="Chain of Thought Prompting Elicits Reasoning",
        authors=("Jason Wei",),
        year=2022,
        source="crossref",
        doi="10.5555/3600270.3602070",
    )
    return (
        Suggestion(title="Chain of thought prompting elicits reasoning"),
        record,
        CheckResult(
            Query.from_record(record),
            "ambiguous",
            candidates=(
                ScoredReference(OTHER_REF, 0.72, "title"),
                ScoredReference(SURVEY_REF, 0.88, "title"),
            ),
        ),
    )


def unresolved() -> tuple[Suggestion, Skipped, None]:
    return (
        Suggestion(title="that paper about agents from last week"),
        Skipped("that paper about agents from last week", "no match on arXiv, Crossref or DBLP"),
        None,
    )


def unzip(*items: tuple) -> tuple[list, list, list]:
    return [i[0] for i in items], [i[1] for i in items], [i[2] for i in items]


_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
_OUR_COMMENTS = re.compile(r"<!-- survey-bot:(?:triage|data [A-Za-z0-9_-]*={0,2}) -->")


def assert_safe(text: str) -> None:
    """Pings nobody, carries no raw HTML (besides our own markers), fits in one GitHub comment."""
    assert 0 < len(text) <= 65536
    prose = _CODE.sub("", _OUR_COMMENTS.sub("", text))
    # (GitHub makes no mention of "@" after a letter, digit or "_": "mail me at a@b.org")
    assert not re.search(r"(?<![A-Za-z0-9_])@[A-Za-z0-9]", prose), "an @-mention would ping"
    assert not re.search(r"<[A-Za-z/!?]", prose), "raw HTML"
    assert text.count("```") % 2 == 0
    assert "\u202e" not in text and "\u200b\u200b" not in text


def merged_all(state: TriageState, issue: IssueInfo = ISSUE) -> BatchData:
    """The hidden data of a merged batch pull request that took all ``issue`` has pending."""
    names = thanks_only(state)
    plan = BatchPlan(
        day=dt.date(2024, 1, 2),
        added=tuple(accepted_items(state, issue.number, None)),
        thanks_added=(ThanksItem(issue.number, names),) if names else (),
    )
    return batch_data(plan, "0" * 40)
