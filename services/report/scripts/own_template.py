"""The Lab 2 script for a diffusion model trained in the app (services/diffusion/own), with
``$placeholders`` that scripts/diffusion.py fills in: its generations, or the cells of an
experiment, drawn and timed as services/diffusion/own/sampling.py draws them."""

OWN = r'''"""$heading

A small diffusion model trained in GenLab on the variant's images: a class-conditioned U-Net
(diffusers' UNet2DModel) saved as a DDPMPipeline folder, with genlab.json naming its classes.
Each cell below draws its images with classifier-free guidance, as the app does: the prompt's
class against the negative prompt's class (or the empty condition), A1111's sampler on the
model's own noise schedule, and every image from its own seed. Each cell is timed: a warm-up
run first, then REPEATS runs, and its time is the median.

    python $filename                          # MODEL below: the model's folder, next to the script
    python $filename --model path/to/model

In a notebook, paste it into a cell: it runs with main().
"""

import argparse
import inspect
import json
import statistics
import time
from pathlib import Path

import diffusers
import numpy as np
import torch
from PIL import Image

# ---------------------------------------------------------------- the settings
$settings
# A1111's sampler names and the diffusers schedulers that implement them
SAMPLERS = $samplers


def load(folder, device):
    """The U-Net, its noise schedule and the names of its classes (the empty condition comes last)."""
    unet = diffusers.UNet2DModel.from_pretrained(folder, subfolder="unet").to(device).eval()
    schedule = diffusers.DDPMScheduler.from_pretrained(folder, subfolder="scheduler").config
    about = json.loads((Path(folder) / "genlab.json").read_text(encoding="utf-8"))
    return unet, schedule, about["classes"]


def signal_share(schedule, t):
    """abar_t, the share of signal in the U-Net's input at a (possibly fractional) timestep t."""
    abar = diffusers.DDPMScheduler.from_config(schedule).alphas_cumprod.double().numpy()
    log_sigmas = np.log(np.sqrt((1 - abar) / abar))
    sigma = float(np.exp(np.interp(float(t), np.arange(len(log_sigmas)), log_sigmas)))
    return 1 / (1 + sigma**2)


def draw(unet, schedule, cell, seeds, label, negative):
    """Images in [-1, 1] for ``seeds``: the reverse process, guided by the class ``label``."""
    class_name, options = SAMPLERS[cell["sampler"]]
    if class_name == "PNDMScheduler":
        options = options | {"skip_prk_steps": True}
    scheduler = getattr(diffusers, class_name).from_config(schedule, **options)
    scheduler.set_timesteps(cell["steps"])
    device, size = unet.device, unet.config.sample_size
    generators = [torch.Generator("cpu").manual_seed(seed) for seed in seeds]
    noise = torch.stack([torch.randn(unet.config.in_channels, size, size, generator=g) for g in generators])
    x = noise.to(device) * scheduler.init_noise_sigma
    extra = {"generator": generators} if "generator" in inspect.signature(scheduler.step).parameters else {}
    guided = cell["cfg_scale"] > 1
    labels = torch.tensor([label] * len(seeds) + ([negative] * len(seeds) if guided else []), device=device)
    with torch.inference_mode():
        for t in scheduler.timesteps:
            x_in = scheduler.scale_model_input(x, t)
            eps = unet(torch.cat([x_in, x_in]) if guided else x_in, t, class_labels=labels).sample
            if guided:  # classifier-free guidance
                eps_c, eps_u = eps.chunk(2)
                eps = eps_u + cell["cfg_scale"] * (eps_c - eps_u)
            # keep the clean image that eps implies within [-1, 1], as DDPM's clip_sample does
            abar = signal_share(schedule, t)
            x0 = ((x_in - (1 - abar) ** 0.5 * eps) / abar**0.5).clamp(-1, 1)
            eps = (x_in - abar**0.5 * x0) / (1 - abar) ** 0.5
            x = scheduler.step(eps, t, x, **extra).prev_sample
    return x.clamp(-1, 1).float().cpu()


def picture(image, side):
    """One C x H x W image in [-1, 1] as a PNG-ready picture ``side`` px wide, each pixel a square."""
    pixels = ((image + 1) * 127.5).round().clamp(0, 255).byte().permute(1, 2, 0).numpy()
    small = Image.fromarray(pixels[:, :, 0] if pixels.shape[2] == 1 else pixels)
    return small.resize((side, side), Image.Resampling.NEAREST)


def main():
    parser = argparse.ArgumentParser(description="$heading")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument("--out", default="$out", help="file names start with this")
    args, _ = parser.parse_known_args()  # a notebook passes arguments of its own
    unet, schedule, classes = load(args.model, args.device)
    for cell in CELLS:
        label = classes.index(cell["class"]) if len(classes) > 1 else 0
        negative = classes.index(cell["negative"]) if cell["negative"] else max(1, len(classes))
        seeds = [cell["seed"] + n for n in range(cell["images"])]
        draw(unet, schedule, cell | {"steps": min(2, cell["steps"])}, seeds[:1], label, negative)  # warm-up
        times = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            images = draw(unet, schedule, cell, seeds, label, negative)
            if args.device == "cuda":
                torch.cuda.synchronize()
            times.append((time.perf_counter() - started) / len(seeds))
        for seed, image in zip(seeds, images, strict=True):
            picture(image, cell["width"]).save(f"{args.out}-{cell['label']}-{seed}.png")
        print(f"{cell['label']}: {cell['class']}, {len(seeds)} images, {statistics.median(times):.4f} s per image")


if __name__ == "__main__":
    main()
'''
