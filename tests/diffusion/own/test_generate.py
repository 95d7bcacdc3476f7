"""Generating with an own model through Lab 2's generate(): the same contract as Stable Diffusion's."""

import numpy as np
import pytest
from diffusers import DiffusionPipeline

from services.diffusion import generate, infotext, pipelines
from tests.diffusion.inputs import picture, pixels, user_error

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def request(ref, **changes) -> generate.GenRequest:
    fields = {"prompt": "коло", "steps": 4, "cfg_scale": 3.0, "seed": 5, "width": ref.fixed_size}
    fields |= {"height": ref.fixed_size} | changes
    return generate.GenRequest(**fields)


def test_the_saved_model_opens_with_from_pretrained(own_model):
    pipe = DiffusionPipeline.from_pretrained(own_model.id)
    assert type(pipe).__name__ == "DDPMPipeline"
    assert pipe.unet.config.num_class_embeds == 4  # three shapes and the empty condition
    assert pipe.unet.config.sample_size == 32
    assert (own_model.can_lora, own_model.can_inpaint, own_model.fixed_size) == (False, False, 64)
    assert "LCM" not in own_model.samplers and "Euler a" in own_model.samplers


def test_a_seed_gives_the_same_image_and_seed_n_the_nth(own_model):
    steps = []
    batch = generate.generate(own_model, request(own_model, batch_size=2), on_step=lambda *a: steps.append(a))
    assert [g.seed for g in batch] == [5, 6]
    assert steps == [(1, 4, 0), (2, 4, 0), (3, 4, 0), (4, 4, 0)]
    assert all(g.image.size == (64, 64) and g.seconds > 0 and not g.interrupted for g in batch)
    (alone,) = generate.generate(own_model, request(own_model, seed=6))
    assert np.abs(pixels(alone.image) - pixels(batch[1].image)).max() <= 2  # batched float maths only
    (again,) = generate.generate(own_model, request(own_model, seed=6))
    assert np.array_equal(pixels(alone.image), pixels(again.image))
    assert np.abs(pixels(batch[0].image) - pixels(batch[1].image)).mean() > 5
    # each picture is the model's 32 px image at twice the size, each pixel a 2 x 2 square
    shown = pixels(alone.image)[:, :, 0]
    assert np.array_equal(shown[::2, ::2], shown[1::2, 1::2])


def test_the_infotext_is_a1111s(own_model):
    (image,) = generate.generate(own_model, request(own_model, sampler="DPM++ 2M", negative_prompt="квадрат"))
    parsed = infotext.parse_parameters(infotext.read_parameters(image.png_bytes()))
    assert (parsed["prompt"], parsed["negative_prompt"]) == ("коло", "квадрат")
    assert (parsed["steps"], parsed["sampler"], parsed["seed"], parsed["model"]) == (
        4,
        "DPM++ 2M",
        5,
        own_model.label,
    )


def test_cfg_1_and_7_draw_different_images(own_model):
    (plain,) = generate.generate(own_model, request(own_model, cfg_scale=1.0))
    (guided,) = generate.generate(own_model, request(own_model, cfg_scale=7.0))
    assert np.abs(pixels(plain.image) - pixels(guided.image)).mean() > 1


def test_the_class_and_the_negative_class_steer_the_image(own_model):
    (circle,) = generate.generate(own_model, request(own_model, prompt="circle"))
    (square,) = generate.generate(own_model, request(own_model, prompt="квадрат"))
    (away,) = generate.generate(own_model, request(own_model, prompt="circle", negative_prompt="square"))
    assert not np.array_equal(pixels(circle.image), pixels(square.image))
    assert not np.array_equal(pixels(circle.image), pixels(away.image))


@pytest.mark.parametrize(
    "sampler", ["Euler", "DPM++ 2M Karras", "DPM++ SDE", "DPM2", "Heun", "LMS", "DDIM", "PNDM", "UniPC"]
)
def test_every_applicable_sampler_draws(own_model, sampler):
    (image,) = generate.generate(own_model, request(own_model, sampler=sampler, steps=3))
    assert image.image.size == (64, 64) and f"Sampler: {sampler}" in image.parameters


def test_img2img_starts_from_the_picture(own_model):
    init = picture((64, 64))
    (light,) = generate.generate(own_model, request(own_model, mode="img2img", init_image=init, strength=0.3))
    (strong,) = generate.generate(
        own_model, request(own_model, mode="img2img", init_image=init, strength=1.0)
    )
    gray = pixels(init.convert("L").resize((32, 32)).resize((64, 64)))
    assert np.abs(pixels(light.image) - gray).mean() < np.abs(pixels(strong.image) - gray).mean()
    assert "Denoising strength: 0.3" in light.parameters


def test_a_stop_ends_the_batch_early_and_skips_the_rest(own_model):
    steps = []
    images = generate.generate(
        own_model,
        request(own_model, batch_count=3, steps=10),
        on_step=lambda *a: steps.append(a),
        should_stop=lambda: len(steps) >= 2,
    )
    assert len(images) == 1 and images[0].interrupted
    assert len(steps) == 2


def test_what_the_model_cannot_do_is_refused_with_the_reason(own_model):
    def refused(**changes) -> str:
        return user_error(generate.generate, own_model, request(own_model, **changes)).key

    assert refused(prompt="a red fox") == "sd.own.err.no_class"
    assert refused(prompt="circle and square") == "sd.own.err.several_classes"
    assert refused(width=128, height=128) == "sd.own.err.fixed_size"
    assert refused(sampler="LCM") == "sd.own.err.sampler"
    mask = picture((64, 64)).convert("L")
    assert refused(mode="inpaint", init_image=picture((64, 64)), mask=mask) == "sd.own.err.inpaint"
    assert refused(prompt="") == "sd.err.empty_prompt"


def test_the_model_is_loaded_once_and_a_new_save_anew(own_model):
    from dataclasses import replace

    assert pipelines.load(own_model) is pipelines.load(own_model) and pipelines.is_loaded(own_model)
    newer = replace(own_model, version="newer")
    assert not pipelines.is_loaded(newer)
