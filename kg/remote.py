"""Triple stores over HTTP: push a graph, query an endpoint (standard library only: urllib).

- :func:`push` sends a graph to a store with the SPARQL 1.1 Graph Store HTTP Protocol: POST adds
  its triples to a graph (``ENDPOINT?graph=IRI``, or ``ENDPOINT?default``), PUT (``replace=True``)
  replaces that graph; ``bulk=True`` adds Oxigraph's ``no_transaction`` parameter (its bulk
  loader). The body is N-Triples, streamed from a file: an ``.nt`` file is parsed, then sent as it
  is; any other RDF file or a store directory is first converted into an unnamed temporary file
  (the named graphs of a quads file are merged), so no graph is ever held twice in memory. Either
  way the file passes :mod:`kg.rdfguard` and parses before the server is touched.
- :func:`query_endpoint` runs a SELECT, ASK, CONSTRUCT or DESCRIBE query against a SPARQL 1.1
  Protocol endpoint and returns a :class:`kg.query.QueryResult` holding pyoxigraph terms, like a
  local query, so the writers of :mod:`kg.cli_query` print it. kg's prefixes are declared, and
  parameters are bound with a ``VALUES`` block at the start of the query's WHERE group.

Endpoint URLs (``--endpoint``):

==========  ==========================================  ===========================================
store       Graph Store (push)                          query
==========  ==========================================  ===========================================
Oxigraph    ``http://HOST:7878/store``                  ``http://HOST:7878/query``
Fuseki      ``http://HOST:3030/DATASET/data``           ``http://HOST:3030/DATASET/sparql``
GraphDB     ``http://HOST:7200/repositories/REPO/       ``http://HOST:7200/repositories/REPO``
            rdf-graphs/service``
==========  ==========================================  ===========================================

Failures (refused connection, timeout, an HTTP error status) raise :class:`RemoteError` with one
line: ``push to URL failed: HTTP 400 Bad Request: <the first line of the server's message>``.
Passwords travel only in the ``Authorization`` header (HTTP Basic) and never appear in a message.
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator, Mapping

from .errors import GraphError, KgError

__all__ = ["RemoteError", "EndpointURLError", "Credentials", "PushReport", "graph_store_url", "push",
           "query_endpoint", "bind_values", "check_endpoint"]

_CHUNK = 1 << 20
_NT = "application/n-triples"


class RemoteError(KgError):
    """A request to a remote store failed: refused, timed out, or answered with an error status."""


class EndpointURLError(KgError):
    """An endpoint URL kg cannot use (a usage error)."""

    exit_code = 2


@dataclass(frozen=True)
class Credentials:
    """A user name and password for HTTP Basic authentication (the password is never shown)."""

    user: str
    password: str = field(repr=False)

    def header(self) -> str:
        token = base64.b64encode(f"{self.user}:{self.password}".encode("utf-8")).decode("ascii")
        return f"Basic {token}"


@dataclass(frozen=True)
class PushReport:
    """What a push sent: the triples, the bytes, where, the HTTP status and the seconds it took."""

    triples: int
    bytes: int
    url: str
    status: int
    seconds: float


# ---------------------------------------------------------------------------- URLs and requests

def check_endpoint(url: str) -> str:
    """``url`` when kg can use it as an endpoint: http(s), a host, and no user or password in it.

    >>> check_endpoint("http://localhost:7878/store")
    'http://localhost:7878/store'
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointURLError(f"{url!r} is not an http:// or https:// URL with a host")
    if parts.username is not None or parts.password is not None:
        raise EndpointURLError("the endpoint URL holds a user name or password; give the user with --user "
                               "and the password in an environment variable or at the prompt")
    return url


def graph_store_url(endpoint: str, graph: str | None = None) -> str:
    """The Graph Store request URL of ``graph`` (an IRI) at ``endpoint``; the default graph when None.

    >>> graph_store_url("http://localhost:7878/store", "https://example.org/g")
    'http://localhost:7878/store?graph=https%3A%2F%2Fexample.org%2Fg'
    >>> graph_store_url("http://localhost:7878/store")
    'http://localhost:7878/store?default'
    """
    check_endpoint(endpoint)
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*", graph):
        raise EndpointURLError(f"--graph {graph!r} is not an absolute IRI")
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Report a redirect as an error: following it would turn a POST of the graph into a GET."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401 - urllib's API
        return None


def _opener():
    return urllib.request.build_opener(_NoRedirect())


