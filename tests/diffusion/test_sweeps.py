"""Lab 2 sweeps: parsing what is swept, running on the tiny offline pipeline, persistence."""

import io
import time
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from i18n import TABLE, t
from services.common import jobs
from services.common.errors import UserError
from services.common.owners import Actor
from services.diffusion import generate, infotext, presets, sweeps
from services.diffusion.generate import Generated, GenRequest
from tests.diffusion.inputs import picture


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
        ("steps", "0, 5", "sd.exp.err.bad_whole"),
        ("steps", "five", "sd.exp.err.bad_whole"),
        ("seed", "-3", "sd.exp.err.bad_whole"),
        ("cfg", "7, 99", "sd.exp.err.bad_number"),
        ("size", "big", "sd.exp.err.bad_size"),
        ("sampler", "No Such Sampler", "sd.err.sampler"),
        ("style", "cubism-from-mars", "sd.exp.err.bad_style"),
        ("steps", "10-50 (+0)", "sd.exp.err.range_step"),
        ("cfg", "1-15 [0]", "sd.exp.err.range_count"),
        ("steps", "1-10 [100000000]", "sd.exp.err.range_count"),  # refused before any value is made
        ("prompt_sr", "fox", "sd.exp.err.prompt_sr_pairs"),
        ("nonsense", "1", "sd.exp.err.param"),
        ("steps", "1-1000", "sd.exp.err.too_many"),
    ],
)
def test_bad_values_are_user_errors(param, values, key):
    with pytest.raises(UserError) as caught:
        sweeps.parse_axis(param, values)
    assert caught.value.key == key and key in TABLE


def test_messages_name_what_is_wrong_not_the_value_twice():
    """“10-50 (+0)” once read: “10-50 (+0)” is not a valid value for “10-50 (+0)”."""
    with pytest.raises(UserError) as caught:
        sweeps.parse_axis("steps", "10-50 (+0)")
    assert caught.value.params == {"range": "10-50 (+0)"}
    assert "(+0)" in t(caught.value.key, "en", **caught.value.params)
    with pytest.raises(UserError) as caught:
        sweeps.parse_axis("steps", "1, 500")
    # the parameter goes as its code, which the page names in the reader's language; the limits come along
    assert caught.value.params == {"param": "steps", "value": "500", "lo": 1, "hi": 150}
    assert t(caught.value.key, "uk", **caught.value.params | {"param": "Кроки"}) == (
        "«500» не підходить для параметра «Кроки»: потрібне ціле число від 1 до 150."
    )


def test_a_range_of_whole_numbers_gives_each_value_once():
    assert sweeps.parse_axis("steps", "1-2 [5]").values == (1, 2)
    assert sweeps.parse_axis("cfg", "1-2 [3]").values == (1.0, 1.5, 2.0)


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
    sizes = sweeps.warmups(sweeps.plan(_base(steps=20), "size", "64, 96x64, 64")).values()
    assert [(r.width, r.height, r.steps, r.batch_count) for r in sizes] == [(64, 64, 2, 1), (96, 64, 2, 1)]
    # guidance off (CFG 1) runs the U-Net on half the batch: another shape
    cfg = sweeps.warmups(sweeps.plan(_base(), "cfg", "1, 7, 12")).values()
    assert [r.cfg_scale for r in cfg] == [1.0, 7.0]
    assert len(sweeps.warmups(sweeps.plan(_base(), "steps", "1, 2, 4"))) == 1


# --- running on the tiny pipeline -----------------------------------------------------------------


def test_steps_sweep_runs_times_persists_and_lists(model):
    job = sweeps.start(model, _base(), "steps", "1, 2, 4", repeats=2)
    snap = _finish(job)
    assert snap.result == job.id

    listed = sweeps.list_sweeps()
    assert [m["id"] for m in listed] == [job.id]
    assert listed[0]["state"] == "done" and listed[0]["cells_done"] == 3
    assert listed[0]["warmup_seconds"] is not None and listed[0]["repeats"] == 2

    sweep = sweeps.load(job.id)
    assert list(sweep.table.columns[: len(sweeps.CSV_COLUMNS)]) == sweeps.CSV_COLUMNS
    assert list(sweep.table["steps"]) == [1, 2, 4]
    assert (sweep.table["seconds"] > 0).all() and (sweep.table["runs"] == 2).all()
    assert (sweep.table["seconds_min"] <= sweep.table["seconds"]).all()
    assert (sweep.table["seconds"] <= sweep.table["seconds_max"]).all()
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


# --- timing: warm-up, repeats, median; failures kept apart ----------------------------------------


class _Timed:
    """``generate.generate`` with made-up times, in order: what each call was asked, and when it failed."""

    def __init__(self, seconds: dict[int, list[float]], fails=lambda request: None):
        self.seconds = {steps: list(times) for steps, times in seconds.items()}
        self.fails = fails
        self.calls: list[GenRequest] = []

    def __call__(self, ref, request, on_step=None, should_stop=None, on_wait=None, holder=None):
        self.calls.append(request)
        error = self.fails(request)
        if error is not None:
            raise error
        times = self.seconds.get(request.steps)
        seconds = times.pop(0) if times else 0.5  # warm-ups take what they take
        return [Generated(picture((request.width, request.height)), request.seed, seconds, "parameters")]


