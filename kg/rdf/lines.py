"""The external sorter of ``kg build``: a graph kept as sorted N-Triples lines, spilled to disk in
sorted runs past a bound and merged when written, so that a graph of any size is built in bounded
memory (:class:`LineGraph`), and the N-Triples line of a triple (:func:`ntriples_line`)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from rdflib.plugins.serializers.nt import _nt_row
from rdflib.plugins.serializers.nt import _quote_encode

__all__ = ["LineGraph", "ntriples_line", "ntriples_plain_literal"]

#: the N-Triples line (with its newline) of an rdflib triple, as rdflib's N-Triples serializer
#: writes it: that serializer's row writer, which has no public name (kg's one use of it)
ntriples_line = _nt_row
#: the N-Triples form of a plain literal (no language, no datatype) of a ``str``, as that serializer
#: writes ``Literal(text)``: the text quoted and escaped
ntriples_plain_literal = _quote_encode


class LineGraph:
    """A write-only stand-in for :class:`rdflib.Graph` for the line formats (N-Triples, N-Quads).

    Each triple is kept as its N-Triples line, so building a large graph takes a fraction of the
    memory of an rdflib graph; :func:`kg.rdf.write_graph` writes the same bytes either way. Past
    ``spill_lines`` distinct lines, the lines are sorted into a temporary file in ``spill_dir``
    (unnamed where the system allows, and deleted when the graph is closed or collected) and
    :meth:`sorted_lines` merges those runs, so memory stays bounded however large the graph grows.
    """

    def __init__(self, spill_lines: int = 400_000, spill_dir: str | Path | None = None) -> None:
        self._row = ntriples_line
        self.lines: set[str] = set()
        self.spill_lines = spill_lines
        self.spill_dir = spill_dir  # None: the system's temporary directory
        self._runs: list = []

    def add(self, triple) -> "LineGraph":
        self.lines.add(self._row(triple))
        if len(self.lines) >= self.spill_lines:
            self._spill()
        return self

    def add_lines(self, lines: Iterable[str]) -> None:
        """Add triples already written as N-Triples lines (in the form of ``add``), e.g. those of
        an existing graph file streamed by :func:`kg.append.ntriples_lines`."""
        for line in lines:
            self.lines.add(line)
            if len(self.lines) >= self.spill_lines:
                self._spill()

    def _spill(self) -> None:
        import tempfile

        run = tempfile.TemporaryFile("w+", encoding="utf-8", newline="", dir=self.spill_dir)
        run.writelines(sorted(self.lines))
        run.seek(0)
        self._runs.append(run)
        self.lines = set()

    def sorted_lines(self) -> Iterator[str]:
        """Every distinct line once, in sorted order (the runs on disk merged with those in memory)."""
        import heapq

        for run in self._runs:
            run.seek(0)
        previous = None
        for line in heapq.merge(sorted(self.lines), *self._runs):
            if line != previous:
                yield line
                previous = line

    def close(self) -> None:
        for run in self._runs:
            run.close()
        self._runs = []

    def bind(self, *args, **kwargs) -> None:
        pass

    def __len__(self) -> int:
        if not self._runs:
            return len(self.lines)
        return sum(1 for _ in self.sorted_lines())
