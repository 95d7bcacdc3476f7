"""Lab 2: Stable Diffusion models and generation, as the AUTOMATIC1111 WebUI does it.

A model is named by a ``ModelRef`` (a known preset, any Hugging Face id, a local diffusers
folder, a single ``.safetensors`` checkpoint, or the tiny offline demo). ``load`` builds its
pipelines once per process and keeps them in ``model_cache.RESIDENT``, shared by every
session; ``generate`` runs one ``GenRequest`` (txt2img, img2img or inpaint) image by image
with A1111's seed convention and returns the images with their A1111 infotext.

torch and diffusers are imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from services.common import compute
from services.common.errors import UserError
from services.common.model_cache import RESIDENT
from services.common.paths import cache_dir
from services.diffusion import infotext as png_info
from services.diffusion import samplers

MODES = ("txt2img", "img2img", "inpaint")
SIZE_RANGE = (64, 2048)
MAX_STEPS = 150
CFG_RANGE = (0.0, 30.0)
MAX_BATCH_COUNT = 16
MAX_BATCH_SIZE = 8
LORA_WEIGHT_RANGE = (-5.0, 5.0)
TILE_VAE_ABOVE = 768  # px: decode larger images tile by tile, as A1111's Tiled VAE does
_HUB_ID = re.compile(r"^[\w.-]+/[\w.-]+$")


# --- which model ------------------------------------------------------------------------------------


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

    def __str__(self) -> str:
        return self.label


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
    """A ModelRef from what the student typed: source "hub", "folder" or "file" (= "single_file").

    ``config`` (single files only, optional) names where diffusers reads the component configs:
    a local diffusers folder of the same architecture, or a Hugging Face id.
    """
    location = location.strip()
    if source == "hub":
        if not _HUB_ID.match(location):
            raise UserError("sd.err.hub_id", id=location)
        return ModelRef("hub", location, location)
    path = Path(location).expanduser()
    if source == "folder":
        if not (path / "model_index.json").is_file():
            raise UserError("sd.err.no_folder", path=location)
        return ModelRef("folder", str(path.resolve()), path.name)
    if source in ("file", "single_file"):
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
    if _HUB_ID.match(config):
        return config
    raise UserError("sd.err.no_config", path=config)


# --- the tiny offline demo ----------------------------------------------------------------------------

TINY_LABEL = "tiny-sd (random weights)"
_tiny_lock = threading.Lock()


def tiny_model() -> ModelRef:
    """The offline demo: SD's architecture in miniature with random weights, built once on disk.

    It is saved with ``save_pretrained`` and loaded like any diffusers folder, so it takes
    exactly the path of a real model; its images are coloured noise.
    """
    folder = cache_dir("models") / "tiny-sd"
    with _tiny_lock:
        if not (folder / "model_index.json").is_file():
            _build_tiny(folder)
    return ModelRef("tiny", str(folder), TINY_LABEL, default_size=128, default_steps=10)


def _build_tiny(folder: Path) -> None:
    import torch
    from diffusers import (
        AutoencoderKL,
        EulerAncestralDiscreteScheduler,
        UNet2DConditionModel,
    )
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    torch.manual_seed(0)  # the same demo weights on every machine
    tokenizer = CLIPTokenizer(vocab=_byte_vocab(), merges=[], model_max_length=77)
    text_encoder = CLIPTextModel(
        CLIPTextConfig(
            vocab_size=len(tokenizer),
            hidden_size=32,
            intermediate_size=64,
            num_attention_heads=4,
            num_hidden_layers=2,
            max_position_embeddings=77,
            bos_token_id=tokenizer.bos_token_id,
            eos_token_id=tokenizer.eos_token_id,
            pad_token_id=tokenizer.pad_token_id,
        )
    )
    unet = UNet2DConditionModel(
        sample_size=16,
        block_out_channels=(32, 64),
        layers_per_block=1,
        # cross-attention at the coarser level only: the demo stays fast at 512 px
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=32,
        attention_head_dim=4,
        norm_num_groups=16,
    )
    vae = AutoencoderKL(  # four levels: 8x downsampling, as in SD
        block_out_channels=(8, 16, 16, 16),
        down_block_types=("DownEncoderBlock2D",) * 4,
        up_block_types=("UpDecoderBlock2D",) * 4,
        latent_channels=4,
        norm_num_groups=8,
        mid_block_add_attention=False,
        sample_size=512,
    )
    scheduler = EulerAncestralDiscreteScheduler(  # SD 1.5's noise schedule
        beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear", steps_offset=1
    )
    pipe = assemble(unet, vae, text_encoder, tokenizer, scheduler)
    partial = folder.with_name(f"{folder.name}.{uuid.uuid4().hex[:6]}.partial")
    pipe.save_pretrained(partial)
    (partial / "README.md").write_text(
        "Random weights: a tiny untrained Stable Diffusion for offline demos.\n"
    )
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)  # whole or nothing: another process never sees half a model


def tiny_lora() -> Path:
    """A LoRA for the tiny demo (random weights too), saved as diffusers saves trained LoRAs.

    With it the LoRA tab can be tried offline: the images change with its weight and
    return to the base model's when it is removed.
    """
    base = Path(tiny_model().id)
    file = cache_dir("models", "tiny-lora") / "tiny-lora.safetensors"
    with _tiny_lock:
        if not file.is_file():
            _build_tiny_lora(base, file)
    return file


def _build_tiny_lora(base: Path, file: Path) -> None:
    import torch
    from diffusers import StableDiffusionPipeline, UNet2DConditionModel
    from diffusers.utils import convert_state_dict_to_diffusers
    from peft import LoraConfig
    from peft.utils import get_peft_model_state_dict

    torch.manual_seed(1)
    unet = UNet2DConditionModel.from_pretrained(base / "unet")
    # random A and B (a fresh LoRA starts with B = 0, which would change nothing)
    unet.add_adapter(
        LoraConfig(
            r=4, lora_alpha=4, init_lora_weights=False, target_modules=["to_q", "to_k", "to_v", "to_out.0"]
        )
    )
    layers = convert_state_dict_to_diffusers(get_peft_model_state_dict(unet))
    partial = file.with_name(f"{file.stem}.{uuid.uuid4().hex[:6]}.partial")
    StableDiffusionPipeline.save_lora_weights(partial, unet_lora_layers=layers, safe_serialization=True)
    (partial / "pytorch_lora_weights.safetensors").replace(file)
    shutil.rmtree(partial, ignore_errors=True)


def assemble(unet, vae, text_encoder, tokenizer, scheduler):
    """A Stable Diffusion pipeline from its parts (built from configs), without a safety checker."""
    from diffusers import StableDiffusionPipeline

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


def _byte_vocab() -> dict[str, int]:
    """CLIP's byte-level vocabulary with no merges: every character is a token, no download needed."""
    printable = [
        *range(ord("!"), ord("~") + 1),
        *range(ord("¡"), ord("¬") + 1),
        *range(ord("®"), ord("ÿ") + 1),
    ]
    shifted = [256 + n for n in range(256 - len(printable))]
    chars = [chr(c) for c in printable + shifted]
    tokens = chars + [c + "</w>" for c in chars] + ["<|startoftext|>", "<|endoftext|>"]
    return {token: number for number, token in enumerate(tokens)}


