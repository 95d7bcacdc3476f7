"""Fixtures of the Lab 1 service tests."""

import pytest

from services.gan import data


@pytest.fixture(autouse=True)
def data_root(tmp_path, monkeypatch):
    """The test's own folder is the one place a "Local folder" may be read from
    (services/common/server_paths.py): whatever else a test names is refused."""
    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="module")
def shapes(tmp_path_factory):
    """240 built-in shapes at 28 px gray: enough real images for a tiny GAN."""
    with pytest.MonkeyPatch.context() as patch:  # module-wide: before the per-test cache exists
        patch.setenv("GENLAB_CACHE", str(tmp_path_factory.mktemp("cache")))
        return data.load_builtin("shapes", 28, 1, count=240).images
