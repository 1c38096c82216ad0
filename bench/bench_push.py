"""Push throughput of ``kg push`` into a local Oxigraph server (issue 5 target: > 100,000 triples/s).

Generates about N triples in the shape of ``kg build`` output (the generator of bench_query.py) as
N-Triples and Turtle. Each timed push goes to a fresh ``oxigraph serve`` (new store, free port of
127.0.0.1, started and stopped outside the timing) and is a whole ``kg push`` process:

- POST of the N-Triples file (sent as it is), in one transaction (any store);
- the same with ``--bulk`` (Oxigraph's bulk loader, ``no_transaction``);
- the Turtle file with ``--bulk`` (converted to N-Triples on the way);
- for reference, a bare urllib POST of the N-Triples file from a minimal script;
- and once, ``--replace --bulk`` of the graph onto itself (PUT: the store deletes the old graph first).

After each push the triples of the graph are counted over HTTP. Medians of --runs runs.

    python bench/bench_push.py                    # 800,000 triples
    python bench/bench_push.py --triples 100000   # a quick run
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_query import ACTOR, KG, RDF, XSD, _labels, relations, write_ntriples  # noqa: E402

GRAPH = "https://w3id.org/kgstates/graph/bench"

RAW_POST = """import sys, urllib.request
path, url = sys.argv[1], sys.argv[2]
with open(path, "rb") as fh:
    size = fh.seek(0, 2); fh.seek(0)
    req = urllib.request.Request(url, data=fh, method="POST",
                                 headers={"Content-Type": "application/n-triples", "Content-Length": str(size)})
    urllib.request.urlopen(req, timeout=600).read()
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _count(base: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"
    req = urllib.request.Request(f"{base}/query?{urllib.parse.urlencode({'query': query})}",
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=600) as resp:
        return int(json.load(resp)["results"]["bindings"][0]["n"]["value"])


def _kg_command() -> list[str]:
    script = shutil.which("kg")
    if script and subprocess.run([script, "push", "--help"], capture_output=True).returncode == 0:
        return [script]
    return [sys.executable, "-c", "import click; from kg.cli_export import push\n"
            "click.Group('kg', commands={'push': push})()"]


def _time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd[:4])} ...\n{proc.stderr.decode()}")
    return seconds


class _Server:
    """``oxigraph serve`` on a fresh store and a free port, until stopped."""

    def __init__(self, binary: str, location: Path):
        shutil.rmtree(location, ignore_errors=True)
        port = _free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            try:
                _count(self.base)
                return
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise SystemExit("oxigraph serve did not answer within 30 s")
                time.sleep(0.05)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=800_000, help="about this many triples")
    ap.add_argument("--runs", type=int, default=3, help="pushes of each kind (the median counts)")
    args = ap.parse_args()
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-push-"))
    try:
        t0 = time.perf_counter()
        rels, docs = relations(max(1, args.triples * 10 // 157))  # about 15.7 triples a claim
        nt = tmp / "graph.nt"
        n = write_ntriples(rels, docs, nt, _labels())
        del rels, docs
        import pyoxigraph

        ttl = tmp / "graph.ttl"
        pyoxigraph.serialize(pyoxigraph.parse(path=str(nt)), str(ttl), pyoxigraph.RdfFormat.TURTLE,
                             prefixes={"kg": KG, "actor": ACTOR, "xsd": XSD, "rdf": RDF})
        print(f"graph: {n:,} triples, N-Triples {nt.stat().st_size / 1e6:.0f} MB, Turtle "
              f"{ttl.stat().st_size / 1e6:.0f} MB (made in {time.perf_counter() - t0:.1f} s)")
        kg = _kg_command()
        raw = tmp / "raw_post.py"
        raw.write_text(RAW_POST, encoding="utf-8")
        quoted = urllib.parse.quote(GRAPH, safe="")
        kinds = (("kg push graph.nt (POST, one transaction)", lambda b: kg + ["push", str(nt), "--endpoint",
                                                                                 f"{b}/store", "--graph", GRAPH, "-q"]),
                 ("kg push graph.nt --bulk", lambda b: kg + ["push", str(nt), "--endpoint", f"{b}/store", "--graph",
                                                             GRAPH, "--bulk", "-q"]),
                 ("kg push graph.ttl --bulk", lambda b: kg + ["push", str(ttl), "--endpoint", f"{b}/store", "--graph",
                                                              GRAPH, "--bulk", "-q"]),
                 ("urllib POST graph.nt (one transaction)",
                  lambda b: [sys.executable, str(raw), str(nt), f"{b}/store?graph={quoted}"]))
        results = {}
        for name, command in kinds:
            times = []
            for _ in range(args.runs):
                server = _Server(binary, tmp / "store")
                try:
                    times.append(_time(command(server.base)))
                    assert _count(server.base) == n, f"{name}: the graph does not hold the {n:,} triples"
                    if name == "kg push graph.nt --bulk" and "replace" not in results:
                        results["replace"] = _time(command(server.base) + ["--replace"])
                        assert _count(server.base) == n, "--replace: the graph does not hold the triples once"
                finally:
                    server.stop()
            results[name] = statistics.median(times)
            print(f"{name}: {results[name]:.2f} s, {n / results[name]:,.0f} triples/s")
        print(f"kg push --replace --bulk onto the same graph: {results['replace']:.2f} s, "
              f"{n / results['replace']:,.0f} triples/s")
        best = results["kg push graph.nt --bulk"]
        ratio = results["kg push graph.nt (POST, one transaction)"] / results["urllib POST graph.nt (one transaction)"]
        print(f"kg push --bulk (N-Triples): {n / best:,.0f} triples/s (target > 100,000); "
              f"transactional kg push / bare urllib POST: {ratio:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
