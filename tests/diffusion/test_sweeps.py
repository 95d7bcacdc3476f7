"""Lab 2 sweeps: parsing what is swept, running on the tiny offline pipeline, persistence."""

import io
import time
import zipfile
from pathlib import Path

import pytest

from services.common import jobs
from services.common.errors import UserError
from services.common.owners import Actor
from services.diffusion import infotext, presets, sweeps
from services.diffusion.generate import GenRequest


@pytest.fixture
def model(tiny, one_torch_thread):
    """The demo model on one torch thread: on a loaded 2-core machine OpenMP threads wait for
    each other and the tiny model runs many times slower."""
    return tiny[0]


def _base(**changes) -> GenRequest:
    fields = {"prompt": "a red fox, photo", "steps": 2, "width": 64, "height": 64, "seed": 7} | changes
    return GenRequest(**fields)


def _finish(job: jobs.Job) -> jobs.Snapshot:
    assert job.wait(60), "sweep did not finish in time"
    snap = job.snapshot()
    assert snap.state == jobs.DONE, snap.error
    return snap


# --- what is swept --------------------------------------------------------------------------------


def test_axes_parse_lists_and_a1111_ranges():
    assert sweeps.parse_axis("steps", "1, 2,4").values == (1, 2, 4)
    assert sweeps.parse_axis("steps", "10-20 (+5)").values == (10, 15, 20)
    assert sweeps.parse_axis("cfg", "1-15 [3]").values == (1.0, 8.0, 15.0)
    assert sweeps.parse_axis("size", "256, 512x768").values == ((256, 256), (512, 768))
    assert sweeps.parse_axis("size", [64, 128]).labels == ["64×64", "128×128"]
    assert sweeps.parse_axis("style", "photo, sketch").values == ("photo", "sketch")
    assert sweeps.parse_axis("sampler", "euler a, DPM++ 2M  karras").values == ("Euler a", "DPM++ 2M Karras")


@pytest.mark.parametrize(
    ("param", "values", "key"),
    [
        ("size", "256, 260", "sd.exp.err.size_multiple"),
        ("size", [100], "sd.exp.err.size_multiple"),
        ("size", "8", "sd.exp.err.size_range"),
        ("steps", "", "sd.exp.err.empty_values"),
        ("steps", [], "sd.exp.err.empty_values"),
        ("steps", "0, 5", "sd.exp.err.bad_value"),
        ("steps", "five", "sd.exp.err.bad_value"),
        ("cfg", "7, 99", "sd.exp.err.bad_value"),
        ("sampler", "No Such Sampler", "sd.err.sampler"),
        ("style", "cubism-from-mars", "sd.exp.err.bad_value"),
        ("prompt_sr", "fox", "sd.exp.err.prompt_sr_pairs"),
        ("nonsense", "1", "sd.exp.err.param"),
        ("steps", "1-1000", "sd.exp.err.too_many"),
    ],
)
def test_bad_values_are_user_errors(param, values, key):
    with pytest.raises(UserError) as caught:
        sweeps.parse_axis(param, values)
    assert caught.value.key == key


def test_plan_changes_only_the_swept_parameter_and_fixes_the_seed():
    plan = sweeps.plan(_base(seed=-1), "cfg", "1, 7, 15")
    requests = [c.request for c in plan.cells]
    assert [r.cfg_scale for r in requests] == [1.0, 7.0, 15.0]
    assert len({r.seed for r in requests}) == 1 and requests[0].seed >= 0  # -1 became one fixed seed
    assert {(r.steps, r.width, r.prompt) for r in requests} == {(2, 64, "a red fox, photo")}


def test_style_and_prompt_sr_rewrite_the_prompt():
    style = sweeps.plan(_base(prompt="a fox"), "style", "plain, watercolor")
    assert [c.request.prompt for c in style.cells] == ["a fox", presets.styled("a fox", "watercolor")]
    sr = sweeps.plan(_base(prompt="a red fox"), "xy", "red, blue", x_param="prompt_sr")
    assert [c.request.prompt for c in sr.cells] == ["a red fox", "a blue fox"]
    with pytest.raises(UserError) as caught:
        sweeps.plan(_base(prompt="a fox"), "xy", "green, blue", x_param="prompt_sr")
    assert caught.value.key == "sd.exp.err.prompt_sr_missing"


def test_xy_plan_is_rows_times_columns_in_reading_order():
    plan = sweeps.plan(_base(), "xy", "1, 2, 3", x_param="steps", y_param="cfg", y_values="4, 8")
    assert len(plan.cells) == 6
    assert [(c.request.cfg_scale, c.request.steps) for c in plan.cells] == [
        (4.0, 1), (4.0, 2), (4.0, 3), (8.0, 1), (8.0, 2), (8.0, 3)
    ]  # fmt: skip
    with pytest.raises(UserError):
        sweeps.plan(_base(), "xy", "1, 2", x_param="steps", y_param="steps", y_values="3")
    with pytest.raises(UserError):
        sweeps.plan(_base(prompt="  "), "steps", "1, 2")


