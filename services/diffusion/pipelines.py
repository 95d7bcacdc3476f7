"""A model's pipelines, loaded once per process and shared by every session.

``load`` reads a model (``models.ModelRef``) from the hub, a diffusers folder or a single
checkpoint, builds its txt2img, img2img and inpaint pipelines on one set of weights and
keeps them in ``model_cache.RESIDENT``; a model that cannot be read becomes a UserError
that says what to do. ``assemble`` builds a pipeline from parts made from configs.

torch and diffusers are imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from services.common import compute
from services.common.errors import UserError
from services.common.model_cache import RESIDENT
from services.diffusion import samplers, unet_graphs
from services.diffusion.models import ModelRef

# The server's choice of precision for Stable Diffusion weights: "auto", "bf16" or "fp32" (see _dtype)
PRECISION_SETTING = "GENLAB_SD_PRECISION"


@dataclass
class LoadedModel:
    """A model's pipelines, one per mode, sharing one set of weights."""

    ref: ModelRef
    device: str
    dtype: object  # torch.dtype
    pipes: dict[str, object]
    scheduler_config: dict  # the noise schedule the model shipped with
    offload: bool = False  # weights wait in CPU memory; each part moves to the GPU when used
    loras: tuple = ()  # the LoRA files loaded into the weights now
    unet_graphs: object = None  # unet_graphs.GraphedUNet on CUDA: the U-Net replayed from CUDA graphs
    _offloaded: str | None = field(default=None, repr=False)
    _schedulers: dict = field(default_factory=dict, repr=False)

    def pipeline(self, mode: str = "txt2img"):
        """The pipeline for ``mode``, ready to run (CPU offload hooks on it if offloading)."""
        pipe = self.pipes[mode]
        if self.offload and self._offloaded != mode:
            if self._offloaded:  # the modules are shared: move their hooks, don't stack them
                self.pipes[self._offloaded].remove_all_hooks()
            pipe.enable_model_cpu_offload()
            self._offloaded = mode
        return pipe

    def scheduler(self, sampler: str):
        """The scheduler for an A1111 sampler name on this model's noise schedule, made once and reused."""
        name = samplers.canonical(sampler)
        if name not in self._schedulers:
            self._schedulers[name] = samplers.scheduler_for(name, self.scheduler_config)
        return self._schedulers[name]


def is_loaded(ref: ModelRef) -> bool:
    if ref.kind == "own":  # a small pixel-space model trained in Lab 2: no pipelines, a cache of its own
        from services.diffusion.own import model as own

        return own.is_loaded(ref)
    # a model loads only after asking for the device: until then nothing is loaded, and the
    # page that asks (Lab 2's first open) need not wait for torch to import
    return compute.device_known() and _key(ref, compute.device()) in RESIDENT


def load(ref: ModelRef) -> LoadedModel:
    """The model's pipelines, loaded once per process; unreachable models raise UserError.
    (A model trained in Lab 2 loads as an ``own.model.OwnModel``.)"""
    if ref.kind == "own":
        from services.diffusion.own import model as own  # lazy: torch

        return own.load(ref)
    device = compute.device()
    return RESIDENT.get(_key(ref, device), lambda: _load(ref, device), label=ref.label)


def assemble(unet, vae, text_encoder, tokenizer, scheduler):
    """A Stable Diffusion pipeline from its parts (built from configs), without a safety checker."""
    from diffusers import StableDiffusionPipeline  # lazy: diffusers imports torch

    return StableDiffusionPipeline(
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        unet=unet,
        scheduler=scheduler,
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )


def error_line(error: Exception) -> str:
    """The first line of an error from diffusers or torch, short enough to show the student."""
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:300]


def _dtype(device: str):
    """The weights' precision on ``device``, as ``PRECISION_SETTING`` asks: "auto" (the default)
    is float16 on a GPU, bfloat16 on a CPU that computes it faster than float32 (AMX) and float32
    on other CPUs (diffusers' default: bfloat16 measured slower there, see ``compute.fast_bfloat16``);
    "bf16" is bfloat16 where the device computes it fast (on other GPUs float16); "fp32" float32.
    bfloat16 keeps float32's range, so a GPU's VAE cannot overflow into a black image."""
    import torch  # lazy: the app starts without torch

    choice = os.environ.get(PRECISION_SETTING, "auto")
    if choice == "fp32":
        return torch.float32
    fast_bf16 = compute.fast_bfloat16(device)
    if device in ("cuda", "mps"):
        return torch.bfloat16 if choice == "bf16" and fast_bf16 else torch.float16
    return torch.bfloat16 if fast_bf16 else torch.float32


def _key(ref: ModelRef, device: str) -> tuple:
    return (ref, str(_dtype(device)), device)


