"""The kg command line: parses options, calls the library, prints.

Only KGError becomes a one-line error (exit 1); --debug shows its traceback.
Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.cli_decisions import COMMANDS as DECISION_COMMANDS
from kg.errors import KGError, QueryError
from kg.output import FORMATS, render
from kg.parallel import AUTO_MIN_REPORTS
from kg.paths import data_dir, default_home
from kg.queries import DEFAULT_LIMIT

err = Console(stderr=True)
DEMO_QUESTIONS = [
    ("Who attended Putin's June 2024 state visit to North Korea?", "who-attended", {"event": "state visit"}),
    ("Which agreements were signed during that visit?", "agreements-signed", {"event": "state visit"}),
    ("Which articles of the strategic partnership treaty are reported?", "agreement-articles",
     {"agreement": "Comprehensive Strategic Partnership"}),
    ("By what route do munitions move from Najin?", "routes-from", {"place": "Najin"}),
    ("What does North Korea ship to Russia, and Russia to North Korea?", "shipments", {}),
]


class Context:
    def __init__(self, home: Path, debug: bool, backend: str = "embedded", neo4j: dict | None = None):
        self.home = home
        self.debug = debug
        self.backend = backend
        self.neo4j = neo4j or {}

    def store(self, backend: str | None = None):
        """The embedded store (default) or Neo4j (--store neo4j / KG_STORE=neo4j)."""
        if (backend or self.backend) == "neo4j":
            return self.neo4j_store()
        from kg.store.embedded import EmbeddedStore

        return EmbeddedStore(self.home)

    def decisions(self) -> list:
        """The analyst's decisions (kg/decisions.py), applied to everything written."""
        from kg.decisions import DecisionLog

        return DecisionLog(self.home).read()

    def neo4j_store(self):
        from kg.store.neo4j import Neo4jSettings, Neo4jStore

        return Neo4jStore(Neo4jSettings.from_env(**self.neo4j))


def _complete_query_name(_ctx, _param, incomplete: str) -> list:
    """Shell completion of saved-query names (kg ask <TAB>)."""
    from click.shell_completion import CompletionItem

    from kg.queries import library

    return [CompletionItem(q.name, help=q.title) for q in library().values() if q.name.startswith(incomplete)]


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise QueryError(f"--param {pair!r} must be key=value")
        key, value = pair.split("=", 1)
        out[key.strip()] = value
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Store directory (default: $KG_HOME or the per-user data directory).")
@click.option("--store", "backend", type=click.Choice(["embedded", "neo4j"]), envvar="KG_STORE",
              default="embedded", show_default=True, help="Where the graph lives ($KG_STORE).")
@click.option("--neo4j-uri", help="Neo4j address, e.g. neo4j://localhost:7687 (default: $NEO4J_URI).")
@click.option("--neo4j-user", help="Neo4j user (default: $NEO4J_USER or neo4j).")
@click.option("--neo4j-database", help="Neo4j database (default: $NEO4J_DATABASE or the server's default).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=1000, show_default=True,
              help="Rows per UNWIND statement when writing to Neo4j.")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(package_name="kg")
@click.pass_context
def cli(ctx: click.Context, home: Path | None, backend: str, neo4j_uri: str | None, neo4j_user: str | None,
        neo4j_database: str | None, batch_size: int, debug: bool) -> None:
    """kg: reports in, a knowledge graph out, relationship questions answered by name.

    The password for Neo4j is read from $NEO4J_PASSWORD only, so it never shows in
    shell history or process lists.
    """
    neo4j = {"uri": neo4j_uri, "user": neo4j_user, "database": neo4j_database, "batch_size": batch_size}
    ctx.obj = Context(home or default_home(), debug, backend, neo4j)


JOBS = click.option("--jobs", "-j", type=click.IntRange(1, 512), default=None,
                    help="Extraction processes (default: every available core when there are "
                         f"{AUTO_MIN_REPORTS}+ reports, else 1). The graph is the same for every -j.")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--keep-going", is_flag=True, help="Load the good files and list the bad ones at the end.")
@click.option("--force", is_flag=True, help="Re-extract reports that are already loaded.")
@JOBS
@click.pass_obj
def load(obj: Context, paths: tuple[Path, ...], keep_going: bool, force: bool, jobs: int | None) -> None:
    """Load report files or folders (text, Markdown, HTML) into the store."""
    with obj.store() as store:
        _load_into(store, paths, keep_going, force, "loaded", jobs, obj.decisions())


