"""Ingest: readers that turn files, directories, JSONL, WARC and stdin into Documents."""

from newsgraph.ingest.readers import ReadFailure, read_inputs, resolve_kind

__all__ = ["ReadFailure", "read_inputs", "resolve_kind"]
