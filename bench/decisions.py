"""Decision round trip on the seeds, as a user runs it (the CLI in subprocesses):
one decision of each kind, then reload --force, retract + reload, a fresh store with the
decisions imported, and a push of the reports into a store that predates the decisions.
Each must give the same graph as right after the decisions; prints the figures.

    python -m bench.decisions
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def kg(home: Path, *args: str) -> str:
    env = {**os.environ, "KG_HOME": str(home), "COLUMNS": "200"}
    proc = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env)
    if proc.returncode:
        raise SystemExit(f"kg {' '.join(args)}: {proc.stderr.strip()}")
    return proc.stdout


def graph(home: Path) -> tuple[set, set]:
    out = Path(home) / "graph.json"
    kg(home, "export", "--format", "json", "-o", str(out))
    data = json.loads(out.read_text())
    nodes = {(n["id"], n["label"], n.get("name")) for n in data["nodes"]}
    edges = {(e["source"], e["type"], e["target"], e.get("review")) for e in data.get("edges", data.get("links", []))}
    return nodes, edges


def first_key(home: Path, name: str, relation: str) -> str:
    found = json.loads(kg(home, "explain", name, "--format", "json"))
    return next(f["key"] for node in found for f in node["facts"] if f["key"].startswith(relation + ":"))


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="kg-decisions-"))
    a, b, c = tmp / "a", tmp / "b", tmp / "c"
    kg(a, "load", str(SEEDS))
    kg(c, "load", str(SEEDS))  # (the push target, loaded before any decision)
    before = graph(a)
    reject = first_key(a, "Kim Jong Un", "ATTENDED")
    accept = first_key(a, "Vladimir Putin", "SIGNED")
    steps = [("reject", reject), ("accept", accept), ("reject", "Diplomat"),
             ("split", "Sergei Shoigu state visit to North Korea", "State visit"),
             ("rename", "Kim Jong Un", "Kim Jong-un"), ("merge", "Primorsky Krai", "Far Eastern Federal District"),
             ("retype", "Kumsusan State Guest House", "Organization")]
    took = []
    for step in steps:
        start = time.perf_counter()
        kg(a, *step)
        took.append(time.perf_counter() - start)
    decided = graph(a)
    kg(a, "load", "--force", str(SEEDS))
    reloaded = graph(a)
    from kg.ingest import read_report

    treaty = sorted(SEEDS.glob("*.txt"))[1]  # (the treaty's text: its facts are decided on, others back some)
    kg(a, "retract", read_report(treaty).id)
    kg(a, "load", str(treaty))
    retracted = graph(a)
    kg(a, "decisions", "export", "-o", str(tmp / "mine.jsonl"))
    kg(b, "decisions", "import", str(tmp / "mine.jsonl"))
    kg(b, "load", str(SEEDS))
    fresh = graph(b)
    kg(c, "decisions", "import", str(tmp / "mine.jsonl"))
    pushed = graph(c)

    def diff(x, y) -> int:
        return len(x[0] ^ y[0]) + len(x[1] ^ y[1])

    print(f"seeds: {len(before[0])} nodes, {len(before[1])} facts before; {len(decided[0])} nodes, "
          f"{len(decided[1])} facts after {len(steps)} decisions ({diff(before, decided)} nodes/facts changed)")
    print(f"decision taken and applied to the store: median {sorted(took)[len(took) // 2]:.2f} s (CLI start included)")
    for name, g in (("reload --force", reloaded), ("retract + reload", retracted), ("fresh store + import", fresh),
                    ("stale store + import", pushed)):
        print(f"{name:>22}: {diff(decided, g)} differences from the decided graph")


if __name__ == "__main__":
    main()
