"""Lab 2 generation on the tiny offline pipeline: every mode, A1111 seeds, interrupting, bad requests."""

import numpy as np
import pytest
from PIL import Image, ImageDraw

from services.diffusion import infotext, inpaint, pipelines
from services.diffusion.generate import generate
from services.diffusion.models import ModelRef
from tests.diffusion.inputs import picture, pixels, request, user_error


def test_txt2img_follows_a1111_seeds_and_reports_steps(tiny):
    ref, _ = tiny
    steps = []
    images = generate(ref, request(batch_count=2), on_step=lambda *a: steps.append(a))
    assert [g.seed for g in images] == [7, 8]
    assert steps == [(1, 3, 0), (2, 3, 0), (3, 3, 0), (1, 3, 1), (2, 3, 1), (3, 3, 1)]
    assert all(g.image.size == (64, 64) and g.seconds > 0 and not g.interrupted for g in images)
    # the second image is reproduced on its own from its seed; a new seed gives a new image
    (alone,) = generate(ref, request(seed=8))
    assert np.array_equal(pixels(alone.image), pixels(images[1].image))
    assert np.abs(pixels(images[0].image) - pixels(images[1].image)).mean() > 5
    # every PNG carries its A1111 infotext
    text = infotext.read_parameters(images[1].png_bytes())
    assert text == images[1].parameters
    parsed = infotext.parse_parameters(text)
    assert (parsed["seed"], parsed["steps"], parsed["sampler"], parsed["width"]) == (8, 3, "Euler a", 64)
    assert parsed["prompt"] == "a red fox in the snow" and parsed["model"] == ref.label


def test_a_batch_makes_the_same_images_as_single_runs(tiny):
    ref, _ = tiny
    batch = generate(ref, request(batch_size=2, seed=11, sampler="DPM++ 2M Karras"))
    assert [g.seed for g in batch] == [11, 12]
    (single,) = generate(ref, request(seed=12, sampler="DPM++ 2M Karras"))
    assert np.abs(pixels(single.image) - pixels(batch[1].image)).max() <= 2  # batched float maths only


def test_samplers_switch_back_and_forth_without_leaking_state(tiny):
    ref, _ = tiny
    (euler,) = generate(ref, request(sampler="Euler a"))
    (dpm,) = generate(ref, request(sampler="DPM++ 2M Karras"))
    (euler_again,) = generate(ref, request(sampler="euler a"))
    assert np.array_equal(pixels(euler.image), pixels(euler_again.image))
    assert not np.array_equal(pixels(euler.image), pixels(dpm.image))
    assert "Sampler: DPM++ 2M Karras" in dpm.parameters and "Sampler: Euler a" in euler_again.parameters


def test_a_random_seed_is_returned_and_reproduces(tiny):
    ref, _ = tiny
    (first,) = generate(ref, request(seed=-1))
    assert 0 <= first.seed < 2**32
    (again,) = generate(ref, request(seed=first.seed))
    assert np.array_equal(pixels(first.image), pixels(again.image))


def test_img2img_resizes_the_picture_and_uses_the_strength(tiny):
    ref, _ = tiny
    steps = []
    (weak,) = generate(
        ref,
        request(mode="img2img", init_image=picture(), strength=0.5, steps=4, width=72),
        on_step=lambda *a: steps.append(a),
    )
    assert weak.image.size == (72, 64)
    assert steps[-1] == (2, 2, 0)  # strength 0.5 of 4 steps: the last 2 of the schedule
    assert "Denoising strength: 0.5" in weak.parameters
    (strong,) = generate(ref, request(mode="img2img", init_image=picture(), strength=1.0, width=72))
    assert np.abs(pixels(weak.image) - pixels(strong.image)).mean() > 1


def _square_mask(size=(64, 64), box=(16, 16, 47, 47)) -> Image.Image:
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).rectangle(box, fill=255)
    return mask


