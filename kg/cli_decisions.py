"""The review commands: kg accept, reject, merge, split, rename, retype, and kg decisions.

Each decision is written to the store folder's decisions file and applied to the store at
once; every later load, reload, retract and push applies it again (kg/decisions.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from kg.output import FORMATS, render

err = Console(stderr=True)
NOTE = click.option("--note", help="Why (kept with the decision).")


def take(obj, action: str, target: str, *, into: str | None = None, value: str | None = None,
         note: str | None = None) -> None:
    from kg.decisions_store import take as decide

    with obj.store() as store:
        decision, new = decide(store, obj.home, action, target, into=into, value=value, note=note)
    err.print(f"{action} {decision.what}" + ("" if new else " (already decided)") + f"  [dim]{decision.id}[/]",
              highlight=False)


@click.command()
@click.argument("fact")
@NOTE
@click.pass_obj
def accept(obj, fact: str, note: str | None) -> None:
    """Mark a fact (its key, from kg explain) as checked: it shows as accepted."""
    take(obj, "accept", fact, note=note)


@click.command()
@click.argument("target")
@NOTE
@click.pass_obj
def reject(obj, target: str, note: str | None) -> None:
    """Remove a fact (its key) or an entity (id or name) for good: re-extraction never brings it back."""
    take(obj, "reject", target, note=note)


@click.command()
@click.argument("keep")
@click.argument("other")
@NOTE
@click.pass_obj
def merge(obj, keep: str, other: str, note: str | None) -> None:
    """Merge entity OTHER into KEEP (ids or names): one node, every fact of both."""
    take(obj, "merge", other, into=keep, note=note)


@click.command()
@click.argument("entity")
@click.argument("alias")
@NOTE
@click.pass_obj
def split(obj, entity: str, alias: str, note: str | None) -> None:
    """Split ALIAS off ENTITY as its own entity, with the facts only the alias names."""
    take(obj, "split", entity, value=alias, note=note)


@click.command()
@click.argument("entity")
@click.argument("name")
@NOTE
@click.pass_obj
def rename(obj, entity: str, name: str, note: str | None) -> None:
    """Give an entity the display name NAME (the old one stays an alias)."""
    take(obj, "rename", entity, value=name, note=note)


@click.command()
@click.argument("entity")
@click.argument("label")
@NOTE
@click.pass_obj
def retype(obj, entity: str, label: str, note: str | None) -> None:
    """Give an entity another label (Person, Organization, ...): its facts follow where the ontology allows."""
    take(obj, "retype", entity, value=label, note=note)


@click.group()
def decisions() -> None:
    """The analyst's decisions: a plain file in the store folder (decisions.jsonl)."""


@decisions.command("list")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def decisions_list(obj, fmt: str) -> None:
    """Every decision, in the order taken."""
    from kg.decisions import DecisionLog

    rows = [{"id": d.id, "action": d.action, "what": d.what, "target": d.target, "into": d.into, "value": d.value,
             "at": d.at, "by": d.by, "note": d.note} for d in DecisionLog(obj.home).read()]
    if fmt == "table":  # (ids and targets are for scripts: --format json)
        rows = [{k: r[k] for k in ("id", "action", "what", "value", "at", "note")} for r in rows]
    out = render(rows, fmt, title=f"Decisions ({DecisionLog(obj.home).path})")
    if out is not None:
        click.echo(out)


@decisions.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout).")
@click.pass_obj
def decisions_export(obj, output: Path | None) -> None:
    """Write the decisions as JSON lines (what kg decisions import reads)."""
    from kg.decisions import DecisionLog, dumps

    text = "".join(dumps(d) + "\n" for d in DecisionLog(obj.home).read())
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")


@decisions.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def decisions_import(obj, path: Path) -> None:
    """Add the decisions of a file (another analyst's export) and apply the new ones."""
    from kg.decisions import DecisionLog, read_file
    from kg.decisions_store import enforce

    incoming = read_file(path)  # (all checked before any is kept)
    with obj.store() as store:
        new = DecisionLog(obj.home).add(incoming)
        enforce(store, new)
    err.print(f"imported {len(new)} new decisions of {len(incoming)} from {path}")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Loopback address to serve on (nothing else).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option("--open/--no-open", "open_browser", default=True, show_default=True, help="Open it in the browser.")
@click.pass_obj
def review(obj, host: str, port: int, open_browser: bool) -> None:
    """A local web app to check facts (least certain first) in their reports' text and to
    accept, reject, merge, split, rename or retype: the same decisions as the commands."""
    import threading
    import webbrowser

    import uvicorn

    from kg.decisions import DecisionLog
    from kg.review import app, check_loopback

    check_loopback(host)
    with obj.store() as store:
        server = uvicorn.Server(uvicorn.Config(app(store, obj.home), host=host, port=port, log_level="warning"))
        url = f"http://{host if ':' not in host else '[' + host + ']'}:{port}/"
        err.print(f"kg review at {url}  (Ctrl+C to stop; decisions go to {DecisionLog(obj.home).path})")
        if open_browser:
            threading.Timer(1.0, webbrowser.open, [url]).start()
        server.run()


COMMANDS = (accept, reject, merge, split, rename, retype, decisions, review)
