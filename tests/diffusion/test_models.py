"""What the student names as a model: checked before anything loads."""

from pathlib import Path

from services.diffusion.models import model_ref
from tests.diffusion.inputs import user_error


def test_missing_or_bad_models_say_what_to_do(tmp_path):
    assert user_error(model_ref, "hub", "not a hub id").key == "sd.err.hub_id"
    assert user_error(model_ref, "folder", str(tmp_path / "none")).key == "sd.err.no_folder"
    assert user_error(model_ref, "file", str(tmp_path / "model.ckpt")).key == "sd.err.not_safetensors"
    assert user_error(model_ref, "file", str(tmp_path / "x.safetensors")).key == "sd.err.no_file"


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
    assert error.key == "sd.err.no_config"
