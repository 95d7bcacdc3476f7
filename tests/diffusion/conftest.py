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
