"""A1111's ``parameters`` PNG text chunk: the infotext that makes an image reproducible.

AUTOMATIC1111 writes, in a PNG text chunk named ``parameters``::

    a red fox in the snow, photo
    Negative prompt: blurry, lowres
    Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 123, Size: 512x512, Model: sd-v1-5

The prompt may span lines; the last line is ``key: value`` pairs, a value that holds a
comma, colon or newline being JSON-quoted. ``for_request`` writes it for a generated
image and ``write_png`` stores it (``images_out`` writes JPEG and WebP). A1111's "PNG
Info" tab reads it back, from any of the three, and "Send to txt2img" fills the form:
``read_parameters`` and ``parse_parameters`` do the same here.
"""

from __future__ import annotations

import io
import json
import re

from PIL import Image, UnidentifiedImageError

from services.common.errors import UserError
from services.diffusion import images_out, samplers

# one "key: value" pair of the last line; a value is JSON-quoted or runs to the next comma
_PAIR = re.compile(r'\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)')
_SIZE = re.compile(r"^(\d+)x(\d+)$")
# A1111 keys that become the fields of the generation form, and their types
_FIELDS = {
    "Steps": ("steps", int),
    "Sampler": ("sampler", str),
    "CFG scale": ("cfg_scale", float),
    "Seed": ("seed", int),
    "Model": ("model", str),
}


def _quote(value) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if any(c in text for c in ",:\n") else text


def format_parameters(
    prompt: str,
    negative: str,
    steps: int,
    sampler: str,
    cfg: float,
    seed: int,
    width: int,
    height: int,
    model: str,
    extra: dict | None = None,
) -> str:
    """The infotext exactly as A1111 writes it; ``extra`` adds pairs after ``Model`` (e.g. Denoising strength)."""
    pairs = {
        "Steps": steps,
        "Sampler": sampler,
        "CFG scale": f"{cfg:g}",
        "Seed": seed,
        "Size": f"{width}x{height}",
        "Model": model,
    } | (extra or {})
    last = ", ".join(f"{key}: {_quote(value)}" for key, value in pairs.items() if value is not None)
    lines = [prompt.strip()]
    if negative.strip():
        lines.append(f"Negative prompt: {negative.strip()}")
    return "\n".join(lines + [last])


def for_request(request, seed: int, model: str) -> str:
    """The infotext of one image of a ``generate.GenRequest``: its mode's and LoRAs' pairs included."""
    extra = {}
    if request.mode != "txt2img":
        extra["Denoising strength"] = f"{request.strength:g}"
    if request.mode == "inpaint":  # as A1111 writes them: each only where it is not the default
        extra |= inpaint_pairs(
            request.mask_blur, request.masked_content, request.only_masked, request.padding
        )
    if request.loras:
        extra["Lora weights"] = ", ".join(f"{x.name}: {x.weight:g}" for x in request.loras)
    return format_parameters(
        request.prompt,
        request.negative_prompt,
        request.steps,
        samplers.canonical(request.sampler),
        request.cfg_scale,
        seed,
        request.width,
        request.height,
        model,
        extra,
    )


def inpaint_pairs(blur: int, content: str, only_masked: bool, padding: int) -> dict:
    """A1111's inpaint pairs, in its order: a blur above 0, "Only masked" with its padding, content not "original"."""
    pairs: dict = {}
    if blur > 0:
        pairs["Mask blur"] = blur
    if only_masked:
        pairs |= {"Inpaint area": "Only masked", "Masked area padding": padding}
    if content != "original":
        pairs["Masked content"] = content
    return pairs


def write_png(image, parameters: str) -> bytes:
    """``image`` as PNG bytes carrying ``parameters`` in a ``parameters`` text chunk."""
    return images_out.save(image, parameters, "png")


def read_parameters(image) -> str | None:
    """The infotext an image (bytes or PIL image) carries, or None; a file that is no image raises UserError.

    As A1111's PNG Info reads it: a PNG's ``parameters`` chunk, a JPEG's or WebP's EXIF ``UserComment``.
    """
    if isinstance(image, bytes | bytearray):
        try:
            image = Image.open(io.BytesIO(image))
            image.load()
        except (UnidentifiedImageError, OSError, SyntaxError):
            raise UserError("sd.err.not_png") from None
    text = image.info.get("parameters")
    if not isinstance(text, str):
        text = images_out.comment(image)
    return text if text and text.strip() else None


def parse_parameters(text: str) -> dict:
    """A1111's infotext as a dict, as its "Send to txt2img" reads it.

    The form's fields come typed under their GenRequest names (prompt, negative_prompt,
    steps, sampler, cfg_scale, seed, width, height, model); every other pair is kept
    under its A1111 key with its text value (``Hires upscale``, ``Lora hashes``...).
    """
    *lines, last = text.strip().split("\n")
    if len(_PAIR.findall(last)) < 3:  # no parameter line: it is all prompt
        lines.append(last)
        last = ""
    prompt, negative, in_negative = [], [], False
    for line in lines:
        line = line.strip()
        if line.startswith("Negative prompt:"):
            in_negative, line = True, line[len("Negative prompt:") :].strip()
        (negative if in_negative else prompt).append(line)
    result: dict = {"prompt": "\n".join(prompt), "negative_prompt": "\n".join(negative)}
    for key, value in _PAIR.findall(last):
        value = value.strip()
        if value.startswith('"') and value.endswith('"'):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                pass
        size = _SIZE.match(value)
        if key == "Size" and size:
            result["width"], result["height"] = int(size.group(1)), int(size.group(2))
        elif key in _FIELDS:
            name, kind = _FIELDS[key]
            try:
                result[name] = kind(value)
            except ValueError:
                result[key] = value
        else:
            result[key] = value
    _merge_schedule_type(result)
    return result


def _merge_schedule_type(result: dict) -> None:
    """Newer A1111 writes "Sampler: DPM++ 2M, Schedule type: Karras"; the form knows "DPM++ 2M Karras"."""
    schedule = result.get("Schedule type")
    if "sampler" in result and schedule and schedule != "Automatic":
        combined = f"{result['sampler']} {schedule}"
        if combined in samplers.SAMPLERS:
            result["sampler"] = combined
            del result["Schedule type"]
