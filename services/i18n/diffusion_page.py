"""Strings of the diffusion_page part of GenLab: key -> (Ukrainian, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
