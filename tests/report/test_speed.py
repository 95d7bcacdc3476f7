"""A report of many runs is made in seconds: 10 GAN runs (30 charts) and 5 experiments, each as a
document, a DOCX, a PDF and its scripts."""

import time

from services.report import make
from tests.report import samples

LIMIT_S = 20  # both reports together on this 2-core machine shared with others; ~6 s when it is idle


def test_ten_runs_and_five_sweeps_make_their_reports_in_seconds():
    make(samples.report("gan", [samples.gan_run()]))  # the libraries' first import is not the report's time
    # each run's own numbers: no chart is drawn once for two runs
    runs = [
        samples.gan_run(f"run {n}", 2000 + 10 * n, collapse_at=1500 if n % 2 else None) for n in range(10)
    ]
    sweeps = [
        samples.steps_sweep(f"steps {n}") if n % 2 else samples.size_sweep(f"size {n}") for n in range(5)
    ]
    for n, sweep in enumerate(sweeps):
        for cell in sweep.cells:
            cell.seconds += n / 100
    started = time.perf_counter()
    gan = make(samples.report("gan", runs))
    diffusion = make(samples.report("diffusion", sweeps))
    seconds = time.perf_counter() - started
    print(f"10 runs and 5 sweeps: {seconds:.1f} s")
    assert seconds < LIMIT_S
    assert len(gan.document.figures()) == 10 * 4 and len(gan.scripts) == 10
    assert len(diffusion.document.figures()) == 5 * 2 and len(diffusion.scripts) == 5
