"""Folders and zips: classes from folders, loose and non-image files, hostile archives."""

from pathlib import Path

import numpy as np
import pytest

import i18n
from services.common.errors import UserError
from services.gan.data import files
from tests.gan.data.made import assert_images, class_tree, encoded, picture, write, zipped

UK_NEEDED = "Потрібні файли JPG, PNG, BMP, GIF, WEBP або TIFF, класи — в окремих папках."


@pytest.mark.parametrize(("size", "channels"), [(28, 1), (32, 3), (64, 1)])
def test_class_folders_with_split_folders(tmp_path, size, channels):
    root = class_tree(tmp_path / "afhq", {"train/cat": 3, "train/dog": 2, "val/cat": 1, "val/dog": 2})
    data = files.load_folder(root, size, channels)
    assert_images(data, 8, channels, size)
    assert data.class_names == ["cat", "dog"]
    assert np.bincount(data.labels).tolist() == [4, 4]
    assert data.report.skipped == {} and data.report.converted == {}


def test_flat_folder_is_unlabelled_and_limit_picks_a_subset(tmp_path):
    root = class_tree(tmp_path / "flowers", {"": 6})
    assert files.load_folder(root, 28, 3).labels is None
    assert len(files.load_folder(root, 28, 3, limit=4)) == 4


def test_loose_files_and_non_images_are_counted(tmp_path):
    root = class_tree(tmp_path / "shapes", {"circle": 2, "square": 2})
    write(root / "loose.png", encoded(picture(), "PNG"))
    write(root / "circle" / "notes.txt", b"hello")
    write(root / ".DS_Store", b"\0")
    write(root / "__MACOSX" / "circle" / "._0.png", b"\0")
    progress = []
    data = files.load_folder(root, 28, 1, progress=lambda done, total: progress.append((done, total)))
    assert len(data) == 4 and data.class_names == ["circle", "square"]
    assert data.report.skipped == {"no_class": 1, "not_image": 1}
    assert progress[-1] == (4, 4)


def test_zip_upload_with_classes(tmp_path):
    png = encoded(picture(), "PNG")
    data = zipped(
        {
            "flowers/train/rose/a.png": png,
            "flowers/train/rose/b.jpg": encoded(picture(seed=1), "JPEG"),
            "flowers/train/tulip/c.png": png,
            "flowers/test/tulip/d.png": png,
            "__MACOSX/flowers/._a.png": b"\0",
        }
    )
    upload = files.load_zip(data, 64, 3, name="flowers.zip")
    assert_images(upload, 4, 3, 64)
    assert upload.class_names == ["rose", "tulip"] and np.bincount(upload.labels).tolist() == [2, 2]
    assert upload.source == "zip flowers.zip"
    on_disk = write(tmp_path / "flowers.zip", data)
    assert bool((files.load_zip(on_disk, 64, 3).images == upload.images).all())


def test_hostile_zip_entries_are_never_written_anywhere(tmp_path, monkeypatch, isolated_cache):
    work = tmp_path / "work" / "deeper"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    monkeypatch.setattr(files, "MAX_ENTRY_BYTES", 10_000)
    png = encoded(picture(), "PNG")
    data = zipped(
        {
            "/tmp/evil-absolute.png": png,
            "../../evil-parent.png": png,
            "ok/../../../evil-middle.png": png,
            "C:/evil-drive.png": png,
            "link.png": b"/etc/passwd",
            "big.png": bytes(20_000),
            "good/a.png": png,
            "good/b.png": png,
        },
        links=("link.png",),
    )
    before = {p for p in tmp_path.rglob("*")}
    upload = files.load_zip(data, 28, 1)
    assert len(upload) == 2
    assert upload.report.skipped == {"unsafe_path": 4, "link": 1, "too_large": 1}
    assert {p for p in tmp_path.rglob("*")} == before  # nothing extracted
    assert not list(Path("/tmp").glob("evil-*")) and not list(work.parent.parent.parent.glob("evil-*"))
    assert [p.suffix for p in (isolated_cache / "datasets").iterdir()] == [".safetensors"]


