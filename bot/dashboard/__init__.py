"""The survey's dashboard: one issue, updated in place, that shows every reader suggestion.

``model`` (the entries and what the bot remembers, as data hidden in the issue
body), ``entries`` (a reader issue's triage state -> its entries), ``render``
(the body, folded to fit GitHub's limit), ``ticks`` (the checkboxes a
maintainer ticks), ``memory`` (a paper suggested again, recognised by its
ids), ``versions`` (survey versions in the changelog) are pure; ``publish``
reads and writes through the GitHub port.
"""
