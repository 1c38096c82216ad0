"""Write kg/draw/world_110m.json, the country outlines under ``kg draw --layout geo``.

The outlines are Natural Earth's 1:110m admin-0 countries (public domain), as the npm package
``world-atlas`` ships them in TopoJSON. This script fetches the pinned version with ``npm pack``
(development time only: kg never touches the network when it draws), decodes the TopoJSON arcs
into longitude/latitude rings, rounds them to 0.01 degree and writes one JSON file:

    {"source": ..., "licence": ..., "countries": [{"id": "364", "name": "Iran",
                                                   "polygons": [[[lon, lat, lon, lat, ...], ...], ...]}]}

one polygon a list of rings (outer first, then holes), a ring a flat list of coordinates.

    python tools/make_world_map.py            # fetch and write
    python tools/make_world_map.py --check    # exit 1 when the shipped file differs from a fresh one
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas"
VERSION = "2.0.2"
MEMBER = "package/countries-110m.json"
OUT = Path(__file__).resolve().parent.parent / "kg" / "draw" / "world_110m.json"


def fetch(workdir: Path) -> dict:
    """The TopoJSON of the pinned world-atlas, through ``npm pack``."""
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(workdir / f"{PACKAGE}-{VERSION}.tgz") as tar:
        return json.load(tar.extractfile(MEMBER))


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized TopoJSON topology as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indices: list[int]) -> list[tuple[float, float]]:
    """One closed ring from arc indices (``~i``: arc i reversed); shared end points kept once."""
    out: list[tuple[float, float]] = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(points if not out else points[1:])
    return out


def unwrap(points) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (a jump of more than 180 degrees between neighbours)
    continued past +-180 instead, so that no edge runs across the whole map; then moved back by 360
    degrees when most of it lies beyond 180."""
    out, shift = [], 0.0
    for i, (lon, lat) in enumerate(points):
        if i:
            step = lon + shift - out[-1][0]
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        out.append((lon + shift, lat))
    mean = sum(p[0] for p in out) / len(out)
    if mean > 180:
        out = [(lon - 360, lat) for lon, lat in out]
    elif mean < -180:
        out = [(lon + 360, lat) for lon, lat in out]
    return out


def flat(points) -> list[float]:
    """A ring as [lon, lat, lon, lat, ...] in hundredths of a degree, repeated points dropped."""
    out: list[float] = []
    last = None
    for lon, lat in unwrap(points):
        p = (round(lon, 2), round(lat, 2))
        if p != last:
            out.extend(p)
            last = p
    return out


def convert(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    countries = []
    for geom in topology["objects"]["countries"]["geometries"]:
        if geom.get("type") == "Polygon":
            polygons = [geom["arcs"]]
        elif geom.get("type") == "MultiPolygon":
            polygons = geom["arcs"]
        else:
            continue
        rings = [[flat(ring(arcs, r)) for r in poly] for poly in polygons]
        rings = [[r for r in poly if len(r) >= 6] for poly in rings]
        countries.append({"id": str(geom.get("id", "")), "name": geom.get("properties", {}).get("name", ""),
                          "polygons": [p for p in rings if p]})
    countries.sort(key=lambda c: (c["name"], c["id"]))
    return {"source": f"Natural Earth 1:110m admin-0 countries, via the npm package {PACKAGE} {VERSION}",
            "licence": "Natural Earth: public domain (https://www.naturalearthdata.com/about/terms-of-use/)",
            "countries": countries}


def render(data: dict) -> str:
    lines = ["{", f'"source": {json.dumps(data["source"])},', f'"licence": {json.dumps(data["licence"])},',
             '"countries": [']
    body = [json.dumps(c, separators=(",", ":"), ensure_ascii=False) for c in data["countries"]]
    lines.append(",\n".join(body))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        text = render(convert(fetch(Path(tmp))))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT}: {'up to date' if same else 'stale'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
