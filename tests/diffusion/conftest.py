"""The demo model and its LoRA, built once for all Lab 2 service tests."""

import pytest

from services.diffusion import demo


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    """(model, LoRA file), built in a cache of their own; each test still writes to its own cache."""
    patch = pytest.MonkeyPatch()
    patch.setenv("GENLAB_CACHE", str(tmp_path_factory.mktemp("tiny-cache")))
    try:
        return demo.tiny_model(), demo.tiny_lora()
    finally:
        patch.undo()


@pytest.fixture(autouse=True)
def data_roots(tmp_path_factory, monkeypatch):
    """Path fields may name what the tests make (pytest's temporary folders), as an instructor's
    GENLAB_DATA_ROOTS would allow; tests of refusals set roots of their own."""
    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(tmp_path_factory.getbasetemp()))
