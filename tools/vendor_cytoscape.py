"""Vendor Cytoscape.js into kg/view/ for the self-contained pages of ``kg view``.

Fetches the pinned version from the npm registry with ``npm pack`` (development time only: a page
that ``kg view`` writes makes no network request) and writes

- kg/view/cytoscape.min.js: the package's dist/cytoscape.min.js, unchanged;
- kg/view/cytoscape.LICENSE.txt: the package's licence notice (MIT), with the version.

    python tools/vendor_cytoscape.py            # fetch and write
    python tools/vendor_cytoscape.py --check    # exit 1 when the vendored files differ
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "cytoscape"
VERSION = "3.35.0"
VIEW = Path(__file__).resolve().parent.parent / "kg" / "view"


def fetch(workdir: Path) -> dict[str, bytes]:
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(workdir / f"{PACKAGE}-{VERSION}.tgz") as tar:
        script = tar.extractfile("package/dist/cytoscape.min.js").read()
        licence = tar.extractfile("package/LICENSE").read()
    notice = (f"Cytoscape.js {VERSION} (npm package {PACKAGE}), vendored unchanged as cytoscape.min.js\n"
              f"by tools/vendor_cytoscape.py. Its licence:\n\n").encode() + licence
    return {"cytoscape.min.js": script, "cytoscape.LICENSE.txt": notice}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the vendored files instead of writing")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        files = fetch(Path(tmp))
    stale = [name for name, data in files.items()
             if not (VIEW / name).exists() or (VIEW / name).read_bytes() != data]
    if args.check:
        print("up to date" if not stale else f"stale: {', '.join(stale)}")
        return 1 if stale else 0
    VIEW.mkdir(exist_ok=True)
    for name, data in files.items():
        (VIEW / name).write_bytes(data)
        print(f"wrote {VIEW / name} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
