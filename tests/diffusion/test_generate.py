"""Lab 2 generation on the tiny offline pipeline: every mode, A1111 seeds, interrupting, bad requests."""

import numpy as np
import pytest
from PIL import Image, ImageDraw

from services.diffusion import infotext, pipelines
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


def test_inpaint_repaints_only_the_masked_part(tiny):
    ref, _ = tiny
    original = picture((64, 64))
    mask = Image.new("L", (64, 64), 0)
    ImageDraw.Draw(mask).rectangle([16, 16, 47, 47], fill=255)
    (result,) = generate(ref, request(mode="inpaint", init_image=original, mask=mask, strength=1.0))
    changed = np.abs(pixels(result.image) - pixels(original)).sum(axis=2) > 0
    assert not changed[np.asarray(mask) == 0].any()  # outside the mask: the original, as A1111 keeps it
    assert changed[np.asarray(mask) == 255].mean() > 0.5
    assert "Mask blur: 0" in result.parameters


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
    ],
)
def test_bad_requests_are_refused_with_translated_messages(changes, key):
    error = user_error(request(**changes).check)
    assert error.key == key


def test_generate_refuses_before_loading_anything():
    missing = ModelRef("folder", "/nowhere/at/all", "nowhere")
    assert user_error(generate, missing, request(width=100)).key == "sd.err.size_multiple"
    assert not pipelines.is_loaded(missing)