def _load_into(store, paths: tuple[Path, ...], keep_going: bool, force: bool, verb: str,
               jobs: int | None = None, decisions: list | None = None) -> None:
    """Extract and write reports with a progress bar; summary, failures, exit 1 if any failed."""
    from kg.ingest import iter_report_paths
    from kg.loading import load_paths
    from kg.shards import count_records, is_shard_folder

    folders = [p for p in paths if is_shard_folder(p)]
    total = sum(1 for _ in iter_report_paths([p for p in paths if p not in folders]))
    total += sum(count_records(f) for f in folders)
    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task(verb.replace("ed", "ing"), total=total or None)
        result = load_paths(store, list(paths), keep_going=keep_going, force=force,
                            progress=lambda _p: progress.advance(task), jobs=jobs, decisions=decisions)
    err.print(f"{verb} {len(result.loaded)}, unchanged {len(result.unchanged)}, "
              f"failed {len(result.failed)} in {time.perf_counter() - started:.1f}s")
    if getattr(store, "summary", None) is not None:
        _print_summary(store.summary)
    _exit_on_failures(result)


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--output", "-o", "output", required=True, type=click.Path(path_type=Path),
              help="Shard folder to write (created; an existing one is resumed).")
@click.option("--keep-going", is_flag=True, help="Extract the good files and list the bad ones at the end.")
@JOBS
@click.option("--engine", type=click.Choice(["processes", "dask"]), default="processes", show_default=True,
              help="Where extraction runs: worker processes here, or a Dask cluster (pip install 'kg[dask]').")
@click.option("--address", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster "
                                "of --jobs workers).")
def extract_cmd(paths: tuple[Path, ...], output: Path, keep_going: bool, jobs: int | None, engine: str,
                address: str | None) -> None:
    """Extract reports into a shard folder (JSON lines), without a store.

    The pure step alone: run it on other machines or a cluster, then `kg load FOLDER`
    into either store. Reports the folder already holds are skipped, so an interrupted
    run is resumed by running it again.
    """
    from kg.engines import extract_on_dask
    from kg.loading import LoadResult, read_all
    from kg.parallel import extract_reports, jobs_for
    from kg.shards import extracted_ids, open_folder, write_parts

    open_folder(output)
    started = time.perf_counter()
    result = LoadResult()
    reports = read_all(list(paths), keep_going, result)
    done = extracted_ids(output)
    todo = [r for r in reports if r.id not in done]
    workers = jobs_for(jobs, len(todo))
    if engine == "dask":
        extractions = extract_on_dask(todo, address, jobs or workers)
    else:
        extractions = extract_reports(todo, workers)
    written = 0
    with _progress() as progress:
        task = progress.add_task("extracting", total=len(todo) or None)
        for _ in write_parts(output, extractions):
            written += 1
            progress.advance(task)
    err.print(f"extracted {written}, already in {output} {len(reports) - len(todo)}, failed {len(result.failed)} "
              f"in {time.perf_counter() - started:.1f}s")
    _exit_on_failures(result)


def _exit_on_failures(result) -> None:
    """One line a file that failed (naming it), then exit 1 if any did."""
    for path, problem in result.failed:
        err.print(f"[red]failed[/] {problem if problem.startswith(path) else path + ': ' + problem}")
    if result.failed:
        sys.exit(1)


def _print_summary(summary) -> None:
    err.print(f"Neo4j: {summary.nodes_created} nodes and {summary.relationships_created} relationships created, "
              f"{summary.updated} updated, {summary.properties_set} properties set")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--keep-going", is_flag=True, help="Push the good reports and list the bad ones at the end.")
