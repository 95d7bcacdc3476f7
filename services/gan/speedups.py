"""Speed-ups of the plain Algorithm 1 trainer, kept apart from it (as unet_graphs.py is from the U-Net).

``speed_up(trainer)`` changes how a fresh ``Trainer`` computes, never what: the same
iterations, losses and updates, in a faster memory layout, precision and launch.
At DCGAN's sizes most of the time of a plain iteration goes to overheads, not arithmetic:

1. channels-last tensors: the layout oneDNN's convolutions (CPU) and tensor cores (CUDA) read fastest;
2. fused Adam: one kernel updates every weight, instead of a loop of small ones;
3. bfloat16 convolutions where the hardware computes them faster than float32 (CPUs with AMX,
   CUDA GPUs since Ampere), while weights, Adam and losses stay float32; ``precision="fp32"``
   turns it off;
4. on CUDA, the whole iteration recorded once as a CUDA graph and replayed: the GPU would
   otherwise wait for Python to launch a few hundred small kernels per iteration.

On a CPU the convolutions themselves take 80-88% of an iteration, at 28 px as at 64 px, and
oneDNN already runs them near the core's float32 peak: what is left to gain there is small
unless the CPU has bfloat16 matrix units (AMX). ``torch.compile`` was measured and left out
(benchmarks/gan_train.py ``--compile``: no faster, and a compile longer than half a run).
"""

import functools

import torch

from services.common.compute import fast_bfloat16
from services.gan.trainer import Trainer

GRAPH_WARMUP = 3  # eager iterations on CUDA before one is recorded as a CUDA graph


def speed_up(trainer: Trainer, cuda_graph: bool = True) -> Trainer:
    """The fresh ``trainer``, made fast for its device; ``cuda_graph=False`` leaves out step 4
    (to see what it is worth)."""
    if trainer.step_count or trainer.opt_g.state or trainer.opt_d.state:
        raise ValueError("speed up a trainer before it trains, then load its checkpoint")
    device = trainer.device.type
    graphed = cuda_graph and device == "cuda"
    if device in ("cpu", "cuda"):
        # 1. channels-last weights and data
        for model in (trainer.generator, trainer.discriminator):
            model.to(memory_format=torch.channels_last)
        trainer.data = trainer.data.contiguous(memory_format=torch.channels_last)
        # 2. fused Adam; "capturable" keeps its step counter on the GPU, so a graph can replay the update
        trainer.opt_g = _fused(trainer.opt_g, trainer.generator, capturable=graphed)
        trainer.opt_d = _fused(trainer.opt_d, trainer.discriminator, capturable=graphed)
    # 3. bfloat16 where it is faster; a graph replays kernels, not Python, so autocast's cache
    # of weights cast to bfloat16 would go stale under it
    if trainer.cfg.precision == "auto" and fast_bfloat16(device):
        trainer.autocast = functools.partial(
            torch.autocast, device, dtype=torch.bfloat16, cache_enabled=not graphed
        )
    # 4. the iteration replayed from a CUDA graph
    if graphed:
        GraphedIteration.install(trainer)
    return trainer


def _fused(optimizer: torch.optim.Adam, model: torch.nn.Module, capturable: bool) -> torch.optim.Adam:
    """The same Adam (rate and betas), as one fused kernel."""
    group = optimizer.param_groups[0]
    return torch.optim.Adam(
        model.parameters(), lr=group["lr"], betas=group["betas"], fused=True, capturable=capturable
    )


class GraphedIteration:
    """Stands in for ``trainer.iteration`` on CUDA: a few eager iterations, then one recorded
    as a CUDA graph, replayed from then on. The graph draws from the trainer's random
    generator, so each replay takes fresh noise and minibatches."""

    def __init__(self, trainer: Trainer):
        self.eager = trainer.iteration
        self.rng = trainer.rng
        self.device = trainer.device
        self.forget()

    @classmethod
    def install(cls, trainer: Trainer) -> "GraphedIteration":
        graphed = cls(trainer)
        trainer.iteration = graphed
        load_state = trainer.load_state

        @functools.wraps(load_state)
        def load_and_forget(tensors: dict) -> None:
            load_state(tensors)
            graphed.forget()  # the graph points at the optimizer state just replaced

        trainer.load_state = load_and_forget
        return graphed

    def forget(self) -> None:
        self.graph = self.stats = None  # the recorded iteration and its output, once captured
        self.eager_runs = 0  # iterations run eagerly since the last (re)start: the warm-up

    def __call__(self) -> torch.Tensor:
        if self.graph is not None:
            self.graph.replay()
            return self.stats.clone()  # the next replay overwrites the graph's own
        if self.eager_runs < GRAPH_WARMUP:  # lazy set-up (cuDNN plans, Adam state) must precede capture
            self.eager_runs += 1
            side = torch.cuda.Stream(self.device)
            side.wait_stream(torch.cuda.current_stream(self.device))
            with torch.cuda.stream(side):
                stats = self.eager()
            torch.cuda.current_stream(self.device).wait_stream(side)
            return stats
        graph = torch.cuda.CUDAGraph()
        graph.register_generator_state(self.rng)  # each replay draws new noise and batches
        with torch.cuda.graph(graph, capture_error_mode="thread_local"):  # other sessions may use the GPU
            stats = self.eager()  # recorded, not run
        self.graph, self.stats = graph, stats
        return self()
