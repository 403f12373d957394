"""The review commands: kg accept, reject, merge, split, rename, retype, and kg decisions.

Each decision is written to the store folder's decisions file and applied to the store at
once; every later load, reload, retract and push applies it again (kg/decisions.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from kg.errors import KGError
from kg.output import FORMATS, render

err = Console(stderr=True)
NOTE = click.option("--note", help="Why (kept with the decision).")


def take(obj, action: str, target: str, *, into: str | None = None, value: str | None = None,
         note: str | None = None) -> None:
    """Name references resolved in the store, the decision recorded, then applied."""
    from kg.decisions import DecisionLog, is_fact_key, make
    from kg.decisions_store import describe_fact, enforce, find_node

    with obj.store() as store:
        if is_fact_key(target):
            what = describe_fact(store, target)
            if what is None:
                raise KGError(f"no fact {target!r} in the graph (fact keys are listed by kg explain)")
        else:
            node = find_node(store, target)
            target, what = node["id"], f"{node['label']} {node['name']}"
            if into:
                other = find_node(store, into)
                into, what = other["id"], f"{what} into {other['name']}"
        decision = make(action, target, into=into, value=value, what=what, note=note)
        new = DecisionLog(obj.home).add([decision])
        if new:
            enforce(store, new)
    err.print(f"{action} {what}" + ("" if new else " (already decided)") + f"  [dim]{decision.id}[/]", highlight=False)


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


COMMANDS = (accept, reject, merge, split, rename, retype, decisions)
