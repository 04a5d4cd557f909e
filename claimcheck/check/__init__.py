"""The check stage: composes embed, search, stance and store to find each claim's evidence."""

from claimcheck.check.config import CheckConfig, CheckReport
from claimcheck.check.pipeline import check

__all__ = ["CheckConfig", "CheckReport", "check"]
