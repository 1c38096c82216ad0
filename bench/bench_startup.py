"""Start-up of ``kg extract`` on one short article against loading the parser alone (issue 16
target: at most 0.4 s more than a bare ``spacy.load`` of the same model, timed in the same run).

Runs, alternating, ``--repeat`` times each after one warm-up run of each (so kg's disk caches and
the operating system's file cache are warm): a bare ``python -c "import spacy;
spacy.load(MODEL)"``; the same with the components kg leaves out (``exclude=["ner", "senter"]``);
and ``python -m kg.cli extract ARTICLE`` (JSON lines to /dev/null). Prints the median wall and CPU
seconds of each, and kg's excess over the bare load.

kg's modules are compiled to bytecode first, as an installed kg is (``pip install`` compiles them):
with ``PYTHONDONTWRITEBYTECODE`` set, an edited checkout would otherwise compile every changed module
at every start (0.1-0.15 s that no user pays), and spaCy's own modules are compiled already.

    python bench/bench_startup.py                                  # examples/iran-drones.txt, 1.6 KB
    python bench/bench_startup.py --article examples/aukus.txt --repeat 7
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peak import run  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--article", default=str(ROOT / "examples" / "iran-drones.txt"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    import compileall

    import kg
    from kg.extract.parse import model_name

    for where in kg.__path__:  # the kg the children import: the same sys.path
        compileall.compile_dir(where, quiet=1)
    model = model_name()
    bare = ("import spacy, importlib; spacy.load({!r})").format(model)
    lean = ("import spacy; spacy.load({!r}, exclude=['ner', 'senter'])").format(model)
    with open(os.devnull, "w") as sink:
        subprocess.run([sys.executable, "-m", "kg.cli", "extract", args.article], stdout=sink, check=True)
    runs = {
        f"bare spacy.load({model!r})": (["-c", bare], {"script": None}),
        "the same, without ner and senter (as kg loads it)": (["-c", lean], {"script": None}),
        f"kg extract {Path(args.article).name} ({Path(args.article).stat().st_size / 1000:.1f} KB)":
            (["extract", args.article], {"module": "kg.cli"}),
    }
    results: dict[str, list] = {label: [] for label in runs}
    for i in range(args.repeat + 1):
        for label, (argv, where) in runs.items():
            if where.get("module"):
                t = run(argv, module=where["module"])
            else:
                t = _code(argv[1])
            if i:  # the first round warms the caches
                results[label].append(t)
    width = max(map(len, runs)) + 2
    print(f"{'process':<{width}}{'seconds':>9}{'CPU s':>8}{'peak MB':>9}")
    med = {}
    for label, values in results.items():
        med[label] = (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
        print(f"{label:<{width}}{med[label][0]:>9.2f}{med[label][1]:>8.2f}{max(v[2] for v in values):>9.0f}")
    labels = list(runs)
    for anchor in labels[:2]:
        print(f"kg extract - {anchor.split(' (')[0]}: {med[labels[2]][0] - med[anchor][0]:+.2f} s "
              f"(CPU {med[labels[2]][1] - med[anchor][1]:+.2f} s)")
    print(f"target: at most +0.4 s over the bare spacy.load; median of {args.repeat}, "
          f"load average {os.getloadavg()[0]:.1f}; kg from {', '.join(kg.__path__)}")


def _code(code: str) -> tuple[float, float, float]:
    """(seconds, CPU seconds, peak MB) of ``python -c code``."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(code + "\n")
    try:
        return run([], script=fh.name)
    finally:
        os.unlink(fh.name)


if __name__ == "__main__":
    main()
