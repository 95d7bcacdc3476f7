"""Strings of the gan part of GenLab: key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
