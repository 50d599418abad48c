"""Argument types shared by the commands."""

from __future__ import annotations

import argparse


def positive_int(text: str) -> int:
    """A whole number of at least 1 (`--jobs`, `--limit`), or a usage error naming the value."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def unit_float(text: str) -> float:
    """A number from 0 to 1 (`--min-confidence`), or a usage error naming the value."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def quiet_option(command: argparse.ArgumentParser) -> None:
    """`--quiet`: no progress bar (there is none anyway when stderr is not a terminal)."""
    command.add_argument("--quiet", action="store_true",
                         help="no progress bar; dropped documents and the summary still go "
                              "to stderr")


__all__ = ["positive_int", "quiet_option", "unit_float"]