def _changed(result, original) -> np.ndarray:
    return np.abs(pixels(result.image) - pixels(original)).sum(axis=2) > 0


def test_inpaint_repaints_only_the_masked_part(tiny):
    ref, _ = tiny
    original, mask = picture((64, 64)), _square_mask()
    inside = np.asarray(mask) == 255
    # no blur: exactly the mask, and A1111 writes no "Mask blur" for 0
    (result,) = generate(
        ref, request(mode="inpaint", init_image=original, mask=mask, strength=1.0, mask_blur=0)
    )
    changed = _changed(result, original)
    assert not changed[~inside].any()  # outside the mask: the original, as A1111 keeps it
    assert changed[inside].mean() > 0.5
    assert "Mask blur" not in result.parameters and "Masked content" not in result.parameters
    # A1111's default blur of 4 px softens the edge: a few pixels outside change, none far away
    (soft,) = generate(ref, request(mode="inpaint", init_image=original, mask=mask, strength=1.0))
    changed = _changed(soft, original)
    far = np.ones_like(inside)
    far[16 - 12 : 48 + 12, 16 - 12 : 48 + 12] = False  # 3 σ around the square
    assert changed[~inside].any() and not changed[far].any()
    assert "Mask blur: 4" in soft.parameters


def test_masked_content_changes_what_the_masked_part_starts_from(tiny):
    ref, _ = tiny
    original, mask = picture((64, 64)), _square_mask()
    inside = np.asarray(mask) == 255
    results = {}
    for content in ("original", "fill", "latent noise", "latent nothing"):
        changes = {"masked_content": content, "mask_blur": 0, "strength": 0.5, "steps": 4}
        (results[content],) = generate(
            ref, request(mode="inpaint", init_image=original, mask=mask, **changes)
        )
        assert not _changed(results[content], original)[~inside].any(), content
    for content in ("fill", "latent noise", "latent nothing"):  # as A1111 writes each
        assert f"Masked content: {content}" in results[content].parameters
        assert np.abs(pixels(results[content].image) - pixels(results["original"].image)).mean() > 0.5
    # latent noise comes from the seed: the same seed, the same image
    changes = {"masked_content": "latent noise", "mask_blur": 0, "strength": 0.5, "steps": 4}
    (again,) = generate(ref, request(mode="inpaint", init_image=original, mask=mask, **changes))
    assert np.array_equal(pixels(again.image), pixels(results["latent noise"].image))


def test_only_masked_repaints_the_box_around_the_mask_and_keeps_the_pictures_size(tiny):
    ref, _ = tiny
    original, mask = picture((160, 112)), _square_mask((160, 112), (100, 20, 119, 39))
    (result,) = generate(
        ref,
        request(mode="inpaint", init_image=original, mask=mask, only_masked=True, padding=8, mask_blur=0),
    )
    assert result.image.size == (160, 112)  # pasted back into the picture, as A1111 does
    changed = _changed(result, original)
    inside = np.asarray(mask) == 255
    assert not changed[~inside].any() and changed[inside].mean() > 0.5
    assert "Inpaint area: Only masked, Masked area padding: 8" in result.parameters
    assert "Size: 64x64" in result.parameters  # the size the box was repainted at


def test_interrupt_stops_within_the_batch_and_skips_the_rest(tiny):
    ref, _ = tiny
    steps = []
    images = generate(
        ref,
        request(steps=20, batch_count=3),
        on_step=lambda *a: steps.append(a),
        should_stop=lambda: len(steps) >= 2,
    )
    assert len(images) == 1 and images[0].interrupted
    assert len(steps) == 2