@click.pass_obj
def push(obj: Context, paths: tuple[Path, ...], keep_going: bool) -> None:
    """Push to Neo4j: the embedded store's graph, or report files/folders if given.

    Idempotent: pushing again creates nothing new. Connection from $NEO4J_URI,
    $NEO4J_USER, $NEO4J_PASSWORD, $NEO4J_DATABASE (or the --neo4j-* options).
    """
    if paths:
        with obj.neo4j_store() as target:
            _load_into(target, paths, keep_going, False, "pushed", decisions=obj.decisions())
        return
    from kg.push import push_store
    from kg.store.embedded import EmbeddedStore

    started = time.perf_counter()
    with obj.neo4j_store() as target, EmbeddedStore(obj.home) as source, _progress() as progress:
        task = progress.add_task("pushing batches", total=None)
        push_store(source, target, obj.neo4j.get("batch_size") or 1000,
                   progress=lambda i, n: progress.update(task, completed=i, total=n), decisions=obj.decisions())
    _print_summary(target.summary)
    err.print(f"done in {time.perf_counter() - started:.1f}s")


def _show(rows: list[dict], fmt: str, title: str | None = None) -> None:
    """Tables go to the terminal; JSON and CSV to stdout for scripts."""
    out = render(rows, fmt, title=title)
    if out is not None:
        click.echo(out)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True)


@cli.command()
@click.argument("name", shell_complete=_complete_query_name)
@click.option("--param", "-p", "pairs", multiple=True, help="Query parameter as key=value.")
@click.option("--limit", type=click.IntRange(min=0), default=DEFAULT_LIMIT, show_default=True,
              help="Most rows to return; 0 for all.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def ask(obj: Context, name: str, pairs: tuple[str, ...], limit: int, fmt: str) -> None:
    """Run a saved query by name, e.g. kg ask who-attended --param event="state visit"."""
    from kg.queries import get_query

    query = get_query(name)
    params = query.bind(_params(pairs), limit)
    with obj.store() as store:
        rows = store.read(query.cypher, params)
    cut = bool(limit) and len(rows) >= limit
    rows = rows[:limit] if limit else rows  # a UNION may give $limit rows per part
    _show(rows, fmt, query.title)
    if cut:
        err.print(f"[dim]first {limit} rows; --limit N for more, --limit 0 for all[/]")


@cli.group()
def queries() -> None:
    """The saved-query library."""


@queries.command("list")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def queries_list(fmt: str) -> None:
    """List saved queries with their parameters."""
    from kg.queries import library

    rows = [{"name": q.name, "parameters": q.signature(), "description": q.description}
            for q in library().values()]
    _show(rows, fmt, "Saved queries")


@queries.command("show")
@click.argument("name", shell_complete=_complete_query_name)
def queries_show(name: str) -> None:
    """Print a saved query's file."""
    from kg.queries import get_query

    click.echo(get_query(name).path.read_text(encoding="utf-8"))


@queries.command("bundle")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("kg-queries.zip"),
              show_default=True)
def queries_bundle(output: Path) -> None:
    """Zip the library for Neo4j Browser (Favorites > Import), one saved script per query."""
    from kg.queries import bundle, library

    count = bundle(output)
    err.print(f"wrote {count} of {len(library())} saved queries to {output}; in Neo4j Browser open "
              "Favorites (the star), choose Import and pick this file")


