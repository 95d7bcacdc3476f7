"""Prompts as the AUTOMATIC1111 WebUI reads them: emphasis, ``BREAK`` and prompts of any length.

Emphasis (A1111's ``prompt_parser.parse_prompt_attention``)::

    (word)      attention × 1.1          ((word))  × 1.21, each pair once more
    [word]      attention ÷ 1.1          (word:1.3)  × 1.3
    \\( \\) \\[ \\]  the bracket itself      BREAK     start a new chunk here

Long prompts (A1111's ``sd_hijack_clip``): CLIP reads 77 tokens, a start token, 75 of the
prompt and an end token. A1111 cuts a prompt into chunks of 75 tokens (moving the last few
words to the next chunk when a comma is near, so a phrase stays whole), encodes each chunk
on its own and concatenates the results, so nothing past the 75th token is lost. Each
token's output vector is multiplied by its weight, and the chunk is rescaled to keep its
original mean, as A1111's default "Original" emphasis does.

Prompt editing (``[a:b:10]``) and alternation (``[a|b]``) are A1111 features this module
does not read: such brackets are taken as emphasis, as A1111 itself does with them inside
the attention parser.

torch and transformers are imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from services.diffusion import pipelines
from services.diffusion.models import ModelRef

CHUNK = 75  # prompt tokens per chunk; with its start and end token a chunk fills CLIP's 77
COMMA_BACKTRACK = 20  # A1111's default: a full chunk ends after its last comma if that is this close
ROUND, SQUARE = 1.1, 1 / 1.1  # what one pair of ( ) or [ ] multiplies the attention by
BREAK = ("BREAK", -1.0)  # the marker parse_attention puts where the prompt says BREAK
CLIP_KINDS = ("folder", "tiny", "preset", "hub", "single_file")  # models.ModelRef kinds read by CLIP

_TOKEN = re.compile(
    r"""
      \\[()\[\]\\]       # an escaped bracket or backslash: the character itself
    | \\                 # a lone backslash: nothing
    | [(\[]              # an opening bracket
    | :([+-]?[.\d]+)\)  # ":1.3)" closes a round bracket with its own weight
    | [)\]]              # a closing bracket
    | [^\\()\[\]:]+      # plain text
    | :                  # a colon that is no weight: plain text
    """,
    re.X,
)
_BREAK = re.compile(r"\s*\bBREAK\b\s*", re.S)


def parse_attention(text: str) -> list[tuple[str, float]]:
    """The prompt as (text, weight) runs, neighbours of equal weight merged, ``BREAK`` as ``BREAK``:
    ``"an (important) word"`` is ``[("an ", 1.0), ("important", 1.1), (" word", 1.0)]``. An unclosed
    bracket counts to the end of the prompt, as in A1111.
    """
    runs: list[list] = []  # [text, weight], weights multiplied in place as brackets close
    open_round: list[int] = []  # where each open bracket's runs start
    open_square: list[int] = []

    def multiply(start: int, factor: float) -> None:
        for run in runs[start:]:
            run[1] *= factor

    for match in _TOKEN.finditer(text):
        token, weight = match.group(0), match.group(1)
        if token.startswith("\\"):
            runs.append([token[1:], 1.0])
        elif token == "(":
            open_round.append(len(runs))
        elif token == "[":
            open_square.append(len(runs))
        elif weight is not None and open_round and _is_number(weight):
            multiply(open_round.pop(), float(weight))
        elif token == ")" and open_round:
            multiply(open_round.pop(), ROUND)
        elif token == "]" and open_square:
            multiply(open_square.pop(), SQUARE)
        else:
            for n, piece in enumerate(_BREAK.split(token)):
                if n:
                    runs.append(list(BREAK))
                runs.append([piece, 1.0])
    for start in open_round:
        multiply(start, ROUND)
    for start in open_square:
        multiply(start, SQUARE)
    merged: list[tuple[str, float]] = []
    for text_, weight in runs:
        if merged and merged[-1][1] == weight:
            merged[-1] = (merged[-1][0] + text_, weight)
        else:
            merged.append((text_, weight))
    return merged or [("", 1.0)]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@dataclass
class Chunk:
    """Up to 75 prompt tokens and the weight of each (start and end tokens not included)."""

    tokens: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class TokenCount:
    """What A1111 shows at the corner of its prompt box (``used``/``limit``), and each chunk's tokens."""

    chunks: tuple[int, ...]
    used: int  # A1111's count: every chunk but the last counts as full
    limit: int  # 75 per chunk


