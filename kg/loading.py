"""Loading reports into a store: read, extract, write.

Reports are written in groups, each group one transaction, so a report lands whole
or not at all; a bad file is reported and (with keep_going) skipped, and the store
keeps everything loaded before it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.decisions import Decision, apply_extraction
from kg.errors import KGError
from kg.ingest import iter_report_paths, read_report
from kg.models import Extraction, Report
from kg.parallel import extract_reports, jobs_for
from kg.resolution import Resolver
from kg.shards import is_shard_folder, read_folders
from kg.store.base import Store


@dataclass
class LoadResult:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def read_all(paths: Iterable[Path], keep_going: bool, result: LoadResult) -> list[Report]:
    reports, seen = [], set()
    for path in iter_report_paths(list(paths)):
        try:
            report = read_report(path)
        except KGError as e:
            if not keep_going:
                raise
            result.failed.append((str(path), str(e)))
            continue
        if report.id not in seen:
            seen.add(report.id)
            reports.append(report)
    return reports


GROUP_REPORTS = 64  # reports written per transaction
GROUP_ROWS = 20_000  # ... or fewer, when they are long
GROUP_SECONDS = 1.0  # ... or fewer, so that what is extracted lands at least every second


def load_paths(store: Store, paths: list[Path], *, keep_going: bool = False, force: bool = False,
               progress: Callable[[str], None] | None = None, jobs: int | None = None,
               decisions: list[Decision] | None = None) -> LoadResult:
    """Read, extract (on `jobs` processes; None: as many as pay off) and write reports,
    each corrected by the analyst's decisions first."""
    result = LoadResult()
    folders = [p for p in paths if is_shard_folder(p)]  # what `kg extract` wrote
    if folders:
        _load_shards(store, folders, result, keep_going=keep_going, force=force, progress=progress,
                     decisions=decisions)
    reports = read_all([p for p in paths if p not in folders], keep_going, result)
    todo = []
    for report in reports:
        if store.has_report(report.id) and not force:
            result.unchanged.append(report.path)
            if progress:
                progress(report.path)
        else:
            todo.append(report)
    extractions = extract_reports(todo, jobs_for(jobs, len(todo)))
    write_extractions(store, extractions, result, keep_going=keep_going, force=force, progress=progress,
                      decisions=decisions)
    return result


def _load_shards(store: Store, folders: list[Path], result: LoadResult, *, keep_going: bool, force: bool,
                 progress: Callable[[str], None] | None, decisions: list[Decision] | None) -> None:
    """Records of extraction shards, merged in one order whatever the parts are called."""
    def todo() -> Iterable[Extraction]:
        for extraction in read_folders(folders):
            if store.has_report(extraction.report.id) and not force:
                result.unchanged.append(extraction.report.path)
                if progress:
                    progress(extraction.report.path)
            else:
                yield extraction

    write_extractions(store, todo(), result, keep_going=keep_going, force=force, progress=progress,
                      decisions=decisions)


def write_extractions(store: Store, extractions: Iterable[Extraction], result: LoadResult, *,
                      keep_going: bool = False, force: bool = False,
                      progress: Callable[[str], None] | None = None,
                      decisions: list[Decision] | None = None) -> None:
    """Write extracted reports in groups, one transaction per group: each resolved against
    the store, then corrected by the decisions (so a rejected fact never lands again)."""
    group: list[Extraction] = []
    rows, started = 0, time.monotonic()
    resolver = Resolver(store)
    for extraction in extractions:
        if force and store.has_report(extraction.report.id):
            store.retract(extraction.report.id)
        extraction = apply_extraction(resolver.resolve(extraction), decisions or [])
        merges = resolver.take_merges()
        if merges:  # this report shows stored nodes to be one: what is pending lands first, then they fold
            _write_group(store, group, keep_going, result, progress)
            group = []
            for label, old, into in merges:
                store.merge_node(label, old, into)
        if not group:
            rows, started = 0, time.monotonic()
        group.append(extraction)
        rows += len(extraction.nodes) + len(extraction.edges)
        if len(group) >= GROUP_REPORTS or rows >= GROUP_ROWS or time.monotonic() - started >= GROUP_SECONDS:
            _write_group(store, group, keep_going, result, progress)
            group = []
    _write_group(store, group, keep_going, result, progress)


def _write_group(store: Store, group: list[Extraction], keep_going: bool, result: LoadResult,
                 progress: Callable[[str], None] | None) -> None:
    """Reports in one transaction; if the store refuses it, one at a time, so the error
    names the report at fault and every other report still lands."""
    if not group:
        return
    try:
        store.apply_many(group)
    except KGError:
        for extraction in group:
            _write_one(store, extraction, keep_going, result)
    else:
        result.loaded += [x.report.path for x in group]
    if progress:
        for extraction in group:
            progress(extraction.report.path)


def _write_one(store: Store, extraction: Extraction, keep_going: bool, result: LoadResult) -> None:
    report = extraction.report
    try:
        store.apply(extraction)
        result.loaded.append(report.path)
    except KGError as e:
        if not keep_going:
            raise KGError(f"{report.path}: {e}") from e
        result.failed.append((report.path, str(e)))
