"""Lab 1's saved work read for a report: a real (tiny) training run, listed for its owner only, read
with its settings, data, metrics and samples; deleted meanwhile, it becomes a note."""

import io
import shutil

import pytest
from PIL import Image

from i18n import t
from services.common import jobs
from services.common.owners import Actor
from services.common.paths import cache_dir
from services.gan import runs
from services.report import GanRun, Missing, ReportInput, Student, Variant, collect, make
from tests.gan.tiny import tiny

ME, OTHER, TEACHER = Actor("1" * 32), Actor("2" * 32), Actor("3" * 32, instructor=True)
DATA = {"kind": "builtin", "name": "shapes", "limit": 120}

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def trained(title: str, owner: Actor, iterations: int = 20) -> str:
    """A tiny run trained to its end: a metrics line every 10 steps, a sample grid and a measurement at 20."""
    cfg = tiny(iterations=iterations, sample_every=20, eval_every=20, checkpoint_every=20, seed=5)
    run_id = runs.create(cfg, DATA, title=title, owner=owner.owner)
    job = runs.start(run_id, owner)
    assert job.wait(120) and job.snapshot().state == jobs.DONE, job.snapshot().error
    return run_id


def test_a_student_lists_their_own_runs_and_may_opt_into_everybodys():
    mine, theirs = trained("mine", ME), runs.create(tiny(), DATA, title="theirs", owner=OTHER.owner)
    assert [s.id for s in collect.saved_work("gan", ME, "uk")] == [mine]
    assert [s.id for s in collect.saved_work("gan", ME, "uk", everybody=True)] == [
        theirs,
        mine,
    ]  # newest first
    assert {s.id for s in collect.saved_work("gan", TEACHER, "uk")} == {mine, theirs}
    (entry,) = collect.saved_work("gan", ME, "uk")
    assert (entry.lab, entry.kind, entry.title, entry.state, entry.owner) == (
        "gan",
        "run",
        "mine",
        "done",
        ME.owner,
    )


def test_a_run_is_read_with_its_settings_data_metrics_and_newest_samples():
    run_id = trained("shapes demo", ME)
    (run,) = collect.items(collect.saved_work("gan", ME, "en"), "en")
    assert isinstance(run, GanRun)
    info = runs.run_info(run_id)
    assert (run.title, run.config, run.data, run.source) == (
        "shapes demo",
        info.config,
        DATA,
        "builtin shapes",
    )
    assert (run.status, run.step, run.images) == ("done", 20, 120)
    assert run.seconds > 0 and run.images_per_s > 0
    assert [row["step"] for row in run.metrics] == [10, 20]
    assert "diversity" in run.metrics[-1]  # the mode-collapse measurement at step 20
    assert run.samples_step == 20
    with Image.open(io.BytesIO(run.samples_png)) as grid:
        assert grid.size == runs.samples_at(run_id, 20).size


def test_the_draft_reads_no_pictures():
    trained("quick", ME)
    (run,) = collect.items(collect.saved_work("gan", ME, "uk"), "uk", pictures=False)
    assert run.samples_png is None and run.metrics


def test_a_run_deleted_after_it_was_listed_becomes_missing_and_the_report_goes_on():
    kept, gone = trained("kept", ME), trained("gone", ME)
    listed = collect.saved_work("gan", ME, "uk")
    runs.delete(gone, ME)
    found = collect.items(listed, "uk")
    assert [type(item) for item in found] == [Missing, GanRun]
    assert found[0].title == "gone" and found[1].title == "kept"
    made = make(ReportInput("gan", "uk", Student("Іван"), Variant(1, "фігури"), found))
    assert made.missing == ["gone"] and len(made.scripts) == 1
    assert not (cache_dir("runs") / gone).exists()  # reading it did not bring its folder back
    assert runs.run_info(kept).status == "done"


def test_two_runs_of_one_title_are_told_apart():
    first = trained("same", ME)
    shutil.copytree(cache_dir("runs") / first, cache_dir("runs") / f"{first}x")
    titles = [item.title for item in collect.items(collect.saved_work("gan", ME, "uk"), "uk")]
    assert sorted(titles) == ["same", "same (2)"]


def test_lab1s_questions_are_answered_in_words_not_by_the_apps_tabs():
    for lang in ("uk", "en"):
        questions = collect.control_questions("gan", lang)
        assert [q for q, _ in questions] == [t(f"gan.q.{n}", lang) for n in range(1, 6)]
        assert all(
            len(answer) > 150 and "«" not in answer[:3] and "“" not in answer[:3] for _, answer in questions
        )
    assert "транспоновані згортки" in collect.control_questions("gan", "uk")[3][1]


def test_the_variant_names_the_dataset_in_the_reports_language():
    assert collect.variant("gan", 3, "uk") == Variant(
        3, "Одяг (Fashion-MNIST) (zalando-research/fashionmnist)"
    )
    assert collect.variant("gan", 3, "en").subject.startswith("Clothing")
