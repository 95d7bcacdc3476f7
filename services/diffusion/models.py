"""Which Stable Diffusion model: a known preset, any Hugging Face id, a local diffusers folder,
a single ``.safetensors`` checkpoint (as AUTOMATIC1111 and CivitAI share them), or the tiny
offline demo (``demo.tiny_model``). A ``ModelRef`` names one and carries its default settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from services.common.errors import UserError

HUB_ID = re.compile(r"^[\w.-]+/[\w.-]+$")


@dataclass(frozen=True)
class ModelRef:
    """A Stable Diffusion model: where it comes from and how to use it by default.

    kind: "preset" | "hub" (``id`` is a Hugging Face repo id), "folder" | "tiny" (``id`` is a
    diffusers folder), "single_file" (``id`` is a ``.safetensors`` file; ``config`` an
    optional diffusers folder or repo id with the component configs, for offline use).
    """

    kind: str
    id: str
    label: str
    config: str | None = None
    default_size: int = 512
    default_steps: int = 20
    default_cfg: float = 7.0

    @property
    def is_tiny(self) -> bool:
        return self.kind == "tiny"


def _preset(repo: str, name: str, steps: int = 25, cfg: float = 7.0) -> ModelRef:
    return ModelRef("preset", repo, name, default_steps=steps, default_cfg=cfg)


PRESETS: dict[str, ModelRef] = {
    # distilled to 1–4 steps without CFG: the fastest real model, usable on a CPU
    "SD-Turbo · stabilityai/sd-turbo": _preset("stabilityai/sd-turbo", "SD-Turbo", steps=1, cfg=0.0),
    "Stable Diffusion 1.5 · stable-diffusion-v1-5/stable-diffusion-v1-5": _preset(
        "stable-diffusion-v1-5/stable-diffusion-v1-5", "SD 1.5"
    ),
    "Tiny SD · segmind/tiny-sd": _preset("segmind/tiny-sd", "Tiny SD"),
    "BK-SDM Tiny · nota-ai/bk-sdm-tiny": _preset("nota-ai/bk-sdm-tiny", "BK-SDM Tiny"),
}


def model_ref(source: str, location: str, config: str | None = None) -> ModelRef:
    """A ModelRef from what the student typed: source "hub", "folder" or "file" (a single checkpoint).

    ``config`` (single files only, optional) names where diffusers reads the component configs:
    a local diffusers folder of the same architecture, or a Hugging Face id.
    """
    location = location.strip()
    if source == "hub":
        if not HUB_ID.match(location):
            raise UserError("sd.err.hub_id", id=location)
        return ModelRef("hub", location, location)
    path = Path(location).expanduser()
    if source == "folder":
        if not (path / "model_index.json").is_file():
            raise UserError("sd.err.no_folder", path=location)
        return ModelRef("folder", str(path.resolve()), path.name)
    if source == "file":
        if path.suffix.lower() != ".safetensors":
            raise UserError("sd.err.not_safetensors", path=location)
        if not path.is_file():
            raise UserError("sd.err.no_file", path=location)
        return ModelRef("single_file", str(path.resolve()), path.stem, config=_single_file_config(config))
    raise UserError("sd.err.source", source=source)


def _single_file_config(config: str | None) -> str | None:
    """A single file's config as diffusers takes it: a resolved diffusers folder, a hub id, or None."""
    config = (config or "").strip()
    if not config:
        return None
    folder = Path(config).expanduser()
    if folder.is_dir():
        if not (folder / "model_index.json").is_file():
            raise UserError("sd.err.no_folder", path=config)
        return str(folder.resolve())
    if HUB_ID.match(config):
        return config
    raise UserError("sd.err.no_config", path=config)
