"""What the report tests run the generated scripts against: the Lab 2 demo model saved to disk,
and the embedded LLM server. Both come from the services, so these tests need no other lab's fixtures."""

import pytest


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    """The tiny Stable Diffusion demo model (a diffusers folder with random weights), built once."""
    from services.diffusion import demo

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(tmp_path_factory.mktemp("report-tiny")))
        return demo.tiny_model()


@pytest.fixture(scope="session")
def llm_server_url(tmp_path_factory):
    """Base URL of the embedded SmolLM2 server, as the app starts it."""
    from services.llm import local_server

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GENLAB_CACHE", str(tmp_path_factory.mktemp("report-llm")))
        url = local_server.LOCAL.ensure()
    yield url
    local_server.LOCAL.stop()
