"""Fixtures of the Lab 1 service tests."""

import pytest

from services.gan import data


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    """240 built-in shapes at 28 px gray: enough real images for a tiny GAN."""
    with pytest.MonkeyPatch.context() as patch:  # module-wide: before the per-test cache exists
        patch.setenv("GENLAB_CACHE", str(tmp_path_factory.mktemp("cache")))
        return data.load_builtin("shapes", 28, 1, count=240).images
