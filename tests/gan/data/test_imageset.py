"""What every load gives and asks for: reports whose codes have texts, source names, format and limit checks, grids."""

import re
from pathlib import Path

import numpy as np
import pytest

import i18n
from services.common.errors import UserError
from services.gan import data
from tests.gan.data.made import class_tree


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda: data.load_builtin("cats", 28, 1), "gan.data.unknown_builtin"),
        (lambda: data.load_builtin("shapes", 30, 1), "gan.data.bad_size"),
        (lambda: data.load_builtin("shapes", 28, 4), "gan.data.bad_channels"),
        (lambda: data.load_builtin("shapes", 28, 1, count=0), "gan.data.bad_limit"),
        (lambda: data.load_builtin("shapes", 28, 1, count=2.5), "gan.data.bad_limit"),
        (lambda: data.load_folder("/no/such/folder", 28, 1), "common.path_unavailable"),
        (lambda: data.load_zip(b"PK but not a zip", 28, 1), "gan.data.bad_zip"),
        (lambda: data.load_zip(b"", 28, 1, limit=-5), "gan.data.bad_limit"),
    ],
)
def test_bad_arguments_raise_translated_errors(call, key):
    with pytest.raises(UserError) as caught:
        call()
    assert caught.value.key == key
    assert i18n.t(key, "uk", **caught.value.params) != key


def test_every_reason_the_loader_gives_is_translated():
    """The page names a skipped file by "gan.data.skipped.<reason>" and a conversion by
    "gan.data.converted.<conversion>": every code the loader can count has both texts."""
    source = "\n".join(path.read_text() for path in Path(data.__file__).parent.glob("*.py"))
    # codes passed to report.skip, appended to the conversions list or returned by files._zip_entries
    counted = set(re.findall(r'(?:skip|append)\("([a-z_]+)"', source))
    assert counted == set(data.SKIP_REASONS) | set(data.CONVERSIONS)
    for family, codes in (
        ("gan.data.skipped", data.SKIP_REASONS),
        ("gan.data.converted", data.CONVERSIONS),
    ):
        for code in codes:
            uk, en = i18n.TABLE[f"{family}.{code}"]
            assert uk.strip() and en.strip() and uk != code and en != code
    raised = set(re.findall(r'"(gan\.data\.[a-z_]+)"', source))
    assert {"gan.data.empty", "gan.data.nested_archive"} <= raised <= set(i18n.TABLE), raised - set(
        i18n.TABLE
    )


def test_a_code_without_a_text_cannot_be_counted():
    report = data.LoadReport()
    report.skip("no_class", 2)
    report.convert("cmyk")
    assert (report.skipped, report.converted) == ({"no_class": 2}, {"cmyk": 1})
    with pytest.raises(ValueError):
        report.skip("mystery")
    with pytest.raises(ValueError):
        report.convert("sepia")


def test_sources_and_shape_classes_have_names_in_both_languages(tmp_path):
    for name in data.BUILTINS:
        source = data.load_builtin(name, 28, 1, count=12).source
        assert data.source_parts(source) == ("builtin", name)
        assert f"gan.data.source.builtin.{name}" in i18n.TABLE
    for kind in set(data.SOURCE_KINDS) - {"builtin"}:
        for lang in i18n.LANGS:
            assert i18n.t(f"gan.data.source.{kind}", lang, name="my photos").endswith("my photos")
    folder = data.load_folder(class_tree(tmp_path / "my photos", {"a": 2, "b": 2}), 28, 1)
    assert data.source_parts(folder.source) == ("folder", "my photos")
    assert data.source_parts("built-in shapes (3000)") == (
        "",
        "built-in shapes (3000)",
    )  # an old run's text
    for shape in data.SHAPES:
        assert i18n.t(f"gan.data.class.{shape}", "en") == shape
        assert i18n.t(f"gan.data.class.{shape}", "uk") != shape


def test_grid_lays_images_out_in_rows():
    shapes = data.load_builtin("shapes", 28, 3, count=10)
    grid = data.to_pil_grid(shapes.images, nrow=4, padding=2, scale=2)
    assert grid.mode == "RGB" and grid.size == ((4 * 30 + 2) * 2, (3 * 30 + 2) * 2)
    assert data.to_pil_grid(shapes.images[0, :1]).size == (32, 32)
    with pytest.raises(ValueError):
        data.to_pil_grid(np.zeros((2, 2, 8, 8)))
