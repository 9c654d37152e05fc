"""The audit's fixes written into the files' texts, every other byte kept.

A ``Fix`` names a span of text inside one entry's lines (``line``..``end_line``):
its first occurrence there becomes the new text, through the editors' line
splicing (``bot.editors.lines``: each line keeps its own ending). Which fixes
are written: the mechanical ones (numbering, link forms), and the others only
for findings a maintainer accepted by id (a venue upgrade).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from bot.audit.findings import Finding, Fix
from bot.editors.lines import Lines


@dataclass(frozen=True)
class Applied:
    """The new texts (only files that changed) and the findings fixed in them."""

    texts: dict[str, str]
    fixed: tuple[Finding, ...]
    missed: tuple[Fix, ...]  # fixes whose old text was no longer where the finding said


def chosen(findings: Sequence[Finding], accepted: Collection[str] = ()) -> list[Finding]:
    """The findings whose fixes are written: mechanical ones, and those accepted by id."""
    return [
        x
        for x in findings
        if x.fixes and (x.id in accepted or all(fix.mechanical for fix in x.fixes))
    ]


def apply_fixes(texts: Mapping[str, str], findings: Sequence[Finding]) -> Applied:
    """``texts`` (by source name) with the findings' fixes written."""
    lines = {name: Lines.parse(text) for name, text in texts.items()}
    fixed: list[Finding] = []
    missed: list[Fix] = []
    for finding in findings:
        done = [fix for fix in finding.fixes if _apply(lines.get(fix.source), fix)]
        missed += [fix for fix in finding.fixes if fix not in done]
        if done:
            fixed.append(finding)
    new = {name: spliced.text() for name, spliced in lines.items()}
    changed = {name: text for name, text in new.items() if text != texts[name]}
    return Applied(changed, tuple(fixed), tuple(missed))


def _apply(lines: Lines | None, fix: Fix) -> bool:
    if lines is None:
        return False
    for index in range(fix.line - 1, min(max(fix.end_line, fix.line), len(lines))):
        content = lines[index]
        at = content.find(fix.old)
        if at >= 0:
            lines.replace(index, content[:at] + fix.new + content[at + len(fix.old) :])
            return True
    return False
