"""One reader issue, start to finish.

``event`` (the payload, typed) -> ``commands`` (maintainers' slash commands) ->
``triage`` (what to say and which labels, as data) -> ``state`` (the hidden
record in the bot's comment) -> ``replies`` (the text) -> ``handler`` (reads
GitHub, runs the plans, writes through the port).
"""
