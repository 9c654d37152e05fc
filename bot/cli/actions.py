"""The GitHub Actions edge: the environment read once, annotations, the job summary.

``run_in_actions`` is the one entry both ``survey-bot run`` and ``survey-bot
batch`` (which needs no event) go through: it calls ``read_env`` exactly once,
hands the resulting :class:`ActionsEnv` and an :class:`Output` to the subcommand,
and turns a ``SurveyBotError`` into one ``::error::`` line and an exit code
(``report_failure``). ``connect_port`` builds the GitHub adapter from that
environment, the same way for both subcommands. Output back to Actions is
"workflow commands" on stdout (``::warning::...``) and Markdown appended to the
file at ``GITHUB_STEP_SUMMARY``. Messages may quote issue text, so every one is
escaped first: a ``%``, a line break or a ``::`` in a paper title must never end
the annotation early or start a workflow command of its own.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import GitError, GitHubError, InputError, SurveyBotError

if TYPE_CHECKING:
    from bot.github.pygithub import PyGithubPort
    from bot.issue.provenance import Seal

DEFAULT_API_URL = "https://api.github.com"
DEFAULT_SERVER_URL = "https://github.com"
#: Who the workflow's own ``GITHUB_TOKEN`` comments as.
ACTIONS_BOT_LOGIN = "github-actions[bot]"
#: Longest wait the GitHub adapter accepts between retries unless told otherwise.
DEFAULT_MAX_RETRY_WAIT = 60.0

_DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), ("::", "%3A%3A"))


@dataclass(frozen=True)
class ActionsEnv:
    """What a workflow run tells the bot through its environment."""

    event_name: str
    event_path: Path
    repository: str
    token: str  # issues: comments, labels, reactions (the workflow's own GITHUB_TOKEN)
    bot_login: str  # the login ``token`` comments as
    api_url: str = DEFAULT_API_URL
    server_url: str = DEFAULT_SERVER_URL
    workspace: Path = Path(".")
    step_summary: Path | None = None
    seconds_between_requests: float | None = None  # None: PyGithub's default
    seconds_between_writes: float | None = None
    max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT
    metadata_urls: dict[str, str] = field(default_factory=dict)
    # The batch's push and pull request (SURVEY_BOT_TOKEN, so that they start CI); else ``token``.
    push_token: str = ""
    state_key: str = ""  # SURVEY_BOT_STATE_KEY: signs the bot's hidden data when set

    @property
    def pull_token(self) -> str:
        return self.push_token or self.token

    def seal(self) -> Seal | None:
        """The key that signs the bot's hidden data, if the survey set one."""
        from bot.issue.provenance import Seal

        return Seal(self.state_key.encode(), self.repository) if self.state_key else None


_REPOSITORY = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+")


