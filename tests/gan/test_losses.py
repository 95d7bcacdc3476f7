"""The losses of Algorithm 1 equal the manual's formulas, written on D's logits."""

import pytest
import torch

from services.gan import losses

LOGITS = torch.tensor([-30.0, -2.0, 0.0, 1.5, 30.0])


def test_discriminator_loss_is_the_negated_objective():
    real, fake = LOGITS, LOGITS.flip(0)
    d_real, d_fake = torch.sigmoid(real.double()), torch.sigmoid(fake.double())
    # where the sigmoid rounds to 0 or 1 the manual's formula is infinite; the logits stay finite
    finite = slice(1, 4)
    objective = (torch.log(d_real[finite]) + torch.log1p(-d_fake[finite])).mean()
    loss = losses.discriminator_loss(real[finite], fake[finite])
    assert float(loss) == pytest.approx(-float(objective), rel=1e-6)
    assert torch.isfinite(losses.discriminator_loss(real, fake))


def test_label_smoothing_asks_less_than_certainty_of_real_images():
    confident = torch.tensor([4.0])
    assert losses.discriminator_loss(confident, -confident, 0.9) > losses.discriminator_loss(
        confident, -confident
    )


def test_minimax_and_nonsaturating_generator_losses():
    d = torch.sigmoid(LOGITS[1:4].double())
    minimax = losses.generator_loss(LOGITS[1:4], "minimax")
    nonsaturating = losses.generator_loss(LOGITS[1:4], "nonsaturating")
    assert float(minimax) == pytest.approx(float(torch.log1p(-d).mean()), rel=1e-6)  # log(1 - D(G(z)))
    assert float(nonsaturating) == pytest.approx(float(-torch.log(d).mean()), rel=1e-6)  # -log D(G(z))
    assert minimax <= 0 <= nonsaturating
    with pytest.raises(ValueError):
        losses.generator_loss(LOGITS, "wasserstein")


def test_nonsaturating_gives_a_strong_gradient_where_minimax_saturates():
    """While D easily rejects a fake (a very negative logit), minimax hardly moves G."""
    rejected = torch.tensor([-8.0], requires_grad=True)
    (minimax,) = torch.autograd.grad(losses.generator_loss(rejected, "minimax"), rejected)
    (nonsaturating,) = torch.autograd.grad(losses.generator_loss(rejected, "nonsaturating"), rejected)
    assert abs(float(minimax)) < 1e-3 < 0.99 < abs(float(nonsaturating))
