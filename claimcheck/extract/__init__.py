"""Extract: claims from sentences, with their figures, dates and attribution."""

from claimcheck.extract.claims import Extraction, extract, sentence_facts

__all__ = ["Extraction", "extract", "sentence_facts"]
