"""Time and peak memory of a Python child process, and the bare pipelines kg's read path is held to.

``measure`` runs a module (``kg.cli``) or a script in a child Python and returns its wall time and
its peak resident memory: the ``VmHWM`` line of ``/proc/self/status``, read by the child itself at
exit (not ``ru_maxrss``, which on Linux may count memory of the process it was forked from);
``run`` also gives its CPU time (user + system, from ``getrusage`` of the waited-for children),
which other jobs on a shared machine disturb less than the wall time.

The anchors (issue 16) are written with pyoxigraph and networkx alone, no kg code:

    python bench/peak.py network GRAPH.nt             # parse, one edge per relation with its evidence
    python bench/peak.py graphml GRAPH.nt OUT.graphml # the same, then networkx.write_graphml
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

_WRAPPER = """import atexit, os, runpy, sys
def _peak():
    with open("/proc/self/status") as fh:
        kb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    with open(os.environ["KG_BENCH_PEAK"], "w") as out:
        out.write(str(kb))
atexit.register(_peak)
kind, target = sys.argv[1], sys.argv[2]
sys.argv = [target, *sys.argv[3:]]
if kind == "module":
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    runpy.run_path(target, run_name="__main__")
"""


def measure(args: list[str], *, module: str | None = None, script: str | None = None,
            stdout=subprocess.DEVNULL) -> tuple[float, float]:
    """Run ``python -m module args`` (or ``python script args``); (seconds, peak MB by VmHWM)."""
    seconds, _, peak = run(args, module=module, script=script, stdout=stdout)
    return seconds, peak


def run(args: list[str], *, module: str | None = None, script: str | None = None,
        stdout=subprocess.DEVNULL) -> tuple[float, float, float]:
    """Run ``python -m module args`` (or ``python script args``); (seconds, CPU seconds, peak MB)."""
    import resource

    kind, target = ("module", module) if module else ("script", script)
    with tempfile.NamedTemporaryFile(prefix="kg-peak-", delete=False) as fh:
        peak_file = fh.name
    try:
        env = dict(os.environ, KG_BENCH_PEAK=peak_file)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _WRAPPER, kind, target, *args], env=env, stdout=stdout,
                              stderr=subprocess.PIPE)
        seconds = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        if proc.returncode:
            raise SystemExit(f"{target} {' '.join(args)} failed ({proc.returncode}): "
                             f"{proc.stderr.decode(errors='replace')[-500:]}")
        with open(peak_file) as fh:
            return seconds, cpu, int(fh.read()) / 1024
    finally:
        os.unlink(peak_file)


def compare(bare: tuple[str, list[str], dict], kg: tuple[str, list[str], dict], runs: int, target: float,
            before_each=None) -> None:
    """Run the bare process and the kg one ``runs`` times each, alternating; print their median
    seconds, median CPU seconds, peak MB and the ratios kg / bare against ``target``, and the
    machine's load average. Each of ``bare`` and ``kg`` is (label, args, keyword arguments of
    :func:`run`); ``before_each(i)`` runs before each pair."""
    import statistics

    results: dict[str, list] = {"bare": [], "kg": []}
    for i in range(runs):
        if before_each is not None:
            before_each(i)
        for key, (_, args, where) in (("bare", bare), ("kg", kg)):
            results[key].append(run([a.format(i=i) for a in args], **where))
    seconds = {k: statistics.median(t for t, _, _ in v) for k, v in results.items()}
    cpu = {k: statistics.median(c for _, c, _ in v) for k, v in results.items()}
    peak = {k: max(m for _, _, m in v) for k, v in results.items()}
    width = max(len(bare[0]), len(kg[0])) + 2
    print(f"{'process':<{width}}{'seconds':>9}{'CPU s':>8}{'peak MB':>9}")
    for key, (label, _, _) in (("bare", bare), ("kg", kg)):
        print(f"{label:<{width}}{seconds[key]:>9.1f}{cpu[key]:>8.1f}{peak[key]:>9.0f}")
    print(f"ratio kg / bare: {seconds['kg'] / seconds['bare']:.2f} (target <= {target:g}); in CPU time "
          f"{cpu['kg'] / cpu['bare']:.2f}; kg's peak {peak['kg'] / 1024:.2f} GB; median of {runs}, "
          f"load average {os.getloadavg()[0]:.1f}")


# ---------------------------------------------------------------------------- the bare pipelines

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
KG = "https://w3id.org/kgstates/ontology#"
ACTOR = "https://w3id.org/kgstates/actor/"
_FIELDS = {RDF + "subject": "s", RDF + "predicate": "p", RDF + "object": "o", KG + "negated": "negated",
           KG + "evidence": "sentence", KG + "confidence": "confidence"}


def bare_network(path: str):
    """pyoxigraph -> networkx: parse the N-Triples file, one MultiDiGraph edge per (subject,
    predicate, object) of the claims that are not negated, with its evidence sentences and weight."""
    import networkx as nx
    import pyoxigraph as ox

    claims: dict[str, dict] = {}
    for q in ox.parse(path=path, format=ox.RdfFormat.N_TRIPLES):
        field = _FIELDS.get(q.predicate.value)
        if field is not None:
            claims.setdefault(q.subject.value, {})[field] = q.object.value
    G = nx.MultiDiGraph()
    for c in claims.values():
        if c.get("negated") == "true" or "p" not in c:
            continue
        s, p, o = c["s"][len(ACTOR):], c["p"][len(KG):], c["o"][len(ACTOR):]
        if G.has_edge(s, o, p):
            d = G.edges[s, o, p]
            d["weight"] += 1
            d["evidence"].append(c.get("sentence", ""))
            d["confidence"] = max(d["confidence"], float(c.get("confidence", 0.5)))
        else:
            G.add_edge(s, o, key=p, predicate=p, weight=1, evidence=[c.get("sentence", "")],
                       confidence=float(c.get("confidence", 0.5)))
    return G


def bare_graphml(path: str, out: str) -> None:
    """:func:`bare_network`, then ``networkx.write_graphml`` (evidence joined into one string)."""
    import networkx as nx

    G = bare_network(path)
    for _, _, d in G.edges(data=True):
        d["evidence"] = "\n".join(d["evidence"])
    nx.write_graphml(G, out)


if __name__ == "__main__":
    if sys.argv[1] == "network":
        bare_network(sys.argv[2])
    elif sys.argv[1] == "graphml":
        bare_graphml(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)
