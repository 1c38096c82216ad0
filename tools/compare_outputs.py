"""Run every read-side command of kg (analyze, diff, export, query, view, draw) on the examples and
save or compare what they give: stdout, stderr, exit code and the files written.

    python tools/compare_outputs.py --save /tmp/kg-baseline     # before a change
    python tools/compare_outputs.py --check /tmp/kg-baseline    # after it: exit 1 on any difference

The inputs are ``graphs/examples.ttl``, the same graph in every other RDF format (written by
``kg export``), an Oxigraph store of it (``kg load``), a filtered subgraph (``kg export --since``)
and a few broken files. Commands run in this process through click's test runner, in a temporary
directory whose path is replaced by ``TMP`` in what is compared, with ``PYTHONHASHSEED=0`` unless
it is set (``PYTHONHASHSEED=1 python tools/compare_outputs.py --check DIR`` checks that nothing
depends on the hash order).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RDF_SUFFIXES = ("ttl", "nt", "nq", "trig", "jsonld", "rdf")
NETWORK_OUTPUTS = ("graphml", "gexf", "json", "cyjs", "dot")
FILTERS = (
    (),
    ("--since", "2024-01-01"),
    ("--until", "2023"),
    ("--focus", "North Korea"),
    ("--focus", "Russia", "--depth", "2"),
    ("--relations", "supplies,sanctions,materialConflict"),
    ("--min-evidence", "2"),
    ("--min-confidence", "0.8", "--exclude-hedged"),
)


def commands(tmp: Path) -> list[tuple[str, list[str]]]:
    """(name, argv) of each command, in order; the first ones make the inputs of the later ones."""
    ttl = str(tmp / "examples.ttl")
    out: list[tuple[str, list[str]]] = []
    for suffix in RDF_SUFFIXES[1:]:
        out.append((f"make-{suffix}", ["export", ttl, "-o", str(tmp / f"examples.{suffix}")]))
    out.append(("make-store", ["load", ttl, "--store", str(tmp / "store"), "--quiet"]))
    out.append(("make-2024", ["export", ttl, "-o", str(tmp / "since2024.ttl"), "--since", "2024"]))
    inputs = [str(tmp / f"examples.{s}") for s in RDF_SUFFIXES] + [str(tmp / "store")]
    for graph in inputs:
        name = Path(graph).name
        out.append((f"analyze-json-{name}", ["analyze", graph, "--format", "json"]))
        out.append((f"analyze-table-{name}", ["analyze", graph]))
    for i, flt in enumerate(FILTERS[1:], 1):
        out.append((f"analyze-filter{i}", ["analyze", ttl, "--format", "json", *flt]))
        out.append((f"analyze-filter{i}-store", ["analyze", str(tmp / "store"), *flt]))
    out.append(("analyze-alpha", ["analyze", ttl, "--alpha", "0.3", "--max-blocs", "3"]))
    for graph in (ttl, str(tmp / "store"), str(tmp / "examples.nq")):
        gname = Path(graph).name
        for fmt in NETWORK_OUTPUTS:
            out.append((f"export-{gname}-{fmt}", ["export", graph, "-o", str(tmp / "out" / f"{gname}.{fmt}")]))
        out.append((f"export-{gname}-neo4j", ["export", graph, "-o", str(tmp / "out" / f"{gname}-neo4j"),
                                               "--to", "neo4j"]))
    for fmt in NETWORK_OUTPUTS:
        out.append((f"export-bloc-{fmt}", ["export", ttl, "-o", str(tmp / "out" / f"bloc.{fmt}"), "--color-by",
                                           "bloc"]))
    for i, flt in enumerate(FILTERS[1:], 1):
        for fmt in ("graphml", "json", "nq", "ttl"):
            out.append((f"export-filter{i}-{fmt}", ["export", ttl, "-o", str(tmp / "out" / f"f{i}.{fmt}"), *flt]))
    for suffix in RDF_SUFFIXES:
        out.append((f"export-store-{suffix}", ["export", str(tmp / "store"), "-o",
                                               str(tmp / "out" / f"store.{suffix}")]))
    out.append(("diff-ttl-nt", ["diff", ttl, str(tmp / "examples.nt")]))
    out.append(("diff-ttl-2024", ["diff", ttl, str(tmp / "since2024.ttl")]))
    out.append(("diff-2024-store-json", ["diff", str(tmp / "since2024.ttl"), str(tmp / "store"), "--format", "json"]))
    out.append(("diff-exit-code", ["diff", ttl, str(tmp / "since2024.ttl"), "--exit-code", "--focus", "Russia"]))
    for bad in ("missing.ttl", "bad.ttl", "bad.nt", "graph.xyz", "notastore"):
        out.append((f"analyze-{bad}", ["analyze", str(tmp / bad)]))
        out.append((f"export-{bad}", ["export", str(tmp / bad), "-o", str(tmp / "out" / "bad.graphml")]))
        out.append((f"diff-{bad}", ["diff", ttl, str(tmp / bad)]))
    out.append(("export-unknown-suffix", ["export", ttl, "-o", str(tmp / "out" / "x.unknown")]))
    out.append(("export-unknown-to", ["export", ttl, "-o", str(tmp / "out" / "x.graphml"), "--to", "nope"]))
    store = str(tmp / "store")
    for graph in (ttl, store, str(tmp / "examples.nq"), str(tmp / "examples.jsonld")):
        gname = Path(graph).name
        out.append((f"query-select-{gname}", ["query", graph, "SELECT ?who WHERE { ?who kg:supplies actor:RUS }",
                                              "--format", "csv"]))
        for saved, params in (("suppliers-of", ("state=North Korea",)), ("between", ("a=PRK", "b=Russia")),
                              ("strongest-ties", ()), ("timeline", ("a=USA", "b=CHN"))):
            argv = ["query", graph, "--saved", saved, *(x for p in params for x in ("--param", p))]
            for fmt in ("table", "json", "xml", "tsv"):
                out.append((f"query-{saved}-{gname}-{fmt}", [*argv, "--format", fmt]))
        out.append((f"query-ask-{gname}", ["query", graph, "ASK { actor:PRK kg:supplies actor:RUS }"]))
        out.append((f"query-construct-{gname}", ["query", graph,
                                                 "CONSTRUCT { ?a kg:supplies ?b } WHERE { ?a kg:supplies ?b }",
                                                 "--format", "nt"]))
    for bad in ("missing.ttl", "bad.ttl", "graph.xyz", "notastore"):
        out.append((f"query-{bad}", ["query", str(tmp / bad), "ASK {}"]))
    out.append(("query-syntax", ["query", ttl, "SELECT ?x WHERE { ?x kg:supplies }"]))
    out.append(("query-unknown-state", ["query", ttl, "--saved", "suppliers-of", "--param", "state=Atlantis"]))
    for i, flt in enumerate(FILTERS):
        graph = store if i % 2 else ttl
        out.append((f"view-f{i}", ["view", graph, "-o", str(tmp / "out" / f"view-f{i}.html"), *flt]))
    for layout in ("circular", "geo", "blocs"):
        out.append((f"view-layout-{layout}", ["view", ttl, "-o", str(tmp / "out" / f"view-{layout}.html"),
                                              "--layout", layout, "--title", "T"]))
    for style, layout, suffix in (("relations", "spring", "png"), ("relations", "geo", "svg"),
                                  ("alliance", "spring", "png"), ("alliance", "blocs", "svg")):
        out.append((f"draw-{style}-{layout}-{suffix}",
                    ["draw", ttl, "-o", str(tmp / "out" / f"draw-{style}-{layout}.{suffix}"), "--style", style,
                     "--layout", layout, *(("--edge-labels", "--title", "Relations") if style == "relations" else ())]))
    for i in (1, 3, 5):
        out.append((f"draw-filter{i}", ["draw", store, "-o", str(tmp / "out" / f"draw-f{i}.svg"), *FILTERS[i]]))
    out.append(("analyze-focus-absent", ["analyze", ttl, "--focus", "Brazil"]))
    out.append(("export-focus-absent", ["export", ttl, "-o", str(tmp / "out" / "x.graphml"), "--focus", "Brazil"]))
    return out


def _prepare(tmp: Path) -> None:
    shutil.copy(ROOT / "graphs" / "examples.ttl", tmp / "examples.ttl")
    (tmp / "out").mkdir()
    (tmp / "bad.ttl").write_text("@prefix kg: <https://w3id.org/kgstates/ontology#> .\nkg:a kg:b .\n")
    (tmp / "bad.nt").write_text("<https://a.example/x> <https://a.example/y> <https://a.example/z> .\n<oops\n")
    (tmp / "graph.xyz").write_text("nothing\n")
    (tmp / "notastore").mkdir()


def _digest(path: Path) -> dict:
    if path.is_dir():
        return {p.name: _digest(p) for p in sorted(path.iterdir())}
    return {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "bytes": path.stat().st_size}


def run_all() -> dict:
    """Every command's output (stdout, stderr, exit code) and the digest of every file written."""
    from click.testing import CliRunner

    from kg.cli import cli

    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="kg-compare-") as name:
        tmp = Path(name)
        _prepare(tmp)
        runner = CliRunner()
        for key, argv in commands(tmp):
            res = runner.invoke(cli, argv, catch_exceptions=True)
            stderr = res.stderr if hasattr(res, "stderr") else ""
            results[key] = {
                "argv": " ".join(argv).replace(name, "TMP"),
                "exit": res.exit_code,
                "stdout": res.stdout.replace(name, "TMP"),
                "stderr": stderr.replace(name, "TMP"),
                "exception": None if res.exception is None or isinstance(res.exception, SystemExit)
                else repr(res.exception).replace(name, "TMP"),
            }
        outputs = {p.name: _digest(p) for p in sorted((tmp / "out").iterdir())}
        outputs.update({f"input-{p.name}": _digest(p) for p in sorted(tmp.glob("examples.*"))})
        outputs["input-since2024.ttl"] = _digest(tmp / "since2024.ttl")
        results["files"] = outputs
        results["__files__"] = {k: (tmp / "out" / k).read_bytes().decode("utf-8", "replace")
                                for k in sorted(p.name for p in (tmp / "out").iterdir() if p.is_file() and p.suffix != ".png")}
    return results


