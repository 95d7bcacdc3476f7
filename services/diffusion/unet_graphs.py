"""The denoising U-Net replayed from CUDA graphs, one per input shape.

A Stable Diffusion step launches about a thousand small kernels, and the noise of each
step is drawn on the CPU (A1111's seeds), which makes the host wait for the GPU once per
step. Where the host CPU is slow next to its GPU, issuing those kernels one by one sets the
pace and float16 is hardly faster than float32. A CUDA graph records the launches of one
U-Net call and replays them at once: the first call with a new shape runs as usual (cuDNN
and cuBLAS pick their kernels), the second records the graph, every later one copies its
inputs into the graph's and replays it.

Only the plain call of the Stable Diffusion pipelines under ``torch.inference_mode`` is
replayed (sample, timestep and text embeddings, no extra conditioning); anything else,
and every call while a LoRA is loaded, runs as usual.
"""

from __future__ import annotations

from collections import OrderedDict

MAX_GRAPHS = 4  # input shapes kept recorded (size x batch); the oldest is dropped first


class GraphedUNet:
    """Stands in for ``unet.forward``; ``install(unet)`` puts it there."""

    def __init__(self, unet):
        self.eager = unet.forward
        self.enabled = True  # off: every call runs as usual (to compare, or to rule graphs out)
        self.lora_loaded = False  # LoRA layers change the modules between requests: run as usual
        self.reset()

    def reset(self) -> None:
        """Forget the recorded graphs (the U-Net's modules changed)."""
        import torch  # lazy here and below: torch loads only once a model does

        self.graphs: OrderedDict[tuple, tuple] = OrderedDict()  # shape key -> (graph, inputs, output)
        self.seen: set[tuple] = set()  # shapes run once: the next call records them
        # one memory pool shared by the graphs (they never run at once); a new one after a
        # reset, since a pool whose graphs are all gone cannot take new ones
        self.pool = torch.cuda.graph_pool_handle()

    def __call__(self, sample, timestep, encoder_hidden_states, *args, return_dict: bool = True, **kwargs):
        import torch

        plain = not args and all(value is None for value in kwargs.values())
        replayable = self.enabled and not self.lora_loaded and plain and torch.is_tensor(timestep)
        if not (replayable and torch.is_inference_mode_enabled()):
            return self.eager(
                sample, timestep, encoder_hidden_states, *args, return_dict=return_dict, **kwargs
            )
        inputs = (sample, timestep, encoder_hidden_states)
        key = tuple((tuple(x.shape), x.dtype, x.device) for x in inputs)
        if key not in self.graphs:
            if key not in self.seen:
                self.seen.add(key)
                return self.eager(*inputs, return_dict=return_dict)
            self._record(key, inputs)
        graph, static_inputs, static_output = self.graphs[key]
        self.graphs.move_to_end(key)
        for static, value in zip(static_inputs, inputs, strict=True):
            static.copy_(value)
        graph.replay()
        output = static_output.clone()  # the next replay overwrites the graph's own
        if return_dict:
            from diffusers.models.unets.unet_2d_condition import UNet2DConditionOutput  # lazy: as torch

            return UNet2DConditionOutput(sample=output)
        return (output,)

    def _record(self, key: tuple, inputs: tuple) -> None:
        import torch

        static_inputs = tuple(x.clone() for x in inputs)
        graph = torch.cuda.CUDAGraph()
        # thread_local: another session's work on the GPU does not break the recording
        with torch.cuda.graph(graph, pool=self.pool, capture_error_mode="thread_local"):
            static_output = self.eager(*static_inputs, return_dict=False)[0]
        self.graphs[key] = (graph, static_inputs, static_output)
        while len(self.graphs) > MAX_GRAPHS:
            self.graphs.popitem(last=False)


def install(unet) -> GraphedUNet:
    """Replay ``unet``'s calls from CUDA graphs from now on; returns the stand-in (to reset or disable it)."""
    graphed = GraphedUNet(unet)
    unet.forward = graphed
    return graphed
