"""claim-compare: numeric claims from news articles, normalised, attributed and compared."""

__version__ = "0.1.0"
