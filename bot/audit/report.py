"""The audit's findings as a reader sees them: plain text, Markdown (the Actions job
summary, the pull request body) and JSON.

Finding messages quote the survey's own text (titles, links), which is
untrusted in Markdown: it is escaped for that destination (``bot.text.escaping``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.audit.findings import KINDS, TITLES, Finding, counts


def text_report(findings: Sequence[Finding]) -> str:
    """One block per finding under its kind, and the counts per kind at the end."""
    if not findings:
        return "audit: no problems found\n"
    out: list[str] = []
    for kind in KINDS:
        these = [x for x in findings if x.kind == kind]
        if not these:
            continue
        out.append(f"{TITLES[kind]} ({len(these)}):")
        for x in these:
            where = ", ".join(p.where for p in x.entries)
            out.append(f"  [{x.id}] {where}: {x.message}")
            if x.proposal:
                fixed = " (audit --fix writes it)" if _mechanical(x) else ""
                out.append(f"      fix: {x.proposal}{fixed}")
    out.append(_totals(findings))
    return "\n".join(out) + "\n"


def markdown_report(findings: Sequence[Finding], title: str = "survey-bot: audit") -> str:
    """The findings for a Markdown page (job summary, pull request body)."""
    from bot.text.escaping import markdown

    out = [f"### {title}", ""]
    if not findings:
        return "\n".join([*out, "No problems found."]) + "\n"
    out += ["| kind | findings |", "|---|---|"]
    out += [f"| {TITLES[k]} | {n} |" for k, n in counts(findings).items() if n]
    for kind in KINDS:
        these = [x for x in findings if x.kind == kind]
        if not these:
            continue
        out += ["", f"#### {TITLES[kind]}", ""]
        for x in these:
            where = ", ".join(f"`{markdown(p.where)}`" for p in x.entries)
            line = f"- `{x.id}` {where}: {markdown(x.message)}"
            if x.proposal:
                line += f"; fix: {markdown(x.proposal)}"
            out.append(line)
    return "\n".join(out) + "\n"


def json_report(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    return [x.to_json() for x in findings]


def _mechanical(finding: Finding) -> bool:
    return bool(finding.fixes) and all(fix.mechanical for fix in finding.fixes)


def _totals(findings: Sequence[Finding]) -> str:
    found = counts(findings)
    return f"{len(findings)} findings: " + ", ".join(f"{k} {n}" for k, n in found.items() if n)
