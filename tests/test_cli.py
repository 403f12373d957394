"""End to end through the real CLI, real extraction and the real embedded store."""

import json

from tests.conftest import SEEDS, run_kg

DELEGATION = {"Vladimir Putin", "Denis Manturov", "Alexander Novak", "Sergei Lavrov", "Andrei Belousov",
              "Alexey Krivoruchko", "Alexander Kozlov", "Roman Starovoyt", "Yuri Borisov",
              "Oleg Belozerov"}


def test_who_attended_the_state_visit(seeded_home):
    proc = run_kg(seeded_home, "ask", "who-attended", "--param", "event=state visit", "--format", "json")
    rows = json.loads(proc.stdout)
    visit = [r for r in rows if "Putin" in r["event"]]
    assert DELEGATION <= {r["attendee"] for r in visit}
    roles = {r["attendee"]: r["roles"] for r in visit}
    assert "Minister of Defence, Russia" in roles["Andrei Belousov"]
    assert "CEO, Russian Railways" in roles["Oleg Belozerov"]


def test_limit_caps_the_rows_and_says_so(seeded_home):
    every = json.loads(run_kg(seeded_home, "ask", "who-attended", "--param", "event=visit", "--limit", "0",
                              "--format", "json").stdout)
    assert len(every) > 3
    proc = run_kg(seeded_home, "ask", "who-attended", "--param", "event=visit", "--limit", "3", "--format", "json")
    assert json.loads(proc.stdout) == every[:3]
    assert "first 3 rows" in proc.stderr and "--limit 0" in proc.stderr
    proc = run_kg(seeded_home, "ask", "reports", "--limit", "-1", check=False)
    assert proc.returncode != 0 and "-1" in proc.stderr


def test_loading_twice_changes_nothing(seeded_home, tmp_path):
    first = tmp_path / "a.json"
    second = tmp_path / "b.json"
    run_kg(seeded_home, "export", "--format", "json", "-o", str(first))
    proc = run_kg(seeded_home, "load", str(SEEDS))
    assert "unchanged 3" in proc.stderr
    run_kg(seeded_home, "export", "--format", "json", "-o", str(second))
    assert first.read_text() == second.read_text()


def test_bad_path_is_a_one_line_error(tmp_path):
    proc = run_kg(tmp_path / "home", "load", str(tmp_path / "missing.txt"), check=False)
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "missing.txt" in lines[0] and "no such file" in lines[0]
    assert "Traceback" not in proc.stderr


def test_unknown_query_suggests_names(seeded_home):
    proc = run_kg(seeded_home, "ask", "who-atended", check=False)
    assert proc.returncode == 1
    assert "did you mean who-attended" in proc.stderr


def test_export_is_node_link_json(seeded_home, tmp_path):
    out = tmp_path / "g.json"
    run_kg(seeded_home, "export", "--format", "json", "-o", str(out))
    data = json.loads(out.read_text())
    labels = {n["label"] for n in data["nodes"]}
    assert {"Person", "State", "Agreement", "Event", "Place", "Report"} <= labels
    assert all(e["sources"] for e in data["edges"])
    routes = [(e["source"], e["target"], e["mode"]) for e in data["edges"] if e["type"] == "ROUTE_LEG"]
    assert ("Place:najin", "Place:vostochny", "sea") in routes


def test_every_command_has_help():
    from click.testing import CliRunner

    from kg.cli import cli

    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and command.help, name
