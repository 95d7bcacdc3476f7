"""Numbers, plurals and durations as each language writes them (CLDR rules through Babel)."""

import pytest

import i18n
from i18n.format import Formatter, duration, plural

UK = ["зображення", "зображення", "зображень"]


@pytest.mark.parametrize(
    ("count", "form"),
    [
        (1, 0),
        (2, 1),
        (4, 1),
        (5, 2),
        (11, 2),
        (12, 2),
        (21, 0),
        (22, 1),
        (25, 2),
        (101, 0),
        (111, 2),
        (1.5, 1),
    ],
)
def test_ukrainian_plural_forms(count, form):
    assert plural(count, UK, "uk") == UK[form]


def test_english_plural_forms():
    assert [plural(n, ["image", "images"], "en") for n in (1, 2, 0, 21)] == [
        "image",
        "images",
        "images",
        "images",
    ]


def test_numbers_in_each_language():
    uk, en = Formatter("uk"), Formatter("en")
    assert uk.format("{n:,}", n=166784).replace("\u202f", " ").replace("\xa0", " ") == "166 784"
    assert en.format("{n:,}", n=166784) == "166,784"
    assert uk.format("{x} {y:.3f}", x=0.5, y=0.0712) == "0,5 0,071"
    assert en.format("{x} {y:.3f}", x=0.5, y=0.0712) == "0.5 0.071"
    assert uk.format("{seed}", seed=123456) == "123456"  # ids, seeds and steps are not grouped
    assert uk.format("{ok}", ok=True) == "True"


@pytest.mark.parametrize(
    ("seconds", "uk", "en"),
    [
        (0.00017, "0,17 мс", "0.17 ms"),  # a GAN image: not "0 ms"
        (0.035, "35 мс", "35 ms"),
        (4.24, "4,2 с", "4.2 sec"),
        (42, "42 с", "42 sec"),
        (68, "1 хв 8 с", "1 min 8 sec"),
    ],
)
def test_durations(seconds, uk, en):
    assert duration(seconds, "uk") == uk and duration(seconds, "en") == en


def test_t_uses_the_formatter():
    assert i18n.t("job.done", "uk", elapsed="x").startswith("Готово")
