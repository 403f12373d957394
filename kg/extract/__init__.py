"""Extraction: report text in, nodes and edges with evidence out (offline, deterministic)."""
