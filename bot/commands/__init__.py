"""One module per ``survey-bot`` subcommand.

Each module defines ``NAME``, ``HELP``, ``configure(parser)`` and
``run(args) -> int``. Heavy libraries (PyGithub, GitPython, requests) are
imported inside ``run`` so that ``survey-bot --help`` starts fast.
"""
