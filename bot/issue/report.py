"""What one run on an issue saw and did: for the job summary, the log and the annotations."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.text.escaping import markdown


@dataclass
class Report:
    """What one run saw and did: for the job summary, the log and the annotations."""

    headline: str
    papers: list[tuple[str, str]] = field(default_factory=list)  # (paper, verdict)
    actions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        """The job summary section; every untrusted string is escaped."""
        lines = [f"### survey-bot: {markdown(self.headline)}", ""]
        if self.papers:
            lines += ["| # | paper | verdict |", "|---|---|---|"]
            lines += [
                f"| {n} | {markdown(paper)} | {markdown(verdict)} |"
                for n, (paper, verdict) in enumerate(self.papers, 1)
            ]
            lines.append("")
        lines.append("**Actions:**" if self.actions else "**Actions:** none")
        lines += [f"- {markdown(action)}" for action in self.actions]
        for title, items in (("Notes", self.notes), ("Warnings", self.warnings)):
            if items:
                lines += ["", f"**{title}:**", *(f"- {markdown(item)}" for item in items)]
        return "\n".join(lines)
