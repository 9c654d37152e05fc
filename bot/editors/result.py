"""What every editor returns: the new text, what changed, and what was skipped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.models import Skipped


@dataclass(frozen=True)
class EditResult:
    """New text plus a human-readable list of changes and the items left out.

    ``added`` holds the items that really went in (``PaperItem`` with the
    resolved section heading for the list editor, ``Thanks`` for the
    acknowledgements editor), so a later step can count or thank exactly them.
    """

    text: str
    changes: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    added: tuple[Any, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.changes)


@dataclass(frozen=True)
class NoChange(EditResult):
    """Nothing to do: ``text`` is the old text unchanged, ``reason`` says why."""

    reason: str = ""


def finish(
    old: str,
    new: str,
    changes: list[str],
    skipped: list[Skipped],
    added: list[Any] | None = None,
    reason: str = "nothing to add",
) -> EditResult:
    """``EditResult`` when ``new`` differs from ``old``, else ``NoChange`` with ``reason``."""
    if new == old or not changes:
        why = reason
        if skipped:
            why = "; ".join(f"{s.what}: {s.why}" for s in skipped)
        return NoChange(text=old, skipped=tuple(skipped), reason=why)
    return EditResult(
        text=new, changes=tuple(changes), skipped=tuple(skipped), added=tuple(added or ())
    )
