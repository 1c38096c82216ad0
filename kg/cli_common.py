"""What every ``kg`` command shares about errors: one line on stderr, a documented exit code.

* :class:`KgCommand` (every ``kg`` command) is the one place where a :class:`kg.errors.KgError`
  becomes the one-line error: :func:`fail` turns it into the click exception of its exit code
  (1: the job failed; 2: a usage error), flattened to one line and, when the message does not
  name the file it is about (:func:`about`), prefixed with that file.
* :class:`OneLineGroup` is the ``kg`` group: click prints a usage error as four lines (usage,
  hint, a blank line, the error); kg prints it as one ``Error: ...`` line ending with the help hint:
  ``Error: Missing argument 'GRAPH'; see 'kg draw --help'``. Its ``-v``/``--verbose`` (repeatable)
  shows kg's log on stderr: INFO, or DEBUG with ``-vv``.

Only click is imported here, so ``kg --help`` stays fast.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import PurePath
from typing import Iterator, NoReturn

import click

from .errors import KgError


def one_line(message: str) -> str:
    """``message`` with every run of white space (newlines included) made one space."""
    return " ".join(str(message).split())


class UsageFailure(click.ClickException):
    """A usage error shown as one line (exit 2)."""

    exit_code = 2


def fail(exc: Exception, name: str | None = None) -> NoReturn:
    """Raise the click exception for ``exc``: exit 2 when its ``exit_code`` is 2, else exit 1.

    ``name`` (the file the command was working on) is put in front of a message that does not
    already mention it, so every error names its file.
    """
    message = one_line(exc)
    if name and not any(n and n in message for n in (str(name), str(PurePath(name)), PurePath(name).name)):
        message = f"{name}: {message}"
    if getattr(exc, "exit_code", 1) == 2:
        raise click.UsageError(message) from None
    raise click.ClickException(message) from None


@contextmanager
def about(name, *kinds: type[KgError], unless_named: tuple = ()) -> Iterator[None]:
    """Errors of ``kinds`` (every KgError when none is given) raised inside are about the file
    ``name`` (nothing when it is None): the one-line error names it when the message does not.
    An error whose message names one of ``unless_named`` (another file) is left as it is."""
    try:
        yield
    except kinds or KgError as exc:
        if name is not None and getattr(exc, "about", None) is None \
                and not any(str(other) in str(exc) for other in unless_named):
            exc.about = str(name)
        raise


class KgCommand(click.Command):
    """A ``kg`` command: a :class:`kg.errors.KgError` that ends it is one ``Error:`` line with its
    exit code (:func:`fail`), here and nowhere else."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            try:
                fail(exc, getattr(exc, "about", None))
            except click.UsageError as usage:  # the command's help hint, as for click's own usage errors
                usage.ctx = usage.ctx or ctx
                raise


class _Stderr(logging.Handler):
    """Log records as ``kg: LEVEL: logger: message`` lines on the current stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(f"kg: {record.levelname.lower()}: {record.name}: {one_line(record.getMessage())}", err=True)
        except Exception:  # noqa: BLE001 - logging must never end the run
            self.handleError(record)


def set_verbosity(verbose: int) -> None:
    """Show kg's log on stderr: nothing more than warnings for 0, INFO for 1, DEBUG for 2 or more."""
    logger = logging.getLogger("kg")
    for handler in [h for h in logger.handlers if isinstance(h, _Stderr)]:
        logger.removeHandler(handler)
    if verbose:
        logger.addHandler(_Stderr())
        logger.setLevel(logging.INFO if verbose == 1 else logging.DEBUG)
    else:
        logger.setLevel(logging.NOTSET)


def _verbose(ctx, param, value) -> int:
    set_verbosity(value)
    return value


#: click >= 8.2 raises this for a group called without arguments; its "message" is the help
_NO_ARGS = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _flatten(exc: click.UsageError) -> click.ClickException:
    message = one_line(exc.format_message())
    ctx = exc.ctx
    if ctx is not None and ctx.command.get_help_option(ctx) is not None:
        if message.endswith(".") and not message.endswith(".."):
            message = message[:-1]
        message += f"; see '{ctx.command_path} --help'"
    return UsageFailure(message)


