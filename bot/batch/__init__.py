"""The weekly pull request of accepted papers.

``plan`` decides what the batch changes (pure); ``run`` builds the branch, opens
or updates the pull request and follows up once it is merged.
"""
