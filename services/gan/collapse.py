"""Mode collapse: how it is measured on GAN samples, and where it is decided (``collapse_detected``).

A collapsed generator draws the same few pictures whatever the noise. Two signs show it:

- **diversity**: the mean pairwise distance of generated images over that of real images.
  Near 1 the samples spread like the data; towards 0 they are copies of each other.
- **class coverage**, for labelled data: a small CNN (the *probe*) trained on the real images
  names the class of every generated image. The histogram of those classes shows which modes
  the generator covers, and KL(real class distribution || generated) how far its class
  proportions are from the data's.

``Monitor`` bundles both for a training run; ``collapse_detected`` turns the numbers into a
yes/no with the thresholds below. Early in a run there is no verdict: every generator starts
by drawing near-copies of one blur, which says nothing yet about the modes it will learn.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from safetensors.torch import load_file, save_file
from torch import nn

DIVERSITY_SAMPLES = 256  # pairwise distances of this many images: cheap and stable enough
COLLAPSE_DIVERSITY = 0.35  # below this the samples are much closer to each other than real images are
MODE_SHARE = 0.25  # a class is covered when it holds at least a quarter of an equal share, 1/(4K)
MIN_COVERED = 0.5  # collapse when fewer than half of the classes are covered
KL_SMOOTHING = 0.5  # added to every class count, so a missing class gives a large but finite KL
# no verdict before this many iterations: until then a generator draws blobs, which the probe
# files under one class whatever the generator will learn (benchmarks/gan_shapes.py --variant 6
# --every 50: up to iteration 350 over 90% of the samples are blobs called "8"; five digits of
# ten appear at 400, seven at 450-500, all ten by 750)
JUDGED_FROM = 500

PROBE_TRAIN_IMAGES = 5000
PROBE_HELD_OUT = 1000
PROBE_SAMPLES_SEEN = 10_000  # 2 epochs over 5 000 images; more epochs over smaller sets
PROBE_MAX_EPOCHS = 8
PROBE_BATCH = 64
PROBE_FILES = ("probe.safetensors", "probe.json")

Progress = Callable[[int, int], None] | None


# ---------------------------------------------------------------- diversity


def diversity(fake: torch.Tensor, real: torch.Tensor) -> float:
    """Mean pairwise distance of fake samples over that of real samples (≈1 diverse, →0 collapsed)."""
    return _ratio(_spread(fake), _spread(real))


def _spread(images: torch.Tensor) -> float:
    """Mean Euclidean distance between pairs of up to ``DIVERSITY_SAMPLES`` images."""
    flat = images.detach().reshape(len(images), -1).float().cpu()
    if len(flat) > DIVERSITY_SAMPLES:  # a fixed subsample: the same fakes give the same figure
        pick = torch.randperm(len(flat), generator=torch.Generator().manual_seed(0))[:DIVERSITY_SAMPLES]
        flat = flat[pick]
    if len(flat) < 2:
        return 0.0
    return float(torch.pdist(flat).mean())


def _ratio(fake_spread: float, real_spread: float) -> float:
    # identical real images leave nothing to compare against: call the fakes as diverse as the data
    return fake_spread / real_spread if real_spread > 1e-12 else 1.0


# ---------------------------------------------------------------- the probe classifier


def _network(channels: int, size: int, n_classes: int):
    """Three conv blocks and a linear head; 64 px input is first averaged down to 32 px, so
    the probe costs about the same at every resolution."""

    def block(c_in: int, c_out: int) -> list:
        return [nn.Conv2d(c_in, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU()]

    layers = [nn.AdaptiveAvgPool2d(32)] if size > 32 else []
    layers += [*block(channels, 16), nn.MaxPool2d(2), *block(16, 32), nn.MaxPool2d(2), *block(32, 32)]
    layers += [nn.AdaptiveAvgPool2d(4), nn.Flatten(), nn.Dropout(0.2), nn.Linear(32 * 16, n_classes)]
    return nn.Sequential(*layers)


class ClassProbe:
    """A small CNN that tells the classes of the real data apart, to count classes in fakes."""

    def __init__(
        self, network, n_classes: int, channels: int, size: int, accuracy: float, fingerprint: str = ""
    ):
        self.network = network.eval()
        self.n_classes = n_classes
        self.channels = channels
        self.size = size
        self.accuracy = accuracy  # on real images held out of training
        self.fingerprint = fingerprint  # of the data it was trained on, when known

    @classmethod
    def train(
        cls,
        images: torch.Tensor,
        labels,
        n_classes: int,
        seed: int = 0,
        progress: Progress = None,
    ) -> ClassProbe:
        """Train on up to 5 000 labelled images (N x C x H x W in [-1, 1]) for about 10 000
        samples seen, on the CPU, in seconds; up to 1 000 other images measure ``accuracy``."""
        labels = torch.as_tensor(np.asarray(labels), dtype=torch.long)
        if len(images) != len(labels) or len(images) < 2:
            raise ValueError("need at least two images, each with a label")
        if n_classes < 2 or int(labels.min()) < 0 or int(labels.max()) >= n_classes:
            raise ValueError(f"labels must lie in 0..{n_classes - 1}, with at least two classes")
        images = images.detach().float().cpu()
        _, channels, size, _ = images.shape

        rng = np.random.default_rng(seed)
        order = torch.from_numpy(rng.permutation(len(images)))
        n_held = min(PROBE_HELD_OUT, max(1, len(images) // 5))
        held, train = order[:n_held], order[n_held:][:PROBE_TRAIN_IMAGES]
        epochs = max(1, min(PROBE_MAX_EPOCHS, math.ceil(PROBE_SAMPLES_SEEN / len(train))))
        steps = epochs * math.ceil(len(train) / PROBE_BATCH)

        with torch.random.fork_rng(devices=[]):  # the caller's random stream stays as it was
            torch.manual_seed(seed)
            network = _network(channels, size, n_classes)
            optimizer = torch.optim.Adam(network.parameters())  # the schedule sets the rate
            schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=4e-3, total_steps=steps)
            network.train()
            step = 0
            for _ in range(epochs):
                for batch in train[torch.randperm(len(train))].split(PROBE_BATCH):
                    loss = F.cross_entropy(network(images[batch]), labels[batch])
                    optimizer.zero_grad(set_to_none=True)
                    loss.backward()
                    optimizer.step()
                    schedule.step()
                    step += 1
                    if progress is not None:
                        progress(step, steps)
        probe = cls(network, n_classes, channels, size, accuracy=0.0)
        probe.accuracy = float((torch.from_numpy(probe.predict(images[held])) == labels[held]).float().mean())
        return probe

    def predict(self, images: torch.Tensor) -> np.ndarray:
        """The class index of each image (N x C x H x W in [-1, 1], on any device)."""
        images = images.detach().float().cpu()
        if images.ndim != 4 or images.shape[1] != self.channels:
            raise ValueError(f"expected N x {self.channels} x H x W images, got {tuple(images.shape)}")
        with torch.inference_mode():
            classes = [self.network(x).argmax(1) for x in images.split(512)]
        return torch.cat(classes).numpy() if classes else np.zeros(0, np.int64)

    def save(self, folder: str | Path) -> None:
        """``probe.safetensors`` (weights) and ``probe.json`` (shape, classes, accuracy) in ``folder``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        weights = {name: tensor.contiguous() for name, tensor in self.network.state_dict().items()}
        save_file(weights, folder / PROBE_FILES[0])
        config = {
            "n_classes": self.n_classes,
            "channels": self.channels,
            "size": self.size,
            "accuracy": self.accuracy,
            "fingerprint": self.fingerprint,
        }
        (folder / PROBE_FILES[1]).write_text(json.dumps(config, indent=1))

    @classmethod
    def load(cls, folder: str | Path) -> ClassProbe:
        """A probe written by ``save``; raises OSError or ValueError when it is missing or broken."""
        folder = Path(folder)
        config = json.loads((folder / PROBE_FILES[1]).read_text())
        network = _network(config["channels"], config["size"], config["n_classes"])
        try:
            network.load_state_dict(load_file(folder / PROBE_FILES[0]))
        except RuntimeError as error:  # the weights do not fit the network the json describes
            raise ValueError(f"probe weights do not match its description: {error}") from None
        return cls(
            network,
            config["n_classes"],
            config["channels"],
            config["size"],
            config["accuracy"],
            config.get("fingerprint", ""),
        )


