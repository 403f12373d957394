"""Rows out: rich tables for people, JSON and CSV for scripts."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.console import Console
from rich.table import Table

FORMATS = ("table", "json", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value if v not in (None, ""))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def render(rows: list[dict[str, Any]], fmt: str, title: str | None = None,
           console: Console | None = None) -> str | None:
    """Return JSON/CSV text, or print a table to the console (returns None)."""
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False, default=str)
    if fmt == "csv":
        buf = io.StringIO()
        columns = list(rows[0]) if rows else []
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        return buf.getvalue()
    console = console or Console()
    if not rows:
        console.print(f"[yellow]No results[/]{' for ' + title if title else ''}.")
        return None
    table = Table(title=title, show_lines=False)
    for column in rows[0]:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(v) for v in row.values()))
    console.print(table)
    return None
