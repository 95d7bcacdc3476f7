"""Strings of the diffusion part of GenLab: key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
