"""Lab 1: a standalone script that repeats a GAN training run (plain PyTorch, no GenLab import)."""

from __future__ import annotations

from string import Template

from services.report.inputs import GanRun
from services.report.scripts.common import Script, assignments, file_stem
from services.report.scripts.gan_template import TEMPLATE

# GanConfig's defaults, for a config saved by an older version without some field
DEFAULTS = {
    "size": 32,
    "channels": 1,
    "latent": 100,
    "g_width": 64,
    "d_width": 64,
    "depth": None,
    "batch": 64,
    "iterations": 2000,
    "k": 1,
    "lr_g": 2e-4,
    "lr_d": 2e-4,
    "beta1": 0.5,
    "beta2": 0.999,
    "loss": "nonsaturating",
    "label_smoothing": 0.0,
    "seed": 0,
}


def gan_script(run: GanRun) -> Script:
    cfg = DEFAULTS | {k: v for k, v in run.config.items() if k in DEFAULTS}
    layers = cfg["depth"] or max_depth(cfg["size"])
    side = cfg["size"] >> layers
    filename = f"gan_{file_stem(run.title)}.py"
    settings = assignments(
        [
            ("DATA", data_source(run.data), "shapes, digits (built in), kaggle:owner/dataset or a folder"),
            ("LIMIT", run.data.get("limit"), "use at most this many images; None: all"),
            ("SIZE", cfg["size"], "image side, px"),
            ("CHANNELS", cfg["channels"], "1: gray, 3: RGB"),
            ("LATENT", cfg["latent"], "length of the noise vector z"),
            ("G_WIDTH", cfg["g_width"], "feature maps of G's last hidden layer (ngf)"),
            ("D_WIDTH", cfg["d_width"], "feature maps of D's first layer (ndf)"),
            ("BATCH", cfg["batch"], "minibatch size m"),
            ("ITERATIONS", cfg["iterations"], "generator updates"),
            ("K", cfg["k"], "discriminator updates per generator update"),
            ("LR_G", cfg["lr_g"], "Adam's learning rate for G"),
            ("LR_D", cfg["lr_d"], "... and for D"),
            ("BETAS", (cfg["beta1"], cfg["beta2"]), "Adam's beta1, beta2"),
            ("LOSS", cfg["loss"], '"minimax": log(1 - D(G(z))); "nonsaturating": -log D(G(z))'),
            ("LABEL_SMOOTHING", cfg["label_smoothing"], "D's target for real images is 1 - this"),
            ("SEED", cfg["seed"], "the weights, the noise and the minibatches"),
        ]
    )
    code = Template(TEMPLATE).substitute(
        heading=f"Lab 1 · GAN: {run.title}",
        filename=filename,
        settings=settings,
        size=cfg["size"],
        layers=layers,
        generator=_indent(generator_layers(layers, side), 8),
        discriminator=_indent(discriminator_layers(layers, side), 8),
    )
    return Script(filename, code, settings)


def max_depth(size: int) -> int:
    """Stride-2 layers until the first feature map would drop below 4 px (as GanConfig.layers)."""
    depth = 0
    while size % 2 == 0 and size // 2 >= 4:
        size //= 2
        depth += 1
    return depth


def data_source(spec: dict) -> str:
    """The run's data as the script's DATA: a built-in name, "kaggle:owner/dataset", or a folder's name."""
    kind = spec.get("kind")
    if kind == "builtin":
        return spec["name"]
    if kind == "kaggle":
        from services.common.variants import VARIANTS

        slug = next((v.kaggle for v in VARIANTS if v.number == spec.get("variant")), "")
        return f"kaggle:{slug}"
    if kind == "zip":  # an uploaded archive: the student unpacks it next to the script
        return str(spec.get("name", "images.zip")).removesuffix(".zip")
    return str(spec.get("path", "images"))  # the scrubber keeps only the folder's name


def generator_layers(n: int, side: int) -> list[str]:
    """G's layers for n stride-2 layers, written out, each block with the shape it gives."""
    width = _width("G_WIDTH", n - 1)
    lines = [
        "nn.Unflatten(1, (LATENT, 1, 1)),",
        "# state size: LATENT x 1 x 1",
        f"nn.ConvTranspose2d(LATENT, {width}, {side}, 1, 0, bias=False),",
        f"nn.BatchNorm2d({width}),",
        "nn.ReLU(True),",
        f"# state size: {_group(width)} x {side} x {side}",
    ]
    for i in range(n - 1, 0, -1):  # half the maps, twice the side
        wide, narrow, side = _width("G_WIDTH", i), _width("G_WIDTH", i - 1), side * 2
        lines += [
            f"nn.ConvTranspose2d({wide}, {narrow}, 4, 2, 1, bias=False),",
            f"nn.BatchNorm2d({narrow}),",
            "nn.ReLU(True),",
            f"# state size: {_group(narrow)} x {side} x {side}",
        ]
    return lines + [
        "nn.ConvTranspose2d(G_WIDTH, CHANNELS, 4, 2, 1, bias=False),",
        "nn.Tanh(),",
        f"# state size: CHANNELS x {side * 2} x {side * 2}",
    ]


def discriminator_layers(n: int, side: int) -> list[str]:
    """D's layers, the mirror of G's: twice the maps and half the side at each stride-2 layer."""
    current = side << n
    lines = [
        f"# input: CHANNELS x {current} x {current}",
        "nn.Conv2d(CHANNELS, D_WIDTH, 4, 2, 1, bias=False),",
        "nn.LeakyReLU(0.2, True),",
        f"# state size: D_WIDTH x {current // 2} x {current // 2}",
    ]
    current //= 2
    for i in range(1, n):
        narrow, wide, current = _width("D_WIDTH", i - 1), _width("D_WIDTH", i), current // 2
        lines += [
            f"nn.Conv2d({narrow}, {wide}, 4, 2, 1, bias=False),",
            f"nn.BatchNorm2d({wide}),",
            "nn.LeakyReLU(0.2, True),",
            f"# state size: {_group(wide)} x {current} x {current}",
        ]
    return lines + [
        f"nn.Conv2d({_width('D_WIDTH', n - 1)}, 1, {side}, 1, 0, bias=False),",
        "nn.Flatten(),",
        "# one logit per image: N x 1",
    ]


def _width(name: str, power: int) -> str:
    """NAME * 2^power, as a reader writes it: "G_WIDTH", "G_WIDTH * 2", "G_WIDTH * 8"."""
    return name if power == 0 else f"{name} * {2**power}"


def _group(width: str) -> str:
    return f"({width})" if " " in width else width


def _indent(lines: list[str], spaces: int) -> str:
    return "\n".join(" " * spaces + line for line in lines)
