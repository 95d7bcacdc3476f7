"""Prompt presets: every variant has them, in English for the model with a Ukrainian meaning."""

from services.common import variants
from services.diffusion import presets


def test_every_variant_has_presets_in_english_with_a_ukrainian_meaning():
    for v in variants.VARIANTS:
        found = presets.presets(v.number)
        assert [p.id for p in found] == ["basic", "detailed", "artistic"]
        for p in found:
            assert p.prompt.isascii() and p.negative.isascii()  # the model reads English
            assert not p.meaning_uk.isascii()  # the student reads Ukrainian


def test_a_style_writes_the_subject_into_its_template():
    assert presets.styled("  a fox ", "plain") == "a fox"
    assert presets.styled("a fox", "sketch").startswith("a fox, pencil sketch")
