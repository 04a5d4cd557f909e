"""Ingest: reading sources (txt, md, html) into document versions with passages and claims."""

from claimcheck.ingest.files import IngestReport, ingest_file, ingest_paths
from claimcheck.ingest.versions import FileResult, document_id

__all__ = ["FileResult", "IngestReport", "document_id", "ingest_file", "ingest_paths"]