def _load(ref: ModelRef, device: str) -> LoadedModel:
    # lazy: diffusers and torch load only when a model does
    import torch
    from diffusers import (
        StableDiffusionImg2ImgPipeline,
        StableDiffusionInpaintPipeline,
        StableDiffusionPipeline,
    )

    # 1. Read the weights, in half precision on a GPU (and on a CPU that computes bfloat16 fast)
    dtype = _dtype(device)
    pipe = _from_source(ref, StableDiffusionPipeline, dtype)
    pipe.set_progress_bar_config(disable=True)
    # 2. Place them: on the device, or in CPU memory when the GPU is short of room
    offload = device == "cuda" and _short_of_gpu_memory(pipe)
    if not offload:
        pipe.to(device)
    # 3. On CUDA: channels-last convolutions for tensor cores, the U-Net replayed from CUDA graphs
    graphs = None
    if device == "cuda":
        pipe.unet.to(memory_format=torch.channels_last)
        if not offload:  # offloading moves the weights between calls: nothing fixed to replay
            graphs = unet_graphs.install(pipe.unet)
    # diffusers' default attention on torch 2 is scaled_dot_product_attention (flash / memory-efficient)
    # 4. img2img and inpaint pipelines on the same modules, no copy
    pipes = {"txt2img": pipe}
    for mode, cls in (
        ("img2img", StableDiffusionImg2ImgPipeline),
        ("inpaint", StableDiffusionInpaintPipeline),
    ):
        pipes[mode] = cls.from_pipe(pipe, dtype=dtype)
        pipes[mode].set_progress_bar_config(disable=True)
    return LoadedModel(
        ref, device, dtype, pipes, dict(pipe.scheduler.config), offload=offload, unet_graphs=graphs
    )


def _from_source(ref: ModelRef, cls, dtype):
    """Read the pipeline from the hub, a folder or a single file, turning failures into UserError."""
    common = {"dtype": dtype, "safety_checker": None, "requires_safety_checker": False}
    if ref.kind in ("preset", "hub"):
        try:
            return cls.from_pretrained(ref.id, **common)
        except Exception as error:
            raise _hub_error(ref.id, error) from None
    path = Path(ref.id)
    if ref.kind in ("folder", "tiny"):
        if not (path / "model_index.json").is_file():
            raise UserError("sd.err.no_folder", path=ref.id)
        try:
            return cls.from_pretrained(path, local_files_only=True, **common)
        except Exception as error:
            raise UserError("sd.err.bad_folder", path=ref.id, detail=error_line(error)) from None
    if ref.kind == "single_file":
        if not path.is_file():
            raise UserError("sd.err.no_file", path=ref.id)
        config = {"config": ref.config} if ref.config else {}
        try:
            return cls.from_single_file(str(path), **config, **common)
        except Exception as error:
            if _is_network_error(error):
                raise UserError("sd.err.single_file_offline", path=path.name) from None
            raise UserError("sd.err.bad_file", path=path.name, detail=error_line(error)) from None
    raise UserError("sd.err.source", source=ref.kind)


def _hub_error(repo: str, error: Exception) -> UserError:
    from huggingface_hub.errors import GatedRepoError, RepositoryNotFoundError  # lazy: comes with diffusers

    chain = _causes(error)
    if any(isinstance(e, GatedRepoError) for e in chain):
        return UserError("sd.err.hub_gated", id=repo)
    if any(isinstance(e, RepositoryNotFoundError) for e in chain):
        return UserError("sd.err.hub_not_found", id=repo)
    if _is_network_error(error):
        return UserError("sd.err.hub_offline", id=repo)
    return UserError("sd.err.bad_model", name=repo, detail=error_line(error))


def _causes(error: BaseException) -> list[BaseException]:
    chain = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or error.__context__
    return chain


def _is_network_error(error: Exception) -> bool:
    """Whether the model failed to load because the hub could not be reached (and nothing was cached)."""
    from huggingface_hub.errors import LocalEntryNotFoundError, OfflineModeIsEnabled  # lazy: as above

    for e in _causes(error):
        if isinstance(e, LocalEntryNotFoundError | OfflineModeIsEnabled | ConnectionError | TimeoutError):
            return True
        if type(e).__name__ in ("ConnectError", "ConnectTimeout", "ConnectionError", "ProxyError"):
            return True
        if "not fully cached locally" in str(e) or "couldn't connect" in str(e).lower():
            return True
    return False


def _short_of_gpu_memory(pipe) -> bool:
    """Whether the weights and room to work on them do not fit into free GPU memory."""
    import torch  # lazy: only called on CUDA

    free, _ = torch.cuda.mem_get_info()
    weights = sum(
        p.numel() * p.element_size()
        for m in pipe.components.values()
        if isinstance(m, torch.nn.Module)
        for p in m.parameters()
    )
    return free < 2 * weights + 2 * 2**30
