"""Provenance reports: one report model read from the store, rendered in seven formats."""
