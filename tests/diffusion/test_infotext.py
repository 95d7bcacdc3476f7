"""A1111's ``parameters`` PNG chunk: writing, reading back, and parsing real WebUI infotexts."""

import io

import pytest
from PIL import Image

from i18n import TABLE
from services.common.errors import UserError
from services.diffusion import infotext

# as AUTOMATIC1111 v1.6 writes it: a two-line prompt, LoRA syntax, hires fix, quoted hashes
A1111_TEXT = """masterpiece, best quality, a red fox in the snow, <lora:add_detail:0.5>,
looking at viewer, (detailed fur:1.2)
Negative prompt: (worst quality, low quality:1.4), EasyNegative
Steps: 28, Sampler: DPM++ 2M Karras, CFG scale: 7.5, Seed: 1234567890, Size: 512x768, \
Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Denoising strength: 0.55, Clip skip: 2, \
Hires upscale: 2, Hires steps: 15, Hires upscaler: R-ESRGAN 4x+ Anime6B, \
Lora hashes: "add_detail: 7c6bad76eb54, more_details: 3b8aa1d351ef", \
TI hashes: "EasyNegative: c74b4e810b03", Version: v1.6.0"""


def test_format_is_a1111s_layout():
    text = infotext.format_parameters("a fox", "blurry", 20, "Euler a", 7.0, 123, 512, 768, "sd-turbo")
    assert text == (
        "a fox\nNegative prompt: blurry\n"
        "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 123, Size: 512x768, Model: sd-turbo"
    )
    # no negative prompt: no line for it; values with commas or colons are quoted
    text = infotext.format_parameters(
        "a fox", "", 4, "Euler", 7.5, 1, 64, 64, "m", {"Lora weights": "a: 1, b: 2"}
    )
    assert text.splitlines() == [
        "a fox",
        'Steps: 4, Sampler: Euler, CFG scale: 7.5, Seed: 1, Size: 64x64, Model: m, Lora weights: "a: 1, b: 2"',
    ]


def test_parses_a_real_a1111_infotext():
    p = infotext.parse_parameters(A1111_TEXT)
    assert p["prompt"] == (
        "masterpiece, best quality, a red fox in the snow, <lora:add_detail:0.5>,\n"
        "looking at viewer, (detailed fur:1.2)"
    )
    assert p["negative_prompt"] == "(worst quality, low quality:1.4), EasyNegative"
    assert (p["steps"], p["sampler"], p["cfg_scale"], p["seed"]) == (28, "DPM++ 2M Karras", 7.5, 1234567890)
    assert (p["width"], p["height"], p["model"]) == (512, 768, "v1-5-pruned-emaonly")
    assert p["Lora hashes"] == "add_detail: 7c6bad76eb54, more_details: 3b8aa1d351ef"
    assert p["TI hashes"] == "EasyNegative: c74b4e810b03"
    assert (p["Hires upscale"], p["Hires steps"], p["Hires upscaler"]) == ("2", "15", "R-ESRGAN 4x+ Anime6B")
    assert (p["Model hash"], p["Clip skip"], p["Version"]) == ("6ce0161689", "2", "v1.6.0")


def test_newer_schedule_type_merges_into_the_sampler_name():
    text = "a cat\nSteps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 5, Size: 512x512"
    p = infotext.parse_parameters(text)
    assert p["sampler"] == "DPM++ 2M Karras" and "Schedule type" not in p


def test_prompt_only_text_is_all_prompt():
    p = infotext.parse_parameters("just a prompt, with: a colon")
    assert p == {"prompt": "just a prompt, with: a colon", "negative_prompt": ""}


def test_format_then_parse_round_trips():
    text = infotext.format_parameters(
        "line one,\nline two",
        "bad, ugly",
        30,
        "DPM++ 2M SDE",
        4.5,
        42,
        640,
        384,
        "my model",
        {"Denoising strength": "0.6"},
    )
    p = infotext.parse_parameters(text)
    assert p["prompt"] == "line one,\nline two" and p["negative_prompt"] == "bad, ugly"
    assert (p["steps"], p["sampler"], p["cfg_scale"], p["seed"], p["width"], p["height"]) == (
        30,
        "DPM++ 2M SDE",
        4.5,
        42,
        640,
        384,
    )
    assert p["model"] == "my model" and p["Denoising strength"] == "0.6"


def test_png_chunk_round_trip_and_pixels_kept():
    image = Image.new("RGB", (16, 8), (200, 30, 60))
    data = infotext.write_png(image, A1111_TEXT)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert infotext.read_parameters(data) == A1111_TEXT
    reopened = Image.open(io.BytesIO(data))
    assert infotext.read_parameters(reopened) == A1111_TEXT
    assert reopened.convert("RGB").tobytes() == image.tobytes()


def test_png_without_chunk_reads_none_and_garbage_is_a_user_error():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    assert infotext.read_parameters(buffer.getvalue()) is None
    with pytest.raises(UserError) as caught:
        infotext.read_parameters(b"not an image at all")
    assert caught.value.key in TABLE


def test_each_function_has_one_name():
    """The PNG Info tab, the sweeps and the tests all call read_parameters / parse_parameters."""
    public = {name for name, value in vars(infotext).items() if callable(value) and not name.startswith("_")}
    assert public >= {"format_parameters", "write_png", "read_parameters", "parse_parameters"}
    assert not public & {"read", "parse"}