# --- loading ------------------------------------------------------------------------------------------


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


def _dtype(device: str):
    import torch

    return torch.float16 if device in ("cuda", "mps") else torch.float32


def _key(ref: ModelRef, device: str) -> tuple:
    return (ref, str(_dtype(device)), device)


def is_loaded(ref: ModelRef) -> bool:
    return _key(ref, compute.device()) in RESIDENT


def load(ref: ModelRef) -> LoadedModel:
    """The model's pipelines, loaded once per process; unreachable models raise UserError."""
    device = compute.device()
    return RESIDENT.get(_key(ref, device), lambda: _load(ref, device), label=ref.label)


def _load(ref: ModelRef, device: str) -> LoadedModel:
    from diffusers import (
        StableDiffusionImg2ImgPipeline,
        StableDiffusionInpaintPipeline,
        StableDiffusionPipeline,
    )

    dtype = _dtype(device)
    pipe = _from_source(ref, StableDiffusionPipeline, dtype)
    pipe.set_progress_bar_config(disable=True)
    offload = device == "cuda" and _short_of_gpu_memory(pipe)
    if not offload:
        pipe.to(device)
    graphs = None
    if device == "cuda":
        import torch

        from services.diffusion import unet_graphs

        pipe.unet.to(memory_format=torch.channels_last)  # faster convolutions on tensor cores
        if not offload:  # offloading moves the weights between calls: nothing fixed to replay
            graphs = unet_graphs.install(pipe.unet)
    # diffusers' default attention on torch 2 is scaled_dot_product_attention (flash / memory-efficient)
    pipes = {"txt2img": pipe}
    for mode, cls in (
        ("img2img", StableDiffusionImg2ImgPipeline),
        ("inpaint", StableDiffusionInpaintPipeline),
    ):
        pipes[mode] = cls.from_pipe(pipe, dtype=dtype)  # same modules, no copy
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
            raise UserError("sd.err.bad_folder", path=ref.id, detail=_short(error)) from None
    if ref.kind == "single_file":
        if not path.is_file():
            raise UserError("sd.err.no_file", path=ref.id)
        config = {"config": ref.config} if ref.config else {}
        try:
            return cls.from_single_file(str(path), **config, **common)
        except Exception as error:
            if _is_network_error(error):
                raise UserError("sd.err.single_file_offline", path=path.name) from None
            raise UserError("sd.err.bad_file", path=path.name, detail=_short(error)) from None
    raise UserError("sd.err.source", source=ref.kind)


