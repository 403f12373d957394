"""Extraction shards: the pure step's output on disk, so extraction can run elsewhere (other
processes, other machines, a cluster) and loading can run later, into either store.

A shard folder holds `kg-extractions.json` (what it is) and `part-NNNNN.jsonl` files, one
extraction record per line (an `Extraction` as JSON, keys sorted: the same report gives the
same line on every machine). A part is written under a temporary name and renamed when
complete, so an interrupted run leaves whole parts only, and running again extracts only the
reports no part holds yet. Loading reads every part and writes the records in the order of
their report's path, then id, whatever the parts are called or in which order they were
written, so shards merged in any order give the same graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from kg.errors import InvalidReport, KGError
from kg.models import Extraction

MANIFEST = "kg-extractions.json"
FORMAT = {"format": "kg-extractions", "version": 1}
PART_RECORDS = 1000  # records per part: what an interrupted run may have to redo


def is_shard_folder(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST).is_file()


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.jsonl"))


def open_folder(folder: Path) -> None:
    """Create a shard folder, or check that an existing one is one (never write into another)."""
    if folder.exists() and not folder.is_dir():
        raise KGError(f"{folder}: not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not is_shard_folder(folder):
        raise KGError(f"{folder}: the folder has other files and no {MANIFEST}; give an empty or a shard folder")
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / MANIFEST
    if manifest.is_file():
        data = _json(manifest, manifest.read_text(encoding="utf-8"), 0)
        if {k: data.get(k) for k in FORMAT} != FORMAT:
            raise KGError(f"{manifest}: not a kg-extractions version {FORMAT['version']} manifest")
    else:
        manifest.write_text(json.dumps(FORMAT, sort_keys=True) + "\n", encoding="utf-8")
    for stale in folder.glob("part-*.jsonl.tmp"):  # (a part an interrupted run never finished)
        stale.unlink()


def count_records(folder: Path) -> int:
    """Records in the folder's parts (lines, not parsed: for a progress bar)."""
    total = 0
    for part in _parts(folder):
        with part.open("rb") as f:
            total += sum(1 for raw in f if raw.strip())
    return total


def extracted_ids(folder: Path) -> set[str]:
    """Report ids the folder's parts already hold."""
    return {key[1] for key, _, _ in _index(folder)}


def write_parts(folder: Path, extractions: Iterable[Extraction], per_part: int = PART_RECORDS) -> Iterator[Extraction]:
    """Append the extractions to the folder as new parts; yields each once it is on disk."""
    index = max((int(p.stem.split("-")[1]) for p in _parts(folder)), default=-1) + 1
    pending: list[Extraction] = []

    def flush() -> list[Extraction]:
        nonlocal index
        if not pending:
            return []
        final = folder / f"part-{index:05d}.jsonl"
        tmp = final.with_name(final.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as out:
            for x in pending:
                out.write(record_line(x) + "\n")
        tmp.replace(final)
        index += 1
        done = list(pending)
        pending.clear()
        return done

    for extraction in extractions:
        pending.append(extraction)
        if len(pending) >= per_part:
            yield from flush()
    yield from flush()


def record_line(extraction: Extraction) -> str:
    return json.dumps(extraction.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


def read_folders(folders: Iterable[Path]) -> Iterator[Extraction]:
    """Every record of the folders, in the order of (report path, report id); one record in
    memory at a time (an index of offsets is built, and every record checked, first)."""
    for _, part, offset in sorted(entry for folder in folders for entry in _index(folder)):
        with part.open("rb") as f:
            f.seek(offset)
            line = f.readline().decode("utf-8")
        yield _record(part, line, offset)


def _index(folder: Path) -> Iterator[tuple[tuple[str, str], Path, int]]:
    """((report path, report id), part, byte offset) of every record."""
    for part in _parts(folder):
        with part.open("rb") as f:
            offset = 0
            for raw in f:
                if raw.strip():  # (each record checked whole here, so a bad one stops a load before it writes)
                    report = _record(part, raw.decode("utf-8"), offset).report
                    yield (report.path, report.id), part, offset
                offset += len(raw)


def _record(part: Path, line: str, offset: int) -> Extraction:
    data = _json(part, line, offset)
    try:
        return Extraction.model_validate(data)
    except ValidationError as e:
        problem = e.errors()[0]
        where = ".".join(str(x) for x in problem["loc"])
        raise InvalidReport(f"{part} (byte {offset}): not an extraction record ({where}: {problem['msg']})") from None


def _json(path: Path, text: str, offset: int) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InvalidReport(f"{path} (byte {offset}): not JSON ({e.msg})") from None
    if not isinstance(data, dict):
        raise InvalidReport(f"{path} (byte {offset}): not a JSON object")
    return data
