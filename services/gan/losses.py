"""The losses of the manual's Algorithm 1: the discriminator's, and the generator's two, minimax
and non-saturating.

The discriminator ends in one logit l per image and D(x) = sigmoid(l), so

    log D(x)      = -softplus(-l)
    log(1 - D(x)) = -softplus(l)

Each loss below is the manual's formula written on the logits: the same value, without
taking the log of a sigmoid that has rounded to 0 or 1.
"""

import torch
import torch.nn.functional as F


def discriminator_loss(real_logits: torch.Tensor, fake_logits: torch.Tensor, real_target: float = 1.0):
    """What D descends: -[log D(x) + log(1 - D(G(z)))], so it ascends the manual's objective.

    ``real_target`` below 1 is one-sided label smoothing: 0.9 asks D for 0.9 on real images."""
    real = F.binary_cross_entropy_with_logits(real_logits, torch.full_like(real_logits, real_target))
    fake = F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits))
    return real + fake


def generator_loss(fake_logits: torch.Tensor, kind: str) -> torch.Tensor:
    """What G descends, the mean over the batch of

    - ``"minimax"``: log(1 - D(G(z))), as in the manual (at most 0). While D rejects the
      fakes with ease, its gradient is nearly flat and G learns slowly;
    - ``"nonsaturating"``: -log D(G(z)) (at least 0), Goodfellow's fix: the same fixed point,
      with strong gradients exactly when G is bad.
    """
    if kind == "minimax":
        return -F.softplus(fake_logits).mean()  # log(1 - sigmoid(l)) = -softplus(l)
    if kind == "nonsaturating":
        return F.softplus(-fake_logits).mean()  # -log sigmoid(l) = softplus(-l)
    raise ValueError(f"unknown generator loss {kind!r}")
