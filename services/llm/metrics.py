"""How an answer is measured: latency, time to first token, tokens in and out, tokens per second, length.

Servers that report no token usage get an estimate, flagged as such.
"""

from services.llm.endpoints import Reply

ROLE_MARKUP_TOKENS = 4  # what a chat template adds around each message


def estimate_tokens(text: str) -> int:
    """A rough count for servers that report no usage: ~4 bytes of UTF-8 per token.

    Cyrillic letters take two bytes, which matches tokenizers spending about twice as
    many tokens on Ukrainian as on English text.
    """
    return max(1, round(len(text.encode("utf-8")) / 4)) if text else 0


def measure(reply: Reply, messages: list[dict]) -> dict:
    """The metrics of a finished answer to ``messages``, as fields of its record."""
    estimated = reply.completion_tokens is None
    tokens_out = reply.chunks if estimated else reply.completion_tokens
    tokens_in = reply.prompt_tokens
    if tokens_in is None:
        tokens_in = sum(estimate_tokens(m["content"]) + ROLE_MARKUP_TOKENS for m in messages)
    return dict(
        latency_s=reply.latency_s,
        ttft_s=reply.ttft_s,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
        tokens_estimated=estimated,
        # Over the whole answer: a busy server may deliver its tokens in bursts, so the time
        # between the first and the last token alone can be near zero.
        tokens_per_s=tokens_out / reply.latency_s if tokens_out and reply.latency_s > 0 else None,
        words=len(reply.text.split()),
        chars=len(reply.text),
        finish_reason=reply.finish_reason,
    )
