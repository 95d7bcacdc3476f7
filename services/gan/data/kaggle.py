"""The variant's Kaggle dataset through kagglehub: downloaded once, then read from kagglehub's cache.

A version downloaded before is used without touching the network, and Kaggle out of reach,
a missing login or a wrong slug are each a ``UserError`` a student can act on. Credentials
come from the app's secrets, the environment or ``~/.kaggle``, or are typed in the page; they
live in the environment only for the one download, and are never written anywhere.
"""

import contextlib
import logging
import os
import socket
import threading
from pathlib import Path
from urllib.parse import urlparse

import requests

from services.common.errors import UserError
from services.common.variants import Variant
from services.gan.data.cache import cached
from services.gan.data.files import folder_entries, load_csv, load_files, load_idx
from services.gan.data.imageset import ImageSet, Progress, check_format, check_limit, source_name

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
# the CSV holds class numbers; the dataset's page names them (T-shirt/top, Trouser, ..., Ankle
# boot): kept as codes, which the page names in the reader's language ("gan.data.class.<code>")
KNOWN_CLASSES = {
    "zalando-research/fashionmnist": (
        "tshirt_top",
        "trouser",
        "pullover",
        "dress",
        "coat",
        "sandal",
        "shirt",
        "sneaker",
        "bag",
        "ankle_boot",
    ),
}
_PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")
_CREDENTIAL_VARS = ("KAGGLE_USERNAME", "KAGGLE_KEY", "KAGGLE_API_TOKEN")
_LOCK = threading.Lock()


def load_kaggle(
    variant: Variant,
    size: int,
    channels: int,
    limit: int | None = None,
    progress: Progress = None,
    username: str | None = None,
    key: str | None = None,
    refresh: bool = False,
) -> ImageSet:
    """The variant's Kaggle dataset, in the layout its ``variant.layout`` names.

    ``refresh`` looks for a newer version than the one cached. ``username`` and ``key`` (or a
    single API token as ``key``) log in; without them kagglehub uses KAGGLE_USERNAME/KAGGLE_KEY
    or ``~/.kaggle``.
    """
    check_format(size, channels)
    limit = check_limit(limit, size, channels)
    downloaded = cached_version(variant)
    root = None
    if downloaded is not None and not refresh:
        version = downloaded
    else:
        try:
            root, version = _download(variant.kaggle, username, key)
        except UserError as error:
            if error.key != "gan.data.kaggle_unreachable" or downloaded is None:
                raise
            version = downloaded
    identity = {"kaggle": variant.kaggle, "version": version, "layout": variant.layout, "limit": limit}

    def build() -> ImageSet:
        path = Path(root or _pinned_path(variant.kaggle, version))
        source = source_name("kaggle", f"{variant.kaggle} v{version}")
        if variant.layout == "idx":
            return load_idx(path, size, channels, limit, source, progress)
        if variant.layout == "csv":
            return load_csv(path, size, channels, limit, source, progress, KNOWN_CLASSES.get(variant.kaggle))
        return load_files(folder_entries(path), size, channels, limit, source, progress)

    return cached(identity, size, channels, build)


def credentials(secrets: dict) -> tuple[str | None, str | None, bool]:
    """Username and key from the app's ``secrets``, and whether any login is configured:
    (None, None, True) when the environment or ``~/.kaggle`` has one for kagglehub."""
    section = secrets.get("kaggle", {})
    username = secrets.get("KAGGLE_USERNAME") or section.get("username")
    key = secrets.get("KAGGLE_KEY") or secrets.get("KAGGLE_API_TOKEN") or section.get("key")
    if key:
        return username, key, True
    configured = os.environ.get("KAGGLE_KEY") or os.environ.get("KAGGLE_API_TOKEN")
    configured = configured or os.path.exists(os.path.expanduser("~/.kaggle/kaggle.json"))
    return None, None, bool(configured)


def cached_version(variant: Variant) -> int | None:
    """The version of the variant's dataset already downloaded here, if any: it loads with no
    network and no login."""
    return _cached_version(variant.kaggle)


# ---------------------------------------------------------------- kagglehub's cache


