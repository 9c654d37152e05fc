"""Make ``run_harness`` importable and register its fixtures for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run_harness import (  # noqa: F401  (fixtures)
    harness,
    metadata_cache,
    triaged,
    triaged_world,
    two_papers_triage,
    world,
)
