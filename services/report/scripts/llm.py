"""Lab 3: a standalone script that sends the requests of a comparison again (the openai client,
no GenLab import). No key is ever written into it: it reads OPENAI_API_KEY."""

from __future__ import annotations

from string import Template
from urllib.parse import urlparse

from services.report.inputs import Comparison
from services.report.scripts.common import Script, assignments, file_stem, literal
from services.report.scripts.llm_template import LOCAL_NOTE, TEMPLATE

LOCAL = "local"  # how a comparison names the embedded model's server
LOCAL_URL = "http://127.0.0.1:8000/v1"  # llama.cpp server's own default port


def llm_script(comparison: Comparison) -> Script:
    servers = _servers(comparison)
    requests = [
        {
            "label": _label(a.task, a.level, a.style, a.lang, a.model, a.temperature),
            "server": _server_name(a.base_url),
            "model": a.model,
            "temperature": a.temperature,
            "messages": a.messages,
        }
        for a in comparison.answers
    ]
    params = comparison.params
    filename = f"llm_{file_stem(comparison.title, 'comparison')}.py"
    settings = "\n".join(
        [
            _servers_block(servers),
            assignments(
                [
                    ("MAX_TOKENS", params.get("max_tokens", 200), "the longest answer, in tokens"),
                    ("TOP_P", params.get("top_p", 1.0), "nucleus sampling"),
                    ("SEED", params.get("seed"), "servers that honour it repeat an answer"),
                ]
            ),
            "REQUESTS = " + literal(requests),
        ]
    )
    code = Template(TEMPLATE).substitute(
        heading=f"Lab 3 · LLM comparison: {comparison.title}",
        filename=filename,
        local_note=LOCAL_NOTE if LOCAL in servers else "",
        settings=settings,
    )
    return Script(filename, code, settings)


def _servers(comparison: Comparison) -> dict[str, str]:
    """Server name -> base URL, in the order the answers first use them."""
    found: dict[str, str] = {}
    for answer in comparison.answers:
        found.setdefault(_server_name(answer.base_url), answer.base_url)
    return found


def _server_name(base_url: str) -> str:
    return LOCAL if base_url == LOCAL else urlparse(base_url).hostname or base_url


def _servers_block(servers: dict[str, str]) -> str:
    lines = ["SERVERS = {  # where each request goes: OpenAI-compatible base URLs"]
    for name, url in servers.items():
        if name == LOCAL:
            value = f'os.environ.get("LOCAL_BASE_URL", {literal(LOCAL_URL)})'
            lines.append(f"    {literal(name)}: {value},  # GenLab's embedded model")
        else:
            lines.append(f"    {literal(name)}: {literal(url)},")
    return "\n".join(lines + ["}"])


def _label(task: int, level: str, style: str, lang: str, model: str, temperature: float) -> str:
    return f"task {task} · {level} · {style} · {lang} · {model} · t={temperature:g}"
