"""Everything survey-bot says on an issue, rendered from plain values.

Python prepares the values (sorts, picks, clips, builds safe URLs); the
templates in ``templates/`` only present them, passing every untrusted string
through the ``markdown`` filter (no markup, no raw HTML, no @-mention pings).
``language: zh`` selects the ``*.zh.md.j2`` variant of each template.

The triage comment is a pure function of the ``TriageState``: the marker and
the hidden data line are added here, outside any template, so a survey's
template override can never drop them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from bot.config import Config
from bot.config.schema import LANGUAGES
from bot.identifiers import arxiv_from_doi
from bot.issue.commands import MalformedCommand, SlashCommand, UnknownCommand
from bot.issue.state import MARKER, PaperState, RefSummary, TriageState, encode_state
from bot.render import Renderer
from bot.text.escaping import doi_url, safe_url
from bot.text.neutralize import plain

MAX_AUTHORS_SHOWN = 3


def template_name(base: str, language: str) -> str:
    """``triage-comment`` -> ``triage-comment.md.j2`` or ``triage-comment.zh.md.j2``."""
    return (
        f"{base}.{language}.md.j2"
        if language in LANGUAGES and language != "en"
        else f"{base}.md.j2"
    )


def default_section(config: Config) -> str | None:
    return config.paper_list.section if config.paper_list else None


def triage_comment(
    state: TriageState,
    config: Config,
    *,
    renderer: Renderer,
    papers_gone: bool = False,
) -> str:
    """The bot's triage comment for ``state``: marker, visible text, hidden data."""
    reader = state.reader
    visible = _render(
        "triage-comment",
        config,
        renderer,
        papers=[_paper_view(n, paper) for n, paper in enumerate(state.papers, 1)],
        count=len(state.papers),
        omitted=state.omitted,
        papers_gone=papers_gone,
        default_section=default_section(config),
        reader_name=reader.name if reader and not reader.opt_out else None,
        reader_opt_out=bool(reader and reader.opt_out),
        reader_login=reader.login if reader else None,
        reader_asked=plain(state.reader_asked) or None,  # shown to confirm: nothing in it links
        extra_thanks=[t.name for t in state.extra_thanks],
        rejected=state.rejected,
        rejected_reason=state.rejected_reason,
        since=state.since,
    )
    return f"{MARKER}\n{visible.strip()}\n\n{encode_state(state)}\n"


def command_reply(kind: str, config: Config, *, renderer: Renderer, **values: Any) -> str:
    """One paragraph answering a command: ``kind`` is accepted, rejected or an error code."""
    values.setdefault("default_section", default_section(config))
    return _render("command-reply", config, renderer, kind=kind, **values).strip()


def error_reply(command: SlashCommand, config: Config, *, renderer: Renderer) -> str:
    """The reply to an unknown or malformed command."""
    if isinstance(command, UnknownCommand):
        return command_reply("unknown", config, renderer=renderer, command=command.name)
    if isinstance(command, MalformedCommand):
        return command_reply(
            "malformed",
            config,
            renderer=renderer,
            command=command.name,
            problem=command.problem,
            detail=command.detail,
        )
    raise TypeError(f"not an error: {command!r}")


def help_reply(config: Config, *, renderer: Renderer) -> str:
    return _render("help", config, renderer, default_section=default_section(config)).strip()


def not_allowed_reply(config: Config, *, renderer: Renderer) -> str:
    return _render("not-allowed", config, renderer).strip()


