"""How Lab 1 names in the session's language what the services give as codes: where a set
comes from, and its classes."""

import i18n
from services.gan import data
from ui.session import tr


def source_label(source: str) -> str:
    """A ``data.source_name`` such as "builtin shapes" or "folder my photos", translated."""
    kind, name = data.source_parts(source)
    if kind == "builtin":
        return (
            tr(f"gan.data.source.builtin.{name}") if f"gan.data.source.builtin.{name}" in i18n.TABLE else name
        )
    return tr(f"gan.data.source.{kind}", name=name) if kind else source


def class_labels(summary: dict) -> list[str]:
    """The loaded set's class names; the built-in shapes' in the session's language (the names
    of folders are the student's own, and digits are digits)."""
    names = summary["class_names"]
    if data.source_parts(summary["source"])[0] != "builtin":
        return names
    return [
        tr(f"gan.data.class.{name}") if f"gan.data.class.{name}" in i18n.TABLE else name for name in names
    ]
