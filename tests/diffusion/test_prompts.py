"""Prompts as A1111 reads them: its parser's documented examples, chunks of 75 tokens, weighted embeddings."""

from pathlib import Path

import numpy as np
import pytest
import torch

from services.diffusion import pipelines, prompts
from services.diffusion.generate import generate
from services.diffusion.models import ModelRef
from tests.diffusion.inputs import cut_network, pixels, request


@pytest.mark.parametrize(
    ("text", "parsed"),
    [  # the examples in the docstring of A1111's prompt_parser.parse_prompt_attention
        ("normal text", [("normal text", 1.0)]),
        ("an (important) word", [("an ", 1.0), ("important", 1.1), (" word", 1.0)]),
        ("(unbalanced", [("unbalanced", 1.1)]),
        (r"\(literal\]", [("(literal]", 1.0)]),
        ("(unnecessary)(parens)", [("unnecessaryparens", 1.1)]),
        (
            "a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).",
            [
                ("a ", 1.0),
                ("house", 1.5730000000000004),
                (" ", 1.1),
                ("on", 1.0),
                (" a ", 1.1),
                ("hill", 0.55),
                (", sun, ", 1.1),
                ("sky", 1.4641000000000006),
                (".", 1.1),
            ],
        ),
        # the rest of A1111's syntax, as its parser reads it
        ("((word))", [("word", 1.2100000000000002)]),
        ("[word]", [("word", 1 / 1.1)]),
        ("(word:1.3)", [("word", 1.3)]),
        ("(word: 1.3)", [("word: 1.3", 1.1)]),  # no space before a weight: it is text
        ("a:1.2) b", [("a:1.2) b", 1.0)]),  # a weight that closes nothing is text
        (r"\\ back", [("\\ back", 1.0)]),
        ("a cat BREAK a dog", [("a cat", 1.0), prompts.BREAK, ("a dog", 1.0)]),
        ("", [("", 1.0)]),
    ],
)
def test_the_parser_reads_a1111s_examples(text, parsed):
    assert prompts.parse_attention(text) == parsed


@pytest.fixture(scope="module")
def pipe(tiny):
    return pipelines.load(tiny[0]).pipes["txt2img"]


def test_a_short_prompt_is_one_chunk_as_a1111_counts_it(pipe):
    tokenizer = pipe.tokenizer  # the demo's: one token per character, words split at spaces
    count = prompts.count(tokenizer, "a (red:1.3) fox")
    assert count == prompts.TokenCount(chunks=(7,), used=7, limit=75)  # brackets and weights are no tokens
    assert prompts.count(tokenizer, "") == prompts.TokenCount(chunks=(0,), used=0, limit=75)


def test_long_prompts_split_into_chunks_of_75_at_a_near_comma(pipe):
    tokenizer = pipe.tokenizer
    # 70 tokens, a comma, then a 10-token word: the chunk fills up 5 tokens after the comma
    text = "a" * 70 + ", " + "b" * 10
    chunks, used = prompts.split(tokenizer, text)
    assert [len(c.tokens) for c in chunks] == [71, 10]  # the word after the comma moved on whole
    assert used == 75 + 10  # A1111 counts every chunk but the last as full
    assert prompts.count(tokenizer, text) == prompts.TokenCount((71, 10), 85, 150)
    # no comma near the end: cut at exactly 75
    chunks, _ = prompts.split(tokenizer, "a" * 80)
    assert [len(c.tokens) for c in chunks] == [75, 5]
    # BREAK starts a new chunk wherever it is
    chunks, used = prompts.split(tokenizer, "ab BREAK cd")
    assert [len(c.tokens) for c in chunks] == [2, 2] and used == 77
    # every token keeps the weight of its words
    chunks, _ = prompts.split(tokenizer, "ab (cd:1.5)")
    assert chunks[0].weights == [1.0, 1.0, 1.5, 1.5]


def test_emphasis_scales_its_tokens_vectors_and_nothing_else(pipe):
    plain, _ = prompts.embeddings(pipe, "a fox in snow", "")
    strong, _ = prompts.embeddings(pipe, "a (fox:1.5) in snow", "")
    weak, _ = prompts.embeddings(pipe, "a [fox] in snow", "")
    assert plain.shape == strong.shape == (1, 77, pipe.text_encoder.config.hidden_size)
    fox = slice(2, 5)  # start token, "a", then f-o-x (the demo's tokens are characters)
    # the demo encoder's outputs average to zero, so no mean is restored: the weight shows as it is
    torch.testing.assert_close(strong[0, fox], 1.5 * plain[0, fox])
    torch.testing.assert_close(weak[0, fox], plain[0, fox] / 1.1)
    rest = torch.ones(77, dtype=torch.bool)
    rest[fox] = False
    torch.testing.assert_close(strong[0, rest], plain[0, rest])