def _hub_error(repo: str, error: Exception) -> UserError:
    from huggingface_hub.errors import GatedRepoError, RepositoryNotFoundError

    chain = _causes(error)
    if any(isinstance(e, GatedRepoError) for e in chain):
        return UserError("sd.err.hub_gated", id=repo)
    if any(isinstance(e, RepositoryNotFoundError) for e in chain):
        return UserError("sd.err.hub_not_found", id=repo)
    if _is_network_error(error):
        return UserError("sd.err.hub_offline", id=repo)
    return UserError("sd.err.bad_model", name=repo, detail=_short(error))


def _causes(error: BaseException) -> list[BaseException]:
    chain = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or error.__context__
    return chain


def _is_network_error(error: Exception) -> bool:
    """Whether the model failed to load because the hub could not be reached (and nothing was cached)."""
    from huggingface_hub.errors import LocalEntryNotFoundError, OfflineModeIsEnabled

    for e in _causes(error):
        if isinstance(e, LocalEntryNotFoundError | OfflineModeIsEnabled | ConnectionError | TimeoutError):
            return True
        if type(e).__name__ in ("ConnectError", "ConnectTimeout", "ConnectionError", "ProxyError"):
            return True
        if "not fully cached locally" in str(e) or "couldn't connect" in str(e).lower():
            return True
    return False


def _short(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:300]


def _short_of_gpu_memory(pipe) -> bool:
    """Whether the weights and room to work on them do not fit into free GPU memory."""
    import torch

    free, _ = torch.cuda.mem_get_info()
    weights = sum(
        p.numel() * p.element_size()
        for m in pipe.components.values()
        if isinstance(m, torch.nn.Module)
        for p in m.parameters()
    )
    return free < 2 * weights + 2 * 2**30


# --- LoRA ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lora:
    path: str
    weight: float = 1.0

    @property
    def name(self) -> str:
        return Path(self.path).stem


def check_lora(path: str, weight: float = 1.0) -> Lora:
    """A LoRA file the student named, checked before use: a readable ``.safetensors`` with tensors."""
    file = Path(path.strip()).expanduser()
    if file.suffix.lower() != ".safetensors":
        raise UserError("sd.err.not_safetensors", path=path)
    if not file.is_file():
        raise UserError("sd.err.no_file", path=path)
    if not LORA_WEIGHT_RANGE[0] <= weight <= LORA_WEIGHT_RANGE[1]:
        raise UserError("sd.err.lora_weight", weight=weight, lo=LORA_WEIGHT_RANGE[0], hi=LORA_WEIGHT_RANGE[1])
    _check_lora_tensors(file, file.name)
    return Lora(str(file.resolve()), float(weight))


