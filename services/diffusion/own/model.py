"""The own model: a class-conditioned U-Net in pixel space and its noise schedule, from diffusers' parts.

The U-Net is diffusers' ``UNet2DModel``: each class is one learned embedding added to the
timestep's, and one more embedding, after the real classes, is the *empty* condition
that condition dropout trains (the unconditional prediction of classifier-free guidance).
It is saved as a diffusers ``DDPMPipeline`` folder (safetensors weights, ``model_index.json``),
so ``DiffusionPipeline.from_pretrained(folder)`` opens it, with ``genlab.json`` beside it
naming the classes. ``load`` keeps a few loaded models shared by every session.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from services.common import compute
from services.common.errors import UserError
from services.common.model_cache import ModelCache
from services.diffusion import samplers
from services.diffusion.models import ModelRef
from services.diffusion.own.config import NOISE_SCHEDULE, TRAIN_TIMESTEPS, OwnConfig

ABOUT = "genlab.json"  # the classes, the size and where the model comes from
# their own small cache: a model is a few MB, and loading one never evicts a Stable Diffusion pipeline
MODELS = ModelCache(max_items=4)


def unet(cfg: OwnConfig):
    """A fresh U-Net for ``cfg``: ResNet blocks per level, each level halving the side."""
    from diffusers import UNet2DModel  # lazy: diffusers imports torch

    levels = cfg.levels
    return UNet2DModel(
        sample_size=cfg.size,
        in_channels=cfg.channels,
        out_channels=cfg.channels,
        block_out_channels=levels,
        layers_per_block=1,
        down_block_types=("DownBlock2D",) * len(levels),
        up_block_types=("UpBlock2D",) * len(levels),
        norm_num_groups=8,
        num_class_embeds=cfg.n_classes + 1,  # the last one is the empty condition
    )


def noise_schedule():
    """DDPM's forward process: the noise added at each of its T steps (training adds it, samplers undo it)."""
    from diffusers import DDPMScheduler  # lazy: diffusers imports torch

    return DDPMScheduler(num_train_timesteps=TRAIN_TIMESTEPS, beta_schedule=NOISE_SCHEDULE)


def save(folder: Path, network, about: dict) -> None:
    """The weights as a diffusers DDPMPipeline folder with ``genlab.json``, replaced whole."""
    from diffusers import DDPMPipeline  # lazy: diffusers imports torch

    partial = folder.with_name(f"{folder.name}.{uuid.uuid4().hex[:6]}.partial")
    DDPMPipeline(unet=network, scheduler=noise_schedule()).save_pretrained(partial, safe_serialization=True)
    (partial / ABOUT).write_text(json.dumps(about, ensure_ascii=False, indent=1), encoding="utf-8")
    old = folder.with_name(f"{folder.name}.{uuid.uuid4().hex[:6]}.old")
    if folder.exists():
        os.replace(folder, old)
    os.replace(partial, folder)  # a reader never sees half a model
    shutil.rmtree(old, ignore_errors=True)


def read_about(folder: Path) -> dict:
    """``genlab.json`` of a saved model; UserError when the folder holds none."""
    try:
        return json.loads((Path(folder) / ABOUT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise UserError("sd.own.err.no_model", name=Path(folder).name) from None


@dataclass
class OwnModel:
    """An own model ready to sample: its U-Net on the compute device and what it was trained on."""

    unet: object  # diffusers.UNet2DModel, in eval mode
    scheduler_config: dict  # the noise schedule it was trained with
    classes: list[str]
    size: int
    channels: int
    _log_sigmas: object = field(default=None, repr=False)  # numpy array, made on first use

    @classmethod
    def of(cls, network, cfg: OwnConfig) -> OwnModel:
        """A U-Net being trained with ``cfg``, to sample from."""
        return cls(network, dict(noise_schedule().config), cfg.classes, cfg.size, cfg.channels)

    @property
    def device(self):
        return next(self.unet.parameters()).device

    def abar(self, t) -> float:
        """abar_t, the share of signal in the model's input at timestep ``t``: the training schedule's,
        at a fractional ``t`` (Karras sigmas) interpolated in log sigma as diffusers' samplers do."""
        from diffusers import DDPMScheduler  # lazy: diffusers imports torch

        if self._log_sigmas is None:
            abar = DDPMScheduler.from_config(self.scheduler_config).alphas_cumprod.double().numpy()
            self._log_sigmas = np.log(np.sqrt((1 - abar) / abar))
        steps = np.arange(len(self._log_sigmas))
        sigma = float(np.exp(np.interp(float(t), steps, self._log_sigmas)))
        return 1 / (1 + sigma**2)

    @property
    def null_class(self) -> int:
        """The empty condition's embedding, after the classes': the unconditional prediction."""
        return max(1, len(self.classes))

    def scheduler(self, sampler: str):
        """A fresh scheduler for an A1111 sampler name on the model's noise schedule (each run sets its own steps)."""
        # PNDM as Stable Diffusion configures it (PLMS only): its Runge-Kutta start needs more steps than a short run has
        pndm = {"skip_prk_steps": True} if samplers.canonical(sampler) == "PNDM" else {}
        return samplers.scheduler_for(sampler, self.scheduler_config | pndm)


def is_loaded(ref: ModelRef) -> bool:
    return _key(ref) in MODELS


def load(ref: ModelRef) -> OwnModel:
    """The model ``ref`` names, loaded once per process and version; a missing one raises UserError."""
    return MODELS.get(_key(ref), lambda: _load(ref), label=ref.label)


def _key(ref: ModelRef) -> tuple:
    return (ref, compute.device())


def _load(ref: ModelRef) -> OwnModel:
    from diffusers import DDPMScheduler, UNet2DModel  # lazy: diffusers imports torch

    folder = Path(ref.id)
    about = read_about(folder)
    try:
        network = UNet2DModel.from_pretrained(folder, subfolder="unet", local_files_only=True)
        schedule = DDPMScheduler.from_pretrained(folder, subfolder="scheduler", local_files_only=True)
    except (OSError, ValueError) as error:
        raise UserError(
            "sd.err.bad_folder", path=folder.name, detail=str(error).splitlines()[0][:300]
        ) from None
    network = network.to(compute.device()).eval()
    return OwnModel(
        network, dict(schedule.config), list(about["classes"]), int(about["size"]), int(about["channels"])
    )
