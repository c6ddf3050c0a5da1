"""Property tests draw the same examples on every run, so a red CI is always reproducible."""
from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, deadline=None)
settings.load_profile("repeatable")
