"""One exception hierarchy for the library; the CLI turns it into exit codes.

Exit codes (documented in the README):

0  success
1  a failure of the job: bad input file, invalid graph, query error, failed check
2  usage error (bad option, unsupported suffix): raised by click
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg raises on purpose.

    ``about`` is the file the error is about, when its message does not name it and whoever
    catches it on the way knows it (``kg.cli_common.about``).
    """

    exit_code = 1
    about: str | None = None


class InputError(KgError):
    """An input file or document could not be read (names the file and problem)."""


class GazetteerError(KgError):
    """A gazetteer file is malformed or names an unknown actor."""


class GraphError(KgError):
    """An RDF graph could not be read, written or validated."""


class FormatError(KgError):
    """An unsupported file format or suffix."""

    exit_code = 2


class GoldError(KgError):
    """A gold file does not follow the format of docs/annotation-guide.md."""


class ModelError(KgError):
    """The spaCy pipeline that extraction needs is missing or broken (names the package to install)."""

    exit_code = 2
