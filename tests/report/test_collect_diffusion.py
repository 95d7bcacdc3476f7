"""Lab 2's saved work read for a report: a generation and an experiment on the tiny demo model,
listed for their owner, read with their settings, pictures, times and model; the script made from
the collected generation gives an image of its size; no server path is saved or reported."""

import io
import json

import pytest
from PIL import Image

from services.common import jobs
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.diffusion import generations, sweeps
from services.diffusion.generate import GenRequest
from services.diffusion.models import ModelRef
from services.report import Generation, Missing, SdModel, Sweep, collect, scripts
from tests.report import samples
from tests.report.test_scripts import run_script

ME, OTHER = Actor("1" * 32), Actor("2" * 32)
PROMPT = "a red fox in the snow, digital painting of a winter forest at dawn"

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def generated(model, owner: Actor = ME, **changes) -> str:
    request = GenRequest(**{"prompt": PROMPT, "steps": 2, "width": 80, "height": 64, "seed": 21} | changes)
    job = generations.start(model, request, owner=owner.owner)
    assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
    return job.id


def swept(model, owner: Actor = ME) -> str:
    base = GenRequest(prompt="a lighthouse", steps=1, width=64, height=64, seed=3)
    job = sweeps.start(model, base, "steps", "1, 2, 3", owner=owner.owner)
    assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
    return job.id


def test_generations_and_experiments_are_listed_for_their_owner(tiny_model):
    mine, sweep = generated(tiny_model), swept(tiny_model)
    theirs = generated(tiny_model, OTHER)
    listed = collect.saved_work("diffusion", ME, "uk")
    assert {(s.kind, s.id) for s in listed} == {("generation", mine), ("sweep", sweep)}
    titles = {s.id: s.title for s in listed}
    assert titles[mine] == "a red fox in the snow, digital painting of a wi… · 80×64"
    assert titles[sweep] == "Кроки: 1, 2, 3"
    assert theirs in {s.id for s in collect.saved_work("diffusion", ME, "uk", everybody=True)}


def test_a_generation_is_read_with_its_settings_images_times_and_model(tiny_model):
    job_id = generated(tiny_model, batch_count=2, sampler="DPM++ 2M Karras", negative_prompt="blurry")
    (item,) = collect.items(collect.saved_work("diffusion", ME, "en"), "en")
    assert isinstance(item, Generation)
    s = item.settings
    assert (s.prompt, s.negative_prompt, s.mode, s.steps, s.cfg_scale) == (
        PROMPT,
        "blurry",
        "txt2img",
        2,
        7.0,
    )
    assert (s.width, s.height, s.seed, s.sampler, s.batch_count) == (80, 64, 21, "DPM++ 2M Karras", 2)
    assert item.model == SdModel("tiny", "tiny-sd", tiny_model.label)
    assert len(item.images) == 2 and len(item.seconds) == 2 and all(x > 0 for x in item.seconds)
    with Image.open(io.BytesIO(item.images[1])) as image:
        assert image.size == (80, 64)
    saved = (cache_dir("generations") / job_id / generations.MADE_BY).read_text(encoding="utf-8")
    assert json.loads(saved)["owner"] == ME.owner
    assert str(cache_dir()) not in saved and tiny_model.id not in saved  # the folder's name only


def test_the_collected_generations_script_gives_an_image_of_its_size(tiny_model, tmp_path):
    generated(tiny_model, width=96, height=64, seed=8)
    items = collect.items(collect.saved_work("diffusion", ME, "en"), "en")
    (script,) = scripts(samples.report("diffusion", items, "en"))
    assert 'MODEL = "tiny-sd"' in script.code and "SEED = 8" in script.code
    run_script(script, tmp_path, "--model", tiny_model.id, "--device", "cpu", "--out", "image")
    with Image.open(tmp_path / "image-8.png") as image:
        assert image.size == (96, 64)


def test_an_experiment_is_read_with_its_cells_times_pictures_and_model(tiny_model):
    sweep_id = swept(tiny_model)
    (item,) = collect.items(collect.saved_work("diffusion", ME, "uk"), "uk")
    assert isinstance(item, Sweep)
    assert (item.title, item.kind, item.x_param, item.y_param, item.state) == (
        "Кроки: 1, 2, 3",
        "steps",
        "steps",
        None,
        "done",
    )
    assert item.model == SdModel("tiny", "tiny-sd", tiny_model.label)
    assert [(c.x, c.y, c.settings.steps) for c in item.cells] == [
        ("1", None, 1),
        ("2", None, 2),
        ("3", None, 3),
    ]
    assert all(c.seconds > 0 and c.png for c in item.cells)
    assert all(c.settings.prompt == "a lighthouse" and c.settings.seed == 3 for c in item.cells)
    assert item.warmup_seconds > 0
    meta = (cache_dir("sweeps") / sweep_id / "sweep.json").read_text(encoding="utf-8")
    assert json.loads(meta)["model_ref"] == {"kind": "tiny", "id": "tiny-sd", "label": tiny_model.label}
    assert tiny_model.id not in meta


def test_an_experiment_saved_before_the_model_was_kept_finds_it_by_its_label(tiny_model):
    sweep_id = swept(tiny_model)
    path = cache_dir("sweeps") / sweep_id / "sweep.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    del meta["model_ref"]
    path.write_text(json.dumps(meta), encoding="utf-8")
    (item,) = collect.items(collect.saved_work("diffusion", ME, "en"), "en")
    assert item.model == SdModel("tiny", "tiny-sd", tiny_model.label)


def test_work_deleted_after_it_was_listed_becomes_missing(tiny_model):
    sweep_id = swept(tiny_model)
    listed = collect.saved_work("diffusion", ME, "en")
    sweeps.delete(sweep_id, ME)
    assert [type(item) for item in collect.items(listed, "en")] == [Missing]


def test_the_variant_names_the_subject_of_the_prompts():
    variant = collect.variant("diffusion", 10, "uk")
    assert variant.number == 10 and variant.subject.startswith("Квіти (промпти про: ")


def test_a_saved_model_is_named_by_its_hub_id_or_else_by_its_last_part_only():
    def saved_id(kind: str, location: str) -> str:
        return generations.model_identity(ModelRef(kind, location, "label"))["id"]

    assert saved_id("preset", "stabilityai/sd-turbo") == "stabilityai/sd-turbo"
    assert saved_id("hub", "org/model") == "org/model"
    assert saved_id("folder", "/srv/genlab/data/my-model") == "my-model"
    assert saved_id("single_file", "/srv/genlab/data/dreamshaper.safetensors") == "dreamshaper.safetensors"
    assert saved_id("own", "/srv/genlab/cache/own/20260101-000000-abc123/model") == "model"
