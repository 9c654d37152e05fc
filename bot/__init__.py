"""survey-bot: keeps a living literature survey up to date from reader suggestions.

The data flow, one module per step: events -> intake -> metadata -> matching ->
plan -> render/editors -> gitrepo (apply) -> github (publish).
"""

__version__ = "0.1.0"
