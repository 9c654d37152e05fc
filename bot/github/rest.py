"""GitHub's REST answers -> the port's plain records, and the ``Link`` header's pages.

Pure functions over JSON and headers, shared by :mod:`bot.github.pygithub`;
no PyGithub object ever reaches them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.github.port import Comment, IssueData, PullData


def user(data: Mapping[str, Any] | None) -> tuple[str, str]:
    user = data or {}
    return str(user.get("login") or "ghost"), str(user.get("type") or "User")


def comment(data: Mapping[str, Any]) -> Comment:
    login, kind = user(data.get("user"))
    on = re.search(r"/issues/(\d+)$", str(data.get("issue_url") or ""))
    return Comment(
        id=int(data["id"]),
        body=str(data.get("body") or ""),
        author=login,
        author_type=kind,
        html_url=str(data.get("html_url") or ""),
        created_at=str(data.get("created_at") or ""),
        updated_at=str(data.get("updated_at") or ""),
        issue=int(on.group(1)) if on else 0,
        association=str(data.get("author_association") or "").upper(),
    )


def label_name(label: Any) -> str:
    return str(label.get("name", "")) if isinstance(label, Mapping) else str(label)


def issue(data: Mapping[str, Any]) -> IssueData:
    login, kind = user(data.get("user"))
    return IssueData(
        number=int(data["number"]),
        title=str(data.get("title") or ""),
        body=str(data.get("body") or ""),
        author=login,
        labels=tuple(label_name(label) for label in data.get("labels") or ()),
        state=str(data.get("state") or "open"),
        author_type=kind,
        html_url=str(data.get("html_url") or ""),
        is_pull="pull_request" in data,
        created_at=str(data.get("created_at") or ""),
    )


def pull(data: Mapping[str, Any]) -> PullData:
    return PullData(
        number=int(data["number"]),
        title=str(data.get("title") or ""),
        body=str(data.get("body") or ""),
        state=str(data.get("state") or "open"),
        merged=bool(data.get("merged") or data.get("merged_at")),
        head=str((data.get("head") or {}).get("ref") or ""),
        base=str((data.get("base") or {}).get("ref") or ""),
        html_url=str(data.get("html_url") or ""),
        merged_at=data.get("merged_at"),
        head_sha=str((data.get("head") or {}).get("sha") or ""),
    )


def since(stamp: str, moment: float) -> bool:
    """Whether GitHub's ``stamp`` is at or after ``moment`` (unparseable: assume yes)."""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return True
    return when.timestamp() >= moment


def last_page(header: str | None) -> int:
    """The number of the last page a ``Link`` header names; 1 when there is no other page."""
    for part in (header or "").split(","):
        m = re.match(r'\s*<([^>]+)>\s*;\s*rel="last"', part)
        if m:
            page = re.search(r"[?&]page=(\d+)", m.group(1))
            return int(page.group(1)) if page else 1
    return 1


def next_link(header: str | None) -> str | None:
    for part in (header or "").split(","):
        m = re.match(r'\s*<([^>]+)>\s*;\s*rel="next"', part)
        if m:
            return m.group(1)
    return None