def test_the_only_masked_box_follows_a1111s_examples():
    # masking.get_crop_region: "painted the top-right part of a 512x512 image" gives (256, 0, 512, 256)
    assert inpaint._box(_square_mask((512, 512), (256, 0, 511, 255)), 0) == (256, 0, 512, 256)
    assert inpaint._box(_square_mask((512, 512), (256, 0, 511, 255)), 32) == (224, 0, 512, 288)
    # masking.expand_crop_region: "a 128x32 region, processing at 512x512" grows to 128x128
    x0, y0, x1, y1 = inpaint._expand((100, 200, 228, 232), (512, 512), (512, 512))
    assert (x1 - x0, y1 - y0) == (128, 128) and (y0, y1) == (152, 280)
    # at an edge the box moves back inside the picture
    assert inpaint._expand((0, 0, 128, 32), (512, 512), (512, 512)) == (0, 0, 128, 128)
    assert inpaint._expand((400, 480, 512, 512), (512, 512), (512, 512)) == (400, 400, 512, 512)


def test_fill_paints_the_masked_part_with_the_colours_around_it():
    image = Image.new("RGB", (64, 64), (220, 30, 30))
    ImageDraw.Draw(image).rectangle([40, 0, 63, 63], fill=(30, 30, 220))
    image.paste((250, 250, 250), (8, 24, 24, 40))  # a white object on the red side, to be removed
    filled = pixels(inpaint.fill(image, _square_mask(box=(8, 24, 23, 39))))
    assert (filled[24:40, 8:24, 0] > filled[24:40, 8:24, 2]).all()  # red around it, not white
    assert filled[24:40, 8:24, 1].max() < 150


def _inpaint(**changes) -> dict:
    """An inpaint request that only ``changes`` make wrong."""
    return {
        "mode": "inpaint",
        "init_image": Image.new("RGB", (64, 64)),
        "mask": Image.new("L", (64, 64), 255),
    } | changes


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"prompt": "   "}, "sd.err.empty_prompt"),
        ({"width": 100}, "sd.err.size_multiple"),
        ({"height": 4096}, "sd.err.size_range"),
        ({"width": 56}, "sd.err.size_range"),
        ({"steps": 0}, "sd.err.steps"),
        ({"steps": 151}, "sd.err.steps"),
        ({"cfg_scale": 31.0}, "sd.err.cfg"),
        ({"batch_count": 0}, "sd.err.batch_count"),
        ({"batch_size": 9}, "sd.err.batch_size"),
        ({"seed": 2**32}, "sd.err.seed"),
        ({"sampler": "Euler z"}, "sd.err.sampler"),
        ({"mode": "outpaint"}, "sd.err.mode"),
        ({"mode": "img2img"}, "sd.err.need_image"),
        ({"mode": "img2img", "init_image": Image.new("RGB", (64, 64)), "strength": 0.0}, "sd.err.strength"),
        (
            {"mode": "img2img", "init_image": Image.new("RGB", (64, 64)), "steps": 2, "strength": 0.3},
            "sd.err.strength_steps",
        ),
        ({"mode": "inpaint", "init_image": Image.new("RGB", (64, 64))}, "sd.err.need_mask"),
        (
            {"mode": "inpaint", "init_image": Image.new("RGB", (64, 64)), "mask": Image.new("L", (32, 64))},
            "sd.err.mask_size",
        ),
        (
            {"mode": "inpaint", "init_image": Image.new("RGB", (64, 64)), "mask": Image.new("L", (64, 64))},
            "sd.err.empty_mask",
        ),
        (_inpaint(mask_blur=65), "sd.err.mask_blur"),
        (_inpaint(masked_content="noise"), "sd.err.masked_content"),
        (_inpaint(padding=-1), "sd.err.padding"),
    ],
)
def test_bad_requests_are_refused_with_translated_messages(changes, key):
    error = user_error(request(**changes).check)
    assert error.key == key


def test_generate_refuses_before_loading_anything():
    missing = ModelRef("folder", "/nowhere/at/all", "nowhere")
    assert user_error(generate, missing, request(width=100)).key == "sd.err.size_multiple"
    assert not pipelines.is_loaded(missing)
