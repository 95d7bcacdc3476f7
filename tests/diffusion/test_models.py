"""What the student names as a model: checked before anything loads."""

import shutil
from pathlib import Path

from services.diffusion.models import model_ref
from tests.diffusion.inputs import user_error


def test_missing_or_bad_models_say_what_to_do(tmp_path):
    (tmp_path / "not-a-model").mkdir()
    (tmp_path / "weights.safetensors").mkdir()
    assert user_error(model_ref, "hub", "not a hub id").key == "sd.err.hub_id"
    assert user_error(model_ref, "folder", str(tmp_path / "not-a-model")).key == "sd.err.no_folder"
    assert user_error(model_ref, "file", str(tmp_path / "model.ckpt")).key == "sd.err.not_safetensors"
    assert user_error(model_ref, "file", str(tmp_path / "weights.safetensors")).key == "common.path_is_folder"


def test_server_folders_and_files_are_read_only_under_the_allowed_folders(tiny, tmp_path, monkeypatch):
    ref, _ = tiny
    allowed, outside = tmp_path / "data", tmp_path / "private"
    for folder in (allowed, outside):
        shutil.copytree(ref.id, folder / "tiny-sd")
        (folder / "model.safetensors").write_bytes(b"")
    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(allowed))
    assert model_ref("folder", str(allowed / "tiny-sd")).id == str((allowed / "tiny-sd").resolve())
    assert model_ref("file", str(allowed / "model.safetensors")).label == "model"
    # outside them, existing or not, every field answers the same, so it reveals nothing
    answers = [
        user_error(model_ref, "folder", str(outside / "tiny-sd")),
        user_error(model_ref, "folder", str(outside / "none")),
        user_error(model_ref, "file", str(outside / "model.safetensors")),
        user_error(model_ref, "file", str(outside / "none.safetensors")),
        user_error(model_ref, "file", str(allowed / "model.safetensors"), config=str(outside / "tiny-sd")),
        user_error(model_ref, "file", str(allowed / "model.safetensors"), config=str(allowed / "none")),
    ]
    assert {(e.key, repr(e.params)) for e in answers} == {(answers[0].key, repr(answers[0].params))}
    assert answers[0].key == "common.path_unavailable"
    # a file named as a folder, inside them: said plainly
    error = user_error(model_ref, "folder", str(allowed / "model.safetensors"))
    assert error.key == "sd.err.model_is_file" and error.params == {"name": "model.safetensors"}


def test_a_single_files_config_is_a_diffusers_folder_or_a_hub_id(tiny, tmp_path):
    ref, _ = tiny
    file = tmp_path / "model.safetensors"
    file.write_bytes(b"")
    assert model_ref("file", str(file)).config is None
    assert model_ref("file", str(file), config="  ").config is None
    assert model_ref("file", str(file), config=ref.id).config == str(Path(ref.id).resolve())
    assert model_ref("file", str(file), config="owner/name").config == "owner/name"
    (tmp_path / "empty").mkdir()
    error = user_error(model_ref, "file", str(file), config=str(tmp_path / "empty"))
    assert error.key == "sd.err.no_folder"
    error = user_error(model_ref, "file", str(file), config=str(tmp_path / "a" / "b" / "c"))
    assert error.key == "common.path_unavailable"
