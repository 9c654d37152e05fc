"""GitHub behind one interface.

``port`` is what the bot sees and asks (records and a Protocol); ``pygithub`` is
the real adapter, ``dryrun`` the one that records writes instead of sending them.
"""
