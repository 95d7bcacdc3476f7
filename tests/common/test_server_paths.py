"""Server paths a student types: inside the allowed roots only, and one message for every refusal."""

import os

import pytest

from services.common import server_paths
from services.common.errors import UserError


@pytest.fixture
def root(tmp_path, monkeypatch):
    allowed = tmp_path / "data"
    (allowed / "shapes" / "circle").mkdir(parents=True)
    (allowed / "model.safetensors").write_bytes(b"x")
    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(allowed))
    return allowed


def refused(call) -> dict:
    with pytest.raises(UserError) as caught:
        call()
    assert caught.value.key == "common.path_unavailable"
    return caught.value.params


def test_folders_and_files_under_a_root(root):
    assert server_paths.folder(str(root / "shapes")) == (root / "shapes").resolve()
    assert server_paths.file(str(root / "model.safetensors"), (".safetensors",)).name == "model.safetensors"


def test_outside_missing_and_unreadable_read_the_same(root, tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    messages = [
        refused(lambda: server_paths.folder(str(secret))),  # exists, outside
        refused(lambda: server_paths.folder("/no/such/folder")),  # missing
        refused(lambda: server_paths.folder(str(root / "missing"))),  # missing, inside
        refused(lambda: server_paths.folder(str(root / ".." / "secret"))),  # climbing out
        refused(lambda: server_paths.folder("")),
    ]
    assert all(m == messages[0] for m in messages)


def test_a_symlink_out_of_the_root_is_refused(root, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, root / "link")
    refused(lambda: server_paths.folder(str(root / "link")))


def test_hidden_folders_and_the_cache_are_never_allowed(root, monkeypatch):
    (root / ".ssh").mkdir()
    refused(lambda: server_paths.folder(str(root / ".ssh")))
    monkeypatch.setenv("GENLAB_CACHE", str(root / "cache"))
    (root / "cache" / "runs").mkdir(parents=True)
    refused(lambda: server_paths.folder(str(root / "cache" / "runs")))


def test_a_wrong_suffix_says_so(root):
    with pytest.raises(UserError) as caught:
        server_paths.file(str(root / "model.safetensors"), (".ckpt",))
    assert caught.value.key == "common.path_suffix"


def test_inside_the_roots_a_file_for_a_folder_is_told_as_such(root):
    with pytest.raises(UserError) as caught:
        server_paths.folder(str(root / "model.safetensors"))
    assert caught.value.key == "common.path_is_file"
    with pytest.raises(UserError) as caught:
        server_paths.file(str(root / "shapes"))
    assert caught.value.key == "common.path_is_folder"
