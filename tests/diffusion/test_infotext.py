"""A1111's infotext: writing it into PNG, JPEG and WebP, reading it back, and parsing real WebUI infotexts."""

import io
import struct

import pytest
from PIL import Image

from i18n import TABLE
from services.common.errors import UserError
from services.diffusion import images_out, infotext

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


# --- JPEG and WebP: the parameters in EXIF UserComment, as A1111 saves them ------------------------------

LONG_PROMPT = "a (red fox:1.3) in ((deep)) snow, [blurry], \\(photo\\), " + ", ".join(
    f"detail {n}" for n in range(40)
)


@pytest.mark.parametrize("kind", ["png", "jpeg", "webp"])
def test_every_format_carries_the_parameters_and_png_info_reads_them(kind):
    text = infotext.format_parameters(
        LONG_PROMPT, "lowres, (worst quality:1.4)", 20, "Euler a", 7, 5, 64, 64, "m"
    )
    data = images_out.save(Image.new("RGB", (32, 24), (10, 200, 90)), text + "\nПідпис: так", kind)
    image = Image.open(io.BytesIO(data))
    assert image.format == images_out.FORMATS[kind].pil and image.size == (32, 24)
    assert infotext.read_parameters(data) == text + "\nПідпис: так"  # any language, any length
    if kind != "png":  # typed UNDEFINED, as A1111's reader needs: Pillow reads that as bytes, BYTE as numbers
        assert isinstance(image.getexif().get_ifd(0x8769)[0x9286], bytes)


def _a1111_exif(text: str) -> bytes:
    """The EXIF block A1111 writes, byte for byte as ``piexif.dump`` lays it out (big-endian; its Exif
    IFD has no next-IFD link): an Exif IFD holding only UserComment, typed UNDEFINED."""
    comment = b"UNICODE\0" + text.encode("utf-16-be")
    tiff = b"MM\0\x2a" + struct.pack(">I", 8)
    ifd0 = struct.pack(">H", 1) + struct.pack(">HHII", 0x8769, 4, 1, 26) + struct.pack(">I", 0)
    exif_ifd = struct.pack(">H", 1) + struct.pack(">HHII", 0x9286, 7, len(comment), 40)
    return b"Exif\0\0" + tiff + ifd0 + exif_ifd + comment


def test_reads_a_jpeg_as_a1111_writes_it():
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16)).save(buffer, format="JPEG", exif=_a1111_exif(A1111_TEXT))
    assert infotext.read_parameters(buffer.getvalue()) == A1111_TEXT
    p = infotext.parse_parameters(infotext.read_parameters(buffer.getvalue()))
    assert p["seed"] == 1234567890 and p["negative_prompt"].startswith("(worst quality")


def test_a_jpeg_without_a_comment_reads_none():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, format="JPEG")
    assert infotext.read_parameters(buffer.getvalue()) is None


def test_emphasis_and_long_prompts_round_trip_through_the_infotext():
    negative = "(worst quality:1.4), " + ", ".join(f"bad {n}" for n in range(40)) + " BREAK text"
    text = infotext.format_parameters(LONG_PROMPT, negative, 30, "DPM++ 2M Karras", 6.5, 9, 512, 768, "m")
    p = infotext.parse_parameters(text)
    assert (p["prompt"], p["negative_prompt"]) == (LONG_PROMPT, negative)


def test_inpaint_pairs_are_written_as_a1111_writes_them():
    assert infotext.inpaint_pairs(4, "original", False, 32) == {"Mask blur": 4}
    assert infotext.inpaint_pairs(0, "latent noise", True, 48) == {
        "Inpaint area": "Only masked",
        "Masked area padding": 48,
        "Masked content": "latent noise",
    }
    text = infotext.format_parameters(
        "a cat", "", 20, "Euler a", 7, 1, 512, 512, "m", infotext.inpaint_pairs(8, "fill", True, 32)
    )
    assert text.endswith(
        "Mask blur: 8, Inpaint area: Only masked, Masked area padding: 32, Masked content: fill"
    )
    p = infotext.parse_parameters(text)
    assert (p["Mask blur"], p["Inpaint area"], p["Masked content"]) == ("8", "Only masked", "fill")
