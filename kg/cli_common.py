"""What every ``kg`` command shares about errors: one line on stderr, a documented exit code.

* :func:`fail` turns a :class:`kg.errors.KgError` into the click exception of its exit code
  (1: the job failed; 2: a usage error), flattened to one line and, when the message does not
  name the file it is about, prefixed with that file.
* :class:`OneLineGroup` is the ``kg`` group: click prints a usage error as four lines (usage,
  hint, a blank line, the error); kg prints it as one ``Error: ...`` line ending with the help hint:
  ``Error: Missing argument 'GRAPH'; see 'kg draw --help'``.

Only click is imported here, so ``kg --help`` stays fast.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import NoReturn

import click


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


class OneLineGroup(click.Group):
    """A click group whose usage errors, and those of its commands, are one line (exit 2)."""

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


__all__ = ["OneLineGroup", "UsageFailure", "fail", "one_line"]
