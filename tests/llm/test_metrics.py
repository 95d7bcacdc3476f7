"""How an answer is measured: the server's token counts where it reports them, an estimate where not."""

import pytest

from services.llm import metrics
from services.llm.endpoints import Reply

MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "What is a GAN?"}]


def reply(text: str, **changes) -> Reply:
    fields = dict(latency_s=2.0, ttft_s=0.5, chunks=9, prompt_tokens=20, completion_tokens=10)
    return Reply(text, **(fields | changes), finish_reason="stop", cancelled=False)


def test_the_servers_own_counts_are_used_and_speed_is_over_the_whole_answer():
    measured = metrics.measure(reply("A generator and a discriminator."), MESSAGES)
    assert measured["tokens_in"] == 20 and measured["tokens_out"] == 10 and not measured["tokens_estimated"]
    assert measured["tokens_per_s"] == pytest.approx(10 / 2.0)  # not 10 / (2.0 - 0.5)
    assert measured["words"] == 5 and measured["chars"] == len("A generator and a discriminator.")
    assert measured["latency_s"] == 2.0 and measured["ttft_s"] == 0.5 and measured["finish_reason"] == "stop"


def test_without_usage_streamed_pieces_and_bytes_stand_in_for_tokens():
    measured = metrics.measure(reply("Two networks.", prompt_tokens=None, completion_tokens=None), MESSAGES)
    assert measured["tokens_estimated"] and measured["tokens_out"] == 9  # one streamed piece ≈ one token
    expected_in = sum(metrics.estimate_tokens(m["content"]) + metrics.ROLE_MARKUP_TOKENS for m in MESSAGES)
    assert measured["tokens_in"] == expected_in
    assert metrics.measure(reply("", chunks=0, completion_tokens=None), MESSAGES)["tokens_per_s"] is None


def test_token_estimate_is_four_bytes_a_token_so_cyrillic_weighs_twice():
    assert metrics.estimate_tokens("") == 0 and metrics.estimate_tokens("a") == 1
    assert metrics.estimate_tokens("a" * 40) == 10 and metrics.estimate_tokens("я" * 40) == 20
