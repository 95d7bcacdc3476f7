"""Lab 1 data: every source, odd and broken files, hostile zips, caching and offline Kaggle."""

import io
import os
import re
import socket
import stat
import struct
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import i18n
from services.common import variants
from services.common.errors import UserError
from services.gan import data as datasets

MNIST = variants.get(6)  # hojjatk/mnist-dataset, IDX files
FASHION = variants.get(3)  # zalando-research/fashionmnist, CSV
FACES = variants.get(2)  # andrewmvd/animal-faces, class folders


# ---------------------------------------------------------------- data made on the spot


def _picture(mode: str = "RGB", size=(40, 30), seed: int = 0) -> Image.Image:
    rng = np.random.default_rng(seed)
    return Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)).convert(mode)


def _encoded(picture: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, fmt, **options)
    return buffer.getvalue()


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _class_tree(root: Path, layout: dict[str, int]) -> Path:
    """``{"train/cat": 3, ...}``: that many JPG/PNG images in each folder."""
    for folder, n in layout.items():
        for i in range(n):
            fmt, suffix = ("JPEG", "jpg") if i % 2 else ("PNG", "png")
            _write(root / folder / f"{i}.{suffix}", _encoded(_picture(seed=hash(folder) % 1000 + i), fmt))
    return root


def _idx(data: np.ndarray) -> bytes:
    return struct.pack(">HBB", 0, 8, data.ndim) + struct.pack(f">{data.ndim}I", *data.shape) + data.tobytes()


def _mnist_arrays(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(1)
    return rng.integers(0, 256, (n, 28, 28), dtype=np.uint8), (np.arange(n) % 10).astype(np.uint8)


def _kaggle_version(cache: Path, slug: str, version: int, complete: bool = True) -> Path:
    """kagglehub's cache layout: datasets/<owner>/<slug>/versions/<N>/ and a <N>.complete marker."""
    folder = cache / "datasets" / slug / "versions" / str(version)
    folder.mkdir(parents=True)
    if complete:
        (cache / "datasets" / slug / f"{version}.complete").touch()
    return folder


@pytest.fixture
def offline(monkeypatch, tmp_path):
    """An empty kagglehub cache, no proxy, and any attempt to reach a network host fails the test."""
    cache = tmp_path / "kagglehub"
    monkeypatch.setenv("KAGGLEHUB_CACHE", str(cache))
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    return cache


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _assert_images(data: datasets.ImageSet, n: int, channels: int, size: int) -> None:
    assert tuple(data.images.shape) == (n, channels, size, size)
    assert str(data.images.dtype) == "torch.float32"
    assert -1.0 <= float(data.images.min()) and float(data.images.max()) <= 1.0
    assert data.report.loaded == n


# ---------------------------------------------------------------- built-in data


@pytest.mark.parametrize(("size", "channels"), [(28, 1), (32, 3), (64, 3)])
def test_shapes_are_labelled_and_balanced(size, channels):
    data = datasets.load_builtin("shapes", size, channels, count=30)
    _assert_images(data, 30, channels, size)
    assert data.class_names == ["circle", "square", "triangle"]
    assert np.bincount(data.labels).tolist() == [10, 10, 10]
    assert float(data.images.max()) > 0.3 and float(data.images.min()) < -0.6  # ink on a dark ground
    if channels == 3:  # coloured ink, not gray
        assert float((data.images[:, 0] - data.images[:, 1]).abs().max()) > 0.2


@pytest.mark.parametrize(("size", "channels"), [(28, 1), (32, 3)])
def test_digits_come_from_scikit_learn(size, channels):
    data = datasets.load_builtin("digits", size, channels, count=100)
    _assert_images(data, 100, channels, size)
    assert data.class_names == [str(d) for d in range(10)]
    assert set(data.labels.tolist()) == set(range(10))
    border = data.images[:, :, :2].reshape(-1)
    assert float(border.max()) == -1.0  # the digit sits inside an empty frame, as in MNIST


def test_numpy_counts_are_accepted():
    assert len(datasets.load_builtin("shapes", 28, 1, count=np.int64(6))) == 6


def test_builtin_is_deterministic_and_seeded():
    a = datasets.load_builtin("shapes", 28, 1, count=12, seed=3)
    b = datasets.load_builtin("shapes", 28, 1, count=12, seed=3)
    c = datasets.load_builtin("shapes", 28, 1, count=12, seed=4)
    assert bool((a.images == b.images).all()) and not bool((a.images == c.images).all())


def test_second_load_is_served_from_the_cache(monkeypatch):
    calls = []
    draw = datasets._draw_shapes
    monkeypatch.setattr(datasets, "_draw_shapes", lambda *a: calls.append(a) or draw(*a))
    first = datasets.load_builtin("shapes", 32, 1, count=40)
    second = datasets.load_builtin("shapes", 32, 1, count=40)
    assert len(calls) == 1
    assert bool((first.images == second.images).all())
    assert second.labels.tolist() == first.labels.tolist() and second.class_names == first.class_names
    datasets.load_builtin("shapes", 64, 1, count=40)  # another format is another entry
    assert len(calls) == 2


def test_an_unreadable_cache_file_is_rebuilt(isolated_cache):
    datasets.load_builtin("shapes", 28, 1, count=9)
    (entry,) = (isolated_cache / "datasets").glob("*.safetensors")
    entry.write_bytes(b"not safetensors")
    assert len(datasets.load_builtin("shapes", 28, 1, count=9)) == 9


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda: datasets.load_builtin("cats", 28, 1), "gan.data.unknown_builtin"),
        (lambda: datasets.load_builtin("shapes", 30, 1), "gan.data.bad_size"),
        (lambda: datasets.load_builtin("shapes", 28, 4), "gan.data.bad_channels"),
        (lambda: datasets.load_builtin("shapes", 28, 1, count=0), "gan.data.bad_limit"),
        (lambda: datasets.load_builtin("shapes", 28, 1, count=2.5), "gan.data.bad_limit"),
        (lambda: datasets.load_folder("/no/such/folder", 28, 1), "gan.data.folder_missing"),
        (lambda: datasets.load_zip(b"PK but not a zip", 28, 1), "gan.data.bad_zip"),
        (lambda: datasets.load_zip(b"", 28, 1, limit=-5), "gan.data.bad_limit"),
    ],
)
def test_bad_arguments_raise_translated_errors(call, key):
    with pytest.raises(UserError) as caught:
        call()
    assert caught.value.key == key
    assert i18n.t(key, "uk", **caught.value.params) != key


