"""survey-bot's bundled templates, shipped as the package ``bot.templates``.

A regular package (not a namespace) so that every install mode, editable ones
included, finds it through ``importlib.resources``; a survey overrides any
template with a file of the same name in ``.github/survey-bot/templates/``.
"""
