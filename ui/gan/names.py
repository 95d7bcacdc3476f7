"""How Lab 1 names in the session's language what the services give as codes: where a set
comes from, its classes, a run, a learning rate."""

import time

import i18n
from services.common import variants
from services.gan import data
from services.gan.config import GanConfig
from ui.session import tr

SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def source_label(source: str) -> str:
    """A ``data.source_name`` such as "builtin shapes" or "folder my photos", translated."""
    kind, name = data.source_parts(source)
    if kind == "builtin":
        return _known(f"gan.data.source.builtin.{name}", name)
    return tr(f"gan.data.source.{kind}", name=name) if kind else source


def class_labels(summary: dict) -> list[str]:
    """The loaded set's class names; those the app knows (the built-in shapes, Fashion-MNIST's
    garments) in the session's language. The names of folders are the student's own, and digits
    are digits."""
    names = summary["class_names"]
    if data.source_parts(summary["source"])[0] not in ("builtin", "kaggle"):
        return names
    return [_known(f"gan.data.class.{name}", name) for name in names]


def default_title(spec: dict, cfg: GanConfig, created: float | None = None) -> str:
    """A run's name that tells it apart: data · size · iterations · start time, in this language."""
    stamp = time.strftime("%d.%m %H:%M:%S", time.localtime(created))
    return tr(
        "gan.train.default_title", data=_short(spec), size=cfg.size, iterations=cfg.iterations, stamp=stamp
    )


def rate(value: float) -> str:
    """A learning rate as it is written in the manual: 2·10⁻⁴."""
    mantissa, exponent = f"{value:.0e}".split("e")
    return f"{mantissa}·10{str(int(exponent)).translate(SUPERSCRIPTS)}"


def _short(spec: dict) -> str:
    """The data in a word or two: "фігури", "fashionmnist", a folder's or an archive's name."""
    if spec["kind"] == "builtin":
        return _known(f"gan.data.short.{spec['name']}", spec["name"])
    if spec["kind"] == "kaggle":
        return variants.get(spec["variant"]).kaggle.split("/")[-1]
    if spec["kind"] == "folder":
        return spec["path"].rstrip("/\\").replace("\\", "/").split("/")[-1]
    return spec["name"]


def _known(key: str, fallback: str) -> str:
    return tr(key) if key in i18n.TABLE else fallback
