"""Alliance analytics over the NetworkX view: signed projection, blocs, balance, centrality, ego, diff.

International-relations research reads a network of states as a *signed* network: cooperation is a
positive tie, conflict a negative one. This module projects kg's relation multigraph (see
:mod:`kg.network`) onto such a network and answers the standard questions about it.

Signed projection (:func:`signed_graph`)
    One undirected edge per pair of actors. Each relation between the pair contributes
    ``polarity x |Goldstein weight| / 10 x evidence count``, where the polarity (+1 cooperation,
    -1 conflict) comes from the relation's quad class and the weight from the ontology
    (:func:`kg.onto.predicate_info`). The edge's ``weight`` is the sum and its ``sign`` the sign of
    the sum. A pair whose contributions cancel exactly is *neutral*: it gets no edge (so blocs,
    balance and the PN index see neither a friend nor an enemy) and is listed in
    ``S.graph["neutral"]``. Self-relations are ignored.
Blocs (:func:`blocs`)
    Doreian and Mrvar's partitioning of signed networks: minimise
    ``P = alpha * (negative weight inside blocs) + (1 - alpha) * (positive weight between blocs)``
    by relocating actors between blocs (moves, then swaps) from several deterministic starts, for
    k = 1 .. max_k blocs; a larger k must lower P strictly to be preferred. Actors with no signed
    tie belong to no bloc (:func:`unaligned`).
Balance (:func:`balance`)
    Cartwright and Harary's structural balance counted over triangles: a triangle is balanced when
    the product of its three signs is positive. A network without triangles has balance 1.0.
    Davis's weak balance (three mutual enemies also balanced) is reported beside it.
Centrality (:func:`centrality`)
    Degree, positive and negative degree, weighted degree (sum of absolute weights), net weight
    (sum of signed weights) and Everett and Borgatti's PN index.

Everything is deterministic: actors are handled in sorted order and ties go to the smallest id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

__all__ = ["signed_graph", "signed_counts", "blocs", "unaligned", "balance", "centrality", "pn_index", "ego",
           "Analysis", "analyze", "analyze_signed", "diff_graphs", "with_document_dates", "Balance"]

_EPS = 1e-9


# ---------------------------------------------------------------------------- signed projection

def signed_graph(G: nx.MultiDiGraph, info: dict | None = None) -> nx.Graph:
    """The signed projection of a relation multigraph: one weighted, signed edge per pair of actors.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The view of :func:`kg.network.to_networkx` (edges carry ``predicate`` and ``weight`` =
        evidence count).
    info : dict, optional
        Predicate name -> :class:`kg.onto.PredicateInfo`; the ontology's by default.

    Returns
    -------
    networkx.Graph
        Every actor of ``G`` as a node (with its attributes); an edge per pair whose contributions
        do not cancel, with ``weight`` (signed float), ``sign`` (+1 or -1), ``evidence`` (evidence
        count over the pair's relations) and ``relations`` (sorted tuples ``(subject, predicate,
        object, evidence count)``). ``S.graph["neutral"]`` lists the pairs that cancel out, as dicts
        with ``pair``, ``evidence`` and ``relations``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("FRA", "RUS", key="alliedWith", predicate="alliedWith", weight=2)
    'alliedWith'
    >>> G.add_edge("DEU", "RUS", key="atWarWith", predicate="atWarWith", weight=1)
    'atWarWith'
    >>> S = signed_graph(G)
    >>> sorted(S.edges(data="weight"))
    [('DEU', 'RUS', -1.0), ('FRA', 'RUS', 1.6)]
    """
    nodes = G.nodes
    return _signed([(node, nodes[node]) for node in sorted(nodes)],
                   ((s, data.get("predicate"), o, data.get("weight", 1)) for s, o, data in G.edges(data=True)),
                   info)


def signed_counts(nodes, counts: dict, info: dict | None = None) -> nx.Graph:
    """:func:`signed_graph` of a relation multigraph given as what :func:`kg.network.relation_counts`
    reads: ``nodes``, (id, attributes) in sorted order, and ``counts``, (subject, predicate, object)
    -> evidence count (the edges' ``weight``). The same graph, without making the multigraph.

    >>> S = signed_counts([("DEU", {}), ("FRA", {}), ("RUS", {})],
    ...                   {("FRA", "alliedWith", "RUS"): 2, ("DEU", "atWarWith", "RUS"): 1})
    >>> sorted(S.edges(data="weight"))
    [('DEU', 'RUS', -1.0), ('FRA', 'RUS', 1.6)]
    """
    return _signed(nodes, ((s, p, o, count) for (s, p, o), count in counts.items()), info)


def _signed(nodes, relations, info: dict | None) -> nx.Graph:
    """The signed projection of ``nodes`` ((id, attributes), sorted) and ``relations`` ((subject,
    predicate, object, evidence count) of each edge, in any order): see :func:`signed_graph`."""
    if info is None:
        from .onto import predicate_info

        info = predicate_info()
    # integer hundredths (|weight| has one decimal), so that opposite contributions cancel exactly
    units = {name: p.polarity * round(abs(p.weight) * 10) for name, p in info.items()}
    pairs: dict[tuple[str, str], list] = {}
    for s, p, o, count in relations:
        if s == o or p not in units:
            continue
        count = int(count)
        pair = (s, o) if s < o else (o, s)
        pairs.setdefault(pair, []).append((s, p, o, count))
    S = nx.Graph()
    for node, attrs in nodes:
        S.add_node(node, **attrs)
    neutral, edges = [], []
    for (u, v), rels in sorted(pairs.items()):
        if len(rels) == 1:
            _, p, _, evidence = rels[0]
            total = units[p] * evidence
        else:
            rels.sort()
            total = evidence = 0
            for _, p, _, c in rels:
                total += units[p] * c
                evidence += c
        if total == 0:
            neutral.append({"pair": (u, v), "evidence": evidence, "relations": tuple(rels)})
            continue
        edges.append((u, v, {"weight": total / 100, "sign": 1 if total > 0 else -1, "evidence": evidence,
                             "relations": tuple(rels)}))
    S.add_edges_from(edges)
    S.graph["neutral"] = neutral
    return S


def unaligned(S: nx.Graph) -> list[str]:
    """Actors with no signed tie (they belong to no bloc), sorted."""
    return sorted(n for n in S.nodes if S.degree(n) == 0)


# ---------------------------------------------------------------------------- blocs

def _matrices(S: nx.Graph, nodes: list[str]):
    import numpy as np

    index = {n: i for i, n in enumerate(nodes)}
    n = len(nodes)
    P = np.zeros((n, n))
    N = np.zeros((n, n))
    for u, v, w in S.edges(data="weight"):
        i, j = index[u], index[v]
        if w > 0:
            P[i, j] = P[j, i] = w
        else:
            N[i, j] = N[j, i] = -w
    return P, N


def _criterion(P, N, c, alpha: float) -> float:
    same = c[:, None] == c[None, :]
    return float(alpha * N[same].sum() / 2 + (1 - alpha) * P[~same].sum() / 2)


def _swap_pairs(P, N, alpha: float):
    """The pairs (v < u, in row-major order) whose swap can lower P when no single move does, and
    their ``pair_change``: those with a net negative tie (see :func:`_relocate`)."""
    import numpy as np

    pair_change = 2 * (alpha * N - (1 - alpha) * P)
    v, u = np.nonzero(np.triu(pair_change > 0, 1))
    return v, u, pair_change[v, u]


def _relocate(P, N, c, k: int, alpha: float, max_steps: int = 100_000, pairs=None):
    """Steepest-descent relocation: the best single move, else the best swap, until none improves.

    Ties go to the first actor (sorted ids), then the first bloc, so the result is deterministic.
    ``P`` and ``N`` are symmetric: an actor's row is its column, read contiguously. ``pairs`` is
    :func:`_swap_pairs` of the same matrices (computed here when not given).

    Swapping v and u changes P by ``delta[v, c[u]] + delta[u, c[v]] - pair_change[v, u]``, where
    ``delta`` is the change of each single move, all at least ``m`` (its minimum, >= -eps when no
    move improves), and ``pair_change`` = 2 (alpha N - (1 - alpha) P)[v, u] (the pair's own tie
    stays between blocs). In floating point that sum is at least ``2m - pair_change``, so when
    ``2m >= -eps`` only pairs with ``pair_change > 0`` can give a swap below -eps, and only they are
    evaluated, the same expression element by element as over the whole matrix (the same swap is
    chosen, the first in row-major order among equal ones). Otherwise every pair is evaluated.
    """
    import numpy as np

    n = len(c)
    c = c.copy()
    M = np.zeros((n, k))
    M[np.arange(n), c] = 1.0
    # weight of each actor's ties into each bloc, kept bloc by bloc (a row per bloc: a move
    # updates two contiguous rows)
    pos, neg = np.ascontiguousarray((P @ M).T), np.ascontiguousarray((N @ M).T)
    rows = np.arange(n)
    sv, su, spc = pairs if pairs is not None else _swap_pairs(P, N, alpha)
    pair_change = None  # over every pair, made when needed
    beta = 1 - alpha
    delta_t, other = np.empty((k, n)), np.empty((k, n))
    delta = delta_t.T  # delta[v, b]: the change of P when actor v moves to bloc b
    for _ in range(max_steps):
        # delta = alpha * (neg - own_neg) - (1 - alpha) * (pos - own_pos), with own_* the weight
        # into the actor's own bloc; the same operations in place
        own = c * n + rows  # (c[v], v) in the rows of pos and neg, flattened
        np.subtract(neg, neg.take(own), out=delta_t)
        np.multiply(delta_t, alpha, out=delta_t)
        np.subtract(pos, pos.take(own), out=other)
        np.multiply(other, beta, out=other)
        np.subtract(delta_t, other, out=delta_t)
        # the first least (actor, bloc) in actor order, as np.argmin(delta) finds it
        v = int(np.argmin(delta_t.min(axis=0)))
        b = int(np.argmin(delta_t[:, v]))
        least = delta_t[b, v]
        if least < -_EPS:
            a = c[v]
            pos[a] -= P[v]
            pos[b] += P[v]
            neg[a] -= N[v]
            neg[b] += N[v]
            c[v] = b
            continue
        if n < 2:
            break
        if 2 * least >= -_EPS:
            cv, cu = c[sv], c[su]
            swap = delta_t[cu, sv] + delta_t[cv, su]
            swap -= spc
            np.putmask(swap, cv == cu, np.inf)
            if not len(swap):
                break
            i = int(np.argmin(swap))
            if swap[i] >= -_EPS:
                break
            v, u = int(sv[i]), int(su[i])
        else:
            if pair_change is None:
                pair_change = 2 * (alpha * N - (1 - alpha) * P)  # a swap keeps the swapped pair's tie between blocs
                pair_change[np.tri(n, dtype=bool)] = -np.inf  # each pair once (v < u): the others' swap is +inf
            moved = delta[:, c]
            swap = moved + moved.T  # swap[v, u]: v to u's bloc, u to v's
            swap -= pair_change
            np.putmask(swap, c[:, None] == c[None, :], np.inf)
            flat = int(np.argmin(swap))
            if swap.flat[flat] >= -_EPS:
                break
            v, u = divmod(flat, n)
        a, b = c[v], c[u]
        for x, src, dst in ((v, a, b), (u, b, a)):
            pos[src] -= P[x]
            pos[dst] += P[x]
            neg[src] -= N[x]
            neg[dst] += N[x]
        c[v], c[u] = b, a
    return c


def _start_components(P, N, k: int):
    """Components of the positive subgraph (largest first), each packed into the bloc it has the
    least negative weight to."""
    import numpy as np

    n = len(P)
    comps: dict[int, list[int]] = {}
    seen = np.zeros(n, dtype=bool)
    for root in range(n):  # breadth-first over positive ties
        if seen[root]:
            continue
        seen[root] = True
        members, frontier = [root], [root]
        while frontier:
            nxt = np.flatnonzero((P[frontier] > 0).any(axis=0) & ~seen)
            seen[nxt] = True
            frontier = nxt.tolist()
            members.extend(frontier)
        comps[root] = sorted(members)
    order = sorted(comps.values(), key=lambda m: (-len(m), m[0]))
    c = np.zeros(n, dtype=int)
    neg_to = np.zeros((n, k))
    for members in order:
        cost = neg_to[members].sum(axis=0)
        b = int(np.argmin(cost))
        c[members] = b
        neg_to[:, b] += N[:, members].sum(axis=1)
    return c


def _leading_eigenvectors(P, N, k: int):
    """The ``k`` leading eigenvectors of the signed adjacency matrix, each signed so that its first
    clearly non-zero entry is positive."""
    import numpy as np

    _, vectors = np.linalg.eigh(P - N)
    X = vectors[:, ::-1][:, :max(1, min(k, len(P)))].copy()
    for j in range(X.shape[1]):
        nz = np.flatnonzero(np.abs(X[:, j]) > 1e-9)
        if len(nz) and X[nz[0], j] < 0:
            X[:, j] = -X[:, j]
    return X


def _start_spectral(P, N, k: int, vectors):
    """Leading eigenvectors of the signed adjacency matrix; for k = 2 the sign of the first."""
    import numpy as np

    X = vectors[:, :k]
    if k == 2:
        return (X[:, 0] < 0).astype(int)
    norms = np.linalg.norm(X, axis=1)
    Y = X / np.where(norms > 0, norms, 1)[:, None]
    strength = (P + N).sum(axis=1)
    seeds = [int(np.argmax(strength))]
    while len(seeds) < k:  # farthest-point seeds (cosine), ties to the first actor
        sim = (Y @ Y[seeds].T).max(axis=1)
        sim[seeds] = np.inf
        seeds.append(int(np.argmin(sim)))
    return np.argmax(Y @ Y[seeds].T, axis=1).astype(int)


def _start_greedy(P, N, k: int, alpha: float):
    """Actors by decreasing tie strength (ties: sorted id), each put where it adds the least to P."""
    import numpy as np

    n = len(P)
    strength = (P + N).sum(axis=1)
    order = sorted(range(n), key=lambda i: (-strength[i], i))
    c = np.full(n, -1)
    pos_to, neg_to = np.zeros((n, k)), np.zeros((n, k))
    for i in order:
        cost = alpha * neg_to[i] + (1 - alpha) * (pos_to[i].sum() - pos_to[i])
        b = int(np.argmin(cost))
        c[i] = b
        pos_to[:, b] += P[i]
        neg_to[:, b] += N[i]
    return c


def blocs(S: nx.Graph, alpha: float = 0.5, max_k: int = 8) -> tuple[list[list[str]], float]:
    """Partition the actors of a signed graph into blocs (Doreian-Mrvar criterion).

    Parameters
    ----------
    S : networkx.Graph
        A signed graph (edge attribute ``weight``, positive or negative), e.g. from
        :func:`signed_graph`.
    alpha : float
        Weight of negative ties inside blocs against positive ties between blocs (0 < alpha < 1).
    max_k : int
        The largest number of blocs tried.

    Returns
    -------
    (blocs, criterion)
        ``blocs``: lists of actor ids, each sorted, the largest bloc first (ties: first id);
        actors without a signed tie are left out. ``criterion``: the value of P.

    Examples
    --------
    >>> S = nx.Graph()
    >>> S.add_weighted_edges_from([("A", "B", 1), ("C", "D", 1), ("A", "C", -1), ("B", "D", -1)])
    >>> blocs(S)
    ([['A', 'B'], ['C', 'D']], 0.0)
    """
    import numpy as np

    if not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be in [0, 1], not {alpha}")
    nodes = sorted(n for n in S.nodes if S.degree(n) > 0)
    if not nodes:
        return [], 0.0
    P, N = _matrices(S, nodes)
    best_c = np.zeros(len(nodes), dtype=int)
    best = _criterion(P, N, best_c, alpha)
    vectors = _leading_eigenvectors(P, N, max_k)
    pairs = _swap_pairs(P, N, alpha)
    values: dict[bytes, float] = {}
    for k in range(2, min(max_k, len(nodes)) + 1):
        starts = [_start_components(P, N, k), _start_spectral(P, N, k, vectors), _start_greedy(P, N, k, alpha),
                  best_c.copy()]  # the best partition so far, with an empty bloc to grow
        round_best, round_c = np.inf, None
        for start in starts:
            c = _relocate(P, N, start, k, alpha, pairs=pairs)
            key = c.tobytes()  # starts often end in the same partition: its value once
            value = values.get(key)
            if value is None:
                value = values[key] = _criterion(P, N, c, alpha)
            if value < round_best - _EPS:
                round_best, round_c = value, c
        if round_best < best - _EPS:
            best, best_c = round_best, round_c
    groups: dict[int, list[str]] = {}
    for node, b in zip(nodes, best_c):
        groups.setdefault(int(b), []).append(node)
    result = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    return result, round(best, 6)


# ---------------------------------------------------------------------------- balance

@dataclass(frozen=True)
class Balance:
    """Structural balance over the triangles of a signed graph."""

    ratio: float  # balanced triangles / triangles (1.0 when there is no triangle)
    triangles: int
    balanced: int
    unbalanced: list = field(default_factory=list)  # dicts: actors, edges (pair, sign, weight, relations)
    weak_ratio: float = 1.0  # Davis's weak balance: three mutual enemies also count as balanced


def _sign(d: dict) -> int:
    return d.get("sign") or (1 if d.get("weight", 0) > 0 else -1)


def _edge_record(S: nx.Graph, u: str, v: str) -> dict:
    d = S.edges[u, v]
    return {"pair": [u, v], "sign": _sign(d), "weight": d["weight"],
            "relations": [list(r) for r in d.get("relations", ())]}


def balance(S: nx.Graph) -> Balance:
    """The share of balanced triangles of ``S`` and the unbalanced triangles with their relations.

    Unbalanced triangles are listed strongest first (sum of absolute weights), then by actor ids.

    Examples
    --------
    >>> S = nx.Graph()
    >>> S.add_edges_from([("A", "B", {"weight": 1, "sign": 1}), ("B", "C", {"weight": 1, "sign": 1}),
    ...                   ("A", "C", {"weight": -1, "sign": -1})])
    >>> b = balance(S)
    >>> b.ratio, b.triangles, [t["actors"] for t in b.unbalanced]
    (0.0, 1, [['A', 'B', 'C']])
    """
    nodes = sorted(S.nodes)
    rank = {n: i for i, n in enumerate(nodes)}
    sign: dict[str, dict[str, int]] = {}  # sign[u][v]: the sign of the tie u-v
    higher: dict[str, set] = {}
    for u, v, d in S.edges(data=True):
        sign.setdefault(u, {})[v] = sign.setdefault(v, {})[u] = _sign(d)
        a, b = (u, v) if rank[u] < rank[v] else (v, u)
        higher.setdefault(a, set()).add(b)
    total = good = enemies = 0
    bad = []
    for a in nodes:
        up = higher.get(a)
        if not up:
            continue
        sign_a = sign[a]
        for b in up:
            up_b = higher.get(b)
            if not up_b:
                continue
            sign_b, ab = sign[b], sign_a[b]
            for c in up & up_b:  # a, b, c in rank order
                total += 1
                bc, ac = sign_b[c], sign_a[c]
                if ab * bc * ac > 0:
                    good += 1
                else:
                    bad.append((a, b, c))
                    enemies += ab + bc + ac == -3
    records = []
    made: dict[tuple[str, str], dict] = {}  # an edge's record, shared by its triangles (read-only)

    def record(u: str, v: str) -> dict:
        rec = made.get((u, v))
        if rec is None:
            rec = made[u, v] = _edge_record(S, u, v)
        return rec

    for a, b, c in bad:
        edges = [record(a, b), record(a, c), record(b, c)]
        records.append({"actors": [a, b, c], "edges": edges,
                        "strength": round(sum(abs(e["weight"]) for e in edges), 6)})
    records.sort(key=lambda t: (-t["strength"], t["actors"]))
    return Balance(ratio=round(good / total, 6) if total else 1.0, triangles=total, balanced=good,
                   unbalanced=records, weak_ratio=round((good + enemies) / total, 6) if total else 1.0)


# ---------------------------------------------------------------------------- centrality

def pn_index(S: nx.Graph) -> dict[str, float]:
    """Everett and Borgatti's PN index: ``(I - A / (2n - 2))^-1 . 1`` with ``A = P - 2N`` (binary).

    High values: many positive ties to actors who are themselves well liked; negative ties
    (and ties to disliked actors) lower it.
    """
    import numpy as np

    nodes = sorted(S.nodes)
    n = len(nodes)
    if n < 3:
        return {node: 1.0 for node in nodes}
    index = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((n, n))
    for u, v, w in S.edges(data="weight"):
        A[index[u], index[v]] = A[index[v], index[u]] = 1.0 if w > 0 else -2.0
    M = np.eye(n) - A / (2 * n - 2)
    try:
        pn = np.linalg.solve(M, np.ones(n))
    except np.linalg.LinAlgError:  # singular only in degenerate cases; least squares then
        pn = np.linalg.lstsq(M, np.ones(n), rcond=None)[0]
    return {node: round(float(x), 6) for node, x in zip(nodes, pn)}


def centrality(S: nx.Graph) -> dict[str, dict]:
    """Per actor: ``degree``, ``positive``, ``negative``, ``weighted_degree`` (sum of |weight|),
    ``net`` (sum of signed weights) and ``pn`` (:func:`pn_index`)."""
    pn = pn_index(S)
    out = {}
    adj = S.adj
    for node in sorted(S.nodes):
        weights = [d.get("weight") for d in adj[node].values()]  # S.edges(node, data="weight"), faster
        out[node] = {"degree": len(weights), "positive": sum(1 for w in weights if w > 0),
                     "negative": sum(1 for w in weights if w < 0),
                     "weighted_degree": round(sum(abs(w) for w in weights), 6),
                     "net": round(sum(weights), 6), "pn": pn[node]}
    return out


# ---------------------------------------------------------------------------- ego

def _ego_entry(actor: str, other: str, weight: float, evidence: int, relations) -> dict:
    rels = []
    for s, p, o, count in relations:
        direction = "<->" if (s, o) in ((actor, other), (other, actor)) and _symmetric(p) else (
            "->" if s == actor else "<-")
        rels.append({"predicate": p, "direction": direction, "evidence": count})
    return {"actor": other, "weight": weight, "evidence": evidence, "relations": rels}


def _symmetric(predicate: str) -> bool:
    from .predicates import SYMMETRIC_PREDICATES

    return predicate in SYMMETRIC_PREDICATES


def ego(S: nx.Graph, actor: str) -> dict:
    """An actor's partners (positive ties, strongest first), adversaries (negative, strongest first)
    and mixed pairs (relations that cancel out), with evidence counts and relations.

    ``direction`` of a relation is ``->`` when ``actor`` is its subject, ``<-`` when it is the object,
    ``<->`` for a symmetric relation.
    """
    if actor not in S:
        return {"actor": actor, "partners": [], "adversaries": [], "mixed": []}
    partners, adversaries = [], []
    for other in sorted(S.neighbors(actor)):
        d = S.edges[actor, other]
        entry = _ego_entry(actor, other, d["weight"], d.get("evidence", 0), d.get("relations", ()))
        (partners if d["weight"] > 0 else adversaries).append(entry)
    mixed = [_ego_entry(actor, n["pair"][1] if n["pair"][0] == actor else n["pair"][0], 0.0, n["evidence"],
                        n["relations"])
             for n in S.graph.get("neutral", ()) if actor in n["pair"]]
    partners.sort(key=lambda e: (-e["weight"], e["actor"]))
    adversaries.sort(key=lambda e: (e["weight"], e["actor"]))
    mixed.sort(key=lambda e: e["actor"])
    return {"actor": actor, "partners": partners, "adversaries": adversaries, "mixed": mixed}


# ---------------------------------------------------------------------------- whole analysis

@dataclass
class Analysis:
    """The results of :func:`analyze`; ``to_dict()`` is the JSON form of ``kg analyze``."""

    signed: nx.Graph
    alpha: float
    blocs: list[list[str]]
    criterion: float
    balance: Balance
    centrality: dict[str, dict]
    ego: dict | None = None

    def to_dict(self) -> dict:
        S = self.signed
        positive = sum(1 for *_, w in S.edges(data="weight") if w > 0)
        out = {
            "actors": S.number_of_nodes(), "ties": S.number_of_edges(), "positive": positive,
            "negative": S.number_of_edges() - positive,
            "neutral": [list(n["pair"]) for n in S.graph.get("neutral", ())],
            "alpha": self.alpha, "blocs": self.blocs, "criterion": self.criterion, "unaligned": unaligned(S),
            "balance": self.balance.ratio, "triangles": self.balance.triangles,
            "balanced": self.balance.balanced, "unbalanced": self.balance.unbalanced,
            "weak_balance": self.balance.weak_ratio,
            "centrality": self.centrality,
        }
        if self.ego is not None:
            out["ego"] = self.ego
        return out


def analyze(G: nx.MultiDiGraph, alpha: float = 0.5, max_k: int = 8, focus: str | None = None) -> Analysis:
    """Signed projection, blocs, balance, centrality (and the ego summary of ``focus``) of ``G``."""
    from .network import collector_paused

    with collector_paused():  # hundreds of thousands of small acyclic objects (records, tuples)
        return analyze_signed(signed_graph(G), alpha, max_k, focus)


def analyze_signed(S: nx.Graph, alpha: float = 0.5, max_k: int = 8, focus: str | None = None) -> Analysis:
    """:func:`analyze` of a relation multigraph given by its signed projection ``S`` (:func:`signed_graph`,
    :func:`signed_counts`)."""
    from .network import collector_paused

    with collector_paused():
        groups, value = blocs(S, alpha=alpha, max_k=max_k)
        return Analysis(signed=S, alpha=alpha, blocs=groups, criterion=value, balance=balance(S),
                        centrality=centrality(S), ego=ego(S, focus) if focus else None)


# ---------------------------------------------------------------------------- change

def with_document_dates(G: nx.MultiDiGraph, rdf_graph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose evidence without a claim time takes its document's ``dcterms:date``.

    ``kg.filters.apply_filter(..., document_dates=kg.filters.document_dates(rdf_graph))`` gives the
    same time windows without changing the evidence; this is for callers that want the dates kept.
    """
    from .filters import document_dates

    dates = document_dates(rdf_graph)
    H = G.copy()
    if not dates:
        return H
    for _, _, data in H.edges(data=True):
        evidence = [dict(ev, time=ev.get("time") or dates.get(ev.get("doc"))) for ev in data.get("evidence", ())]
        times = sorted(ev["time"] for ev in evidence if ev["time"])
        data.update(evidence=evidence, first_time=times[0] if times else None,
                    last_time=times[-1] if times else None)
    return H


def _match_blocs(old: list[list[str]], new: list[list[str]]) -> list[dict]:
    """Pair old and new blocs by overlap (largest first, ties by position); unmatched ones stand alone."""
    pairs = sorted(((len(set(a) & set(b)), i, j) for i, a in enumerate(old) for j, b in enumerate(new)),
                   key=lambda t: (-t[0], t[1], t[2]))
    used_old, used_new, matches = set(), set(), []
    for overlap, i, j in pairs:
        if overlap == 0 or i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        matches.append((i, j))
    out = []
    for i, j in sorted(matches):
        a, b = set(old[i]), set(new[j])
        out.append({"old": old[i], "new": new[j], "joined": sorted(b - a), "left": sorted(a - b)})
    out += [{"old": old[i], "new": None, "joined": [], "left": old[i]} for i in range(len(old)) if i not in used_old]
    out += [{"old": None, "new": new[j], "joined": new[j], "left": []} for j in range(len(new)) if j not in used_new]
    return out


def diff_graphs(old: nx.MultiDiGraph, new: nx.MultiDiGraph, alpha: float = 0.5, max_k: int = 8) -> dict:
    """What changed between two relation graphs.

    Returns a dict with ``added`` and ``removed`` relations (``[subject, predicate, object]``),
    ``evidence`` (relations in both whose evidence count changed: ``[s, p, o, old, new]``),
    ``sign_changes`` (pairs whose signed tie changed sign: ``{pair, old, new}``, a missing tie is 0),
    ``blocs`` (``old``, ``new``, ``criterion`` before/after and ``changes``: the matched blocs whose
    members changed, with ``joined`` and ``left``) and ``balance`` (``old``, ``new``).
    """
    def edges(G):
        return {(s, d["predicate"], o): int(d.get("weight", 1)) for s, o, d in G.edges(data=True)}

    e_old, e_new = edges(old), edges(new)
    a_old, a_new = analyze(old, alpha, max_k), analyze(new, alpha, max_k)

    def signs(S):
        return {(u, v) if u < v else (v, u): _sign(d) for u, v, d in S.edges(data=True)}

    s_old, s_new = signs(a_old.signed), signs(a_new.signed)
    sign_changes = [{"pair": list(p), "old": s_old.get(p, 0), "new": s_new.get(p, 0)}
                    for p in sorted(s_old.keys() | s_new.keys()) if s_old.get(p, 0) != s_new.get(p, 0)]
    changes = [m for m in _match_blocs(a_old.blocs, a_new.blocs) if m["joined"] or m["left"]]
    return {
        "added": [list(k) for k in sorted(e_new.keys() - e_old.keys())],
        "removed": [list(k) for k in sorted(e_old.keys() - e_new.keys())],
        "evidence": [[*k, e_old[k], e_new[k]] for k in sorted(e_old.keys() & e_new.keys()) if e_old[k] != e_new[k]],
        "sign_changes": sign_changes,
        "blocs": {"old": a_old.blocs, "new": a_new.blocs,
                  "criterion": {"old": a_old.criterion, "new": a_new.criterion}, "changes": changes},
        "balance": {"old": a_old.balance.ratio, "new": a_new.balance.ratio},
    }