def _server_message(body: bytes) -> str:
    """The first line of a plain-text error body; the text of an HTML one; at most 200 characters."""
    text = body.decode("utf-8", "replace").strip()
    if text.startswith("<"):
        text = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", text)
        line = " ".join(re.sub(r"<[^>]+>", " ", text).split())
    else:
        line = next((" ".join(x.split()) for x in text.splitlines() if x.strip()), "")
    return line if len(line) <= 200 else line[:197] + "..."


def _redact(message: str, credentials: Credentials | None) -> str:
    """``message`` without the credentials a server may echo: the Authorization header's token and
    the password, whole or base64-encoded.

    >>> _redact("echo: Authorization: Basic YTpzM2NyZXQ=", Credentials("a", "s3cret"))
    'echo: Authorization: Basic [redacted]'
    """
    if credentials is None:
        return message
    token = credentials.header().split(" ", 1)[1]
    secrets = {token, token.rstrip("="), credentials.password, f"{credentials.user}:{credentials.password}",
               urllib.parse.quote(credentials.password, safe=""), urllib.parse.quote_plus(credentials.password)}
    for secret in sorted((x for x in secrets if len(x) >= 3), key=len, reverse=True):
        message = message.replace(secret, "[redacted]")
    return re.sub(r"(?i)(authorization\W+(?:basic|bearer)\s+)(?!\[redacted\])\S+", r"\1[redacted]", message)


def _request(what: str, url: str, method: str, *, body=None, headers: Mapping[str, str] | None = None,
             credentials: Credentials | None = None, timeout: float = 60.0) -> tuple[int, bytes, str]:
    """Send one request; the status, body and Content-Type of a 2xx answer, else RemoteError
    (``{what} failed: ...``)."""
    import socket

    hdrs = dict(headers or {})
    if credentials is not None:
        hdrs["Authorization"] = credentials.header()
    req = urllib.request.Request(url, data=body, method=method, headers=hdrs)
    try:
        with _opener().open(req, timeout=timeout) as resp:
            return resp.status, resp.read(), resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        try:
            message = _server_message(exc.read())
        except (OSError, ValueError):
            message = ""
        status = f"HTTP {exc.code} {exc.reason}".rstrip()
        if 300 <= exc.code < 400 and exc.headers.get("Location"):
            message = message or f"redirected to {exc.headers['Location']}; use that URL"
        if exc.code in (401, 403) and not message:
            message = "check --user and the password" if credentials else "the server wants --user and a password"
        raise RemoteError(f"{what} failed: {status}" + (f": {_redact(message, credentials)}" if message else "")) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ConnectionRefusedError):
            why = "connection refused (is the server running, and is the port right?)"
        elif isinstance(reason, (TimeoutError, socket.timeout)):
            why = f"no answer within {timeout:g} s"
        elif isinstance(reason, socket.gaierror):
            why = f"unknown host {urllib.parse.urlsplit(url).hostname}"
        else:
            why = " ".join(str(reason).split()) or type(reason).__name__
        raise RemoteError(f"{what} failed: {why}") from None
    except (TimeoutError, socket.timeout):
        raise RemoteError(f"{what} failed: no answer within {timeout:g} s") from None
    except (ConnectionResetError, BrokenPipeError):
        raise RemoteError(f"{what} failed: the server closed the connection before the request was sent "
                          "(it may refuse the request or its size)") from None
    except OSError as exc:
        raise RemoteError(f"{what} failed: {' '.join(str(exc).split())}") from None


# ---------------------------------------------------------------------------- push

_ODD_LINE = re.compile(rb"\n[\n# \t\r]")  # a comment, a blank or an indented line
_ODD_FIRST = (b"\n", b"#", b" ", b"\t", b"\r")


def _count_triples(chunk: bytes, tail: bytes) -> tuple[int, bytes]:
    """Triples (lines that are not blank or comments) in ``tail + chunk`` up to its last line end."""
    data = tail + chunk
    cut = data.rfind(b"\n") + 1
    body = data[:cut]
    if body[:1] not in _ODD_FIRST and not _ODD_LINE.search(body):
        return body.count(b"\n"), data[cut:]  # one triple a line, as kg and most tools write
    n = sum(1 for line in body.split(b"\n") if line.strip() and not line.lstrip().startswith(b"#"))
    return n, data[cut:]


def _file_body(fh: IO[bytes], counter: list[int]) -> Iterator[bytes]:
    tail = b""
    while chunk := fh.read(_CHUNK):
        n, tail = _count_triples(chunk, tail)
        counter[0] += n
        yield chunk
    if tail.strip() and not tail.lstrip().startswith(b"#"):
        counter[0] += 1