def _check_lora_tensors(file: Path, name: str) -> None:
    """Refuse a file that is no safetensors file or holds no LoRA weights; ``name`` is what the message shows."""
    try:
        from safetensors import safe_open

        with safe_open(str(file), framework="pt") as f:
            keys = list(f.keys())
    except Exception:
        raise UserError("sd.err.bad_lora", path=name) from None
    if not any("lora" in k for k in keys):
        raise UserError("sd.err.bad_lora", path=name)


_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def save_uploaded_lora(name: str, data: bytes) -> Path:
    """An uploaded LoRA file, checked and kept under the cache; returns where it is.

    The uploaded name is never used as a path: only the letters, digits, ``_``, ``-`` and
    ``.`` of its last part become the file name, inside a folder named by the content's
    hash (``cache/loras/<hash>/<name>.safetensors``), so the same file uploaded twice is
    kept once and two different files with one name do not overwrite each other.
    """
    if not name.lower().endswith(".safetensors"):
        raise UserError("sd.err.not_safetensors", path=name)
    base = re.split(r"[\\/]", name)[-1][: -len(".safetensors")]
    stem = _UNSAFE_NAME.sub("_", base).strip("._-")[:80] or "lora"
    folder = cache_dir("loras", hashlib.sha256(data).hexdigest()[:16])
    file = folder / f"{stem}.safetensors"
    if not file.is_file():
        partial = folder / f".{uuid.uuid4().hex[:8]}.partial"
        partial.write_bytes(data)
        try:
            _check_lora_tensors(partial, file.name)
        except UserError:
            partial.unlink(missing_ok=True)
            if not any(folder.iterdir()):
                folder.rmdir()
            raise
        partial.replace(file)  # whole or nothing
    return file


def load_lora(pipe, path: str, weight: float, adapter_name: str | None = None) -> str:
    """Load a LoRA into ``pipe``'s U-Net (and text encoder) as a named adapter at ``weight``; returns its name."""
    name = adapter_name or f"lora_{uuid.uuid4().hex[:8]}"
    try:
        pipe.load_lora_weights(path, adapter_name=name)
    except Exception as error:
        raise UserError("sd.err.lora_load", path=Path(path).name, detail=_short(error)) from None
    pipe.set_adapters([name], adapter_weights=[weight])
    return name


def unload_lora(pipe) -> None:
    """Remove every LoRA from ``pipe``: the weights are the base model's again."""
    pipe.unload_lora_weights()


def _apply_loras(model: LoadedModel, loras: tuple[Lora, ...]) -> None:
    """Make the loaded LoRAs and their weights those of the request (files reloaded only when they change)."""
    pipe = model.pipes["txt2img"]
    paths = tuple(lora.path for lora in loras)
    if model.unet_graphs is not None:  # LoRA layers change the U-Net's modules: no replaying them
        model.unet_graphs.lora_loaded = bool(loras)
    if paths != tuple(lora.path for lora in model.loras):
        if model.unet_graphs is not None:
            model.unet_graphs.reset()
        if model.loras:
            unload_lora(pipe)
            model.loras = ()
        try:
            for number, lora in enumerate(loras):
                load_lora(pipe, lora.path, lora.weight, adapter_name=f"lora{number}")
        except UserError:
            unload_lora(pipe)  # none or all: a half-loaded set would haunt the next request
            raise
    if loras:
        pipe.set_adapters([f"lora{n}" for n in range(len(loras))], adapter_weights=[x.weight for x in loras])
        model.loras = loras