def test_zip_with_too_many_bytes_is_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_ZIP_BYTES", 1000)
    with pytest.raises(UserError) as caught:
        files.load_zip(zipped({"a.png": bytes(600), "b.png": bytes(600)}), 28, 1)
    assert caught.value.key == "gan.data.zip_too_big"


@pytest.mark.parametrize("source", ["folder", "zip"])
def test_no_usable_image_is_a_user_error(tmp_path, source):
    write(tmp_path / "data" / "readme.txt", b"no pictures here")
    write(tmp_path / "data" / "broken.jpg", b"\xff\xd8\xff garbage")
    with pytest.raises(UserError) as caught:
        if source == "folder":
            files.load_folder(tmp_path / "data", 28, 1)
        else:
            files.load_zip(zipped({"readme.txt": b"x", "broken.jpg": b"\xff\xd8\xff"}), 28, 1)
    assert caught.value.key == "gan.data.empty" and caught.value.params["skipped"] == 2
    # the message names the folder or archive alone, with no English "folder"/"zip" before it
    assert caught.value.params["source"] == ("data" if source == "folder" else "upload.zip")
    assert i18n.t("gan.data.empty", "uk", **caught.value.params).endswith("(пропущено 2 файли). " + UK_NEEDED)
    assert "(2 files skipped)" in i18n.t("gan.data.empty", "en", **caught.value.params)


@pytest.mark.parametrize("inner", ["photos.zip", "photos.tar.gz", "photos.7z"])
def test_an_archive_inside_the_archive_is_named_as_such(inner):
    """A zip that holds only another archive: the message says so, in words, not "1 files skipped"."""
    with pytest.raises(UserError) as caught:
        files.load_zip(zipped({f"upload/{inner}": zipped({"a.png": encoded(picture(), "PNG")})}), 28, 1)
    assert caught.value.key == "gan.data.nested_archive"
    assert caught.value.params == {"source": "upload.zip", "archives": 1}
    uk = i18n.t("gan.data.nested_archive", "uk", **caught.value.params)
    assert "лише 1 вкладений архів" in uk and "Розпакуйте його" in uk
    assert "only 1 archive inside it" in i18n.t("gan.data.nested_archive", "en", **caught.value.params)


def test_archives_beside_images_are_counted_apart(tmp_path):
    root = class_tree(tmp_path / "set", {"a": 2, "b": 2})
    write(root / "a" / "more.zip", zipped({"x.png": encoded(picture(), "PNG")}))
    loaded = files.load_folder(root, 28, 1)
    assert len(loaded) == 4 and loaded.report.skipped == {"archive": 1}


def test_folders_only_under_the_allowed_roots(tmp_path, monkeypatch):
    """Outside the roots, missing or unreadable: one message, which tells nothing of what is there.
    A file named as a folder inside the roots is told as a file."""
    root = class_tree(tmp_path / "allowed" / "set", {"a": 2, "b": 2})
    outside = class_tree(tmp_path / "elsewhere", {"a": 2, "b": 2})
    monkeypatch.setenv("GENLAB_DATA_ROOTS", str(tmp_path / "allowed"))
    assert len(files.load_folder(root, 28, 1)) == 4
    refusals = [outside, tmp_path / "allowed" / "missing", root / ".." / ".." / "elsewhere", Path("/etc")]
    for path in refusals:
        with pytest.raises(UserError) as caught:
            files.load_folder(path, 28, 1)
        assert caught.value.key == "common.path_unavailable", path
        assert caught.value.params == {"roots": str((tmp_path / "allowed").resolve())}
    with pytest.raises(UserError) as caught:
        files.load_folder(root / "a" / "0.png", 28, 1)
    assert (caught.value.key, caught.value.params) == ("common.path_is_file", {"name": "0.png"})
