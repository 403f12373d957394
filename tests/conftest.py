"""Shared fixtures: the real extraction and the real embedded store, no fakes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def run_kg(home: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run the real CLI in a subprocess (exit codes and one-line errors as a user sees them)."""
    env = {**os.environ, "KG_HOME": str(home), "COLUMNS": "200"}
    proc = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          env=env, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("kg-home")
    run_kg(home, "load", str(SEEDS))
    return home
