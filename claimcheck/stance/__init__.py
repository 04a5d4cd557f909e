"""Stance: whether a passage supports, contradicts or only relates to a claim, and why."""

from claimcheck.stance.base import Kind, Label, Side, Stance, Thresholds
from claimcheck.stance.rules import STANCE_VERSION, classify

__all__ = ["STANCE_VERSION", "Kind", "Label", "Side", "Stance", "Thresholds", "classify"]