# --- generation ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GenRequest:
    """What A1111's txt2img / img2img / inpaint form asks for. ``seed`` -1 means a random one."""

    prompt: str = ""
    negative_prompt: str = ""
    mode: str = "txt2img"
    steps: int = 20
    cfg_scale: float = 7.0
    width: int = 512
    height: int = 512
    seed: int = -1
    sampler: str = samplers.DEFAULT
    batch_count: int = 1
    batch_size: int = 1
    init_image: object = None  # PIL image, for img2img and inpaint
    strength: float = 0.75  # denoising strength: 0 keeps the image, 1 replaces it
    mask: object = None  # PIL image, white = repaint
    loras: tuple = ()  # Lora(path, weight) or (path, weight) pairs

    def check(self) -> None:
        """Refuse a request that cannot run, with the reason (UserError) before any work starts."""
        if self.mode not in MODES:
            raise UserError("sd.err.mode", mode=self.mode)
        if not self.prompt.strip():
            raise UserError("sd.err.empty_prompt")
        for side in (self.width, self.height):
            if side % 8:
                raise UserError("sd.err.size_multiple", value=side)
            if not SIZE_RANGE[0] <= side <= SIZE_RANGE[1]:
                raise UserError("sd.err.size_range", value=side, lo=SIZE_RANGE[0], hi=SIZE_RANGE[1])
        if not 1 <= self.steps <= MAX_STEPS:
            raise UserError("sd.err.steps", value=self.steps, max=MAX_STEPS)
        if not CFG_RANGE[0] <= self.cfg_scale <= CFG_RANGE[1]:
            raise UserError("sd.err.cfg", value=self.cfg_scale, lo=CFG_RANGE[0], hi=CFG_RANGE[1])
        if not 1 <= self.batch_count <= MAX_BATCH_COUNT:
            raise UserError("sd.err.batch_count", value=self.batch_count, max=MAX_BATCH_COUNT)
        if not 1 <= self.batch_size <= MAX_BATCH_SIZE:
            raise UserError("sd.err.batch_size", value=self.batch_size, max=MAX_BATCH_SIZE)
        if not 0 <= self.seed < 2**32 and self.seed != -1:
            raise UserError("sd.err.seed", value=self.seed)
        samplers.canonical(self.sampler)
        if self.mode != "txt2img":
            if self.init_image is None:
                raise UserError("sd.err.need_image")
            if not 0 < self.strength <= 1:
                raise UserError("sd.err.strength", value=self.strength)
            if int(self.steps * self.strength) < 1:
                raise UserError("sd.err.strength_steps", steps=self.steps, strength=self.strength)
        if self.mode == "inpaint":
            if self.mask is None:
                raise UserError("sd.err.need_mask")
            if self.mask.size != self.init_image.size:
                raise UserError(
                    "sd.err.mask_size", mask=_size(self.mask.size), image=_size(self.init_image.size)
                )


def _size(size: tuple[int, int]) -> str:
    return f"{size[0]}×{size[1]}"


@dataclass(frozen=True)
class Generated:
    image: object  # PIL image
    seed: int
    seconds: float  # this image's share of its batch's time, GPU work included
    parameters: str  # A1111's infotext
    interrupted: bool = False  # stopped before its last step: a partly denoised image

    def png_bytes(self) -> bytes:
        """The image as PNG with the infotext in its ``parameters`` chunk, as A1111 saves it."""
        return png_info.write_png(self.image, self.parameters)


