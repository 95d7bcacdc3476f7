"""The Lab 1 script, with ``$placeholders`` that scripts/gan.py fills in for one run.

Kept as text, not code: it is what the student reads. Its data functions draw the same
shapes and digits as services/gan/data/builtin.py, and its networks and training loop
make the same draws in the same order as services/gan/model.py and trainer.py, so the
script repeats the run (tests/report/test_scripts.py holds them to it).
"""

TEMPLATE = r'''"""$heading

A DCGAN (Radford et al., 2015) trained with Algorithm 1 of Goodfellow et al. (2014),
in plain PyTorch, with the run's data, hyperparameters and seed.

    python $filename                    # the whole run
    python $filename --iterations 50    # a short check
    python $filename --data my_images/  # a folder of your own images

In a notebook, paste it into a cell: the run starts with main().
"""

import argparse
import colorsys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, ImageDraw, ImageOps
from torch import nn

# ---------------------------------------------------------------- the run's settings
$settings

# ---------------------------------------------------------------- data: N x C x H x W in [-1, 1]
SHAPES = ("circle", "square", "triangle")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff"}


def draw_shapes(count, seed=0):
    """Circles, squares and triangles of random size, place, rotation and colour, filled or outlined;
    drawn at 4x and reduced, so the edges are smooth."""
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.arange(count) % len(SHAPES))
    big = SIZE * 4
    pixels = np.empty((count, CHANNELS, SIZE, SIZE), np.uint8)
    for i, label in enumerate(labels):
        background = int(rng.integers(0, 50))
        if CHANNELS == 1:
            ink = int(rng.integers(170, 256))
        else:
            rgb = colorsys.hsv_to_rgb(rng.random(), rng.uniform(0.5, 1.0), rng.uniform(0.75, 1.0))
            ink = tuple(int(v * 255) for v in rgb)
            background = (background,) * 3
        canvas = Image.new("L" if CHANNELS == 1 else "RGB", (big, big), background)
        radius = rng.uniform(0.2, 0.42) * big
        cx, cy = rng.uniform(radius + 2, big - radius - 2, size=2)
        style = {"outline": ink, "width": max(2, int(rng.uniform(0.04, 0.1) * big))}
        if rng.random() < 0.5:
            style["fill"] = ink
        draw = ImageDraw.Draw(canvas)
        if SHAPES[label] == "circle":
            r = radius * 0.85  # a circle looks bigger than a polygon in the same bounding circle
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), **style)
        else:
            sides = 4 if SHAPES[label] == "square" else 3
            draw.regular_polygon((cx, cy, radius), sides, rotation=float(rng.uniform(0, 360)), **style)
        pixels[i] = channels_first(canvas.reduce(4))
    return pixels


def sklearn_digits(count=None, seed=0):
    """scikit-learn's 1 797 handwritten 8x8 digits, upscaled into an MNIST-like frame."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    order = np.arange(len(digits.images))
    if count is not None and count < len(order):
        order = np.sort(np.random.default_rng(seed).choice(order, count, replace=False))
    inner = round(SIZE * 20 / 28)
    offset = (SIZE - inner) // 2
    pixels = np.empty((len(order), CHANNELS, SIZE, SIZE), np.uint8)
    for i, index in enumerate(order):
        ink = Image.fromarray((digits.images[index] * (255 / 16)).astype(np.uint8))
        canvas = Image.new("L", (SIZE, SIZE), 0)
        canvas.paste(ink.resize((inner, inner), Image.Resampling.BICUBIC), (offset, offset))
        pixels[i] = channels_first(canvas if CHANNELS == 1 else canvas.convert("RGB"))
    return pixels


def image_folder(folder, limit=None):
    """Every picture under ``folder`` (sub-folders too), center-cropped and resized to SIZE."""
    files = sorted(p for p in Path(folder).rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)[:limit]
    if not files:
        raise SystemExit(f"no images in {folder}")
    pixels = np.empty((len(files), CHANNELS, SIZE, SIZE), np.uint8)
    for i, path in enumerate(files):
        with Image.open(path) as picture:
            picture = picture.convert("L" if CHANNELS == 1 else "RGB")
            pixels[i] = channels_first(ImageOps.fit(picture, (SIZE, SIZE), Image.Resampling.LANCZOS))
    return pixels


def channels_first(picture):
    array = np.asarray(picture)
    return array[None] if array.ndim == 2 else array.transpose(2, 0, 1)


def load_data(source, limit):
    """The training images as a float tensor in [-1, 1], the range of the generator's Tanh."""
    if source == "shapes":
        pixels = draw_shapes(limit or 3000)
    elif source == "digits":
        pixels = sklearn_digits(limit)
    elif source.startswith("kaggle:"):  # needs KAGGLE_USERNAME and KAGGLE_KEY in the environment
        import kagglehub

        pixels = image_folder(kagglehub.dataset_download(source.removeprefix("kaggle:")), limit)
    else:
        pixels = image_folder(source, limit)
    return torch.from_numpy(pixels).float().div_(127.5).sub_(1.0)


# ---------------------------------------------------------------- the networks
def build():
    """G: z (N x LATENT) -> image (N x CHANNELS x SIZE x SIZE); D: image -> one logit, D(x) = sigmoid.
    The layers are those of a $size px run ($layers stride-2 layers each)."""
    generator = nn.Sequential(
$generator
    )
    discriminator = nn.Sequential(
$discriminator
    )
    # DCGAN's initialisation: weights from N(0, 0.02), BatchNorm scales from N(1, 0.02), drawn with SEED
    rng = torch.Generator().manual_seed(SEED)
    for model in (generator, discriminator):
        for layer in model.modules():
            if isinstance(layer, nn.Conv2d | nn.ConvTranspose2d):
                nn.init.normal_(layer.weight, 0.0, 0.02, generator=rng)
            elif isinstance(layer, nn.BatchNorm2d):
                nn.init.normal_(layer.weight, 1.0, 0.02, generator=rng)
                nn.init.zeros_(layer.bias)
    return generator, discriminator


# ---------------------------------------------------------------- Algorithm 1
def train(G, D, data, iterations, device, log_every=100):
    """k updates of D, then one of G, per iteration; returns the (loss_D, loss_G, D(x), D(G(z))) of each."""
    G, D, data = G.to(device), D.to(device), data.to(device)
    opt_g = torch.optim.Adam(G.parameters(), lr=LR_G, betas=BETAS)
    opt_d = torch.optim.Adam(D.parameters(), lr=LR_D, betas=BETAS)
    rng = torch.Generator(device).manual_seed(SEED)  # the noise and the minibatches
    history = []
    for step in range(1, iterations + 1):
        # (1) Update D: maximize log D(x) + log(1 - D(G(z))), K times
        for _ in range(K):
            z = torch.randn(BATCH, LATENT, device=device, generator=rng)
            x = data[torch.randint(len(data), (BATCH,), device=device, generator=rng)]
            with torch.no_grad():  # D's update needs no gradient through G
                fake = G(z)
            real_logits, fake_logits = D(x), D(fake)
            # the logits' binary cross-entropy is -[log D(x) + log(1 - D(G(z)))]
            real_target = torch.full_like(real_logits, 1.0 - LABEL_SMOOTHING)
            loss_d = F.binary_cross_entropy_with_logits(real_logits, real_target)
            loss_d = loss_d + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits))
            opt_d.zero_grad(set_to_none=True)
            loss_d.backward()
            opt_d.step()

        # (2) Update G: descend log(1 - D(G(z))) ("minimax") or -log D(G(z)) ("nonsaturating")
        D.requires_grad_(False)  # D's own gradients would be thrown away
        logits = D(G(torch.randn(BATCH, LATENT, device=device, generator=rng)))
        if LOSS == "minimax":
            loss_g = -F.softplus(logits).mean()  # log(1 - sigmoid(l)) = -softplus(l)
        else:
            loss_g = F.softplus(-logits).mean()  # -log sigmoid(l) = softplus(-l)
        opt_g.zero_grad(set_to_none=True)
        loss_g.backward()
        opt_g.step()
        D.requires_grad_(True)

        d_real, d_fake = torch.sigmoid(real_logits).mean(), torch.sigmoid(fake_logits).mean()
        history.append([loss_d.item(), loss_g.item(), d_real.item(), d_fake.item()])
        if step == 1 or step % log_every == 0 or step == iterations:
            loss_d, loss_g, d_real, d_fake = history[-1]
            print(
                f"step {step}/{iterations}  loss_D {loss_d:.4f}  loss_G {loss_g:.4f}  "
                f"D(x) {d_real:.3f}  D(G(z)) {d_fake:.3f}"
            )
    return history


def save_grid(G, path, n=64, seed=SEED + 1):
    """n images from fixed noise, 8 to a row, as a PNG."""
    G.eval()
    z = torch.randn(n, LATENT, generator=torch.Generator().manual_seed(seed))
    with torch.no_grad():
        images = G(z.to(next(G.parameters()).device)).cpu()
    print(f"G(z): {tuple(images.shape)}")
    pixels = ((images.clamp(-1, 1) + 1) * 127.5).round().byte().numpy()
    rows = [np.concatenate(list(pixels[i : i + 8].transpose(0, 2, 3, 1)), axis=1) for i in range(0, n, 8)]
    grid = np.concatenate(rows, axis=0)
    Image.fromarray(grid[..., 0] if CHANNELS == 1 else grid).save(path)
    print(f"samples: {path}")


def main():
    parser = argparse.ArgumentParser(description="$heading")
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    parser.add_argument("--data", default=DATA, help="shapes, digits, kaggle:owner/dataset or a folder")
    parser.add_argument("--limit", type=int, default=LIMIT, help="use at most this many images")
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--out", default="samples.png")
    args, _ = parser.parse_known_args()  # a notebook passes arguments of its own
    data = load_data(args.data, args.limit)
    print(f"data: {len(data)} images of {tuple(data.shape[1:])}")
    G, D = build()
    train(G, D, data, args.iterations, args.device)
    save_grid(G, args.out)


if __name__ == "__main__":
    main()
'''
