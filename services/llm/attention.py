"""A tiny self-attention you can look at: softmax(QKᵀ/√d) over the words of a sentence.

The weights are random (seeded), not learned, so the picture shows the mechanics — what
the causal mask, positional encoding and several heads do — not what a trained GPT
attends to.
"""

import zlib

import numpy as np


def positional_encoding(length: int, dim: int) -> np.ndarray:
    """The sinusoidal encoding of "Attention Is All You Need": sin on even, cos on odd features."""
    positions = np.arange(length)[:, None]
    rates = 1.0 / 10000 ** (np.arange(0, dim, 2) / dim)
    encoding = np.zeros((length, dim))
    encoding[:, 0::2] = np.sin(positions * rates)
    encoding[:, 1::2] = np.cos(positions * rates)
    return encoding


def embed(tokens: list[str], dim: int) -> np.ndarray:
    """A fixed random vector per word: the same word always gets the same vector."""
    return np.stack([np.random.default_rng(zlib.crc32(t.lower().encode())).normal(size=dim) for t in tokens])


def attention_weights(
    tokens: list[str],
    heads: int = 2,
    dim: int = 16,
    causal: bool = True,
    positional: bool = True,
    seed: int = 0,
) -> np.ndarray:
    """Attention weights of every head, shape (heads, n, n): row i is how much token i looks at each j."""
    x = embed(tokens, dim)
    if positional:
        x = x + positional_encoding(len(tokens), dim)
    rng = np.random.default_rng(seed)
    head_dim = dim // heads
    weights = []
    for _ in range(heads):
        w_q, w_k = rng.normal(size=(2, dim, head_dim)) / np.sqrt(dim)
        scores = (x @ w_q) @ (x @ w_k).T / np.sqrt(head_dim)
        if causal:  # GPT predicts the next word, so a word may not look at the words after it
            scores = np.where(np.tri(len(tokens), dtype=bool), scores, -np.inf)
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        weights.append(exp / exp.sum(axis=1, keepdims=True))
    return np.stack(weights)
