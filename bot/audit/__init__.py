"""``survey-bot audit``: the survey's own list checked for the problems lists collect.

The checks are pure functions over the references read from every configured
source (``bot.references``) plus what the metadata cache knows of their
identifiers; they return ``Finding`` records (``bot.audit.findings``) that the
text report, ``--json``, the Actions job summary, the dashboard and
``audit --fix`` all read.
"""

from __future__ import annotations

from bot.audit.findings import KINDS, TITLES, Finding, Fix, Place, counts

__all__ = ["KINDS", "TITLES", "Finding", "Fix", "Place", "counts"]
