"""Rows out: the four formats of the archive's question commands (table, json, jsonl, csv).

A command names its columns once (`Column`: a header and how to read it from a row); JSON
and JSONL write every row's full `to_dict()`, CSV and the table only the named columns.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, Any, Protocol

from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "json", "jsonl", "csv")


class Dictable(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    width: int | None = None  # table only: clip longer text to this many characters


def write_rows(rows: Sequence[Dictable], format: str, columns: Sequence[Column], out: IO[str]) -> None:
    """Write rows to `out` in one of FORMATS."""
    if format == "json":
        out.write(json.dumps([row.to_dict() for row in rows], ensure_ascii=False, indent=2) + "\n")
    elif format == "jsonl":
        for row in rows:
            out.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
    elif format == "csv":
        writer = csv.writer(out)
        writer.writerow([c.header for c in columns])
        for row in rows:
            writer.writerow([_cell(c.value(row)) for c in columns])
    else:
        table = Table(show_lines=False, header_style="bold")
        for column in columns:
            table.add_column(column.header, overflow="fold")
        for row in rows:
            # Text, not markup: archive text such as "[sic]" or "[/bold]" is printed as written.
            table.add_row(*(Text(_clip(_cell(c.value(row)), c.width)) for c in columns))
        Console(file=out, width=_width(out)).print(table)


def write_object(value: Dictable, format: str, out: IO[str], text: Callable[[], str]) -> None:
    """Write one object: JSON (indented), one JSONL line, a two-column (key, value) CSV, or
    `text()` for the table format. In CSV a nested value is written as its JSON."""
    if format == "json":
        out.write(json.dumps(value.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif format == "jsonl":
        out.write(json.dumps(value.to_dict(), ensure_ascii=False) + "\n")
    elif format == "csv":
        writer = csv.writer(out)
        writer.writerow(["key", "value"])
        for key, item in value.to_dict().items():
            nested = isinstance(item, list | tuple | dict)
            writer.writerow([key, json.dumps(item, ensure_ascii=False) if nested else _cell(item)])
    else:
        out.write(text())


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _clip(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def _width(out: IO[str]) -> int:
    isatty = getattr(out, "isatty", None)
    return Console().width if isatty is not None and isatty() else 160


__all__ = ["FORMATS", "Column", "write_object", "write_rows"]
