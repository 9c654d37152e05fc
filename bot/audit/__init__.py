"""``survey-bot audit``: the survey's own list checked for the problems lists collect.

The checks are pure functions over the survey's sources (``Source``: name, text,
format) and what the metadata cache knows (``Knowledge``); they return
``Finding`` records (``bot.audit.findings``) that the text report, ``--json``,
the Actions job summary, the dashboard and ``audit --fix`` all read
(``load.audit_config(config, resolver)`` audits a configured survey in one
call). Checks are split by concern: ``works`` (one work listed more than once), ``numbering``,
``malformed``, ``published``; ``checks`` runs them all.
"""

from __future__ import annotations

from bot.audit.checks import audit_sources, audit_texts
from bot.audit.findings import KINDS, TITLES, Finding, Fix, Place, counts
from bot.audit.survey import Knowledge, Source

__all__ = [
    "KINDS",
    "TITLES",
    "Finding",
    "Fix",
    "Knowledge",
    "Place",
    "Source",
    "audit_sources",
    "audit_texts",
    "counts",
]