def thanks_reply(
    merged: Sequence[PaperState],
    landed: Sequence[PaperState],
    pull_number: int | None,
    state: TriageState,
    config: Config,
    *,
    renderer: Renderer,
) -> str:
    """The thank-you once a reader's papers are in the survey, in one reply.

    ``merged`` went in with the batch pull request ``pull_number``, ``landed``
    were added by hand (each named with where it is); either may be empty, and
    with both empty the reply says the acknowledgements were updated in
    ``pull_number``. ``state`` is the issue's new state: whom to thank.
    """
    reader = state.reader
    return _render(
        "thanks-after-merge",
        config,
        renderer,
        titles=[paper_title(paper) for paper in merged],
        landed=[
            {"title": paper_title(paper), **_where(paper.landed)}
            for paper in landed
            if paper.landed is not None  # always, for a paper added by hand
        ],
        pull_number=pull_number,
        reader_name=reader.name if reader and not reader.opt_out else None,
        extra_thanks=[t.name for t in state.extra_thanks],
    ).strip()


def released_reply(
    version: str, titles: Sequence[str], config: Config, *, renderer: Renderer
) -> str:
    """The one comment telling a reader that a survey version ships their papers."""
    return _render("released", config, renderer, version=version, titles=list(titles)).strip()


def _render(base: str, config: Config, renderer: Renderer, **values: Any) -> str:
    return renderer.render(template_name(base, config.language), **values)


def _paper_view(n: int, paper: PaperState) -> dict[str, Any]:
    record = paper.record
    links: list[dict[str, str]] = []
    if record is not None:
        if record.arxiv:
            links.append(
                {
                    "label": f"arXiv:{record.arxiv}",
                    "url": f"https://arxiv.org/abs/{quote(record.arxiv)}",
                }
            )
        for doi in dict.fromkeys(d for d in (record.doi, record.published_doi) if d):
            if record.arxiv and arxiv_from_doi(doi):
                continue  # the preprint's own DOI: the arXiv link stands for it
            if doi_link := doi_url(doi):
                links.append({"label": f"DOI {doi}", "url": doi_link})
        url = safe_url(record.url)
        if url and not any(link["url"] == url for link in links) and "arxiv.org/abs/" not in url:
            links.append({"label": "link", "url": url})
    return {
        "n": n,
        "verdict": paper.verdict,
        "asked": paper.asked,
        "title": record.title if record and record.title else None,
        "byline": _byline(record.authors, record.year, record.venue) if record else "",
        "published": record.published_venue
        if record and record.published_venue != record.venue
        else None,
        "links": links,
        "match": _ref_view(paper.match) if paper.match else None,
        "candidates": [_ref_view(c) for c in paper.candidates],
        "why": paper.why,
        "suggested_section": paper.suggested_section,
        "proposed_section": paper.proposed_section,
        "proposed_because": [_ref_view(r) for r in paper.proposed_because],
        "accepted": paper.accepted,
        "changed": list(paper.changed),
        "section": paper.section,
        "merged_in": paper.merged_in,
        "in_pull": paper.in_pull,
        "released_in": paper.released_in,
        "earlier": [
            {"issue": e.issue, "status": e.status, "reason": e.reason} for e in paper.earlier
        ],
        "landed": _where(paper.landed) if paper.landed else None,
        "acceptable": paper.acceptable,
    }


def paper_title(paper: PaperState) -> str:
    """What the replies call a paper: its title, else what the reader wrote."""
    return paper.record.title if paper.record and paper.record.title else paper.asked


def _where(ref: RefSummary) -> dict[str, str]:
    """Where a paper added by hand is: ``label`` (``[57]`` or a key), ``place`` (``file:line``)."""
    place = f"{ref.source}:{ref.line}" if ref.source and ref.line else ref.source
    return {"label": ref.label, "place": place}


def _ref_view(ref: RefSummary) -> dict[str, Any]:
    return {
        "label": ref.label,
        "title": ref.title,
        "source": ref.source,
        "line": ref.line or None,
        "percent": round(ref.score * 100),
    }


def _byline(authors: tuple[str, ...], year: int | None, venue: str | None) -> str:
    names = [a for a in authors if a.strip().lower() != "others"]
    shown = ", ".join(names[:MAX_AUTHORS_SHOWN])
    if len(authors) > MAX_AUTHORS_SHOWN:
        shown += " et al."
    return " · ".join(str(part) for part in (shown, year, venue) if part)
