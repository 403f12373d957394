"""Loading reports into a store: read, extract, apply, one report at a time.

Each report is applied atomically; a bad file is reported and (with keep_going)
skipped, and the store keeps everything loaded before it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.extract.pipeline import extract_many
from kg.ingest import iter_report_paths, read_report
from kg.models import Report
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


def load_paths(store: Store, paths: list[Path], *, keep_going: bool = False, force: bool = False,
               progress: Callable[[str], None] | None = None) -> LoadResult:
    result = LoadResult()
    reports = read_all(paths, keep_going, result)
    todo = []
    for report in reports:
        if store.has_report(report.id) and not force:
            result.unchanged.append(report.path)
            if progress:
                progress(report.path)
        else:
            todo.append(report)
    for extraction in extract_many(todo):
        report = extraction.report
        try:
            if force and store.has_report(report.id):
                store.retract(report.id)
            store.apply(extraction)
            result.loaded.append(report.path)
        except KGError as e:
            if not keep_going:
                raise KGError(f"{report.path}: {e}") from e
            result.failed.append((report.path, str(e)))
        if progress:
            progress(report.path)
    return result
