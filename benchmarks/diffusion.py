"""Lab 2's generation service against a direct diffusers call, in one process.

1. Overhead (any device): seconds per denoising step through ``generate.generate`` (request
   checks, the shared model cache, the accelerator lock, a fresh scheduler, A1111 seeds and
   infotext, per-step callbacks) against calling the very same pipeline object directly with
   the same prompt, steps, size, sampler and seed, under the same ``torch.inference_mode``.
   Warm-up calls are excluded; each round runs every contender, each going first in turn, so
   a noisy, shared machine slows all alike; the figure compares the medians.
2. Speed-up (only where CUDA is present): a full-size SD 1.5 architecture (U-Net, VAE and
   CLIP text encoder built from their configs, random weights) saved as a diffusers folder,
   generated at 512x512 through the service with the app's settings (float16, channels-last
   U-Net replayed from CUDA graphs, SDPA attention) against diffusers' defaults
   (``from_pretrained`` in float32, ``.to("cuda")``), and through the service with its CUDA
   graphs turned off. Random weights cost exactly as much compute as trained ones.
3. CPU figure (where CUDA is not present): the same SD 1.5 architecture, one 512x512 image of
   a few steps through the service with the app's CPU settings (``pipelines._dtype``:
   bfloat16 on a CPU with AMX, else float32; OpenMP threads that sleep while they wait,
   ``compute``) against diffusers' float32 defaults, seconds per step with the text encoder
   and VAE included, and the PSNR of the two images. Measured and not kept, since they did
   not win on a Xeon without AMX: bfloat16 autocast (0.6x), channels-last U-Net (1.0x);
   diffusers' default attention is already SDPA.

    python benchmarks/diffusion.py [--size 128] [--steps 10] [--rounds 21] [--gpu-steps 20] [--cpu-steps 3]
    python benchmarks/diffusion.py --check-sd15   # build the SD 1.5 architecture on CPU, one tiny step

The last line is the headline: the service's overhead; the CPU figure comes just before it.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# first, as in the app: importing compute sets the OpenMP wait policy that torch reads once
from services.common import compute  # noqa: E402

# isort: split
import numpy as np  # noqa: E402
import torch  # noqa: E402
from diffusers import AutoencoderKL, PNDMScheduler, StableDiffusionPipeline, UNet2DConditionModel  # noqa: E402
from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer  # noqa: E402

from services.diffusion import demo, pipelines  # noqa: E402
from services.diffusion.generate import GenRequest, generate  # noqa: E402
from services.diffusion.models import ModelRef, model_ref  # noqa: E402

PROMPT = "a red fox in the snow, photo"


def direct_call(pipe, request: GenRequest):
    """The diffusers call a notebook would make for ``request``."""
    generator = torch.Generator("cpu").manual_seed(request.seed)
    return pipe(
        prompt=request.prompt,
        negative_prompt=request.negative_prompt or None,
        num_inference_steps=request.steps,
        guidance_scale=request.cfg_scale,
        width=request.width,
        height=request.height,
        generator=generator,
    ).images[0]


def timed(fn, device: str) -> float:
    compute.synchronize(device)
    start = time.perf_counter()
    fn()
    compute.synchronize(device)
    return time.perf_counter() - start


def overhead(ref: ModelRef, request: GenRequest, rounds: int) -> dict[str, list[float]]:
    """Seconds per step, round by round: the service, and the same pipeline called directly.

    The service runs the pipeline under ``torch.inference_mode``; the direct call is timed
    both that way (the like-for-like reference) and as diffusers runs it by default, under
    ``no_grad``, to show what inference mode itself is worth.
    """
    device = compute.device()
    generate(ref, request)  # warm-up, and the scheduler the direct call then uses
    pipe = pipelines.load(ref).pipeline("txt2img")

    def direct_inference_mode():
        with torch.inference_mode():
            direct_call(pipe, request)

    contenders = {
        "service": lambda: generate(ref, request),
        "direct": direct_inference_mode,
        "no_grad": lambda: direct_call(pipe, request),
    }
    for run in contenders.values():
        run()  # warm-up
    times = {name: [] for name in contenders}
    names = list(contenders)
    for number in range(rounds):
        for name in names[number % 3 :] + names[: number % 3]:  # each goes first in turn
            times[name].append(timed(contenders[name], device) / request.steps)
    return times


def sd15_folder(folder: Path) -> Path:
    """SD 1.5's architecture with random weights, saved as a diffusers folder (about 4 GB in float32)."""
    torch.manual_seed(0)
    unet = UNet2DConditionModel(  # stable-diffusion-v1-5/unet/config.json
        sample_size=64,
        block_out_channels=(320, 640, 1280, 1280),
        layers_per_block=2,
        cross_attention_dim=768,
        attention_head_dim=8,
        down_block_types=("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",),
        up_block_types=("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 3,
    )
    vae = AutoencoderKL(  # stable-diffusion-v1-5/vae/config.json
        block_out_channels=(128, 256, 512, 512),
        down_block_types=("DownEncoderBlock2D",) * 4,
        up_block_types=("UpDecoderBlock2D",) * 4,
        layers_per_block=2,
        latent_channels=4,
        sample_size=512,
    )
    text_encoder = CLIPTextModel(  # CLIP ViT-L/14's text tower
        CLIPTextConfig(
            vocab_size=49408,
            hidden_size=768,
            intermediate_size=3072,
            num_attention_heads=12,
            num_hidden_layers=12,
            max_position_embeddings=77,
            hidden_act="quick_gelu",
        )
    )
    # the demo model's offline byte-level tokenizer: its ids fit into CLIP's vocabulary
    tokenizer = CLIPTokenizer.from_pretrained(Path(demo.tiny_model().id) / "tokenizer")
    scheduler = PNDMScheduler(
        beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear", steps_offset=1, skip_prk_steps=True
    )
    pipelines.assemble(unet, vae, text_encoder, tokenizer, scheduler).save_pretrained(folder)
    return folder


def sd15_model(tmp: str) -> tuple[Path, ModelRef]:
    """SD 1.5's architecture saved under ``tmp``, and the service's reference to it (``tmp`` made
    a folder the service may read, as an instructor's GENLAB_DATA_ROOTS would)."""
    folder = sd15_folder(Path(tmp) / "sd15-random")
    os.environ["GENLAB_DATA_ROOTS"] = tmp
    return folder, model_ref("folder", str(folder))


def gpu_speedup(steps: int, rounds: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder, ref = sd15_model(tmp)
        request = GenRequest(prompt=PROMPT, steps=steps, width=512, height=512, seed=1)
        generate(ref, replace(request, steps=2))  # load and warm up
        baseline = StableDiffusionPipeline.from_pretrained(
            folder, safety_checker=None, dtype=torch.float32
        ).to("cuda")
        baseline.set_progress_bar_config(disable=True)
        baseline.scheduler = pipelines.load(ref).pipeline().scheduler  # the same sampler (Euler a)
        direct_call(baseline, replace(request, steps=2))
        model = pipelines.load(ref)

        def without_graphs():
            model.unet_graphs.enabled = False
            try:
                generate(ref, request)
            finally:
                model.unet_graphs.enabled = True

        service, default, eager = [], [], []
        for _ in range(rounds):
            service.append(timed(lambda: generate(ref, request), "cuda") / steps)
            default.append(timed(lambda: direct_call(baseline, request), "cuda") / steps)
            eager.append(timed(without_graphs, "cuda") / steps)
        s, d = statistics.median(service), statistics.median(default)
        print(f"service without CUDA graphs: {statistics.median(eager):.4f} s/step", flush=True)
        settings = f"{str(model.dtype).removeprefix('torch.')}{', cpu offload' if model.offload else ''}"
        return (
            f"speedup {d / s:.2f}x (service {settings} {s:.3f} s/step, diffusers defaults float32 "
            f"{d:.3f} s/step, {torch.cuda.get_device_name(0)}, SD 1.5 architecture, random weights, 512x512)"
        )


def psnr(a, b) -> float:
    """Peak signal-to-noise ratio of two 8-bit images, in dB: above ~40 the eye sees no difference."""
    a, b = (np.asarray(image.convert("RGB"), dtype=np.float64) for image in (a, b))
    mse = np.mean((a - b) ** 2)
    return float("inf") if mse == 0 else float(10 * np.log10(255**2 / mse))


def cpu_speedup(steps: int, rounds: int) -> str:
    """One 512x512 image of the SD 1.5 architecture on the CPU: the service with the app's CPU
    settings against diffusers' defaults (float32), seconds per step with the text encoder and
    the VAE included, as a student waits for them; and how close the two images are."""
    with tempfile.TemporaryDirectory() as tmp:
        folder, ref = sd15_model(tmp)
        request = GenRequest(prompt=PROMPT, steps=steps, width=512, height=512, seed=1)
        generate(ref, replace(request, steps=1))  # load and warm up
        baseline = StableDiffusionPipeline.from_pretrained(folder, safety_checker=None, dtype=torch.float32)
        baseline.set_progress_bar_config(disable=True)
        baseline.scheduler = pipelines.load(ref).pipeline().scheduler  # the same sampler (Euler a)
        direct_call(baseline, replace(request, steps=1))
        app, default = [], []
        for number in range(rounds):  # each goes first in turn
            for name in ("app", "default")[:: 1 if number % 2 == 0 else -1]:
                if name == "app":
                    began = time.perf_counter()
                    (app_image,) = (g.image for g in generate(ref, request))
                    app.append((time.perf_counter() - began) / steps)
                else:
                    began = time.perf_counter()
                    default_image = direct_call(baseline, request)
                    default.append((time.perf_counter() - began) / steps)
        a, d = statistics.median(app), statistics.median(default)
        dtype = str(pipelines.load(ref).dtype).removeprefix("torch.")
        return (
            f"cpu speedup {d / a:.2f}x (app {a:.1f} s/step, diffusers fp32 {d:.1f} s/step, 512x512, sd15 arch; "
            f"app {dtype}, PSNR {psnr(app_image, default_image):.1f} dB, {torch.get_num_threads()} threads, "
            f"load {os.getloadavg()[0]:.1f})"
        )


def check_sd15() -> None:
    """The GPU part's model on CPU: it builds, saves, loads through the service and takes a step."""
    with tempfile.TemporaryDirectory() as tmp:
        _, ref = sd15_model(tmp)
        pipe = pipelines.load(ref).pipeline()
        params = sum(p.numel() for p in pipe.unet.parameters()) / 1e6
        (image,) = generate(ref, GenRequest(prompt=PROMPT, steps=1, width=64, height=64, seed=1))
        print(
            f"SD 1.5 architecture: U-Net {params:.0f}M parameters, one step at 64x64 in {image.seconds:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--gpu-steps", type=int, default=20)
    parser.add_argument("--cpu-steps", type=int, default=3)
    parser.add_argument("--cpu-rounds", type=int, default=3)
    parser.add_argument("--no-cpu", action="store_true", help="leave out the SD 1.5 figure on the CPU")
    parser.add_argument("--check-sd15", action="store_true")
    args = parser.parse_args()
    if args.check_sd15:
        check_sd15()
        return
    if torch.cuda.is_available():
        print(gpu_speedup(args.gpu_steps, args.rounds), flush=True)
    elif not args.no_cpu:  # with CUDA the service runs the GPU: a CPU figure would not be the app's
        print(cpu_speedup(args.cpu_steps, args.cpu_rounds), flush=True)
    ref = demo.tiny_model()
    request = GenRequest(prompt=PROMPT, steps=args.steps, width=args.size, height=args.size, seed=1)
    times = overhead(ref, request, args.rounds)
    service, direct, no_grad = (statistics.median(times[k]) for k in ("service", "direct", "no_grad"))
    print(f"diffusers' default no_grad: {no_grad:.4f} s/step; under inference_mode: {direct:.4f} s/step")
    print(
        f"overhead {(service / direct - 1) * 100:.1f}% (service {service:.4f} s/step, direct {direct:.4f} s/step, "
        f"{compute.device()}, tiny, {args.size}x{args.size}, {args.steps} steps, median of {args.rounds})"
    )


if __name__ == "__main__":
    main()
