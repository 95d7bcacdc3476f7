"""The font of the PDF and of the labels drawn on pictures: DejaVu Sans, which has Cyrillic.

It is taken from the matplotlib wheel (``matplotlib/mpl-data/fonts/ttf/``), which the
README's install (and cloud/requirements.txt) brings everywhere, Streamlit Community Cloud
included: no system font, no download. fpdf2 embeds the glyphs a PDF uses (a subset), so
the PDF shows the same letters on any reader.
"""

from __future__ import annotations

from pathlib import Path

FILES = {
    ("sans", ""): "DejaVuSans.ttf",
    ("sans", "B"): "DejaVuSans-Bold.ttf",
    ("sans", "I"): "DejaVuSans-Oblique.ttf",
    ("sans", "BI"): "DejaVuSans-BoldOblique.ttf",
    ("mono", ""): "DejaVuSansMono.ttf",
    ("mono", "B"): "DejaVuSansMono-Bold.ttf",
}


def font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def font_path(family: str = "sans", style: str = "") -> Path:
    """The TTF file of DejaVu Sans (``family`` "sans") or DejaVu Sans Mono ("mono") in ``style`` "", "B", "I", "BI"."""
    return font_dir() / FILES[(family, style)]