def split(tokenizer, prompt: str) -> tuple[list[Chunk], int]:
    """The prompt's chunks and A1111's token count for it.

    A chunk ends at 75 tokens or at ``BREAK``; a chunk that fills up within ``COMMA_BACKTRACK``
    tokens after a comma ends after that comma instead, the rest moving to the next chunk.
    """
    runs = parse_attention(prompt)
    ids = tokenizer([text for text, _ in runs], truncation=False, add_special_tokens=False)["input_ids"]
    comma = tokenizer.get_vocab().get(",</w>")
    chunks: list[Chunk] = []
    chunk, last_comma, used = Chunk(), -1, 0

    def close(last: bool = False) -> None:
        nonlocal chunk, last_comma, used
        used += len(chunk.tokens) if last else CHUNK
        chunks.append(chunk)
        chunk, last_comma = Chunk(), -1

    for tokens, (text, weight) in zip(ids, runs, strict=True):
        if (text, weight) == BREAK:
            close()
            continue
        for token in tokens:
            if token == comma:
                last_comma = len(chunk.tokens)
            elif len(chunk.tokens) == CHUNK and last_comma != -1 and CHUNK - last_comma <= COMMA_BACKTRACK:
                # the words after the comma move on, so the phrase they start is not cut in two
                cut = last_comma + 1
                moved = Chunk(chunk.tokens[cut:], chunk.weights[cut:])
                chunk.tokens, chunk.weights = chunk.tokens[:cut], chunk.weights[:cut]
                close()
                chunk = moved
            if len(chunk.tokens) == CHUNK:
                close()
            chunk.tokens.append(token)
            chunk.weights.append(weight)
    if chunk.tokens or not chunks:
        close(last=True)
    return chunks, used


def count(tokenizer, prompt: str) -> TokenCount:
    chunks, used = split(tokenizer, prompt)
    return TokenCount(tuple(len(c.tokens) for c in chunks), used, CHUNK * len(chunks))


def tokenizer_for(ref: ModelRef):
    """The model's tokenizer if it can be had without the network and without loading the model, else None."""
    if pipelines.is_loaded(ref):
        return pipelines.load(ref).pipes["txt2img"].tokenizer
    return _tokenizer_on_disk(ref)


@lru_cache(maxsize=8)
def _tokenizer_on_disk(ref: ModelRef):
    folder = _tokenizer_folder(ref)
    if folder is None:
        return None
    try:
        if (folder / "tokenizer.json").is_file():
            return TokenizerFile(folder / "tokenizer.json")
        from transformers import CLIPTokenizer  # lazy, ~1 s: only for a folder without the fast file

        return CLIPTokenizer.from_pretrained(folder, local_files_only=True)
    except Exception:  # a broken folder (tokenizers raises plain Exceptions): no count rather than an error
        return None


class TokenizerFile:
    """A fast tokenizer's one file read by ``tokenizers`` alone, answering what ``split`` asks of
    the model's tokenizer with the same tokens: transformers' ``CLIPTokenizer`` runs this very file,
    but importing transformers would add a second to the first draw of the prompt box."""

    def __init__(self, path: Path):
        from tokenizers import Tokenizer

        self.file = Tokenizer.from_file(str(path))
        self.file.no_truncation()  # counting sees every token, as split() asks of the model's own

    def __call__(self, texts: list[str], truncation: bool = False, add_special_tokens: bool = True) -> dict:
        encodings = (self.file.encode(text, add_special_tokens=add_special_tokens) for text in texts)
        return {"input_ids": [encoding.ids for encoding in encodings]}

    def get_vocab(self) -> dict[str, int]:
        return self.file.get_vocab()