# ---------------------------------------------------------------- measures of a batch of fakes


def class_histogram(classes: np.ndarray, n_classes: int) -> list[int]:
    return np.bincount(np.asarray(classes, np.int64), minlength=n_classes)[:n_classes].tolist()


def modes_covered(histogram: list[int]) -> int:
    """Classes holding at least ``MODE_SHARE`` of an equal share of the samples."""
    total, k = sum(histogram), len(histogram)
    if total == 0:
        return 0
    return sum(count / total >= MODE_SHARE / k for count in histogram)


def class_kl(real_share: np.ndarray, histogram: list[int]) -> float:
    """KL(real || generated) in nats; the generated counts are smoothed so a missing class
    gives a large, finite figure rather than infinity."""
    counts = np.asarray(histogram, np.float64) + KL_SMOOTHING
    generated = counts / counts.sum()
    real = np.asarray(real_share, np.float64)
    present = real > 0
    return float(np.sum(real[present] * np.log(real[present] / generated[present])))


def collapse_detected(metrics: dict) -> bool:
    """Mode collapse, by two documented thresholds:

    - ``diversity`` below ``COLLAPSE_DIVERSITY`` (0.35): fakes are on average less than about a
      third as far apart as real images, i.e. near-copies;
    - for labelled data, ``modes_covered`` below ``MIN_COVERED`` (half) of ``n_classes``: the
      generator draws only some of the classes, even if those pictures differ.
    """
    if float(metrics.get("diversity", 1.0)) < COLLAPSE_DIVERSITY:
        return True
    n_classes = metrics.get("n_classes")
    return bool(n_classes) and metrics.get("modes_covered", n_classes) < MIN_COVERED * n_classes


