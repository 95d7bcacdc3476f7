"""The offline demo: Stable Diffusion's architecture in miniature with random weights, and a LoRA for it.

Both are built once per machine on disk and used exactly as a real model and a trained
LoRA are, so every tab of Lab 2 can be tried (and tested) without the model hub; the
images are coloured noise.
"""

from __future__ import annotations

import shutil
import threading
import uuid
from pathlib import Path

from services.common.paths import cache_dir
from services.diffusion.models import ModelRef
from services.diffusion.pipelines import assemble

TINY_LABEL = "tiny-sd"  # a name: the page says what the model is, in the reader's language
_lock = threading.Lock()


def tiny_model() -> ModelRef:
    """The demo model, saved with ``save_pretrained`` and loaded like any diffusers folder."""
    folder = cache_dir("models") / "tiny-sd"
    with _lock:
        if not (folder / "model_index.json").is_file():
            _build_tiny(folder)
    return ModelRef("tiny", str(folder), TINY_LABEL, default_size=128, default_steps=10)


def tiny_lora() -> Path:
    """A LoRA for the demo model (random weights too), saved as diffusers saves trained LoRAs.

    The images change with its weight and return to the base model's when it is removed.
    """
    base = Path(tiny_model().id)
    file = cache_dir("models", "tiny-lora") / "tiny-lora.safetensors"
    with _lock:
        if not file.is_file():
            _build_tiny_lora(base, file)
    return file


def _build_tiny(folder: Path) -> None:
    # lazy: torch, diffusers and transformers load only when the demo is first built
    import torch
    from diffusers import AutoencoderKL, EulerAncestralDiscreteScheduler, UNet2DConditionModel
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


def _build_tiny_lora(base: Path, file: Path) -> None:
    # lazy: torch, diffusers and peft load only when the demo LoRA is first built
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