def test_every_image_shape_is_warmed_up_once_before_the_timed_cells():
    """The first call at a shape chooses kernels (on CUDA it records a graph): no cell pays for it."""
    sizes = sweeps.warmups(sweeps.plan(_base(steps=20), "size", "64, 96x64, 64"))
    assert [(r.width, r.height, r.steps, r.batch_count) for r in sizes] == [(64, 64, 2, 1), (96, 64, 2, 1)]
    # guidance off (CFG 1) runs the U-Net on half the batch: another shape
    cfg = sweeps.warmups(sweeps.plan(_base(), "cfg", "1, 7, 12"))
    assert [r.cfg_scale for r in cfg] == [1.0, 7.0]
    assert len(sweeps.warmups(sweeps.plan(_base(), "steps", "1, 2, 4"))) == 1


# --- running on the tiny pipeline -----------------------------------------------------------------


def test_steps_sweep_runs_times_persists_and_lists(model):
    job = sweeps.start(model, _base(), "steps", "1, 2, 4")
    snap = _finish(job)
    assert snap.result == job.id

    listed = sweeps.list_sweeps()
    assert [m["id"] for m in listed] == [job.id]
    assert listed[0]["state"] == "done" and listed[0]["cells_done"] == 3
    assert listed[0]["warmup_seconds"] is not None

    sweep = sweeps.load(job.id)
    assert list(sweep.table.columns[: len(sweeps.CSV_COLUMNS)]) == sweeps.CSV_COLUMNS
    assert list(sweep.table["steps"]) == [1, 2, 4]
    assert (sweep.table["seconds"] > 0).all()
    assert sweep.table["seed"].nunique() == 1
    assert all(p.exists() and p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in sweep.paths)
    text = infotext.read_parameters(sweep.paths[2].read_bytes())
    assert "Steps: 4" in text
    with zipfile.ZipFile(io.BytesIO(sweep.zip_bytes())) as archive:
        names = sorted(Path(n).name for n in archive.namelist())
    assert names == ["000.png", "001.png", "002.png", "results.csv", "sweep.json"]
    csv = sweep.csv_bytes().decode()
    assert csv.splitlines()[0] == ",".join(sweeps.CSV_COLUMNS) and len(csv.splitlines()) == 4


def test_xy_sweep_gives_rows_times_columns_images(model):
    job = sweeps.start(
        model, _base(steps=1), "xy", "5, 6", x_param="seed", y_param="cfg", y_values="1, 7, 12"
    )
    _finish(job)
    sweep = sweeps.load(job.id)
    assert len(sweep.table) == 6 and len(sweep.paths) == 6
    assert list(sweep.table["y"]) == ["1", "1", "7", "7", "12", "12"]
    assert list(sweep.table["seed"]) == [5, 6, 5, 6, 5, 6]
    assert sweep.meta["x_labels"] == ["5", "6"] and sweep.meta["y_labels"] == ["1", "7", "12"]


def test_bad_sweeps_are_refused_before_a_job_starts(model):
    for kind, values in (("size", "64, 100"), ("steps", ""), ("cfg", [])):
        with pytest.raises(UserError):
            sweeps.start(model, _base(), kind, values)
    assert sweeps.list_sweeps() == []
    with pytest.raises(UserError):
        sweeps.load("../../etc")


def test_a_stopped_sweep_keeps_its_finished_images(model):
    job = sweeps.start(model, _base(), "steps", "1, 150, 150, 150, 150")
    deadline = time.time() + 60
    while job.snapshot().done < 1 and time.time() < deadline:
        time.sleep(0.05)
    job.cancel()
    assert job.wait(60)
    snap = job.snapshot()
    assert snap.state == jobs.CANCELLED, snap
    sweep = sweeps.load(job.id)
    assert sweep.meta["state"] == "cancelled"
    assert 1 <= len(sweep.table) < 5 and sweep.meta["cells_done"] == len(sweep.table), (snap, sweep.meta)
    assert all(p.exists() for p in sweep.paths)


def test_only_its_owner_or_an_instructor_deletes_a_sweep(model):
    owner, other = Actor("a" * 32), Actor("b" * 32)
    job = sweeps.start(model, _base(), "steps", "1", owner=owner.owner)
    _finish(job)
    assert job.snapshot().owner == owner.owner and sweeps.load(job.id).meta["owner"] == owner.owner
    with pytest.raises(UserError) as caught:
        sweeps.delete(job.id, other)
    assert caught.value.key == "common.not_yours" and sweeps.load(job.id)
    sweeps.delete(job.id, Actor("c" * 32, instructor=True))
    assert sweeps.list_sweeps() == []
