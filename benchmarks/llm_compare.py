"""Does a comparison gain from running its cells concurrently? Wall time of N cells, concurrent vs one by one.

The reference is the same cells run sequentially in the same process, through the same
``endpoints.stream_chat`` the lab uses. Measured on the embedded local model as the app runs it
(one llama.cpp server process; it generates one answer at a time and queues the rest),
on K local server processes sharing the CPU (``--servers``), and on any OpenAI-compatible
endpoint given with ``--base-url``/``--model`` or OPENAI_BASE_URL/OPENAI_MODEL/OPENAI_API_KEY.

    python benchmarks/llm_compare.py --cells 4 --max-tokens 48 --servers 2

The last line is the headline for the local model as the app runs it, e.g.
``speedup 1.0x (4 cells concurrent 6.1 s, sequential 6.0 s, local) 42 tok/s``.
"""

import argparse
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.llm import endpoints, local_server, tasks  # noqa: E402


def cells(targets: list[endpoints.Endpoint], count: int) -> list[tuple[endpoints.Endpoint, list[dict]]]:
    """``count`` different English tasks, dealt round-robin to the endpoints."""
    return [
        (
            targets[i % len(targets)],
            [{"role": "user", "content": tasks.TASKS[i % 10].text("easy", "en")}],
        )
        for i in range(count)
    ]


def run(work, params: endpoints.Params, concurrent: bool) -> tuple[float, list[endpoints.Reply]]:
    def ask(cell):
        endpoint, messages = cell
        return endpoints.stream_chat(endpoint, messages, params, temperature=0.0)

    started = time.perf_counter()
    if concurrent:
        with ThreadPoolExecutor(len(work)) as pool:
            replies = list(pool.map(ask, work))
    else:
        replies = [ask(cell) for cell in work]
    return time.perf_counter() - started, replies


def tokens_per_s(replies: list[endpoints.Reply], seconds: float) -> float:
    return sum(r.completion_tokens or r.chunks for r in replies) / seconds


def compare(name: str, targets: list[endpoints.Endpoint], args) -> tuple[float, float, float, float]:
    params = endpoints.Params(max_tokens=args.max_tokens, seed=0, timeout_s=600)
    work = cells(targets, args.cells)
    run(work[: len(targets)], endpoints.Params(max_tokens=4), concurrent=True)  # warm up every server
    sequential, replies = run(work, params, concurrent=False)
    concurrent, _ = run(work, params, concurrent=True)
    speed = tokens_per_s(replies, sequential)
    print(
        f"{name:>24}: sequential {sequential:6.1f} s, concurrent {concurrent:6.1f} s, "
        f"speedup {sequential / concurrent:4.2f}x, {speed:5.1f} tok/s one at a time",
        flush=True,
    )
    return sequential / concurrent, concurrent, sequential, speed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=4)
    parser.add_argument("--max-tokens", type=int, default=48)
    parser.add_argument(
        "--servers", type=int, nargs="*", default=[2], help="also try K local server processes"
    )
    parser.add_argument("--base-url", default=os.environ.get("OPENAI_BASE_URL"))
    parser.add_argument("--model", default=os.environ.get("OPENAI_MODEL", endpoints.DEFAULT_MODEL))
    args = parser.parse_args()
    print(
        f"{os.cpu_count()} CPU cores; {args.cells} cells of at most {args.max_tokens} tokens, temperature 0"
    )

    if args.base_url:
        remote = endpoints.Endpoint(
            args.model, endpoints.check_base_url(args.base_url), os.environ.get("OPENAI_API_KEY", "")
        )
        compare(f"{remote.label}", [remote], args)

    extra_servers = []
    try:
        for count in args.servers:
            threads = max(1, (os.cpu_count() or 2) // count)
            servers = [local_server.LocalServer(threads) for _ in range(count)]
            extra_servers += servers
            targets = [endpoints.Endpoint(local_server.MODEL_NAME, server.ensure()) for server in servers]
            compare(f"{count} servers × {threads} threads", targets, args)
            for server in servers:
                server.stop()
        print(f"local server: {local_server.LOCAL.threads} threads (what the app runs)")
        speedup, concurrent, sequential, speed = compare(
            "local (as the app runs)", [endpoints.local_endpoint()], args
        )
    finally:
        for server in extra_servers:
            server.stop()
        local_server.LOCAL.stop()
    print(
        f"speedup {speedup:.1f}x ({args.cells} cells concurrent {concurrent:.1f} s, "
        f"sequential {sequential:.1f} s, local) {speed:.0f} tok/s"
    )


if __name__ == "__main__":
    main()