def read_env(environ: Mapping[str, str], cwd: Path, *, needs_event: bool = True) -> ActionsEnv:
    """The run's settings from ``environ``; ``InputError`` names the variable at fault.

    ``needs_event=False`` is for ``survey-bot batch``, which also runs outside a
    workflow: the event variables may then be missing (empty in the result).

    Two tokens, each for what it is needed for (least privilege): the issues'
    comments, labels and reactions use ``GITHUB_TOKEN`` (the workflow's own,
    limited by the job's ``permissions:``); ``SURVEY_BOT_TOKEN``, a token that
    can write contents and pull requests, serves only the batch's push and pull
    request (so that the survey's CI runs on it), and the job that reads
    readers' text never receives it. With only ``SURVEY_BOT_TOKEN`` set (outside
    Actions), it does everything.

    The bot's login is needed to tell its own comments from pasted copies;
    asking GitHub (``GET /user``) would cost a request per run and does not
    work for App tokens, so it is ``SURVEY_BOT_LOGIN`` when set, else
    ``github-actions[bot]``, who the workflow's ``GITHUB_TOKEN`` comments as.
    A ``SURVEY_BOT_TOKEN`` alone needs ``SURVEY_BOT_LOGIN``.
    """

    def get(name: str) -> str:
        return (environ.get(name) or "").strip()

    event_name, event_path = get("GITHUB_EVENT_NAME"), get("GITHUB_EVENT_PATH")
    event = {"GITHUB_EVENT_NAME": event_name, "GITHUB_EVENT_PATH": event_path}
    missing = [name for name, value in event.items() if not value]
    if needs_event and missing:
        raise InputError(
            f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set: "
            "`survey-bot run` runs inside a GitHub Actions workflow "
            "(see .github/workflows/survey-bot.yml)"
        )
    repository = get("GITHUB_REPOSITORY")
    if not _REPOSITORY.fullmatch(repository):
        raise InputError(
            f"GITHUB_REPOSITORY is {'not set' if not repository else repr(repository)}: "
            "expected owner/name"
        )
    own_token, actions_token = get("SURVEY_BOT_TOKEN"), get("GITHUB_TOKEN")
    token = actions_token or own_token
    if not token:
        raise InputError("no token: set GITHUB_TOKEN (or SURVEY_BOT_TOKEN) for this step")
    bot_login = get("SURVEY_BOT_LOGIN")
    if not bot_login:
        if not actions_token:
            raise InputError(
                "SURVEY_BOT_TOKEN is set but SURVEY_BOT_LOGIN is not: set it to the login "
                "the token comments as (e.g. my-survey-bot[bot]), so the bot finds its comments"
            )
        bot_login = ACTIONS_BOT_LOGIN
    workspace = get("GITHUB_WORKSPACE")
    max_wait = _seconds(environ, "SURVEY_BOT_MAX_RETRY_WAIT")
    summary = get("GITHUB_STEP_SUMMARY")
    return ActionsEnv(
        event_name=event_name,
        event_path=Path(event_path),
        repository=repository,
        token=token,
        bot_login=bot_login,
        api_url=(get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/"),
        server_url=(get("GITHUB_SERVER_URL") or DEFAULT_SERVER_URL).rstrip("/"),
        workspace=Path(workspace) if workspace else cwd,
        step_summary=Path(summary) if summary else None,
        seconds_between_requests=_seconds(environ, "SURVEY_BOT_SECONDS_BETWEEN_REQUESTS"),
        seconds_between_writes=_seconds(environ, "SURVEY_BOT_SECONDS_BETWEEN_WRITES"),
        max_retry_wait=DEFAULT_MAX_RETRY_WAIT if max_wait is None else max_wait,
        metadata_urls=parse_metadata_urls(get("SURVEY_BOT_METADATA_URLS")),
        push_token=own_token if own_token != token else "",
        state_key=get("SURVEY_BOT_STATE_KEY"),
    )


def connect_port(env: ActionsEnv, *, pulls: bool = False) -> PyGithubPort:
    """The GitHub adapter for ``env`` (``pulls``: for the batch's pull request, with
    ``env.pull_token``), paced and bounded as the environment says.

    Unset spacings fall back to the adapter's defaults; the retry backoff never
    exceeds the longest wait allowed, so ``SURVEY_BOT_MAX_RETRY_WAIT=0.01`` (tests)
    really bounds every sleep.
    """
    from bot.github.pacing import DEFAULT_SECONDS_BETWEEN_REQUESTS, DEFAULT_SECONDS_BETWEEN_WRITES
    from bot.github.pygithub import connect

    def pick(value: float | None, default: float) -> float:
        return default if value is None else value

    return connect(
        env.pull_token if pulls else env.token,
        env.repository,
        env.api_url,
        seconds_between_requests=pick(
            env.seconds_between_requests, DEFAULT_SECONDS_BETWEEN_REQUESTS
        ),
        seconds_between_writes=pick(env.seconds_between_writes, DEFAULT_SECONDS_BETWEEN_WRITES),
        max_wait=env.max_retry_wait,
        backoff=min(1.0, env.max_retry_wait),
    )


def _seconds(environ: Mapping[str, str], name: str) -> float | None:
    text = (environ.get(name) or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise InputError(f"{name} must be a number of seconds (0 or more), not {text!r}")
    return value


def parse_metadata_urls(text: str) -> dict[str, str]:
    """``SURVEY_BOT_METADATA_URLS``: a JSON object of service name -> base URL (tests, demo)."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"SURVEY_BOT_METADATA_URLS is not JSON: {exc.msg}") from exc
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.startswith(("http://", "https://"))
        for k, v in value.items()
    ):
        raise InputError(
            'SURVEY_BOT_METADATA_URLS must be a JSON object like {"arxiv": "http://127.0.0.1:8000"}'
        )
    return dict(value)


# --------------------------------------------------------------------------- output


def escape_data(text: str) -> str:
    """``text`` as the data of one workflow command: one line, no command inside."""
    for raw, escaped in _DATA_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def annotation(level: str, message: str) -> str:
    """``::warning::message`` (or ``error``, ``notice``), escaped."""
    if level not in {"error", "warning", "notice"}:
        raise ValueError(f"unknown annotation level {level!r}")
    return f"::{level}::{escape_data(message)}"


@dataclass
class Output:
    """Where the run reports: annotations to ``write`` (stdout), Markdown to the summary file."""

    write: Callable[[str], None]
    summary_path: Path | None = None

    def warning(self, message: str) -> None:
        self.write(annotation("warning", message))

    def error(self, message: str) -> None:
        self.write(annotation("error", message))

    def info(self, message: str) -> None:
        """A plain log line; a leading ``::`` is defused so it cannot act as a command."""
        self.write(escape_data(message) if message.lstrip().startswith("::") else message)

    def summary(self, markdown: str) -> None:
        """Append ``markdown`` to the job summary (nowhere when not in Actions)."""
        if self.summary_path is None:
            return
        with self.summary_path.open("a", encoding="utf-8") as handle:
            handle.write(markdown.rstrip("\n") + "\n\n")


def report_failure(out: Output, exc: SurveyBotError, what: str = "survey-bot") -> int:
    """Say ``exc`` once (``::error::`` and the job summary); the exit code it deserves.

    1 when GitHub or git refused or kept failing (rerunning may help), 2 for
    bad configuration or input (someone has to fix it first).
    """
    from bot.text.escaping import markdown

    message = " ".join(str(exc).split())
    out.error(message)
    out.summary(f"### {what} failed\n\n{markdown(message)}")
    return 1 if isinstance(exc, (GitHubError, GitError)) else 2


def run_in_actions(
    what: str,
    subcommand: Callable[[ActionsEnv, Output], int],
    environ: Mapping[str, str],
    cwd: Path,
    *,
    needs_event: bool = True,
) -> int:
    """Read the environment once, run ``subcommand`` with it, and map a failure to an exit code.

    The one place both subcommands' errors become output: a ``SurveyBotError`` is
    said once (``report_failure``, headed by ``what``); anything else is a bug,
    named in the job's annotations with its traceback kept. The summary file is
    known only once the environment was read, so a bad setting has no summary.
    """
    out = Output(write=lambda line: print(line, flush=True))
    try:
        env = read_env(environ, cwd, needs_event=needs_event)
        out.summary_path = env.step_summary
        return subcommand(env, out)
    except SurveyBotError as exc:
        return report_failure(out, exc, what)
    except Exception as exc:
        out.error(f"{what} crashed: {type(exc).__name__}: {' '.join(str(exc).split())}")
        raise
