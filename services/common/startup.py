"""What the server does once when it starts, before it serves the first page.

GAN training and the training of Lab 2's own diffusion models that a server stop cut short
go on from their last checkpoints (runs are checkpointed at least every 30 s, so a ``kill -9``
loses little). Lab 2 sweeps and Lab 3
comparisons cut short are not restarted: their pages show what finished and say they
were cut.
"""

import contextlib
import logging

from services.common import compute
from services.diffusion.own import runs as own_runs
from services.gan import runs

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def lifespan(app):
    """The ASGI start-up hook of ``st.App`` (see app.py)."""
    if compute.torch_installed():
        resumed = runs.resume_interrupted()
        if resumed:
            log.info("resumed interrupted GAN runs: %s", ", ".join(resumed))
        resumed = own_runs.resume_interrupted()
        if resumed:
            log.info("resumed interrupted diffusion training runs: %s", ", ".join(resumed))
    yield