class Monitor:
    """Collapse measures of a training run against its real data.

    With labels, the class probe is trained once (seconds on CPU) or loaded from ``probe_dir``
    when it was trained there before on the same data.
    """

    def __init__(
        self,
        real_images: torch.Tensor,
        labels=None,
        class_names: list[str] | None = None,
        probe_dir: str | Path | None = None,
        progress: Progress = None,
    ):
        self.real_spread = _spread(real_images)
        self.class_names = list(class_names or [])
        self.probe: ClassProbe | None = None
        self.real_share: np.ndarray | None = None
        if labels is None:
            return
        labels = np.asarray(labels, np.int64)
        n_classes = max(len(self.class_names), int(labels.max()) + 1 if len(labels) else 0)
        if len(np.unique(labels)) < 2:  # one class: there are no modes to count
            return
        self.real_share = np.bincount(labels, minlength=n_classes) / len(labels)
        self.probe = self._probe(real_images, labels, n_classes, probe_dir, progress)

    @staticmethod
    def _probe(images, labels: np.ndarray, n_classes: int, probe_dir, progress) -> ClassProbe:
        fingerprint = _fingerprint(images, labels, n_classes)
        if probe_dir is not None:
            try:
                probe = ClassProbe.load(probe_dir)
                if probe.fingerprint == fingerprint:
                    return probe
            except (OSError, ValueError, KeyError, TypeError):
                pass  # none saved yet, or a broken one: train anew
        probe = ClassProbe.train(images, labels, n_classes, progress=progress)
        probe.fingerprint = fingerprint
        if probe_dir is not None:
            probe.save(probe_dir)
        return probe

    def measure(self, fake: torch.Tensor, step: int | None = None) -> dict:
        """``diversity`` and ``collapsed`` always; with a probe also ``histogram`` (generated
        images per class), ``modes_covered``, ``n_classes``, ``kl`` and ``probe_accuracy``.
        ``collapsed`` is None (not judged) for samples of a generator at a ``step`` before
        ``JUDGED_FROM``."""
        metrics: dict = {"diversity": _ratio(_spread(fake), self.real_spread)}
        if self.probe is not None:
            histogram = class_histogram(self.probe.predict(fake), self.probe.n_classes)
            metrics |= {
                "histogram": histogram,
                "modes_covered": modes_covered(histogram),
                "n_classes": self.probe.n_classes,
                "kl": class_kl(self.real_share, histogram),
                "probe_accuracy": self.probe.accuracy,
            }
        judged = step is None or step >= JUDGED_FROM
        metrics["collapsed"] = collapse_detected(metrics) if judged else None
        return metrics


def _fingerprint(images: torch.Tensor, labels: np.ndarray, n_classes: int) -> str:
    """Identifies the training data cheaply: shape, labels and every n-th image quantized to bytes."""
    step = max(1, len(images) // 512)
    sample = ((images[::step].detach().float().cpu().clamp(-1, 1) + 1) * 127.5).round().byte().numpy()
    digest = hashlib.sha256(json.dumps([list(images.shape), n_classes]).encode())
    digest.update(np.ascontiguousarray(labels, np.int64).tobytes())
    digest.update(sample.tobytes())
    return digest.hexdigest()