def test_each_cell_is_timed_repeatedly_and_its_time_is_the_median(model, monkeypatch):
    """The warm-up (at the first cell's shape: 1 step) is slow and not counted; the first run of the
    4-step cell is disturbed (1.62 s, as in issue 10): the median leaves it out, the spread shows it."""
    timed = _Timed({1: [0.9, 0.051, 0.05, 0.052], 2: [0.057, 0.056, 0.058], 4: [1.62, 0.067, 0.068]})
    monkeypatch.setattr(generate, "generate", timed)
    job = sweeps.start(model, _base(), "steps", "1, 2, 4", repeats=3)
    _finish(job)
    table = sweeps.load(job.id).table
    assert list(table["seconds"]) == [0.051, 0.057, 0.068]
    assert list(table["seconds_min"]) == [0.05, 0.056, 0.067]
    assert list(table["seconds_max"]) == [0.052, 0.058, 1.62]
    assert list(table["runs"]) == [3, 3, 3]
    assert list(table["seconds_per_step"]) == [0.051, 0.0285, 0.017]
    # one warm-up, then the cells in order, then back, then in order again: a slow spell of the
    # machine falls on different cells in different rounds
    order = [r.steps for r in timed.calls]
    assert order == [1, 1, 2, 4, 4, 2, 1, 1, 2, 4]
    assert job.snapshot().total == 9 and job.snapshot().done == 9


def test_a_sweep_keeps_the_cells_that_succeed_and_names_those_that_failed(model, monkeypatch):
    too_big = UserError("sd.err.out_of_memory", width=128, height=128)
    timed = _Timed({}, fails=lambda r: too_big if r.width == 128 else None)
    monkeypatch.setattr(generate, "generate", timed)
    job = sweeps.start(model, _base(), "size", "64, 128, 96", repeats=2)
    _finish(job)  # done: two of three images are results
    sweep = sweeps.load(job.id)
    assert sweep.meta["state"] == "done" and list(sweep.table["x"]) == ["64×64", "96×96"]
    assert sweep.meta["failed_cells"] == [
        {
            "cell": 1,
            "x": "128×128",
            "y": None,
            "key": "sd.err.out_of_memory",
            "params": {"width": 128, "height": 128},
        }
    ]
    # the shape failed in its warm-up: its cell was not tried again, nor timed
    assert [r.width for r in timed.calls].count(128) == 1


def test_a_sweep_whose_every_cell_fails_is_a_failed_job_with_the_reason(model, monkeypatch):
    refused = UserError("sd.err.lora_load", path="other.safetensors", detail="no such module")
    monkeypatch.setattr(generate, "generate", _Timed({}, fails=lambda r: refused))
    job = sweeps.start(model, _base(), "steps", "1, 2")
    assert job.wait(60)
    snap = job.snapshot()
    assert snap.state == jobs.FAILED and snap.error.key == "sd.err.lora_load"
    meta = sweeps.load(job.id).meta
    assert meta["state"] == "failed" and meta["error"]["key"] == "sd.err.lora_load"
    assert [c["cell"] for c in meta["failed_cells"]] == [0, 1]


def test_repeats_outside_their_range_are_refused(model):
    for repeats in (0, sweeps.MAX_REPEATS + 1):
        with pytest.raises(UserError) as caught:
            sweeps.start(model, _base(), "steps", "1", repeats=repeats)
        assert caught.value.key == "sd.exp.err.repeats"


def test_the_zip_of_a_kept_sweep_is_the_same_bytes_each_time(model):
    """A page that draws its download again must offer the very same file (its link stays valid)."""
    job = sweeps.start(model, _base(), "steps", "1, 2", repeats=1)
    _finish(job)
    assert sweeps.load(job.id).zip_bytes() == sweeps.load(job.id).zip_bytes()


def test_a_sweep_kept_before_repeats_reads_as_one_run_per_cell(model):
    job = sweeps.start(model, _base(), "steps", "1, 2", repeats=1)
    _finish(job)
    folder = sweeps.load(job.id).folder
    old = sweeps.load(job.id).table.drop(columns=["seconds_min", "seconds_max", "runs", "path"])
    old.to_csv(folder / "results.csv", index=False)  # the columns of an older GenLab
    table = sweeps.load(job.id).table
    assert list(table["runs"]) == [1, 1]
    assert list(table["seconds_min"]) == list(table["seconds"]) == list(table["seconds_max"])


def test_a_style_sweep_on_the_demo_model_reads_styles_past_its_first_75_tokens(model):
    """The demo's tokenizer counts characters: a detailed subject fills CLIP's 77 tokens, and the
    style words once fell off the end, so every style drew the same image."""
    subject = presets.preset(4, "detailed").prompt
    assert len(subject) > 100
    job = sweeps.start(model, _base(prompt=subject, steps=1), "style", "plain, watercolor, sketch", repeats=1)
    _finish(job)
    pixels = [Image.open(p).convert("RGB").tobytes() for p in sweeps.load(job.id).paths]
    assert len(set(pixels)) == 3  # the PNG files differ anyway: their infotexts hold the prompts
