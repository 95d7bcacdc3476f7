"""The dataset cache: a source prepared once loads from cache/datasets after that."""

import pytest

from services.gan.data import builtin, files
from tests.gan.data.made import encoded, picture, zipped


def test_second_load_is_served_from_the_cache(monkeypatch):
    calls = []
    draw = builtin.draw_shapes
    monkeypatch.setattr(builtin, "draw_shapes", lambda *a: calls.append(a) or draw(*a))
    first = builtin.load_builtin("shapes", 32, 1, count=40)
    second = builtin.load_builtin("shapes", 32, 1, count=40)
    assert len(calls) == 1
    assert bool((first.images == second.images).all())
    assert second.labels.tolist() == first.labels.tolist() and second.class_names == first.class_names
    builtin.load_builtin("shapes", 64, 1, count=40)  # another format is another entry
    assert len(calls) == 2


def test_an_unreadable_cache_file_is_rebuilt(isolated_cache):
    builtin.load_builtin("shapes", 28, 1, count=9)
    (entry,) = (isolated_cache / "datasets").glob("*.safetensors")
    entry.write_bytes(b"not safetensors")
    assert len(builtin.load_builtin("shapes", 28, 1, count=9)) == 9


def test_zip_load_is_cached_by_content(monkeypatch):
    data = zipped({"a/x.png": encoded(picture(), "PNG"), "b/y.png": encoded(picture(seed=2), "PNG")})
    first = files.load_zip(data, 28, 1)
    monkeypatch.setattr(files, "load_files", lambda *a: pytest.fail("the cached set was rebuilt"))
    assert bool((files.load_zip(data, 28, 1).images == first.images).all())
