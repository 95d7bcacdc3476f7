"""How good generated images are, judged the same way for a diffusion model and a GAN.

The judge is Lab 1's class probe (services/gan/collapse.py), a small CNN trained on the real
images of the data set. From it:

- **class accuracy**: the share of images the probe puts in the class they were asked for
  (class-conditioned models only);
- **Fréchet distance**: FID's formula, ``|mu_r - mu_g|^2 + Tr(S_r + S_g - 2 (S_r S_g)^1/2)``,
  on the probe's 32 pooled features of real and generated images instead of Inception's:
  0 when the two sets are spread alike, larger as they differ;
- **class coverage** and **diversity**: the mode-collapse measures of Lab 1.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from scipy import linalg

from services.gan.collapse import Monitor

REFERENCE_IMAGES = 1000  # real images whose features the generated ones are compared with


class Judge:
    """The probe of one data set and its real images' features."""

    def __init__(self, images: torch.Tensor, labels, class_names: list[str], probe_dir: Path | None = None):
        self.monitor = Monitor(images, labels=labels, class_names=class_names, probe_dir=probe_dir)
        probe = self.monitor.probe
        self.reference = self.features(images[:: max(1, len(images) // REFERENCE_IMAGES)]) if probe else None

    @property
    def probe(self):
        """The class probe; None for unlabelled data (nothing to judge classes or features by)."""
        return self.monitor.probe

    def features(self, images: torch.Tensor) -> np.ndarray:
        """The probe's last convolutional features, averaged over the picture: 32 numbers an image."""
        body = self.probe.network[:-4]  # up to the last ReLU, before pooling and the class head
        with torch.inference_mode():
            maps = torch.cat([body(x) for x in images.detach().float().cpu().split(512)])
        return maps.mean((2, 3)).double().numpy()

    def measure(self, images: torch.Tensor, asked: list[int] | None = None) -> dict:
        """``diversity`` always; with a probe also ``fd``, ``modes_covered``, ``n_classes``,
        ``histogram``, and, when ``asked`` gives each image's class, ``class_accuracy``."""
        measured = self.monitor.measure(images)
        result = {"diversity": measured["diversity"], "fd": None, "class_accuracy": None}
        if self.probe is None:
            return result
        result |= {k: measured[k] for k in ("modes_covered", "n_classes", "histogram")}
        result["fd"] = frechet(self.features(images), self.reference)
        if asked is not None:
            predicted = self.probe.predict(images)
            result["class_accuracy"] = float(np.mean(predicted == np.asarray(asked)))
        return result


def frechet(a: np.ndarray, b: np.ndarray) -> float:
    """The Fréchet distance of two Gaussians fitted to the feature rows of ``a`` and ``b``."""
    mu_a, mu_b = a.mean(0), b.mean(0)
    eps = 1e-6 * np.eye(a.shape[1])  # features that never fire leave a covariance singular
    s_a, s_b = np.cov(a, rowvar=False) + eps, np.cov(b, rowvar=False) + eps
    root = linalg.sqrtm(s_a @ s_b).real
    return float(max(0.0, ((mu_a - mu_b) ** 2).sum() + np.trace(s_a + s_b - 2 * root)))
