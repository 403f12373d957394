"""The errors kg reports to users: each one names the file, query or store and what to do.

The CLI turns only these into one-line messages; anything else is a bug and keeps
its traceback.
"""


class KGError(Exception):
    """Base of every error a user can cause or fix."""


class InvalidSchema(KGError):
    """schema/ontology.yaml (or a node or edge checked against it) is wrong."""


class InvalidReport(KGError):
    """A report file cannot be read or understood."""


class StoreUnavailable(KGError):
    """The graph store cannot be started, reached or locked."""


class QueryError(KGError):
    """A saved query or its parameters are wrong, or the store refused it."""