def generate(
    ref: ModelRef,
    request: GenRequest,
    on_step: Callable[..., None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_wait: Callable[[int], None] | None = None,
) -> list[Generated]:
    """Run ``request`` with the model ``ref``: batch_count batches of batch_size images.

    Image ``n`` gets seed ``seed + n`` (A1111's convention), each from its own generator,
    so any image can be reproduced alone. ``on_step(step, steps, batch)`` follows the
    denoising loop (``batch`` counts from 0); when ``should_stop()`` turns true the current
    batch ends early (its images come back marked ``interrupted``) and no further batch
    starts. ``on_wait(ahead)`` is told when the accelerator is busy with someone else's work.
    """
    request.check()
    loras = tuple(x if isinstance(x, Lora) else check_lora(*x) for x in request.loras)
    model = load(ref)
    seed = request.seed if request.seed >= 0 else random.randrange(2**32)
    results: list[Generated] = []
    with compute.ACCELERATOR.hold(on_wait):
        _apply_loras(model, loras)
        pipe = model.pipeline(request.mode)
        pipe.scheduler = model.scheduler(request.sampler)  # set_timesteps resets it for this run
        _tile_vae(pipe, request)
        inputs = _mode_inputs(request)
        for batch in range(request.batch_count):
            if should_stop and should_stop():
                break
            seeds = [seed + batch * request.batch_size + n for n in range(request.batch_size)]
            images, seconds, interrupted = _run_batch(
                pipe, model.device, request, inputs, seeds, batch, on_step, should_stop
            )
            for image, image_seed in zip(images, seeds, strict=True):
                if request.mode == "inpaint":  # A1111 keeps the original outside the mask
                    image = _overlay(image, inputs["image"], inputs["mask_image"])
                text = _parameters(ref, request, image_seed, loras)
                results.append(Generated(image, image_seed, seconds / len(images), text, interrupted))
            if interrupted:
                break
    return results


def _run_batch(pipe, device, request, inputs, seeds, batch, on_step, should_stop):
    """One pipeline call; returns its images, its seconds (GPU work finished) and whether it was stopped."""
    import torch

    stopped = False

    def step_end(p, step: int, timestep, tensors: dict) -> dict:
        nonlocal stopped
        if on_step:
            on_step(step + 1, p.num_timesteps, batch)
        if should_stop and should_stop() and step + 1 < p.num_timesteps:
            p._interrupt = True  # diffusers' documented way: the loop skips the remaining steps
            stopped = True
        return {}

    # noise from CPU generators: the same seed gives the same image on any device
    generators = [torch.Generator("cpu").manual_seed(s) for s in seeds]
    compute.synchronize(device)
    start = time.perf_counter()
    try:
        with torch.inference_mode():
            out = pipe(
                prompt=request.prompt,
                negative_prompt=request.negative_prompt or None,
                num_inference_steps=request.steps,
                guidance_scale=request.cfg_scale,
                num_images_per_prompt=len(seeds),
                generator=generators,
                callback_on_step_end=step_end,
                **inputs,
            )
        compute.synchronize(device)
    except torch.OutOfMemoryError:
        raise UserError("sd.err.out_of_memory", width=request.width, height=request.height) from None
    return out.images, time.perf_counter() - start, stopped


def _overlay(generated, original, mask):
    from PIL import Image

    return Image.composite(generated, original, mask)


def _mode_inputs(request: GenRequest) -> dict:
    """The mode's own pipeline arguments; pictures are resized to the requested size, as A1111 does."""
    size = (request.width, request.height)
    if request.mode == "txt2img":
        return {"width": request.width, "height": request.height}
    image = request.init_image.convert("RGB").resize(size)
    if request.mode == "img2img":
        return {"image": image, "strength": request.strength}
    mask = request.mask.convert("L").resize(size)
    return {
        "image": image,
        "mask_image": mask,
        "strength": request.strength,
        "width": request.width,
        "height": request.height,
    }


def _tile_vae(pipe, request: GenRequest) -> None:
    if max(request.width, request.height) > TILE_VAE_ABOVE:
        pipe.vae.enable_tiling()
    else:
        pipe.vae.disable_tiling()


def _parameters(ref: ModelRef, request: GenRequest, seed: int, loras: tuple[Lora, ...]) -> str:
    extra = {}
    if request.mode != "txt2img":
        extra["Denoising strength"] = f"{request.strength:g}"
    if request.mode == "inpaint":
        extra["Mask blur"] = 0
    if loras:
        extra["Lora weights"] = ", ".join(f"{x.name}: {x.weight:g}" for x in loras)
    return png_info.format_parameters(
        request.prompt,
        request.negative_prompt,
        request.steps,
        samplers.canonical(request.sampler),
        request.cfg_scale,
        seed,
        request.width,
        request.height,
        ref.label,
        extra,
    )