def main() -> int:
    if "PYTHONHASHSEED" not in os.environ:  # the same hash order in every run, so that runs compare
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", metavar="DIR", help="write the outputs into DIR")
    group.add_argument("--check", metavar="DIR", help="compare with the outputs saved in DIR")
    args = ap.parse_args()
    results = run_all()
    files = results.pop("__files__")
    if args.save:
        d = Path(args.save)
        d.mkdir(parents=True, exist_ok=True)
        (d / "results.json").write_text(json.dumps(results, indent=1, sort_keys=True, ensure_ascii=False))
        (d / "files").mkdir(exist_ok=True)
        for k, text in files.items():
            (d / "files" / k).write_text(text)
        print(f"saved {len(results) - 1} commands and {len(results['files'])} outputs in {d}")
        return 0
    saved = json.loads((Path(args.check) / "results.json").read_text())
    differ = []
    for key in sorted(set(saved) | set(results)):
        if saved.get(key) != results.get(key):
            differ.append(key)
            old, new = saved.get(key), results.get(key)
            if isinstance(old, dict) and isinstance(new, dict):
                for field in sorted(set(old) | set(new)):
                    if old.get(field) != new.get(field):
                        print(f"DIFF {key}.{field}:\n  before: {str(old.get(field))[:300]!r}\n"
                              f"  after:  {str(new.get(field))[:300]!r}")
            else:
                print(f"DIFF {key}: {'missing now' if new is None else 'new'}")
    print(f"{len(saved) - 1} commands compared: {'no difference' if not differ else f'{len(differ)} differ'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