#: exit codes of a run stopped by a signal (128 + the signal number, as shells report them)
EXIT_INTERRUPTED = 130  # SIGINT, Ctrl-C
EXIT_TERMINATED = 143  # SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that it unwinds as for Ctrl-C: temporary files
    removed, worker processes stopped, outputs left as they were."""


def _raise_terminated(signum, frame):
    raise Terminated()


def _quiet_stdout() -> None:
    """Point the standard output at /dev/null, so the interpreter's last flush cannot fail again."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    except OSError:
        pass


def _stopped(exc: BaseException) -> int:
    click.echo("kg: terminated" if isinstance(exc, Terminated) else "kg: interrupted", err=True)
    return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED


def _run(main, args, prog_name, complete_var, **extra) -> int:
    """Run a command and map what ends it to one line and an exit code (see :meth:`OneLineGroup.main`)."""
    import errno
    import sys

    try:
        try:
            rv = main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.Abort as exc:
            if isinstance(exc.__cause__, KeyboardInterrupt):
                raise exc.__cause__ from None
            click.echo("Aborted!", err=True)  # end of input at a prompt
            return 1
        except click.ClickException as exc:
            exc.show()
            return exc.exit_code
        except SystemExit as exc:
            rv = exc.code
        sys.stdout.flush()  # a full disk or a closed pipe shows here, while it can still be reported
        if rv is None or isinstance(rv, bool):
            return int(bool(rv))
        return rv if isinstance(rv, int) else 1
    except KeyboardInterrupt as exc:
        return _stopped(exc)
    except OSError as exc:
        if exc.errno == errno.EPIPE:  # the reader went away (head, less): nothing to say
            _quiet_stdout()
            return 1
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO):
            raise
        where = exc.filename if getattr(exc, "filename", None) else "standard output"
        _quiet_stdout()
        click.echo(f"Error: cannot write {where} ({exc.strerror or exc})", err=True)
        return 1


class OneLineGroup(click.Group):
    """A click group whose usage errors, and those of its commands, are one line (exit 2).

    It is also the one place that decides how a run ends: Ctrl-C (SIGINT) exits 130 and SIGTERM
    143, each with one line and no traceback, after the program has unwound (temporary files
    removed, worker processes stopped); a standard output on a full disk is one ``Error:`` line
    (exit 1); a closed pipe ends the run quietly.
    """

    command_class = KgCommand

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, str] = {}  # command name -> "module:attribute", imported when it is asked for
        self.params.append(click.Option(["-v", "--verbose"], count=True, expose_value=False, callback=_verbose,
                                        is_eager=True, help="Show what kg does on stderr (-vv: in detail)."))

    def add_lazy_command(self, name: str, where: str) -> None:
        """Add the command ``name`` that ``where`` (``"kg.cli_query:query"``) defines, imported only when
        a run names it or lists the commands (``kg --help``): ``kg extract`` never imports it."""
        self.lazy[name] = where

    def get_command(self, ctx, cmd_name):
        where = self.lazy.get(cmd_name) if cmd_name not in self.commands else None
        if where is not None:
            import importlib

            module, _, attr = where.partition(":")
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx):
        return sorted(set(self.commands) | set(self.lazy))

    def all_commands(self) -> dict[str, click.Command]:
        """Every command by name, the lazy ones imported."""
        return {name: self.get_command(None, name) for name in self.list_commands(None)}

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        import signal
        import sys

        try:
            previous = signal.signal(signal.SIGTERM, _raise_terminated)
        except ValueError:  # not the main thread: signals stay as they are
            previous = None
        try:
            code = _run(super().main, args, prog_name, complete_var, **extra)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        sys.exit(code)

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except _NO_ARGS:  # plain ``kg``: the help, as click prints it
            raise
        except click.UsageError as exc:
            raise _flatten(exc) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except _NO_ARGS:
            raise
        except click.UsageError as exc:
            raise _flatten(exc) from None


__all__ = ["EXIT_INTERRUPTED", "EXIT_TERMINATED", "KgCommand", "OneLineGroup", "Terminated", "UsageFailure", "about",
           "fail", "one_line", "set_verbosity"]