@cli.command("query")
@click.argument("cypher")
@click.option("--param", "-p", "pairs", multiple=True,
              help="Parameter as key=value; the value is read as JSON when it parses (2, true, [..]), else text.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def query_cmd(obj: Context, cypher: str, pairs: tuple[str, ...], fmt: str) -> None:
    """Run your own read-only Cypher with parameters ($name), e.g. kg query "MATCH (p:Person) RETURN p.name"."""
    import json

    params = {}
    for key, value in _params(pairs).items():
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    with obj.store() as store:
        rows = store.read(cypher, params)
    _show(rows, fmt)


@cli.command("explain")
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def explain_cmd(obj: Context, name: str, fmt: str) -> None:
    """Show an entity and its facts with every evidence quote and its report."""
    import json

    from kg.explain import explain

    with obj.store() as store:
        entities = explain(store, name)
    if fmt == "json":
        click.echo(json.dumps(entities, indent=2, ensure_ascii=False))
        return
    if not entities:
        raise KGError(f"nothing named {name!r} in the graph; try kg ask mentions --param name=...")
    out = Console()
    for entity in entities:
        aka = f"  [dim](also {', '.join(entity['aliases'])})[/]" if entity["aliases"] else ""
        out.print(f"[bold]{entity['name']}[/] [cyan]{entity['label']}[/] {entity['id']}{aka}", highlight=False)
        for q in entity["quotes"]:
            out.print(f"  [green]{q['publisher'] or q['title']}[/] {q['published'] or ''} [dim]{_where(q)}[/]  "
                      f"“{q['quote']}”", highlight=False)
        for fact in entity["facts"]:
            reviewed = " [green]accepted[/]" if fact["review"] == "accepted" else ""
            out.print(f"  [bold]{fact['fact']}[/] [dim]{fact['key']}[/]{reviewed}", highlight=False)
            for q in fact["quotes"]:
                out.print(f"    [green]{q['publisher'] or q['title']}[/] {q['published'] or ''} "
                          f"[dim]{_where(q)}[/]  “{q['quote']}”", highlight=False)
        out.print()


@cli.command()
@click.argument("query", required=False, shell_complete=_complete_query_name)
@click.option("--param", "-p", "pairs", multiple=True, help="Query parameter as key=value.")
@click.option("--entity", "-e", help="Draw this entity (id, name or alias) and what is one fact away.")
@click.option("--limit", type=click.IntRange(min=0), default=DEFAULT_LIMIT, show_default=True,
              help="Most rows of the query's answer to draw.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("kg-view.html"),
              show_default=True)
@click.pass_obj
def view(obj: Context, query: str | None, pairs: tuple[str, ...], entity: str | None, limit: int,
         output: Path) -> None:
    """Write one HTML file that works offline: the graph of a saved query's answer, of an
    entity's neighbourhood (--entity) or of everything, with a map of its places and routes."""
    from kg.view import build_view

    if query and entity:
        raise click.UsageError("give a saved query or --entity, not both")
    with obj.store() as store:
        html = build_view(store, query=query, params=_params(pairs), entity=entity, limit=limit)
    output.write_text(html, encoding="utf-8")
    err.print(f"wrote {output} ({len(html) // 1024} KB); open it in a browser, no network needed")


def _where(quote: dict) -> str:
    """'p. 3, chars 120-250' for a PDF's quote, 'chars 120-250' otherwise."""
    return (f"p. {quote['page']}, " if quote.get("page") else "") + quote["chars"]


@cli.command()
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("browser"),
              show_default=True)
def browser(output: Path) -> None:
    """Write Neo4j Browser's graph style (style.grass) and the kg guide (kg-guide.html)."""
    from kg.browser import write_browser_files

    for path in write_browser_files(output):
        err.print(f"wrote {path}")
    err.print("In Neo4j Browser: drag style.grass onto the window, and run :play with the guide's URL "
              "(docker compose serves both; see README)")