# ---------------------------------------------------------------- folders and zips


@pytest.mark.parametrize(("size", "channels"), [(28, 1), (32, 3), (64, 1)])
def test_class_folders_with_split_folders(tmp_path, size, channels):
    root = _class_tree(tmp_path / "afhq", {"train/cat": 3, "train/dog": 2, "val/cat": 1, "val/dog": 2})
    data = datasets.load_folder(root, size, channels)
    _assert_images(data, 8, channels, size)
    assert data.class_names == ["cat", "dog"]
    assert np.bincount(data.labels).tolist() == [4, 4]
    assert data.report.skipped == {} and data.report.converted == {}


def test_flat_folder_is_unlabelled_and_limit_picks_a_subset(tmp_path):
    root = _class_tree(tmp_path / "flowers", {"": 6})
    assert datasets.load_folder(root, 28, 3).labels is None
    assert len(datasets.load_folder(root, 28, 3, limit=4)) == 4


def test_loose_files_and_non_images_are_counted(tmp_path):
    root = _class_tree(tmp_path / "shapes", {"circle": 2, "square": 2})
    _write(root / "loose.png", _encoded(_picture(), "PNG"))
    _write(root / "circle" / "notes.txt", b"hello")
    _write(root / ".DS_Store", b"\0")
    _write(root / "__MACOSX" / "circle" / "._0.png", b"\0")
    progress = []
    data = datasets.load_folder(root, 28, 1, progress=lambda done, total: progress.append((done, total)))
    assert len(data) == 4 and data.class_names == ["circle", "square"]
    assert data.report.skipped == {"no_class": 1, "not_image": 1}
    assert progress[-1] == (4, 4)