def _to_ntriples(source, out: IO[bytes]) -> None:
    """Write the triples of ``source`` (an RDF file, a store directory or an rdflib graph) to ``out``
    as N-Triples, the named graphs merged."""
    import pyoxigraph as ox

    if not isinstance(source, (str, os.PathLike)):  # an rdflib graph
        out.write(source.serialize(format="nt", encoding="utf-8"))
        return
    from .sources import read_quads

    ox.serialize((quad.triple for quad in read_quads(source)), out, ox.RdfFormat.N_TRIPLES)


def _check_ntriples(path: Path) -> None:
    """Parse the N-Triples file ``path`` (GraphError with the line and column of the first error), so
    that a broken file is refused before the server is touched."""
    import pyoxigraph as ox

    try:
        for _ in ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES):
            pass
    except SyntaxError as exc:
        from .rdferrors import oxigraph_syntax_error

        raise oxigraph_syntax_error(path, exc) from None
    except (OSError, ValueError) as exc:
        raise GraphError(f"{path}: cannot read ({' '.join(str(exc).split())[:200]})") from None


def push(source, endpoint: str, *, graph: str | None = None, replace: bool = False, bulk: bool = False,
         credentials: Credentials | None = None, timeout: float = 60.0) -> PushReport:
    """Send the graph ``source`` to the Graph Store endpoint ``endpoint``.

    Parameters
    ----------
    source : str, Path or rdflib.Graph
        An RDF file kg reads (``.nt`` is sent as it is), a store directory, or a graph.
    endpoint : str
        The store's Graph Store HTTP Protocol URL (for Oxigraph ``http://HOST:PORT/store``).
    graph : str, optional
        The IRI of the named graph to write; the default graph when None.
    replace : bool
        PUT: the graph holds exactly ``source`` afterwards. Otherwise POST: its triples are added.
    bulk : bool
        Ask the store to load without a transaction (Oxigraph's ``no_transaction`` parameter: its
        bulk loader, several times faster). Not atomic: a push that fails half-way leaves part of
        the graph in the store. Other stores ignore or refuse the parameter.
    credentials : Credentials, optional
        For HTTP Basic authentication.
    timeout : float
        Seconds to wait for the server at each step (connecting, sending, the answer).

    Returns
    -------
    PushReport

    Raises
    ------
    RemoteError
        The server could not be reached, timed out or answered with an error status.
    GraphError, FormatError
        ``source`` cannot be read; nothing was sent.
    """
    url = graph_store_url(endpoint, graph) + ("&no_transaction" if bulk else "")
    what = f"push to {endpoint}"
    counter = [0]
    path = Path(source) if isinstance(source, (str, os.PathLike)) else None
    if path is not None and not path.exists():
        raise GraphError(f"{path}: graph or store not found")
    t0 = time.perf_counter()
    if path is not None and path.is_file() and path.suffix.lower() == ".nt":
        _check_ntriples(path)  # parsed before anything is sent: --replace must not empty the graph for nothing
        fh = open(path, "rb")
    else:
        fh = tempfile.TemporaryFile(prefix="kg-push-")
        try:
            _to_ntriples(source, fh)
            fh.flush()
            fh.seek(0)
        except BaseException:
            fh.close()
            raise
    with fh:
        size = os.fstat(fh.fileno()).st_size
        headers = {"Content-Type": _NT, "Content-Length": str(size)}
        status, _, _ = _request(what, url, "PUT" if replace else "POST", body=_file_body(fh, counter),
                                headers=headers, credentials=credentials, timeout=timeout)
    return PushReport(counter[0], size, url, status, time.perf_counter() - t0)


# ---------------------------------------------------------------------------- query

def _where_brace(text: str) -> int | None:
    """The offset just after the ``{`` that opens the query's WHERE group, or None when it has none."""
    from .query import SPARQL_TOKEN

    depth, seen_where, seen_form = 0, False, False
    for m in SPARQL_TOKEN.finditer(text):
        tok = m.group(0)
        if tok == "{":
            if depth == 0 and (seen_where or seen_form):
                return m.end()
            depth += 1
        elif tok == "}":
            depth -= 1
        elif depth == 0 and tok[0].isalpha():
            word = tok.upper()
            if word == "WHERE":
                seen_where = True
            elif word in ("SELECT", "ASK", "DESCRIBE"):
                seen_form = True
            elif word == "CONSTRUCT":
                seen_form = False  # its template comes first; the pattern follows WHERE
    return None


