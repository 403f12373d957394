"""Child processes that never outlive kg: the embedded server and extraction workers."""

from __future__ import annotations

import contextlib
import ctypes
import signal
import sys


def die_with_parent() -> None:
    """Ask Linux to end this process when its parent dies (PR_SET_PDEATHSIG), so a kg killed
    with -9 leaves no server or worker behind. Runs in the child (before exec, or as a pool's
    initializer); a no-op elsewhere."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
