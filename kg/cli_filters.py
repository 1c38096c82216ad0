"""The graph filter's command-line options (``kg draw``, ``kg view``, ``kg export``, ``kg analyze``): click
lives here, the filter itself in :mod:`kg.filters`."""

from __future__ import annotations

from .filters import GraphFilter, period

def filter_options(f):
    """Click decorator: ``--relations --focus --depth --min-evidence --min-confidence
    --exclude-hedged --since --until`` (read them back with :func:`filter_from_options`)."""
    import click

    options = [
        click.option("--relations", metavar="NAMES",
                     help="Only these relations, comma-separated (supplies,vetoesFor); a quad class "
                          "(materialConflict) stands for its relations."),
        click.option("--focus", metavar="STATE",
                     help="Only this actor's neighbourhood (a name, alias or code: 'North Korea', DPRK, PRK)."),
        click.option("--depth", type=click.IntRange(min=0), metavar="N",
                     help="Steps from --focus to include  [default: 1]"),
        click.option("--min-evidence", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
                     help="Only relations with at least N pieces of evidence."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
                     metavar="X", help="Only relations whose best claim has confidence >= X."),
        click.option("--exclude-hedged", is_flag=True,
                     help="Leave out hedged evidence (reportedly, may, ...)."),
        click.option("--since", metavar="DATE",
                     help="Only evidence from DATE on (claim time, else document date; 2024, 2024-05, 2024-05-17)."),
        click.option("--until", metavar="DATE",
                     help="Only evidence up to DATE (a prefix covers its whole period)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _relation_names(text: str) -> frozenset[str]:
    import difflib

    import click

    from .predicates import QUAD_CLASSES, RELATION_PREDICATES

    names: set[str] = set()
    for raw in text.split(","):
        name = raw.strip()
        if not name:
            continue
        if name in QUAD_CLASSES:
            names.add(name)
        elif name in set(QUAD_CLASSES.values()):
            names.update(p for p, q in QUAD_CLASSES.items() if q == name)
        else:
            choices = list(RELATION_PREDICATES) + sorted(set(QUAD_CLASSES.values()))
            close = difflib.get_close_matches(name, choices, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else f"; known: {', '.join(RELATION_PREDICATES)}"
            raise click.BadParameter(f"unknown relation {name!r}{hint}", param_hint="--relations")
    if not names:
        raise click.BadParameter("no relation names given", param_hint="--relations")
    return frozenset(names)


def filter_from_options(*, relations=None, focus=None, depth=None, min_evidence=1, min_confidence=0.0,
                        exclude_hedged=False, since=None, until=None, gazetteer=None) -> GraphFilter:
    """The :class:`GraphFilter` of the options :func:`filter_options` added.

    ``focus`` is resolved to an actor id with ``gazetteer`` (loaded when None); unknown names,
    relations and dates raise :class:`click.BadParameter` (exit 2) naming the option.
    """
    import click

    rels = _relation_names(relations) if relations is not None else None
    actor = None
    if focus is not None:
        from .errors import GazetteerError

        if gazetteer is None:
            from .gazetteer import load_gazetteer

            gazetteer = load_gazetteer()
        try:
            actor = gazetteer.resolve(focus)
        except GazetteerError as exc:
            raise click.BadParameter(str(exc), param_hint="--focus") from None
    elif depth is not None:
        raise click.BadParameter("--depth needs --focus", param_hint="--depth")
    for name, value in (("--since", since), ("--until", until)):
        if value is not None:
            try:
                period(value)
            except ValueError as exc:
                raise click.BadParameter(str(exc), param_hint=name) from None
    try:
        return GraphFilter(relations=rels, focus=actor, depth=1 if depth is None else depth,
                           min_evidence=min_evidence, min_confidence=min_confidence,
                           exclude_hedged=exclude_hedged, since=since, until=until)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


__all__ = ["filter_options", "filter_from_options"]
