"""One exception base for everything the bot reports to a person.

Only the edges (the CLI and the Actions entry point) turn a ``SurveyBotError``
into text: one clear line, exit code 2 on the CLI, ``::error::`` in Actions.
Everything below raises, never prints.
"""

from __future__ import annotations


class SurveyBotError(Exception):
    """Base of every error the bot explains to its user."""


class InputError(SurveyBotError):
    """Bad input from the user: a missing file, an unknown format, a malformed line."""


class ConfigError(SurveyBotError):
    """The survey's ``.github/survey-bot.yml`` is missing or invalid."""


class ResolveError(SurveyBotError):
    """A metadata service could not identify a paper (per item; usually kept as data)."""


class GitHubError(SurveyBotError):
    """GitHub refused a request permanently, or kept failing after retries."""


class GitError(SurveyBotError):
    """A git operation on the survey repository failed."""


class EditError(SurveyBotError):
    """An editor cannot place an item: unknown section, unparseable file layout."""