# a tokenizer folder holds either of these: the fast tokenizer's one file, or the vocabulary and merges
_TOKENIZER_FILES = (("tokenizer.json",), ("vocab.json", "merges.txt"))


def _tokenizer_folder(ref: ModelRef) -> Path | None:
    """Where the model's tokenizer files are on this machine: its folder, or the Hugging Face cache."""
    source = ref.config if ref.kind == "single_file" else ref.id
    if not source or ref.kind not in CLIP_KINDS:
        return None
    if Path(source).is_dir():
        folder = Path(source) / "tokenizer"
    else:  # a Hugging Face id: only what is in the cache, never the network
        from huggingface_hub import try_to_load_from_cache  # lazy (~0.2 s): comes with diffusers

        cached = [try_to_load_from_cache(source, f"tokenizer/{files[0]}") for files in _TOKENIZER_FILES]
        found = [Path(path).parent for path in cached if isinstance(path, str)]
        folder = found[0] if found else None
    if folder is None or not any(all((folder / f).is_file() for f in files) for files in _TOKENIZER_FILES):
        return None
    return folder


def embeddings(pipe, prompt: str, negative: str):
    """The prompt's and the negative prompt's text embeddings, as A1111 makes them: ``(cond, uncond)``.

    Each is ``1 × 77·chunks × width``; the shorter is padded with encoded empty chunks (A1111's
    "pad prompt/negative prompt to be same length"), since guidance needs both of one size.
    """
    cond, uncond = _encode(pipe, prompt), _encode(pipe, negative)
    if cond.shape[1] < uncond.shape[1]:
        cond = _pad(pipe, cond, uncond.shape[1])
    elif uncond.shape[1] < cond.shape[1]:
        uncond = _pad(pipe, uncond, cond.shape[1])
    return cond, uncond


def _pad(pipe, z, length: int):
    """``z`` made ``length`` tokens long with encoded empty chunks."""
    import torch  # lazy: the app starts without torch

    empty = _encode(pipe, "")
    return torch.cat([z, empty.repeat(1, (length - z.shape[1]) // empty.shape[1], 1)], dim=1)


def _encode(pipe, prompt: str):
    """One prompt through the text encoder, chunk by chunk, each token's vector scaled by its weight."""
    import torch  # lazy: the app starts without torch

    tokenizer, encoder = pipe.tokenizer, pipe.text_encoder
    start, end = tokenizer.bos_token_id, tokenizer.eos_token_id
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else end
    chunks, _ = split(tokenizer, prompt)
    ids, weights = [], []
    for chunk in chunks:
        padding = CHUNK - len(chunk.tokens)
        # SD 1.x pads with the end token, SD 2.x with its own pad token, after one end token
        ids.append([start, *chunk.tokens, end] + [pad] * padding)
        weights.append([1.0, *chunk.weights, 1.0] + [1.0] * padding)
    device = encoder.device
    z = encoder(torch.tensor(ids, device=device))[0]  # chunks × 77 × width
    z = _emphasize(z, torch.tensor(weights, device=device, dtype=z.dtype))
    return z.reshape(1, -1, z.shape[-1])


def _emphasize(z, weights):
    """A1111's "Original" emphasis: each token's vector × its weight, then the chunk's mean restored."""
    import torch  # lazy: the app starts without torch

    original = z.mean(dim=(1, 2), keepdim=True)
    z = z * weights.unsqueeze(-1)
    new = z.mean(dim=(1, 2), keepdim=True)
    # an untrained encoder's outputs (the demo's) average to zero: there is no mean to restore
    tiny = 1e-6 * z.abs().mean(dim=(1, 2), keepdim=True)
    restore = (original.abs() > tiny) & (new.abs() > tiny)
    return z * torch.where(restore, original / new, torch.ones_like(new))