def test_bad_and_odd_files_are_skipped_or_converted(tmp_path):
    """Each odd file is either converted (and counted) or skipped with its reason; none raises."""
    root = tmp_path / "odd"
    good = _encoded(_picture(size=(64, 64)), "PNG")
    _write(root / "good.png", good)
    _write(root / "truncated.png", good[: len(good) // 2])
    _write(root / "truncated.jpg", _encoded(_picture(size=(64, 64)), "JPEG")[:300])
    _write(root / "text.png", b"this is not a picture at all")
    _write(root / "tiny.png", _encoded(Image.new("RGB", (1, 1), "red"), "PNG"))
    _write(root / "cmyk.jpg", _encoded(Image.new("CMYK", (32, 32), (0, 255, 255, 0)), "JPEG"))
    deep = np.full((32, 32), 65535, np.uint16)
    _write(root / "deep.png", _encoded(Image.fromarray(deep), "PNG"))  # 16-bit gray, all white
    clear = Image.new("RGBA", (32, 32), (255, 0, 0, 0))  # fully transparent red
    _write(root / "alpha.png", _encoded(clear, "PNG"))
    frames = [Image.new("RGB", (32, 32), color) for color in ("red", "green", "blue")]
    _write(
        root / "anim.gif", _encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=50)
    )

    data = datasets.load_folder(root, 32, 3)
    report = data.report
    assert len(data) == 5 and report.loaded == 5
    assert report.skipped == {"corrupt": 2, "not_image": 1, "too_small": 1}
    assert report.converted == {"cmyk": 1, "high_bit_depth": 1, "alpha": 1, "animated": 1, "palette": 1}
    by_name = dict(zip(["alpha", "anim", "cmyk", "deep", "good"], data.images, strict=True))
    assert float(by_name["deep"].min()) == 1.0  # 65535 of 65535 is white, not clipped garbage
    assert float(by_name["alpha"].min()) == 1.0  # transparent is laid on white
    red = by_name["cmyk"].mean(dim=(1, 2))
    assert red[0] > 0.8 and red[1] < -0.8 and red[2] < -0.8  # C=0 M=Y=255 is red
    first = by_name["anim"].mean(dim=(1, 2))
    assert first[0] > 0.8 and first[1] < -0.8  # the first frame


def _zip(entries: dict[str, bytes], links: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            if name in links:
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def test_zip_upload_with_classes(tmp_path):
    png = _encoded(_picture(), "PNG")
    data = _zip(
        {
            "flowers/train/rose/a.png": png,
            "flowers/train/rose/b.jpg": _encoded(_picture(seed=1), "JPEG"),
            "flowers/train/tulip/c.png": png,
            "flowers/test/tulip/d.png": png,
            "__MACOSX/flowers/._a.png": b"\0",
        }
    )
    upload = datasets.load_zip(data, 64, 3, name="flowers.zip")
    _assert_images(upload, 4, 3, 64)
    assert upload.class_names == ["rose", "tulip"] and np.bincount(upload.labels).tolist() == [2, 2]
    assert upload.source == "zip flowers.zip"
    on_disk = _write(tmp_path / "flowers.zip", data)
    assert bool((datasets.load_zip(on_disk, 64, 3).images == upload.images).all())


def test_hostile_zip_entries_are_never_written_anywhere(tmp_path, monkeypatch, isolated_cache):
    work = tmp_path / "work" / "deeper"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    monkeypatch.setattr(datasets, "MAX_ENTRY_BYTES", 10_000)
    png = _encoded(_picture(), "PNG")
    data = _zip(
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
    upload = datasets.load_zip(data, 28, 1)
    assert len(upload) == 2
    assert upload.report.skipped == {"unsafe_path": 4, "link": 1, "too_large": 1}
    assert {p for p in tmp_path.rglob("*")} == before  # nothing extracted
    assert not list(Path("/tmp").glob("evil-*")) and not list(work.parent.parent.parent.glob("evil-*"))
    assert [p.suffix for p in (isolated_cache / "datasets").iterdir()] == [".safetensors"]


def test_zip_with_too_many_bytes_is_refused(monkeypatch):
    monkeypatch.setattr(datasets, "MAX_ZIP_BYTES", 1000)
    with pytest.raises(UserError) as caught:
        datasets.load_zip(_zip({"a.png": bytes(600), "b.png": bytes(600)}), 28, 1)
    assert caught.value.key == "gan.data.zip_too_big"


def test_zip_load_is_cached_by_content(monkeypatch):
    data = _zip({"a/x.png": _encoded(_picture(), "PNG"), "b/y.png": _encoded(_picture(seed=2), "PNG")})
    first = datasets.load_zip(data, 28, 1)
    monkeypatch.setattr(datasets, "_load_files", lambda *a: pytest.fail("the cached set was rebuilt"))
    assert bool((datasets.load_zip(data, 28, 1).images == first.images).all())


@pytest.mark.parametrize("source", ["folder", "zip"])
def test_no_usable_image_is_a_user_error(tmp_path, source):
    _write(tmp_path / "data" / "readme.txt", b"no pictures here")
    _write(tmp_path / "data" / "broken.jpg", b"\xff\xd8\xff garbage")
    with pytest.raises(UserError) as caught:
        if source == "folder":
            datasets.load_folder(tmp_path / "data", 28, 1)
        else:
            datasets.load_zip(_zip({"readme.txt": b"x", "broken.jpg": b"\xff\xd8\xff"}), 28, 1)
    assert caught.value.key == "gan.data.empty" and caught.value.params["skipped"] == 2
    # the message names the folder or archive alone, with no English "folder"/"zip" before it
    assert caught.value.params["source"] == ("data" if source == "folder" else "upload.zip")


# ---------------------------------------------------------------- Kaggle, offline


def test_kaggle_unreachable_fails_fast_with_a_clear_error(offline):
    started = time.monotonic()
    with pytest.raises(UserError) as caught:
        datasets.load_kaggle(FACES, 64, 3)
    assert caught.value.key == "gan.data.kaggle_unreachable"
    assert caught.value.params == {"dataset": FACES.kaggle}
    assert time.monotonic() - started < datasets.KAGGLE_CONNECT_TIMEOUT_S + 2


def test_kagglehub_errors_behind_a_dead_proxy_are_translated(offline, monkeypatch):
    """With a proxy the TCP check is skipped: kagglehub itself tries, and its error becomes ours."""
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
    monkeypatch.delenv("KAGGLE_KEY", raising=False)
    with pytest.raises(UserError) as caught:
        datasets.load_kaggle(FACES, 64, 3, username="student", key="secret")
    assert caught.value.key == "gan.data.kaggle_unreachable"
    assert "secret" not in str(caught.value) and "KAGGLE_KEY" not in os.environ


def _http_error(status: int):
    import requests

    response = requests.Response()
    response.status_code = status
    return requests.HTTPError(f"{status} error", response=response)


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (_http_error(401), "gan.data.kaggle_login"),
        (_http_error(403), "gan.data.kaggle_login"),
        (_http_error(404), "gan.data.kaggle_not_found"),
        (_http_error(500), "gan.data.kaggle_failed"),
        (ConnectionResetError("reset"), "gan.data.kaggle_failed"),
    ],
)
def test_kaggle_failures_map_to_messages_a_student_can_act_on(error, key):
    mapped = datasets._kaggle_error(FACES.kaggle, error)
    assert mapped.key == key and mapped.params["dataset"] == FACES.kaggle
    assert i18n.t(key, "en", **mapped.params) != key


def test_kaggle_login_errors_from_kagglehub():
    from kagglehub.exceptions import UnauthenticatedError

    assert datasets._kaggle_error(FACES.kaggle, UnauthenticatedError()).key == "gan.data.kaggle_login"


def test_reachability_check_is_bounded_even_when_name_lookup_hangs(monkeypatch, offline):
    def hang(*args, **kwargs):
        time.sleep(3)  # as a name lookup can, whatever the socket timeout
        raise OSError("no answer")

    monkeypatch.setattr(socket, "create_connection", hang)
    started = time.monotonic()
    assert datasets._kaggle_reachable(timeout=0.3) is False
    assert time.monotonic() - started < 1.5


def test_an_incomplete_kaggle_download_is_not_used(offline):
    folder = _kaggle_version(offline, MNIST.kaggle, 1, complete=False)
    images, labels = _mnist_arrays(20)
    _write(folder / "train-images.idx3-ubyte", _idx(images))
    with pytest.raises(UserError) as caught:
        datasets.load_kaggle(MNIST, 28, 1)
    assert caught.value.key == "gan.data.kaggle_unreachable"


def test_cached_kaggle_mnist_idx_loads_without_network(offline, no_network):
    images, labels = _mnist_arrays(50)
    flat = _kaggle_version(offline, MNIST.kaggle, 1)
    _write(flat / "train-images.idx3-ubyte", _idx(images))
    _write(flat / "train-labels.idx1-ubyte", _idx(labels))
    # version 2 is laid out as hojjatk/mnist-dataset is: each file also inside a folder of its name,
    # next to the t10k test files
    nested = _kaggle_version(offline, MNIST.kaggle, 2)
    test_images, test_labels = _mnist_arrays(10)
    _write(nested / "t10k-images-idx3-ubyte" / "t10k-images-idx3-ubyte", _idx(test_images))
    _write(nested / "t10k-labels-idx1-ubyte" / "t10k-labels-idx1-ubyte", _idx(test_labels))
    _write(nested / "train-images-idx3-ubyte" / "train-images-idx3-ubyte", _idx(images[:40]))
    _write(nested / "train-labels-idx1-ubyte" / "train-labels-idx1-ubyte", _idx(labels[:40]))

    data = datasets.load_kaggle(MNIST, 28, 1, limit=30)
    _assert_images(data, 30, 1, 28)  # the newest version, its training file, limited
    assert data.source == f"kaggle {MNIST.kaggle} v2"
    assert data.class_names == [str(d) for d in range(10)]
    assert data.labels.tolist() == (labels[:30] % 10).tolist()
    expected = images[:30].astype(np.float32) / 127.5 - 1
    assert np.abs(data.images[:, 0].numpy() - expected).max() < 1e-5  # 28 px stays pixel-exact

    rgb = datasets.load_kaggle(MNIST, 32, 3, limit=30)
    _assert_images(rgb, 30, 3, 32)


def test_truncated_idx_is_a_user_error(offline, no_network):
    images, _ = _mnist_arrays(10)
    folder = _kaggle_version(offline, MNIST.kaggle, 1)
    _write(folder / "train-images.idx3-ubyte", _idx(images)[:-100])
    with pytest.raises(UserError) as caught:
        datasets.load_kaggle(MNIST, 28, 1)
    assert caught.value.key == "gan.data.bad_idx" and caught.value.params == {
        "file": "train-images.idx3-ubyte"
    }


def _fashion_csv(n: int) -> bytes:
    rng = np.random.default_rng(2)
    header = "label," + ",".join(f"pixel{i}" for i in range(1, 785))
    rows = [",".join(map(str, [i % 10, *rng.integers(0, 256, 784)])) for i in range(n)]
    return ("\n".join([header, *rows]) + "\n").encode()


def test_cached_kaggle_fashion_csv_loads_with_class_names(offline, no_network):
    folder = _kaggle_version(offline, FASHION.kaggle, 4)
    _write(folder / "fashion-mnist_test.csv", _fashion_csv(5))
    _write(folder / "fashion-mnist_train.csv", _fashion_csv(25))
    data = datasets.load_kaggle(FASHION, 28, 1)
    _assert_images(data, 25, 1, 28)
    assert data.class_names[:2] == ["T-shirt/top", "Trouser"] and len(data.class_names) == 10
    assert data.labels.tolist() == [i % 10 for i in range(25)]
    _assert_images(datasets.load_kaggle(FASHION, 64, 3), 25, 3, 64)


@pytest.mark.parametrize(
    "content", [b"label,pixel1,pixel2\n1,2,3\n", b"label,a\n", _fashion_csv(3).replace(b",0,", b",x,", 1)]
)
def test_malformed_csv_is_a_user_error(offline, no_network, content):
    _write(_kaggle_version(offline, FASHION.kaggle, 1) / "train.csv", content)
    with pytest.raises(UserError) as caught:
        datasets.load_kaggle(FASHION, 28, 1)
    assert caught.value.key == "gan.data.bad_csv"


def test_cached_kaggle_class_folders_offline_even_on_refresh(offline, monkeypatch):
    folder = _kaggle_version(offline, FACES.kaggle, 3)
    _class_tree(folder / "afhq", {"train/cat": 2, "train/wild": 2, "val/dog": 2})
    data = datasets.load_kaggle(FACES, 32, 3, refresh=True)  # Kaggle is unreachable: the cache serves
    _assert_images(data, 6, 3, 32)
    assert data.class_names == ["cat", "dog", "wild"]
    assert data.source == f"kaggle {FACES.kaggle} v3"


def test_credentials_live_only_for_the_download(monkeypatch):
    monkeypatch.setenv("KAGGLE_API_TOKEN", "the-servers-own-token")
    monkeypatch.delenv("KAGGLE_USERNAME", raising=False)
    seen = {}
    with datasets._kaggle_credentials("student", "secret"):
        seen = {name: os.environ.get(name) for name in datasets._KAGGLE_CREDENTIAL_VARS}
    assert seen == {"KAGGLE_USERNAME": "student", "KAGGLE_KEY": "secret", "KAGGLE_API_TOKEN": None}
    assert os.environ["KAGGLE_API_TOKEN"] == "the-servers-own-token" and "KAGGLE_USERNAME" not in os.environ


# ---------------------------------------------------------------- report texts and grids


def test_every_reason_the_loader_gives_is_translated():
    """The page names a skipped file by "gan.data.skipped.<reason>" and a conversion by
    "gan.data.converted.<conversion>": every code the loader can count has both texts."""
    source = Path(datasets.__file__).read_text()
    # codes passed to report.skip, appended to the conversions list or returned by _zip_entries
    counted = set(re.findall(r'(?:skip|append)\("([a-z_]+)"', source))
    assert counted == set(datasets.SKIP_REASONS) | set(datasets.CONVERSIONS)
    for family, codes in (
        ("gan.data.skipped", datasets.SKIP_REASONS),
        ("gan.data.converted", datasets.CONVERSIONS),
    ):
        for code in codes:
            uk, en = i18n.TABLE[f"{family}.{code}"]
            assert uk.strip() and en.strip() and uk != code and en != code
    raised = set(re.findall(r'"(data\.[a-z_]+)"', source))
    assert raised <= set(i18n.TABLE), raised - set(i18n.TABLE)


def test_a_code_without_a_text_cannot_be_counted():
    report = datasets.LoadReport()
    report.skip("no_class", 2)
    report.convert("cmyk")
    assert (report.skipped, report.converted) == ({"no_class": 2}, {"cmyk": 1})
    with pytest.raises(ValueError):
        report.skip("mystery")
    with pytest.raises(ValueError):
        report.convert("sepia")


def test_sources_and_shape_classes_have_names_in_both_languages(tmp_path):
    for name in datasets.BUILTINS:
        source = datasets.load_builtin(name, 28, 1, count=12).source
        assert datasets.source_parts(source) == ("builtin", name)
        assert f"gan.data.source.builtin.{name}" in i18n.TABLE
    for kind in set(datasets.SOURCE_KINDS) - {"builtin"}:
        for lang in i18n.LANGS:
            assert i18n.t(f"gan.data.source.{kind}", lang, name="my photos").endswith("my photos")
    folder = datasets.load_folder(_class_tree(tmp_path / "my photos", {"a": 2, "b": 2}), 28, 1)
    assert datasets.source_parts(folder.source) == ("folder", "my photos")
    assert datasets.source_parts("built-in shapes (3000)") == (
        "",
        "built-in shapes (3000)",
    )  # an old run's text
    for shape in datasets.SHAPES:
        assert i18n.t(f"gan.data.class.{shape}", "en") == shape
        assert i18n.t(f"gan.data.class.{shape}", "uk") != shape


def test_grid_lays_images_out_in_rows():
    data = datasets.load_builtin("shapes", 28, 3, count=10)
    grid = datasets.to_pil_grid(data.images, nrow=4, padding=2, scale=2)
    assert grid.mode == "RGB" and grid.size == ((4 * 30 + 2) * 2, (3 * 30 + 2) * 2)
    assert datasets.to_pil_grid(data.images[0, :1]).size == (32, 32)
    with pytest.raises(ValueError):
        datasets.to_pil_grid(np.zeros((2, 2, 8, 8)))
