"""Which Stable Diffusion model: a known preset, any Hugging Face id, a local diffusers folder,
a single ``.safetensors`` checkpoint (as AUTOMATIC1111 and CivitAI share them), or the tiny
offline demo (``demo.tiny_model``). A ``ModelRef`` names one and carries its default settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from services.common import server_paths
from services.common.errors import UserError

HUB_ID = re.compile(r"^[\w.-]+/[\w.-]+$")


@dataclass(frozen=True)
class ModelRef:
    """A Stable Diffusion model: where it comes from and how to use it by default.

    kind: "preset" | "hub" (``id`` is a Hugging Face repo id), "folder" | "tiny" (``id`` is a
    diffusers folder), "single_file" (``id`` is a ``.safetensors`` file; ``config`` an
    optional diffusers folder or repo id with the component configs, for offline use), "own"
    (``id`` is the folder of a model trained in Lab 2, services/diffusion/own; ``version``
    changes with every save, so a newer one is loaded anew).

    What a model can do, for the form to disable what it cannot (with the reason): ``can_lora``
    (LoRA files adapt Stable Diffusion's U-Net and text encoder), ``can_inpaint``, ``fixed_size``
    (the one side in px it draws, None: any) and ``samplers`` (the A1111 names that apply, None: all).
    """

    kind: str
    id: str
    label: str
    config: str | None = None
    default_size: int = 512
    default_steps: int = 20
    default_cfg: float = 7.0
    version: str | None = None
    can_lora: bool = True
    can_inpaint: bool = True
    fixed_size: int | None = None
    samplers: tuple[str, ...] | None = None

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
    Folders and files on the server are taken only under the allowed folders (``server_paths``),
    which answer "not allowed", "not found" and "not readable" alike.
    """
    location = location.strip()
    if source == "hub":
        if not HUB_ID.match(location):
            raise UserError("sd.err.hub_id", id=location)
        return ModelRef("hub", location, location)
    if source == "folder":
        folder = _diffusers_folder(location)
        return ModelRef("folder", str(folder), folder.name)
    if source == "file":
        if Path(location).suffix.lower() != ".safetensors":  # told from the text alone
            raise UserError("sd.err.not_safetensors", path=Path(location).name)
        file = server_paths.file(location, (".safetensors",))
        return ModelRef("single_file", str(file), file.stem, config=_single_file_config(config))
    raise UserError("sd.err.source", source=source)


def _diffusers_folder(text: str) -> Path:
    try:
        folder = server_paths.folder(text)
    except UserError as refused:
        if refused.key == "common.path_is_file":  # inside the allowed folders: saying so tells nothing new
            raise UserError("sd.err.model_is_file", name=refused.params["name"]) from None
        raise
    if not (folder / "model_index.json").is_file():
        raise UserError("sd.err.no_folder", path=folder.name)
    return folder


def _single_file_config(config: str | None) -> str | None:
    """A single file's config as diffusers takes it: a diffusers folder on the server, a hub id, or None."""
    config = (config or "").strip()
    if not config:
        return None
    try:
        return str(_diffusers_folder(config))
    except UserError as refused:
        if refused.key == "common.path_unavailable" and HUB_ID.match(config):
            return config  # not a folder that may be read here: a Hugging Face id
        raise