def _cache_root() -> Path:
    from kagglehub.config import get_cache_folder  # lazy, as every kagglehub import: it loads IPython (~1 s)

    return Path(get_cache_folder())  # honours KAGGLEHUB_CACHE


def _cached_version(slug: str) -> int | None:
    """The newest version of ``owner/slug`` that kagglehub finished downloading, if any.

    kagglehub keeps ``datasets/<owner>/<slug>/versions/<N>/`` and marks a complete download
    with ``datasets/<owner>/<slug>/<N>.complete``.
    """
    base = _cache_root() / "datasets" / slug
    versions = [
        int(p.name)
        for p in (base / "versions").glob("*")
        if p.name.isdigit() and p.is_dir() and (base / f"{p.name}.complete").exists()
    ]
    return max(versions, default=None)


def _pinned_path(slug: str, version: int) -> str:
    """kagglehub skips the network for a pinned, cached ``owner/slug/versions/N`` handle."""
    import kagglehub

    try:
        return kagglehub.dataset_download(f"{slug}/versions/{version}")
    except Exception as error:  # the cache vanished and Kaggle is out of reach: say so
        raise _error(slug, error) from None


# ---------------------------------------------------------------- the network


def _download(slug: str, username: str | None, key: str | None) -> tuple[str, int]:
    """Download (or find cached) the current version; returns its folder and version number."""
    if not _reachable():
        raise UserError("gan.data.kaggle_unreachable", dataset=slug)
    import kagglehub

    with _environment(username, key):
        try:
            path = kagglehub.dataset_download(slug)
        except Exception as error:
            raise _error(slug, error) from None
    folder = Path(path)
    version = int(folder.name) if folder.parent.name == "versions" and folder.name.isdigit() else 0
    return path, version


def _error(slug: str, error: Exception) -> UserError:
    """kagglehub's and requests' exceptions as a message the student can act on."""
    from kagglehub.exceptions import CredentialError, UnauthenticatedError

    log.info("kaggle download of %s failed: %r", slug, error)
    if isinstance(error, UnauthenticatedError | CredentialError):
        return UserError("gan.data.kaggle_login", dataset=slug)
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    if status in (401, 403):
        return UserError("gan.data.kaggle_login", dataset=slug)
    if status == 404:
        return UserError("gan.data.kaggle_not_found", dataset=slug)
    if isinstance(error, requests.ConnectionError | requests.Timeout):
        return UserError("gan.data.kaggle_unreachable", dataset=slug)
    return UserError("gan.data.kaggle_failed", dataset=slug, detail=str(error)[:300])


def _reachable(timeout: float = CONNECT_TIMEOUT_S) -> bool:
    """A short TCP connect to Kaggle's API before kagglehub, whose API requests (kagglesdk)
    carry no timeout and could wait minutes on a network that drops packets. Behind a proxy,
    let requests try."""
    if any(os.environ.get(name) for name in _PROXY_VARS):
        return True
    from kagglesdk.kaggle_env import get_endpoint, get_env

    url = urlparse(get_endpoint(get_env()))
    address = (url.hostname, url.port or (443 if url.scheme == "https" else 80))
    reached: list[bool] = []

    def connect() -> None:
        try:
            socket.create_connection(address, timeout).close()
            reached.append(True)
        except OSError:
            reached.append(False)

    # name resolution ignores socket timeouts: a daemon thread bounds the whole check
    probe = threading.Thread(target=connect, name="kaggle-reachable", daemon=True)
    probe.start()
    probe.join(timeout)
    return reached == [True]


@contextlib.contextmanager
def _environment(username: str | None, key: str | None):
    """kagglehub reads credentials from the environment only: set them for this download and
    restore the environment after. Downloads run one at a time, so one session's key never
    serves another's request and two sessions never write the same dataset into kagglehub's
    cache at once. Nothing is written to disk."""
    with _LOCK:
        if not key:
            yield
            return
        values = {"KAGGLE_USERNAME": username, "KAGGLE_KEY": key} if username else {"KAGGLE_API_TOKEN": key}
        saved = {name: os.environ.get(name) for name in _CREDENTIAL_VARS}
        for name in _CREDENTIAL_VARS:  # kagglehub prefers a token over a username and key
            os.environ.pop(name, None)
        os.environ.update(values)
        try:
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
