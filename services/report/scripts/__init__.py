"""Standalone scripts that repeat what the student ran, one per item of a report: plain PyTorch
(Lab 1), diffusers (Lab 2), the openai client (Lab 3); none imports GenLab. The report
builder scrubs each script before it leaves the server."""

from __future__ import annotations

import io
import zipfile

from services.report.inputs import Comparison, GanRun, Generation, Item, Sweep
from services.report.scripts.common import Script
from services.report.scripts.diffusion import generation_script, sweep_script
from services.report.scripts.gan import gan_script
from services.report.scripts.llm import llm_script


def script_for(item: Item) -> Script | None:
    """The script that repeats ``item``; None for an item that has none (a ``Missing`` one)."""
    if isinstance(item, GanRun):
        return gan_script(item)
    if isinstance(item, Generation):
        return generation_script(item)
    if isinstance(item, Sweep):
        return sweep_script(item)
    if isinstance(item, Comparison):
        return llm_script(item)
    return None


def zipped(scripts: list[Script], folder: str = "scripts") -> bytes:
    """Every script in one ZIP archive, in ``folder``: to download them all at once."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for script in scripts:
            archive.writestr(f"{folder}/{script.filename}", script.code)
    return buffer.getvalue()


__all__ = ["Script", "script_for", "zipped"]