def test_the_chunk_mean_is_restored_as_a1111s_original_emphasis_does():
    z = torch.rand(2, 77, 8) + 0.5  # a trained encoder's outputs have a mean to keep
    weights = torch.ones(2, 77)
    weights[0, 3:6] = 1.4
    out = prompts._emphasize(z, weights)
    torch.testing.assert_close(out.mean(dim=(1, 2)), z.mean(dim=(1, 2)))
    assert out[0, 4, 0] / out[0, 10, 0] == pytest.approx(1.4 * z[0, 4, 0] / z[0, 10, 0])


def test_a_long_prompt_is_encoded_chunk_by_chunk_and_concatenated(pipe):
    first, second = "a " * 75, "b " * 10  # one token a word
    long, uncond = prompts.embeddings(pipe, first + second, "blurry")
    assert long.shape[1] == 154 and uncond.shape == long.shape  # the negative padded to the same length
    alone, _ = prompts.embeddings(pipe, first, "")
    tail, _ = prompts.embeddings(pipe, second, "")
    torch.testing.assert_close(long, torch.cat([alone, tail], dim=1))
    empty, _ = prompts.embeddings(pipe, "", "")
    negative, _ = prompts.embeddings(pipe, "blurry", "")
    torch.testing.assert_close(uncond, torch.cat([negative, empty], dim=1))  # padded with empty chunks


def test_a_plain_prompt_encodes_as_the_pipeline_itself_would(pipe):
    ids = pipe.tokenizer("a red fox", padding="max_length", max_length=77, return_tensors="pt").input_ids
    with torch.inference_mode():
        expected = pipe.text_encoder(ids)[0]
        ours, _ = prompts.embeddings(pipe, "a red fox", "")
    torch.testing.assert_close(ours, expected)


def test_generation_reads_emphasis_and_the_words_past_75_tokens(tiny):
    ref, _ = tiny
    (plain,) = generate(ref, request(prompt="a red fox"))
    (strong,) = generate(ref, request(prompt="a (red:1.6) fox"))
    assert np.abs(pixels(plain.image) - pixels(strong.image)).mean() > 0.5
    head = "a" * 75
    (cat,) = generate(ref, request(prompt=head + " cat"))
    (dog,) = generate(ref, request(prompt=head + " dog"))
    assert np.abs(pixels(cat.image) - pixels(dog.image)).mean() > 0.5  # cut at 77 tokens, they would match
    assert cat.parameters.startswith(head + " cat\n")


def test_the_tokenizer_comes_from_disk_before_the_model_loads(tiny, monkeypatch):
    cut_network(monkeypatch)
    folder = ModelRef("folder", tiny[0].id, "the demo's folder")  # the same files, a model not loaded
    assert not pipelines.is_loaded(folder)
    assert prompts.count(prompts.tokenizer_for(folder), "a fox").used == 4
    assert not pipelines.is_loaded(folder)
    # a hub model not in the cache: no count, and no download
    assert prompts.tokenizer_for(ModelRef("hub", "genlab-tests/no-such-model", "x")) is None


@pytest.mark.parametrize(
    "prompt",
    [
        "a red fox",
        "a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).",
        "кіт у капелюсі, олійний живопис",
        "a, " * 40 + "castle BREAK night sky",
        "",
    ],
)
def test_the_tokenizer_file_counts_as_the_models_own_tokenizer(tiny, prompt):
    """The page counts with ``tokenizers`` alone; the model tokenizes through transformers."""
    ref, _ = tiny
    own = pipelines.load(ref).pipes["txt2img"].tokenizer
    from_file = prompts.TokenizerFile(Path(ref.id) / "tokenizer" / "tokenizer.json")
    assert prompts.split(from_file, prompt) == prompts.split(own, prompt)


def test_a_broken_tokenizer_file_gives_no_count(tmp_path, monkeypatch):
    (tmp_path / "tokenizer").mkdir()
    (tmp_path / "tokenizer" / "tokenizer.json").write_text("{not json")
    monkeypatch.setattr(prompts, "_tokenizer_folder", lambda ref: tmp_path / "tokenizer")
    assert prompts.tokenizer_for(ModelRef("folder", str(tmp_path), "broken")) is None
