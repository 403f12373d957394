"""Where kg's data folders are, from a checkout or from an installed wheel.

A wheel carries schema/, loaders/, queries/ and seeds/ inside kg/_data; a checkout
(or an editable install) has them at the top of the repository.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import platformdirs

DATA_FOLDERS = ("schema", "loaders", "queries", "seeds")


@cache
def data_dir(name: str) -> Path:
    """Return the folder holding one kind of data (schema, loaders, queries, seeds)."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / name, here.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kg data folder {name!r} not found next to {here}")


def default_home() -> Path:
    """The store directory: $KG_HOME, else the per-user data directory."""
    env = os.environ.get("KG_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("kg", appauthor=False))
