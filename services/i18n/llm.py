"""Strings of the llm part of GenLab: key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
