"""The ``kg analyze`` and ``kg diff`` commands: blocs, balance, centrality and change over time.

Only click and the shared filter options (:mod:`kg.filters`, which imports nothing heavy) are
imported at start-up; the analysis library, rdflib and numpy are imported inside the commands.
"""

from __future__ import annotations

import json
import sys

import click

from .cli_common import about, KgCommand
from .cli_filters import filter_options

_MAX_TRIANGLES = 20  # unbalanced triangles shown by the table format (json lists all)


# ---------------------------------------------------------------------------- table formatting

def _num(x: float, signed: bool = False) -> str:
    text = f"{x:.3f}".rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return ("+" + text) if signed and x > 0 else text


def _relations(rels, symmetric) -> str:
    parts = []
    for s, p, o, count in rels:
        parts.append(f"{p} {count}" if p in symmetric else f"{s} {p} {o} {count}")
    return ", ".join(parts)


def format_analysis(result: dict, labels: dict[str, str]) -> str:
    """The table form of :meth:`kg.analysis.Analysis.to_dict` for people."""
    from .predicates import SYMMETRIC_PREDICATES as sym

    out = [f"Signed network: {result['actors']} actors, {result['ties']} ties "
           f"({result['positive']} positive, {result['negative']} negative), "
           f"{len(result['neutral'])} neutral pairs"]
    for u, v in result["neutral"]:
        out.append(f"  neutral  {u}-{v}")
    out += ["", f"Blocs (Doreian-Mrvar, alpha {_num(result['alpha'])}): {len(result['blocs'])}, "
                f"criterion P = {_num(result['criterion'])}"]
    for i, bloc in enumerate(result["blocs"], 1):
        out.append(f"  {i:>2}  {' '.join(bloc)}")
    if result["unaligned"]:
        out.append(f"  no signed tie: {' '.join(result['unaligned'])}")
    if result["triangles"]:
        out += ["", f"Balance: {_num(result['balance'])} ({result['balanced']} of {result['triangles']} "
                    f"triangles balanced; weak balance {_num(result['weak_balance'])})"]
    else:
        out += ["", "Balance: 1 (no triangles)"]
    if result["unbalanced"]:
        out.append("Unbalanced triangles (strongest first):")
        for tri in result["unbalanced"][:_MAX_TRIANGLES]:
            out.append(f"  {' '.join(tri['actors'])}")
            for e in tri["edges"]:
                out.append(f"      {'-'.join(e['pair'])} {_num(e['weight'], signed=True)}: "
                           f"{_relations(e['relations'], sym)}")
        if len(result["unbalanced"]) > _MAX_TRIANGLES:
            out.append(f"  ... and {len(result['unbalanced']) - _MAX_TRIANGLES} more (--format json lists all)")
    out += ["", "Centrality (by PN index):"]
    rows = [("actor", "label", "degree", "+", "-", "weighted", "net", "PN")]
    for actor, c in sorted(result["centrality"].items(), key=lambda kv: (-kv[1]["pn"], kv[0])):
        rows.append((actor, labels.get(actor, actor), str(c["degree"]), str(c["positive"]), str(c["negative"]),
                     _num(c["weighted_degree"]), _num(c["net"], signed=True), f"{c['pn']:.3f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1])] + [v.rjust(w) for v, w in zip(r[2:], widths[2:])]
        out.append("  " + "  ".join(cells).rstrip())
    if result.get("ego"):
        out += ["", _format_ego(result["ego"], labels)]
    return "\n".join(out)


def _format_ego(ego: dict, labels: dict[str, str]) -> str:
    actor = ego["actor"]
    out = [f"{actor} ({labels.get(actor, actor)})"]
    for title, key in (("partners", "partners"), ("adversaries", "adversaries"), ("mixed", "mixed")):
        entries = ego[key]
        if not entries and key == "mixed":
            continue
        out.append(f"  {title}:" + ("" if entries else " none"))
        for e in entries:
            rels = ", ".join(f"{r['predicate']} {r['direction']} {r['evidence']}" for r in e["relations"])
            out.append(f"    {e['actor']:<6} {_num(e['weight'], signed=True):>6}  evidence {e['evidence']:<3}  {rels}")
    return "\n".join(out)


def format_diff(d: dict) -> str:
    """The table form of :func:`kg.analysis.diff_graphs` for people."""
    out = [f"Relations: {len(d['added'])} added, {len(d['removed'])} removed, "
           f"{len(d['evidence'])} with a new evidence count"]
    out += [f"  + {s} {p} {o}" for s, p, o in d["added"]]
    out += [f"  - {s} {p} {o}" for s, p, o in d["removed"]]
    out += [f"  ~ {s} {p} {o}: {a} -> {b}" for s, p, o, a, b in d["evidence"]]
    sign = {1: "+", -1: "-", 0: "none"}
    if d["sign_changes"]:
        out.append("Signed ties that changed:")
        out += [f"  {'-'.join(c['pair'])}: {sign[c['old']]} -> {sign[c['new']]}" for c in d["sign_changes"]]
    b = d["blocs"]
    out.append(f"Blocs: {len(b['old'])} -> {len(b['new'])}, criterion P {_num(b['criterion']['old'])} -> "
               f"{_num(b['criterion']['new'])}")
    if not b["changes"]:
        out.append("  no bloc changed members")
    for c in b["changes"]:
        old = " ".join(c["old"]) if c["old"] else "(none)"
        new = " ".join(c["new"]) if c["new"] else "(none)"
        moves = [f"joined: {' '.join(c['joined'])}"] if c["joined"] else []
        moves += [f"left: {' '.join(c['left'])}"] if c["left"] else []
        out.append(f"  {old}  ->  {new}   ({'; '.join(moves)})")
    out.append(f"Balance: {_num(d['balance']['old'])} -> {_num(d['balance']['new'])}")
    return "\n".join(out)


def json_text(value) -> str:
    """``json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)``, the same text, in about
    a third of the time (the standard library writes indented JSON in pure Python, one generator
    per level; the analysis of a large graph is 17 MB of it). A dict met again at the same depth
    (the unbalanced triangles share their edges' records) is written once and its text reused.
    Anything but str-keyed dicts, lists, tuples, str, int, float, bool and None goes to
    ``json.dumps`` itself.

    >>> value = {"b": [1, 2.5, None], "a": {"x": True, "é": [], "n": float("nan")}}
    >>> json_text(value) == json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    True
    >>> shared = {"pair": ["A", "B"], "w": -1.5}
    >>> value = [{"e": [shared, shared]}, {"e": [shared]}, shared]
    >>> json_text(value) == json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    True
    """
    from json.encoder import encode_basestring as string

    out: list[str] = []
    add = out.append
    inf = float("inf")
    # id of a dict -> (its indentation, where its text starts and ends in ``out``), then its text
    # (the value holds every dict it contains, so their ids stay theirs while it is written)
    written: dict[int, tuple] = {}

    def put(v, pad: str) -> None:
        if isinstance(v, (list, tuple)):
            if not v:
                add("[]")
                return
            inner = pad + "  "
            texts = []
            for item in v:  # a list of strings and numbers (actors, a relation) in one piece
                kind = type(item)
                if kind is str:
                    texts.append(string(item))
                elif kind is int:
                    texts.append(int.__repr__(item))
                elif kind is float and -inf < item < inf:
                    texts.append(float.__repr__(item))
                else:
                    break
            else:
                add("[\n" + inner + (",\n" + inner).join(texts) + "\n" + pad + "]")
                return
            add("[\n" + inner)
            for i, item in enumerate(v):
                if i:
                    add(",\n" + inner)
                put(item, inner)
            add("\n" + pad + "]")
        elif isinstance(v, dict):
            if not v:
                add("{}")
                return
            seen = written.get(id(v))
            if seen is not None and seen[0] == pad:
                if len(seen) == 3:
                    seen = written[id(v)] = (pad, "".join(out[seen[1]:seen[2]]))
                add(seen[1])
                return
            begin = len(out)
            keys = sorted(v)  # (a TypeError for keys of mixed types, as json.dumps gives)
            if not all(type(k) is str for k in keys):
                raise TypeError("not a str key")
            inner = pad + "  "
            add("{\n" + inner)
            for i, k in enumerate(keys):
                if i:
                    add(",\n" + inner)
                item = v[k]
                kind = type(item)
                if kind is str:
                    add(string(k) + ": " + string(item))
                elif kind is int:
                    add(string(k) + ": " + int.__repr__(item))
                elif kind is float and -inf < item < inf:
                    add(string(k) + ": " + float.__repr__(item))
                else:
                    add(string(k) + ": ")
                    put(item, inner)
            add("\n" + pad + "}")
            if seen is None:
                written[id(v)] = (pad, begin, len(out))
        elif isinstance(v, str):
            add(string(v))
        elif v is None:
            add("null")
        elif v is True:
            add("true")
        elif v is False:
            add("false")
        elif isinstance(v, int):
            add(int.__repr__(v))
        elif isinstance(v, float):
            add("NaN" if v != v else "Infinity" if v == inf else "-Infinity" if v == -inf else float.__repr__(v))
        else:
            raise TypeError(f"not JSON: {type(v).__name__}")

    try:
        put(value, "")
    except (TypeError, RecursionError):
        return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    finally:
        put = None  # the function refers to itself: without this, its pieces wait for the collector
    return "".join(out)


# ---------------------------------------------------------------------------- commands

def one_blas_thread() -> None:
    """Hold numpy's BLAS (OpenBLAS, MKL, OpenMP) to one thread unless the user set it, before
    numpy is imported. The blocs, balance and centrality are the same numbers either way; on a
    shared 2-core machine two BLAS threads made the 1,000-actor analysis slower (33 s against 20 s
    with other jobs running), and on an idle one they saved less than a second."""
    import os

    if "numpy" not in sys.modules:
        for name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS"):
            os.environ.setdefault(name, "1")


def _load(path: str, options: dict, gazetteer, flt=None):
    """The filtered NetworkX view of the graph at ``path`` and the filter used (``flt``, else the
    one of ``options``).

    ``--since``/``--until`` act on each claim's time, else on its document's date. The analysis
    counts evidence and never reads it, so the edges come without their evidence lists.
    """
    from .errors import GraphError
    from .cli_filters import filter_from_options
    from .network import load_network

    if flt is None:
        flt = filter_from_options(**options, gazetteer=gazetteer)
    with about(path, GraphError):
        return load_network(path, flt, gazetteer, evidence=False), flt


_ALPHA = click.option("--alpha", type=click.FloatRange(0, 1), default=0.5, show_default=True,
                      help="Doreian-Mrvar weight of negative ties inside blocs (1 - alpha: positive ties "
                           "between blocs).")
_MAX_BLOCS = click.option("--max-blocs", type=click.IntRange(1, 20), default=8, show_default=True,
                          help="The largest number of blocs tried.")
_FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
                       help="table for people, json for programs.")


@click.command("analyze", cls=KgCommand)
@click.argument("graph", type=click.Path())
@_FORMAT
@_ALPHA
@_MAX_BLOCS
@filter_options
def analyze(graph, fmt, alpha, max_blocs, **options):
    """Blocs, structural balance and centrality of the signed network of GRAPH.

    Cooperation between two actors counts positive, conflict negative (weighted by the ontology's
    Goldstein weights and the evidence counts). Blocs minimise negative ties inside and positive
    ties between them; balance is the share of triangles whose signs multiply to +. With --focus,
    also the actor's partners and adversaries; with --since/--until, only the evidence of that period
    (the claim's time, else its document's date).
    """
    one_blas_thread()
    from .analysis import analyze_signed, signed_counts, signed_graph
    from .cli_filters import filter_from_options
    from .errors import GraphError
    from .gazetteer import load_gazetteer
    from .network import collector_paused, relation_counts, release

    gazetteer = load_gazetteer()
    with collector_paused():  # its full collections would walk the graph again and again
        flt = filter_from_options(**options, gazetteer=gazetteer)
        graphs = []
        if flt.active:
            G, _ = _load(graph, options, gazetteer, flt)
            S = signed_graph(G)
            nodes = G.nodes(data=True)
            graphs.append(G)
            del G
        else:  # the signed projection straight from each relation's evidence count: no multigraph made
            with about(graph, GraphError):
                nodes, counts = relation_counts(graph)
            S = signed_counts(nodes, counts)
            del counts
        graphs.append(S)
        analysis = analyze_signed(S, alpha=alpha, max_k=max_blocs, focus=flt.focus)
        del S
        result = analysis.to_dict()
        from .text import json_terminal_safe, printable  # labels and evidence never drive the terminal
        if fmt == "json":
            text = json_terminal_safe(json_text(result))
        else:
            labels = {n: d.get("label") or n for n, d in nodes}
            text = printable(format_analysis(result, labels))
        release(*graphs)  # freed here, not walked by the collection the collector's return starts
        del graphs, nodes, analysis, result
    click.echo(text)


@click.command("diff", cls=KgCommand)
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@_FORMAT
@_ALPHA
@_MAX_BLOCS
@click.option("--exit-code", is_flag=True, help="Exit 1 when a relation was added or removed (like git diff).")
@filter_options
def diff(old, new, fmt, alpha, max_blocs, exit_code, **options):
    """What changed from graph OLD to graph NEW: relations added and removed, signed ties that
    changed sign, blocs that changed members, balance before and after."""
    one_blas_thread()
    from .analysis import diff_graphs
    from .gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    from .network import collector_paused

    with collector_paused():
        G_old, _ = _load(old, options, gazetteer)
        G_new, _ = _load(new, options, gazetteer)
        result = diff_graphs(G_old, G_new, alpha=alpha, max_k=max_blocs)
    from .text import json_terminal_safe, printable
    if fmt == "json":
        click.echo(json_terminal_safe(json_text(result)))
    else:
        click.echo(printable(format_diff(result)))
    if exit_code and (result["added"] or result["removed"]):
        sys.exit(1)
