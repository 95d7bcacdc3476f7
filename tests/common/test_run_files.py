"""A run's folder as both labs keep it: ids that stay inside the cache, whole-file writes, and a
rewind to the last checkpoint after a crash."""

import json
import re

import pytest
from PIL import Image

from services.common import run_files
from services.common.errors import UserError
from services.gan.config import GanConfig

FILES = run_files.RunFiles(
    "test_runs",
    re.compile(r"^\d{8}-\d{6}-[0-9a-f]{6}$"),
    GanConfig,
    unknown="x.unknown",
    unreadable="x.unreadable",
)
META = {
    "title": "t",
    "created": 1.0,
    "config": GanConfig().to_dict(),
    "data": {"kind": "builtin"},
    "owner": None,
}


def test_a_new_run_reads_back_and_its_status_updates():
    run_id = FILES.create(META)
    assert FILES.ids() == [run_id] and FILES.read_meta(run_id)["title"] == "t"
    assert FILES.read_status(run_id) == run_files.NEW_STATUS
    FILES.update_status(run_id, status="running", step=5)
    assert FILES.read_status(run_id)["step"] == 5 and "updated" in FILES.read_status(run_id)
    assert not list(FILES.folder(run_id).glob("*.part"))  # written whole, nothing left over


@pytest.mark.parametrize("run_id", ["../../etc", "20260101-000000-abcdef", None])
def test_an_id_that_is_not_a_run_here_is_unknown(run_id):
    with pytest.raises(UserError) as error:
        FILES.folder(run_id)
    assert error.value.key == "x.unknown"


def test_a_broken_config_is_unreadable():
    run_id = FILES.create(META)
    (FILES.folder(run_id) / "config.json").write_text("{")
    with pytest.raises(UserError) as error:
        FILES.read_meta(run_id)
    assert error.value.key == "x.unreadable"


def test_rewind_drops_what_came_after_the_checkpoint():
    run_id = FILES.create(META)
    folder = FILES.folder(run_id)
    lines = [json.dumps({"step": s}) for s in (10, 20, 30)] + ['{"step": 4']  # the last cut by a crash
    (folder / "metrics.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "samples").mkdir()
    for step in (10, 30):
        Image.new("L", (2, 2)).save(folder / "samples" / f"step_{step:05d}.png")
    run_files.rewind(folder, 20)
    assert [row["step"] for row in FILES.metrics(run_id)] == [10, 20]
    assert FILES.sample_steps(run_id) == [10] and FILES.samples_at(run_id, 30) is None
