"""Nothing secret or local leaves the server in a report or a script.

``Scrubber`` rewrites a text so that it holds no API key or token (by its known value, by
the shapes providers give their keys, or by the name it is assigned to), no credentials in
a URL, and no absolute path of the server: a path keeps only its last part, the name a
student recognises ("flowers", "tiny-sd"). ``clean`` applies it to every string in a tree of
dataclasses, lists and dicts: the builders pass their input through it before anything is
drawn, and the finished document once more.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Mapping

HIDDEN = "***"
MIN_SECRET = 8  # shorter values (a "1", a "true") would blank out ordinary words

# Key shapes of the services a student may use; each is long and specific enough not to
# match ordinary text.
_TOKEN_SHAPES = [
    r"sk-(?:proj-|ant-|or-v1-)?[A-Za-z0-9_-]{16,}",  # OpenAI, Anthropic, OpenRouter
    r"hf_[A-Za-z0-9]{20,}",  # Hugging Face
    r"gh[pousr]_[A-Za-z0-9]{20,}",  # GitHub
    r"github_pat_[A-Za-z0-9_]{20,}",
    r"AKIA[0-9A-Z]{16}",  # AWS access key id
    r"AIza[0-9A-Za-z_-]{30,}",  # Google
    r"xox[abprs]-[A-Za-z0-9-]{10,}",  # Slack
    r"gsk_[A-Za-z0-9]{20,}",  # Groq
    r"KGAT_[A-Za-z0-9]{16,}",  # Kaggle API token
    r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}",  # a JWT
]
_TOKENS = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(_TOKEN_SHAPES) + r")")
# a value assigned to a name that ends like a secret's (api_key="...", KAGGLE_KEY=..., "token": "..."),
# when it looks like one: 8 characters or more, a digit among them ("max_tokens=200" stays)
_ASSIGNED = re.compile(
    r"""(?ix)
    (\b[\w-]*?(?:api[_-]?key|secret|token|password|passwd|kaggle[_-]?key)\b["']?\s*[:=]\s*["']?)
    ((?=[\w.~+/=-]*\d)[\w.~+/=-]{8,})
    """
)
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}")
_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@:]+:[^/\s@]+@")
_URL_KEY_PARAMS = re.compile(r"(?i)([?&](?:api[_-]?key|key|token|access_token|sig|signature)=)[^&\s#\"']+")
# an absolute path: /x/y... (two parts at least) or C:\x; not a URL's path, a fraction, "km/h", "(a+b)/n"
_POSIX_PATH = re.compile(r"(?<![\w:/.~)\]}-])(?:~|/)(?:/?[\w.@+-]+)*/([\w.@+-]+)/?")
_WINDOWS_PATH = re.compile(r"(?i)\b[a-z]:\\(?:[^\\\s\"'<>|:*?]+\\)*([^\\\s\"'<>|:*?]+)\\?")
_SECRET_NAME = re.compile(r"(?i)(key|token|secret|password|passwd|credential)")


class Scrubber:
    """Rewrites texts: known secrets, token-shaped strings and absolute paths out."""

    def __init__(self, secrets: Iterable[str] = (), environ: Mapping[str, str] | None = None):
        environ = os.environ if environ is None else environ
        known = {str(s) for s in secrets if s}
        # what the server holds under a secret-sounding name: keys set for the openai client or kagglehub
        known |= {value for name, value in environ.items() if _SECRET_NAME.search(name)}
        known |= {environ.get("KAGGLE_USERNAME", "")}
        self.secrets = sorted((s for s in known if len(s) >= MIN_SECRET), key=len, reverse=True)
        self._seen: dict[str, str] = {}  # short texts repeat (the keys of thousands of metrics rows)

    def __call__(self, text: str) -> str:
        if len(text) > 64:
            return self._scrub(text)
        if text not in self._seen:
            self._seen[text] = self._scrub(text)
        return self._seen[text]

    def _scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, HIDDEN)
        text = _TOKENS.sub(HIDDEN, text)
        text = _ASSIGNED.sub(lambda m: m.group(1) + HIDDEN, text)
        text = _BEARER.sub(lambda m: f"{m.group(1)} {HIDDEN}", text)
        text = _URL_CREDENTIALS.sub(lambda m: m.group(1), text)
        text = _URL_KEY_PARAMS.sub(lambda m: m.group(1) + HIDDEN, text)
        text = _POSIX_PATH.sub(lambda m: m.group(1), text)
        return _WINDOWS_PATH.sub(lambda m: m.group(1), text)


def secret_values(settings: Mapping, section: str = "") -> tuple[str, ...]:
    """The values of an app's secrets (``st.secrets``, with its sections) that must never appear: those
    under a secret-sounding name, or in a section so named. A model's name or a server's URL kept
    there stays readable in the report; a key in a URL is hidden by its shape anyway."""
    found: list[str] = []
    for name, value in settings.items():
        if isinstance(value, Mapping):
            found += secret_values(value, f"{section}.{name}")
        elif _SECRET_NAME.search(f"{section}.{name}"):
            found.append(str(value))
    return tuple(found)


def clean(value, scrub: Scrubber):
    """A copy of ``value`` (dataclasses, lists, tuples, dicts, strings) with every string scrubbed;
    bytes (pictures) and numbers are kept as they are."""
    if isinstance(value, str):
        return scrub(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: clean(getattr(value, f.name), scrub) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list | tuple):
        return type(value)(clean(item, scrub) for item in value)
    if isinstance(value, dict):
        return {clean(k, scrub) if isinstance(k, str) else k: clean(v, scrub) for k, v in value.items()}
    return value
