"""Does a comparison gain from running its cells concurrently? Wall time of N cells, concurrent vs one by one.

The reference is the same cells asked one by one in the same process, through the same
``endpoints.stream_chat`` the lab uses. Measured on the embedded local model as the app runs
it: a pool of llama.cpp server processes sized to the cores (``local_server.LocalPool``; the
Python server has no parallel slots of its own), one answer per server at a time. Other pool
sizes can be tried with ``--sizes`` (1: one server, one answer at a time), and any OpenAI-compatible endpoint with ``--base-url``/
``--model`` or OPENAI_BASE_URL/OPENAI_MODEL/OPENAI_API_KEY.

Then both again while Lab 1 trains a GAN in this process (the app's trainer in a thread, as
a training job runs): a fair comparison leaves the training at least its fair share of the
CPU, half of its speed alone, since two jobs share the machine.

    python benchmarks/llm_compare.py --cells 4 --max-tokens 48

The last line is the headline for the local model as the app runs it, e.g.
``speedup 1.51x (4 cells concurrent 6.1 s, sequential 9.2 s, local, pool of 2) 42 tok/s``.
"""

import argparse
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import services.common.compute  # noqa: E402, F401  (as in the app: the OpenMP wait policy, before torch)
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


def compare(name: str, targets: list[endpoints.Endpoint], args, gan=None) -> dict:
    """Sequential and concurrent wall time of the cells; with ``gan``, its speed during each."""
    params = endpoints.Params(max_tokens=args.max_tokens, seed=0, timeout_s=600)
    work = cells(targets, args.cells)
    run(work, endpoints.Params(max_tokens=4), concurrent=True)  # warm up every server
    result = {}
    for mode in ("sequential", "concurrent"):
        before = gan.mark() if gan else None
        result[mode], replies = run(work, params, concurrent=mode == "concurrent")
        result[f"gan {mode}"] = gan.rate_since(before) if gan else None
        result[f"{mode} texts"] = [r.text for r in replies]
        if mode == "sequential":
            result["tok/s"] = tokens_per_s(replies, result[mode])
    result["speedup"] = result["sequential"] / result["concurrent"]
    same = sum(a == b for a, b in zip(result["sequential texts"], result["concurrent texts"], strict=True))
    print(
        f"{name:>36}: sequential {result['sequential']:6.1f} s, concurrent {result['concurrent']:6.1f} s, "
        f"speedup {result['speedup']:4.2f}x, {result['tok/s']:5.1f} tok/s one at a time, "
        f"{same} of {len(work)} answers the same",
        flush=True,
    )
    return result


class GanTraining:
    """Lab 1's trainer training in a thread, as a training job does, counting its iterations."""

    def __init__(self):
        from services.gan import config, data
        from services.gan.speedups import speed_up
        from services.gan.trainer import Trainer

        cfg = replace(config.DEFAULT, size=28, channels=1)
        self.images_per_step = cfg.batch * cfg.k
        self.trainer = speed_up(Trainer(cfg, data.load_builtin("shapes", 28, 1).images))
        self.steps = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._train, daemon=True)

    def _train(self) -> None:
        while not self.stop.is_set():
            self.trainer.steps(1)
            self.steps += 1

    def __enter__(self):
        self.thread.start()
        time.sleep(2.0)  # past the first iterations' set-up
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    def mark(self) -> tuple[float, int]:
        return time.perf_counter(), self.steps

    def rate_since(self, mark: tuple[float, int]) -> float:
        """Images per second since ``mark``."""
        began, steps = mark
        return (self.steps - steps) * self.images_per_step / (time.perf_counter() - began)

    def rate_alone(self, seconds: float) -> float:
        mark = self.mark()
        time.sleep(seconds)
        return self.rate_since(mark)


def together(pool: local_server.LocalPool, args) -> None:
    """The comparison and a GAN training at the same time: what each gets."""
    with GanTraining() as gan:
        alone = gan.rate_alone(args.gan_seconds)
        result = compare("local, while a GAN trains", [endpoints.local_endpoint()], args, gan)
        after = gan.rate_alone(args.gan_seconds)
    alone = (alone + after) / 2  # before and after, in case the machine's load changed meanwhile
    shares = {mode: result[f"gan {mode}"] / alone for mode in ("sequential", "concurrent")}
    print(
        f"GAN training: {alone:.0f} img/s alone, {result['gan sequential']:.0f} img/s "
        f"({shares['sequential']:.0%}) beside the sequential comparison, "
        f"{result['gan concurrent']:.0f} img/s ({shares['concurrent']:.0%}) beside the concurrent one "
        f"(fair share: 50%); the comparison's speedup meanwhile {result['speedup']:.2f}x",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=4)
    parser.add_argument("--max-tokens", type=int, default=48)
    parser.add_argument("--sizes", type=int, nargs="*", default=[], help="also try pools of these sizes")
    parser.add_argument("--no-gan", action="store_true", help="leave out the run beside a GAN training")
    parser.add_argument("--gan-seconds", type=float, default=5.0, help="GAN speed alone: measured this long")
    parser.add_argument("--base-url", default=os.environ.get("OPENAI_BASE_URL"))
    parser.add_argument("--model", default=os.environ.get("OPENAI_MODEL", endpoints.DEFAULT_MODEL))
    args = parser.parse_args()
    pool = local_server.LOCAL
    print(
        f"{os.cpu_count()} CPU cores, load {os.getloadavg()[0]:.1f}; {args.cells} cells of at most "
        f"{args.max_tokens} tokens, temperature 0"
    )

    if args.base_url:
        remote = endpoints.Endpoint(
            args.model, endpoints.check_base_url(args.base_url), os.environ.get("OPENAI_API_KEY", "")
        )
        compare(f"{remote.label}", [remote], args)

    try:
        for size in args.sizes:
            other = local_server.LocalPool(size)
            try:  # cells dealt round-robin to its servers
                targets = [endpoints.Endpoint(local_server.MODEL_NAME, s.ensure()) for s in other.servers]
                compare(f"pool of {size} × {other.servers[0].threads} threads", targets, args)
            finally:
                other.stop()
        threads = pool.servers[0].threads
        name = f"local (as the app runs: {pool.size} × {threads} threads)"
        result = compare(name, [endpoints.local_endpoint()], args)
        if not args.no_gan:
            together(pool, args)
    finally:
        pool.stop()
    print(
        f"speedup {result['speedup']:.2f}x ({args.cells} cells concurrent {result['concurrent']:.1f} s, "
        f"sequential {result['sequential']:.1f} s, local, pool of {pool.size}) {result['tok/s']:.0f} tok/s"
    )


if __name__ == "__main__":
    main()
