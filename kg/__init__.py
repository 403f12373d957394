"""kg: reports in, a knowledge graph out, relationship questions answered by name."""

__version__ = "0.1.0"
