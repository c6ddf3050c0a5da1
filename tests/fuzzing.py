"""How many examples a fuzzing test draws: the full 10,000 in CI (or FUZZ=full), a few hundred otherwise."""
import os

from hypothesis import HealthCheck, settings

FULL = bool(os.environ.get("CI")) or os.environ.get("FUZZ") == "full"


def fuzz(full: int = 10_000, quick: int = 300) -> settings:
    """Settings for a fuzzing test: repeatable, no per-example deadline, `full` examples in CI."""
    return settings(max_examples=full if FULL else quick, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