def bind_values(query: str, bindings: Mapping[str, object]) -> str:
    """``query`` with ``bindings`` (name -> pyoxigraph term) as a ``VALUES`` block opening its WHERE
    group, so that the variables are bound before anything else is evaluated.

    >>> import pyoxigraph as ox
    >>> bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": ox.NamedNode("http://e/x")})
    'SELECT ?s WHERE { VALUES (?o) { (<http://e/x>) } ?s ?p ?o }'
    """
    if not bindings:
        return query
    from .query import ParamError

    at = _where_brace(query)
    if at is None:
        raise ParamError("cannot bind parameters: the query has no WHERE group")
    names = " ".join(f"?{n}" for n in bindings)
    values = " ".join(str(term) for term in bindings.values())
    return f"{query[:at]} VALUES ({names}) {{ ({values}) }}{query[at:]}"


def _check_syntax(query: str) -> None:
    """Parse ``query`` locally (on an empty in-memory store) so that a syntax error names the line and
    column of the user's text, as a local query does, before anything is sent."""
    import pyoxigraph as ox

    from .query import PREFIXES, syntax_error

    try:
        ox.Store().query(query, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise syntax_error(exc, "oxigraph") from None
    except (OSError, RuntimeError, ValueError):
        pass  # it parses; evaluating on no data is not the point


_RESULT_TYPES = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
_GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8"


def query_endpoint(endpoint: str, query: str, *, params: Mapping[str, object] | None = None, saved=None,
                   gazetteer=None, credentials: Credentials | None = None, timeout: float = 60.0,
                   max_rows: int | None = None):
    """Run a SPARQL query against the endpoint at ``endpoint`` (SPARQL 1.1 Protocol, POST).

    Parameters
    ----------
    endpoint : str
        The query endpoint (for Oxigraph ``http://HOST:PORT/query``).
    query : str
        SELECT, ASK, CONSTRUCT or DESCRIBE; kg's prefixes (:data:`kg.query.PREFIXES`) are declared.
        Updates, SERVICE and LOAD are refused before anything is sent; FROM names the endpoint's graphs.
    params, saved, gazetteer
        As for :func:`kg.query.run_query`: values bound to the query's variables.
    credentials : Credentials, optional
        For HTTP Basic authentication.
    timeout : float
        Seconds to wait for the answer.
    max_rows : int, optional
        QueryError when the answer holds more rows (or triples).

    Returns
    -------
    kg.query.QueryResult
        With pyoxigraph terms, as a local query gives.
    """
    import pyoxigraph as ox

    from .query import PREFIXES, QueryError, QueryResult, bind_params, bounded, check_query, query_form

    check_endpoint(endpoint)
    check_query(query)
    _check_syntax(query)
    bindings = bind_params(params or {}, query=query, saved=saved, gazetteer=gazetteer)
    text = bind_values(query, bindings)
    # on the query's first line, so that a server's error names the user's line numbers
    prologue = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + " "
    graph_form = query_form(query) in ("CONSTRUCT", "DESCRIBE")
    headers = {"Content-Type": "application/sparql-query; charset=utf-8",
               "Accept": _GRAPH_TYPES if graph_form else _RESULT_TYPES}
    _, body, ctype = _request(f"query at {endpoint}", endpoint, "POST", body=(prologue + text).encode("utf-8"),
                              headers=headers, credentials=credentials, timeout=timeout)
    media = ctype.split(";")[0].strip().lower()
    try:
        if graph_form:
            fmt = ox.RdfFormat.from_media_type(media) if media else ox.RdfFormat.N_TRIPLES
            if fmt is None:
                raise QueryError(f"query at {endpoint}: the answer is {media or 'untyped'}, not RDF")
            return QueryResult("graph", triples=bounded((q.triple for q in ox.parse(body, format=fmt)), max_rows))
        fmt = ox.QueryResultsFormat.from_media_type(media) if media else ox.QueryResultsFormat.JSON
        if fmt is None:
            raise QueryError(f"query at {endpoint}: the answer is {media}, not SPARQL results")
        answer = ox.parse_query_results(body, format=fmt)
    except SyntaxError as exc:
        raise QueryError(f"query at {endpoint}: cannot read the answer ({' '.join(str(exc).split())[:200]})") from None
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    names = tuple(v.value for v in answer.variables)
    return QueryResult("select", names, bounded((tuple(sol) for sol in answer), max_rows))
