"""How the command line reports a refusal: one line on stderr and the exit code README.md
documents (0 done; 1 `check` or `verify` found problems; 2 a bad input file or an unknown case;
3 the database or the file system refused: in use, damaged, disk full, no permission, a file
where a folder is expected; 4 an account or password refused)."""

from __future__ import annotations

import sys

from desktop.logic.model import OutputError
from desktop.logic.store import AuthError, DatabaseRefused, error_text

DONE, PROBLEMS, BAD_INPUT, REFUSED, AUTH_FAILED = 0, 1, 2, 3, 4


def exit_code(exc: BaseException) -> int:
    """3 when the database or the file system refused; 4 when an account or password was
    refused (trust.md); 2 when the input was refused (an unknown case, a case the store would
    not take, a bad rules file, no password on standard input)."""
    if isinstance(exc, AuthError):
        return AUTH_FAILED
    return REFUSED if isinstance(exc, DatabaseRefused | OutputError) else BAD_INPUT


def fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def refuse(exc: BaseException, about: str = "") -> int:
    """Print `exc` in words (after `about: ` when given) and return its exit code."""
    text = error_text(exc)
    return fail(f"{about}: {text}" if about else text, exit_code(exc))


def os_failure(exc: OSError) -> int:
    """An OSError nothing else explained: its file and reason in words, exit 3."""
    where = f"{exc.filename}: " if exc.filename else ""
    return fail(f"{where}{exc.strerror or exc}", REFUSED)
