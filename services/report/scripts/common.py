"""What every generated script shares: its file, its settings block, and Python literals."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

LINE = 100  # a literal longer than this is written one item to a line


@dataclass
class Script:
    """A standalone script: ``settings`` is its block of constants, the part that differs
    between two runs of the same lab (a report prints the whole script once, then the settings)."""

    filename: str
    code: str
    settings: str


def assignments(rows: list[tuple[str, object, str]]) -> str:
    """``NAME = value  # comment`` lines, the comments aligned."""
    lines = [f"{name} = {literal(value)}" for name, value, _ in rows]
    column = min(max(len(line) for line in lines if "\n" not in line) + 2, 48)
    return "\n".join(
        line
        if not comment
        else f"{line.ljust(column)}# {comment}"
        if "\n" not in line
        else f"# {comment}\n{line}"
        for line, (_, _, comment) in zip(lines, rows, strict=True)
    )


def literal(value, indent: int = 0) -> str:
    """``value`` as Python source: strings in double quotes, long lists and dicts one item to a line."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid Python string literal
    if isinstance(value, tuple):
        items = [literal(v, indent) for v in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if isinstance(value, list | dict):
        pairs = value.items() if isinstance(value, dict) else None
        items = [f"{literal(k)}: {literal(v, indent + 4)}" for k, v in pairs] if pairs is not None else None
        items = items if items is not None else [literal(v, indent + 4) for v in value]
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        one_line = opening + ", ".join(items) + closing
        if len(one_line) + indent <= LINE and "\n" not in one_line:
            return one_line
        inner = " " * (indent + 4)
        return opening + "\n" + "".join(f"{inner}{item},\n" for item in items) + " " * indent + closing
    return repr(value)  # numbers, booleans, None


def file_stem(title: str, fallback: str = "run") -> str:
    """A file name part from a title: "shapes · 32px" -> "shapes_32px"; nothing usable -> ``fallback``."""
    stem = "_".join(re.findall(r"[a-z0-9]+", title.lower()))[:40].strip("_")
    return stem or fallback
