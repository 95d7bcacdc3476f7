"""Strings of the datasets part of GenLab: key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