@cli.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the shell completion script: eval "$(kg completion bash)" in ~/.bashrc."""
    from click.shell_completion import get_completion_class

    comp = get_completion_class(shell)(cli, {}, "kg", "_KG_COMPLETE")
    click.echo(comp.source())


EXPORTS = {"json": "networkx node-link JSON", "graphml": "GraphML (Gephi, Cytoscape, yEd)",
           "gexf": "GEXF (Gephi)", "stix": "a STIX 2.1 bundle (OpenCTI, MISP)",
           "ftm": "FollowTheMoney entities, JSON lines (Aleph)", "csv": "nodes.csv + edges.csv (a folder)",
           "neo4j-admin": "CSVs + import.sh for neo4j-admin (a folder)", "cypher": "a script for cypher-shell"}
FOLDER_EXPORTS = {"csv", "neo4j-admin"}


@cli.command()
@click.option("--format", "fmt", type=click.Choice(list(EXPORTS)), default="json", show_default=True,
              help="; ".join(f"{k}: {v}" for k, v in EXPORTS.items()) + ".")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File, or folder for csv and neo4j-admin; '-' writes a single-file format to stdout.")
@click.pass_obj
def export(obj: Context, fmt: str, output: Path) -> None:
    """Export the whole graph for other tools (Gephi, Cytoscape, spreadsheets, Neo4j's bulk import)."""
    from kg.export import graph_from_store

    with obj.store() as store:
        graph = graph_from_store(store)
    to_stdout = str(output) == "-"
    if fmt in FOLDER_EXPORTS:
        if to_stdout:
            raise KGError(f"--format {fmt} writes a folder; give its name with -o")
        if output.exists() and not output.is_dir():
            raise KGError(f"{output}: is a file; --format {fmt} writes a folder")
        if fmt == "csv":
            from kg.interchange import write_csvs

            files = write_csvs(graph, output)
        else:
            from kg.bulk_export import write_neo4j_admin

            files = write_neo4j_admin(graph, output)
        where = f"{len(files)} files in {output}" + (f" (run {output / 'import.sh'})" if fmt == "neo4j-admin" else "")
    else:
        if output.is_dir():
            raise KGError(f"{output}: is a folder; give a file name")
        text = _export_text(graph, fmt)
        if to_stdout:
            click.echo(text, nl=False)
            return
        output.write_text(text, encoding="utf-8")
        where = str(output)
    err.print(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges: {where}")


def _export_text(graph, fmt: str) -> str:
    if fmt == "cypher":
        from kg.bulk_export import cypher_script

        return cypher_script(graph)
    if fmt == "stix":
        from kg.stix_export import stix_bundle

        return stix_bundle(graph)
    if fmt == "ftm":
        from kg.ftm_export import ftm_lines

        return ftm_lines(graph)
    if fmt in {"graphml", "gexf"}:
        from kg import interchange

        return interchange.graphml_text(graph) if fmt == "graphml" else interchange.gexf_text(graph)
    from kg.graph import node_link_json

    return node_link_json(graph) + "\n"


@cli.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_obj
def status(obj: Context, fmt: str) -> None:
    """Counts by label and relationship type, and the reports loaded."""
    from kg.store import cypher

    with obj.store() as store:
        labels = store.read(cypher.COUNT_LABELS)
        types = store.read(cypher.COUNT_TYPES)
        reports = store.read(cypher.REPORTS)
    if fmt == "csv":  # one flat table: spreadsheets take no nesting
        rows = [{"kind": "label", "name": r["label"], "count": r["count"]} for r in labels]
        rows += [{"kind": "type", "name": r["type"], "count": r["count"]} for r in types]
        rows += [{"kind": "report", "name": r["id"], "title": r["title"], "publisher": r["publisher"],
                  "published": r["published"], "path": r["path"]} for r in reports]
        columns = ["kind", "name", "count", "title", "publisher", "published", "path"]
        _show([{c: row.get(c) for c in columns} for row in rows], fmt)
        return
    if fmt != "table":
        _show([{"home": str(obj.home), "labels": labels, "types": types, "reports": reports}], fmt)
        return
    err.print(f"store: {obj.home}")
    render(labels, "table", title="Nodes by label")
    render(types, "table", title="Relationships by type")
    render(reports, "table", title="Reports")


@cli.command()
@click.argument("report")
@click.pass_obj
def retract(obj: Context, report: str) -> None:
    """Remove one report's contribution (by report id)."""
    with obj.store() as store:
        if not store.has_report(report):
            raise KGError(f"no report {report!r} in {obj.home}; see kg status")
        removed = store.retract(report)
    err.print(f"retracted {report}: {removed} nodes and relationships removed")


@cli.command()
@click.option("--keep", is_flag=True, help="Keep the demo store from an earlier run.")
@click.pass_obj
def demo(obj: Context, keep: bool) -> None:
    """Load the seed reports into a fresh store and answer a few questions."""
    from kg.loading import load_paths
    from kg.queries import get_query

    home = obj.home / "demo"
    if home.exists() and not keep:
        shutil.rmtree(home)
    obj.home = home
    started = time.perf_counter()
    with obj.store() as store:
        with _progress() as progress:
            seeds = data_dir("seeds")
            task = progress.add_task("loading seeds", total=len(list(seeds.glob("*.txt"))))
            result = load_paths(store, [seeds], progress=lambda _p: progress.advance(task))
        err.print(f"loaded {len(result.loaded) + len(result.unchanged)} seed reports into {home} "
                  f"in {time.perf_counter() - started:.1f}s")
        for question, name, params in DEMO_QUESTIONS:
            query = get_query(name)
            rows = store.read(query.cypher, query.bind(params))
            render(rows, "table", title=f"{question}  [dim](kg ask {name})[/]")
    err.print(f"The demo has its own store ({home}); your graph in {obj.home.parent} is untouched. "
              f"Explore it: kg --home {home} status, kg --home {home} queries list")


for _command in DECISION_COMMANDS:
    cli.add_command(_command)


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except KGError as e:
        if debug:
            raise
        err.print(f"[red]error:[/] {e}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except SystemExit:
        raise
