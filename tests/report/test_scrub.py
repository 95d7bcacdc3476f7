"""The scrubber: keys, tokens and server paths out; code, numbers and URLs as they were."""

from dataclasses import dataclass

import pytest

from services.report.scrub import HIDDEN, Scrubber, clean

SCRUB = Scrubber(secrets=["the-students-own-secret"], environ={"KAGGLE_KEY": "k" * 8 + "0123456789abcdef"})


@pytest.mark.parametrize(
    "text",
    [
        "my key is sk-proj-AbCdEf0123456789xyzXYZ, keep it",
        "OPENAI_API_KEY=sk-abcdefghijklmnop1234",
        "hf_abcdefghijklmnopqrstuvwxyz012345",
        "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        "KGAT_0123456789abcdef0123",
        "KAGGLE_KEY=0123456789abcdef0123456789abcdef",
        '{"api_key": "zz9zz9zz9zz9"}',
        "Authorization: Bearer abc.def-123456789",
        "kkkkkkkk0123456789abcdef in a log line",
        "they typed the-students-own-secret into a prompt",
        "token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    ],
)
def test_secrets_are_hidden(text):
    scrubbed = SCRUB(text)
    assert HIDDEN in scrubbed
    for part in (
        "AbCdEf0123",
        "abcdefghijklmnop1234",
        "0123456789abcdef",
        "zz9zz9",
        "abc.def-123",
        "own-secret",
    ):
        assert part not in scrubbed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("data in /srv/genlab/data/flowers", "data in flowers"),
        ('Path("/home/ivan/kaggle/animal-faces/")', 'Path("animal-faces")'),
        ("model ~/models/tiny-sd", "model tiny-sd"),
        (r"C:\Users\ivan\Pictures\cats", "cats"),
        ("https://user:secret@example.com/v1", "https://example.com/v1"),
        ("https://example.com/v1/models?api_key=abc123&x=1", "https://example.com/v1/models?api_key=***&x=1"),
    ],
)
def test_paths_keep_their_last_part_and_urls_lose_credentials(text, expected):
    assert SCRUB(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'client = OpenAI(base_url=url, api_key=os.environ.get("OPENAI_API_KEY") or "none")',
        "max_tokens=200, tokens_in: 35, top_p=1.0",
        "https://api.openai.com/v1 and http://127.0.0.1:8000/v1",
        "loss = (a + b)/n/2; ratio 1/2; km/h; input/output; f'{step}/{total}'",
        "each token: represents a piece of a word",
        "nn.ConvTranspose2d(G_WIDTH * 4, G_WIDTH * 2, 4, 2, 1, bias=False),",
    ],
)
def test_code_numbers_and_urls_are_left_alone(text):
    assert SCRUB(text) == text


def test_keys_in_the_environment_are_known_secrets():
    scrub = Scrubber(environ={"OPENAI_API_KEY": "plainkey12345", "HF_TOKEN": "abc", "PATH": "/usr/bin:/bin"})
    assert scrub("plainkey12345 here") == f"{HIDDEN} here"
    assert scrub("abc stays: too short to be a key") == "abc stays: too short to be a key"


@dataclass
class Inner:
    text: str
    picture: bytes
    count: int


@dataclass
class Outer:
    items: list
    settings: dict
    pair: tuple


def test_clean_scrubs_every_string_in_a_tree_and_keeps_bytes_and_numbers():
    picture = b"\x89PNG sk-abcdefghijklmnop1234"
    tree = Outer([Inner("key sk-abcdefghijklmnop1234", picture, 3)], {"path": "/srv/x/y"}, ("a", "/srv/a/b"))
    cleaned = clean(tree, Scrubber(environ={}))
    assert cleaned.items[0].text == f"key {HIDDEN}"
    assert cleaned.items[0].picture is picture and cleaned.items[0].count == 3
    assert cleaned.settings == {"path": "y"} and cleaned.pair == ("a", "b")
    assert tree.items[0].text.startswith("key sk-")  # the input is not changed
