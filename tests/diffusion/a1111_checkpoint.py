"""A diffusers Stable Diffusion folder written as one A1111-style checkpoint, for tests.

AUTOMATIC1111 and CivitAI share models as one ``.safetensors`` in the original Stable
Diffusion key layout (``model.diffusion_model.*``, ``first_stage_model.*``,
``cond_stage_model.transformer.*``). This is the inverse of diffusers' single-file
conversion, enough for the demo model's blocks, so ``from_single_file`` can be tested offline.
"""

import re
from pathlib import Path

RESNET = [
    ("norm1", "in_layers.0"),
    ("conv1", "in_layers.2"),
    ("norm2", "out_layers.0"),
    ("conv2", "out_layers.3"),
    ("time_emb_proj", "emb_layers.1"),
    ("conv_shortcut", "skip_connection"),
]


def _resnet(rest):
    for new, old in RESNET:
        if rest.startswith(new + "."):
            return old + rest[len(new) :]
    return rest


def _unet_key(key, cfg):
    from diffusers.loaders.single_file_utils import DIFFUSERS_TO_LDM_MAPPING

    top = DIFFUSERS_TO_LDM_MAPPING["unet"]["layers"]
    if key in top:
        return top[key]
    per = cfg.layers_per_block + 1
    if m := re.fullmatch(r"down_blocks\.(\d+)\.(resnets|attentions)\.(\d+)\.(.+)", key):
        i, kind, j, rest = int(m[1]), m[2], int(m[3]), m[4]
        sub, rest = (0, _resnet(rest)) if kind == "resnets" else (1, rest)
        return f"input_blocks.{i * per + j + 1}.{sub}.{rest}"
    if m := re.fullmatch(r"down_blocks\.(\d+)\.downsamplers\.0\.conv\.(\w+)", key):
        return f"input_blocks.{(int(m[1]) + 1) * per}.0.op.{m[2]}"
    if m := re.fullmatch(r"up_blocks\.(\d+)\.(resnets|attentions)\.(\d+)\.(.+)", key):
        i, kind, j, rest = int(m[1]), m[2], int(m[3]), m[4]
        sub, rest = (0, _resnet(rest)) if kind == "resnets" else (1, rest)
        return f"output_blocks.{i * per + j}.{sub}.{rest}"
    if m := re.fullmatch(r"up_blocks\.(\d+)\.upsamplers\.0\.conv\.(\w+)", key):
        i = int(m[1])
        sub = 2 if "CrossAttn" in cfg.up_block_types[i] else 1
        return f"output_blocks.{i * per + per - 1}.{sub}.conv.{m[2]}"
    if m := re.fullmatch(r"mid_block\.resnets\.(\d)\.(.+)", key):
        return f"middle_block.{0 if m[1] == '0' else 2}.{_resnet(m[2])}"
    if m := re.fullmatch(r"mid_block\.attentions\.0\.(.+)", key):
        return f"middle_block.1.{m[1]}"
    raise KeyError(key)


def _vae_key(key, cfg):
    from diffusers.loaders.single_file_utils import DIFFUSERS_TO_LDM_MAPPING

    top = DIFFUSERS_TO_LDM_MAPPING["vae"]
    if key in top:
        return top[key]
    n = len(cfg.up_block_types)
    key = key.replace("conv_shortcut", "nin_shortcut")
    if m := re.fullmatch(r"encoder\.down_blocks\.(\d+)\.resnets\.(.+)", key):
        return f"encoder.down.{m[1]}.block.{m[2]}"
    if m := re.fullmatch(r"encoder\.down_blocks\.(\d+)\.downsamplers\.0\.(.+)", key):
        return f"encoder.down.{m[1]}.downsample.{m[2]}"
    if m := re.fullmatch(r"(encoder|decoder)\.mid_block\.resnets\.(\d)\.(.+)", key):
        return f"{m[1]}.mid.block_{int(m[2]) + 1}.{m[3]}"
    if m := re.fullmatch(r"decoder\.up_blocks\.(\d+)\.resnets\.(.+)", key):
        return f"decoder.up.{n - 1 - int(m[1])}.block.{m[2]}"
    if m := re.fullmatch(r"decoder\.up_blocks\.(\d+)\.upsamplers\.0\.(.+)", key):
        return f"decoder.up.{n - 1 - int(m[1])}.upsample.{m[2]}"
    raise KeyError(key)


def write_checkpoint(folder: Path, file: Path) -> Path:
    """The pipeline in ``folder`` as one checkpoint ``file`` in the original SD layout."""
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from safetensors.torch import save_file
    from transformers import CLIPTextModel

    unet = UNet2DConditionModel.from_pretrained(folder / "unet")
    vae = AutoencoderKL.from_pretrained(folder / "vae")
    text = CLIPTextModel.from_pretrained(folder / "text_encoder")
    state = {}
    state |= {"model.diffusion_model." + _unet_key(k, unet.config): v for k, v in unet.state_dict().items()}
    state |= {"first_stage_model." + _vae_key(k, vae.config): v for k, v in vae.state_dict().items()}
    # the original layout keeps the text model under "text_model." (transformers 5 drops that level)
    state |= {
        "cond_stage_model.transformer.text_model." + k.removeprefix("text_model."): v
        for k, v in text.state_dict().items()
    }
    save_file({k: v.contiguous() for k, v in state.items()}, str(file))
    return file
