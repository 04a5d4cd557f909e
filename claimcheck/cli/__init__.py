"""The command line: one module per command group, each a thin layer over one core call.

Importing this package registers every command on `main`, the console entry point.
"""

from claimcheck.cli import bench, checking, claims, documents, grading, output, review
from claimcheck.cli.main import main

__all__ = ["bench", "checking", "claims", "documents", "grading", "main", "output", "review"]
