"""Runs last (by name): no embedded server may outlive the kg process that started it."""

import subprocess


def test_zz_no_falkordb_left_running(seeded_home):
    out = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(seeded_home) not in out
