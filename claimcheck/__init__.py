"""claimcheck: claim verification and provenance tracking for contested reporting."""

__version__ = "0.1.0"
