"""A run's data spec: checked when the run is made, loaded again from it by ``data.load``."""

import pytest

from services.common.errors import UserError
from services.gan import data
from tests.gan.data.made import class_tree, encoded, picture, zipped


def test_every_kind_of_spec_loads(tmp_path):
    shapes = data.load({"kind": "builtin", "name": "shapes", "limit": 12}, 28, 1)
    assert (len(shapes), shapes.source) == (12, "builtin shapes")
    folder = class_tree(tmp_path / "pets", {"cat": 2, "dog": 2})
    pets = data.load(data.check_spec({"kind": "folder", "path": str(folder)}), 32, 3)
    assert (len(pets), pets.class_names) == (4, ["cat", "dog"])
    archive = zipped({"a/1.png": encoded(picture(), "PNG"), "b/2.png": encoded(picture(seed=1), "PNG")})
    spec = data.check_spec({"kind": "zip", "name": "../pets.zip"}, archive)
    assert spec == {"kind": "zip", "name": "pets.zip", "limit": None}  # the name only, never a path
    assert data.load(spec, 28, 1, zip_data=archive).source == "zip pets.zip"
    (tmp_path / "data.zip").write_bytes(archive)
    assert len(data.load(spec, 28, 1, zip_data=tmp_path / "data.zip")) == 2


def test_a_spec_keeps_only_what_load_reads():
    spec = {"kind": "builtin", "name": "digits", "limit": 100, "password": "not kept"}
    assert data.check_spec(spec) == {"kind": "builtin", "name": "digits", "limit": 100}
    assert data.check_spec({"kind": "kaggle", "variant": 3}) == {
        "kind": "kaggle",
        "variant": 3,
        "limit": None,
    }


@pytest.mark.parametrize(
    ("spec", "key"),
    [
        ({"kind": "torrent"}, "gan.data.spec"),
        ("builtin", "gan.data.spec"),
        ({"kind": "builtin", "name": "cats"}, "gan.data.spec"),
        ({"kind": "builtin", "name": "shapes", "limit": 0}, "gan.data.spec"),
        ({"kind": "builtin", "name": "shapes", "limit": True}, "gan.data.spec"),
        ({"kind": "kaggle", "variant": 11}, "gan.data.spec"),
        ({"kind": "zip", "name": "a.zip"}, "gan.data.spec"),  # without the archive
        ({"kind": "folder", "path": "/no/such/folder"}, "common.path_unavailable"),
        ({"kind": "folder", "path": 42}, "gan.data.spec"),
    ],
)
def test_specs_that_cannot_load_are_user_errors(spec, key):
    with pytest.raises(UserError) as error:
        data.check_spec(spec)
    assert error.value.key == key
