"""Benchmarks against public data sets, run through the same pipeline as `check` and `stance`."""
