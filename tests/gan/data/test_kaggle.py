"""Kaggle, offline: a clear message when it is out of reach, the cached versions of every
layout (class folders, MNIST IDX, Fashion-MNIST CSV) without network, and credentials that
live only for the download."""

import os
import re
import socket
import struct
import time
from pathlib import Path

import numpy as np
import pytest

import i18n
from services.common import variants
from services.common.errors import UserError
from services.gan.data import kaggle
from tests.gan.data.made import assert_images, class_tree, write

MNIST = variants.get(6)  # hojjatk/mnist-dataset, IDX files
FASHION = variants.get(3)  # zalando-research/fashionmnist, CSV
FACES = variants.get(2)  # andrewmvd/animal-faces, class folders


def idx(data: np.ndarray) -> bytes:
    return struct.pack(">HBB", 0, 8, data.ndim) + struct.pack(f">{data.ndim}I", *data.shape) + data.tobytes()


def mnist_arrays(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(1)
    return rng.integers(0, 256, (n, 28, 28), dtype=np.uint8), (np.arange(n) % 10).astype(np.uint8)


def kaggle_version(cache: Path, slug: str, version: int, complete: bool = True) -> Path:
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


def test_kaggle_unreachable_fails_fast_with_a_clear_error(offline):
    started = time.monotonic()
    with pytest.raises(UserError) as caught:
        kaggle.load_kaggle(FACES, 64, 3)
    assert caught.value.key == "gan.data.kaggle_unreachable"
    assert caught.value.params == {"dataset": FACES.kaggle}
    assert time.monotonic() - started < kaggle.CONNECT_TIMEOUT_S + 2


def test_kagglehub_errors_behind_a_dead_proxy_are_translated(offline, monkeypatch):
    """With a proxy the TCP check is skipped: kagglehub itself tries, and its error becomes ours."""
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")
    monkeypatch.delenv("KAGGLE_KEY", raising=False)
    with pytest.raises(UserError) as caught:
        kaggle.load_kaggle(FACES, 64, 3, username="student", key="secret")
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
    mapped = kaggle._error(FACES.kaggle, error)
    assert mapped.key == key and mapped.params["dataset"] == FACES.kaggle
    assert i18n.t(key, "en", **mapped.params) != key


def test_kaggle_login_errors_from_kagglehub():
    from kagglehub.exceptions import UnauthenticatedError

    assert kaggle._error(FACES.kaggle, UnauthenticatedError()).key == "gan.data.kaggle_login"


def test_reachability_check_is_bounded_even_when_name_lookup_hangs(monkeypatch, offline):
    def hang(*args, **kwargs):
        time.sleep(3)  # as a name lookup can, whatever the socket timeout
        raise OSError("no answer")

    monkeypatch.setattr(socket, "create_connection", hang)
    started = time.monotonic()
    assert kaggle._reachable(timeout=0.3) is False
    assert time.monotonic() - started < 1.5


def test_an_incomplete_kaggle_download_is_not_used(offline):
    folder = kaggle_version(offline, MNIST.kaggle, 1, complete=False)
    images, labels = mnist_arrays(20)
    write(folder / "train-images.idx3-ubyte", idx(images))
    assert kaggle.cached_version(MNIST) is None  # the page still asks for a login
    with pytest.raises(UserError) as caught:
        kaggle.load_kaggle(MNIST, 28, 1)
    assert caught.value.key == "gan.data.kaggle_unreachable"
    kaggle_version(offline, MNIST.kaggle, 2)
    assert kaggle.cached_version(MNIST) == 2  # complete: it loads with no network and no key


def test_cached_kaggle_mnist_idx_loads_without_network(offline, no_network):
    images, labels = mnist_arrays(50)
    flat = kaggle_version(offline, MNIST.kaggle, 1)
    write(flat / "train-images.idx3-ubyte", idx(images))
    write(flat / "train-labels.idx1-ubyte", idx(labels))
    # version 2 is laid out as hojjatk/mnist-dataset is: each file also inside a folder of its name,
    # next to the t10k test files
    nested = kaggle_version(offline, MNIST.kaggle, 2)
    test_images, test_labels = mnist_arrays(10)
    write(nested / "t10k-images-idx3-ubyte" / "t10k-images-idx3-ubyte", idx(test_images))
    write(nested / "t10k-labels-idx1-ubyte" / "t10k-labels-idx1-ubyte", idx(test_labels))
    write(nested / "train-images-idx3-ubyte" / "train-images-idx3-ubyte", idx(images[:40]))
    write(nested / "train-labels-idx1-ubyte" / "train-labels-idx1-ubyte", idx(labels[:40]))

    data = kaggle.load_kaggle(MNIST, 28, 1, limit=30)
    assert_images(data, 30, 1, 28)  # the newest version, its training file, limited
    assert data.source == f"kaggle {MNIST.kaggle} v2"
    assert data.class_names == [str(d) for d in range(10)]
    assert data.labels.tolist() == (labels[:30] % 10).tolist()
    expected = images[:30].astype(np.float32) / 127.5 - 1
    assert np.abs(data.images[:, 0].numpy() - expected).max() < 1e-5  # 28 px stays pixel-exact

    rgb = kaggle.load_kaggle(MNIST, 32, 3, limit=30)
    assert_images(rgb, 30, 3, 32)


def test_truncated_idx_is_a_user_error(offline, no_network):
    images, _ = mnist_arrays(10)
    folder = kaggle_version(offline, MNIST.kaggle, 1)
    write(folder / "train-images.idx3-ubyte", idx(images)[:-100])
    with pytest.raises(UserError) as caught:
        kaggle.load_kaggle(MNIST, 28, 1)
    assert caught.value.key == "gan.data.bad_idx" and caught.value.params == {
        "file": "train-images.idx3-ubyte"
    }


def _fashion_csv(n: int) -> bytes:
    rng = np.random.default_rng(2)
    header = "label," + ",".join(f"pixel{i}" for i in range(1, 785))
    rows = [",".join(map(str, [i % 10, *rng.integers(0, 256, 784)])) for i in range(n)]
    return ("\n".join([header, *rows]) + "\n").encode()


def test_cached_kaggle_fashion_csv_loads_with_class_names(offline, no_network):
    folder = kaggle_version(offline, FASHION.kaggle, 4)
    write(folder / "fashion-mnist_test.csv", _fashion_csv(5))
    write(folder / "fashion-mnist_train.csv", _fashion_csv(25))
    data = kaggle.load_kaggle(FASHION, 28, 1)
    assert_images(data, 25, 1, 28)
    # codes, which the page names in the reader's language
    assert data.class_names[:2] == ["tshirt_top", "trouser"] and len(data.class_names) == 10
    for name in data.class_names:
        uk, en = i18n.TABLE[f"gan.data.class.{name}"]
        assert uk != en and re.fullmatch(r"[а-яіїєґ'/ ]+", uk), (name, uk)
    assert data.labels.tolist() == [i % 10 for i in range(25)]
    assert_images(kaggle.load_kaggle(FASHION, 64, 3), 25, 3, 64)


@pytest.mark.parametrize(
    "content", [b"label,pixel1,pixel2\n1,2,3\n", b"label,a\n", _fashion_csv(3).replace(b",0,", b",x,", 1)]
)
def test_malformed_csv_is_a_user_error(offline, no_network, content):
    write(kaggle_version(offline, FASHION.kaggle, 1) / "train.csv", content)
    with pytest.raises(UserError) as caught:
        kaggle.load_kaggle(FASHION, 28, 1)
    assert caught.value.key == "gan.data.bad_csv"


def test_cached_kaggle_class_folders_offline_even_on_refresh(offline, monkeypatch):
    folder = kaggle_version(offline, FACES.kaggle, 3)
    class_tree(folder / "afhq", {"train/cat": 2, "train/wild": 2, "val/dog": 2})
    data = kaggle.load_kaggle(FACES, 32, 3, refresh=True)  # Kaggle is unreachable: the cache serves
    assert_images(data, 6, 3, 32)
    assert data.class_names == ["cat", "dog", "wild"]
    assert data.source == f"kaggle {FACES.kaggle} v3"


def test_credentials_live_only_for_the_download(monkeypatch):
    monkeypatch.setenv("KAGGLE_API_TOKEN", "the-servers-own-token")
    monkeypatch.delenv("KAGGLE_USERNAME", raising=False)
    seen = {}
    with kaggle._environment("student", "secret"):
        seen = {name: os.environ.get(name) for name in kaggle._CREDENTIAL_VARS}
    assert seen == {"KAGGLE_USERNAME": "student", "KAGGLE_KEY": "secret", "KAGGLE_API_TOKEN": None}
    assert os.environ["KAGGLE_API_TOKEN"] == "the-servers-own-token" and "KAGGLE_USERNAME" not in os.environ


def test_credentials_come_from_the_secrets_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.kaggle/kaggle.json
    for name in ("KAGGLE_USERNAME", "KAGGLE_KEY", "KAGGLE_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assert kaggle.credentials({}) == (None, None, False)  # the page asks for them
    assert kaggle.credentials({"kaggle": {"username": "u", "key": "k"}}) == ("u", "k", True)
    assert kaggle.credentials({"KAGGLE_API_TOKEN": "token"}) == (None, "token", True)
    monkeypatch.setenv("KAGGLE_KEY", "the-servers-own")
    assert kaggle.credentials({}) == (None, None, True)  # kagglehub finds them itself
