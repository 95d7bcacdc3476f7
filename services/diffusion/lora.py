"""LoRA files: checked when the student adds one, kept safely when uploaded, loaded into a model per request.

A LoRA is a small ``.safetensors`` file of low-rank weight changes for the U-Net (and
the text encoder), applied at a weight as A1111's ``<lora:name:weight>`` does.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from services.common import server_paths
from services.common.errors import UserError
from services.common.paths import cache_dir
from services.diffusion.pipelines import LoadedModel, error_line

WEIGHT_RANGE = (-5.0, 5.0)
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class Lora:
    path: str
    weight: float = 1.0

    @property
    def name(self) -> str:
        return Path(self.path).stem


def on_server(text: str, weight: float = 1.0) -> Lora:
    """A LoRA file the student named by its path on the server: only under the allowed folders
    (``server_paths``), so the field reveals nothing else; then checked as ``check`` does."""
    text = text.strip()
    if not text:
        raise UserError("sd.err.no_lora_path")
    if Path(text).suffix.lower() != ".safetensors":  # told from the text alone: nothing about the disk
        raise UserError("sd.err.not_safetensors", path=Path(text).name)
    return check(server_paths.file(text, (".safetensors",)), weight)


def check(file: Path, weight: float = 1.0) -> Lora:
    """A LoRA file the app holds (uploaded, the demo's, or found by ``on_server``), checked before use:
    a readable ``.safetensors`` with LoRA tensors, at a weight within range."""
    file = Path(file)
    if file.suffix.lower() != ".safetensors":
        raise UserError("sd.err.not_safetensors", path=file.name)
    if not WEIGHT_RANGE[0] <= weight <= WEIGHT_RANGE[1]:
        raise UserError("sd.err.lora_weight", weight=weight, lo=WEIGHT_RANGE[0], hi=WEIGHT_RANGE[1])
    _check_tensors(file, file.name)
    return Lora(str(file.resolve()), float(weight))


def save_upload(name: str, data: bytes) -> Path:
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
            _check_tensors(partial, file.name)
        except UserError:
            partial.unlink(missing_ok=True)
            if not any(folder.iterdir()):
                folder.rmdir()
            raise
        partial.replace(file)  # whole or nothing
    return file


def apply(model: LoadedModel, loras: tuple[Lora, ...]) -> None:
    """Make the model's LoRAs and their weights those of a request (files reloaded only when they change)."""
    pipe = model.pipes["txt2img"]  # the modes share their modules: one load serves all three
    paths = tuple(lora.path for lora in loras)
    if model.unet_graphs is not None:  # LoRA layers change the U-Net's modules: no replaying them
        model.unet_graphs.lora_loaded = bool(loras)
    if paths != tuple(lora.path for lora in model.loras):
        if model.unet_graphs is not None:
            model.unet_graphs.reset()
        if model.loras:
            pipe.unload_lora_weights()
            model.loras = ()
        try:
            for number, lora in enumerate(loras):
                _load(pipe, lora.path, adapter_name=f"lora{number}")
        except UserError:
            pipe.unload_lora_weights()  # none or all: a half-loaded set would haunt the next request
            raise
    if loras:
        pipe.set_adapters([f"lora{n}" for n in range(len(loras))], adapter_weights=[x.weight for x in loras])
        model.loras = loras


def _load(pipe, path: str, adapter_name: str) -> None:
    try:
        pipe.load_lora_weights(path, adapter_name=adapter_name)
    except Exception as error:
        raise UserError("sd.err.lora_load", path=Path(path).name, detail=error_line(error)) from None


def _check_tensors(file: Path, name: str) -> None:
    """Refuse a file that is no safetensors file or holds no LoRA weights; ``name`` is what the message shows."""
    try:
        from safetensors import safe_open  # lazy: comes with the torch stack, not with the app

        with safe_open(str(file), framework="pt") as f:
            keys = list(f.keys())
    except Exception:
        raise UserError("sd.err.bad_lora", path=name) from None
    if not any("lora" in k for k in keys):
        raise UserError("sd.err.bad_lora", path=name)
