"""Lab 1's five control questions, each answered on the student's own run: their G and D as a
diagram (1), the feature maps from z to the image (2), quality against the hyperparameters of their
runs (3), the generator's layers and what each does (4), and their run beside one that collapses on
purpose (5).

The run the answers use is picked once, under question 1 (at first the one on screen, else the
student's newest). Before there is a trained run, questions 1, 2 and 4 show the networks the Model
tab builds, untrained and said so, and question 1 offers to start a run in one click. Question 2's
seed and sliders rerun the page, so question 4's maps follow them; question 3's chart is a fragment.
"""

from collections.abc import Callable

from ui.gan import questions_collapse, questions_maps, questions_networks, questions_study
from ui.gan.questions_runs import run_picker


def answers() -> dict[int, Callable[[], None]]:
    """The live part of each question, for ``ui.questions.control_questions``."""
    return {
        1: _first,
        2: questions_maps.draw,
        3: questions_study.draw,
        4: questions_networks.layers,
        5: questions_collapse.draw,
    }


def _first() -> None:
    """The run every answer shows, then question 1."""
    run_picker()
    questions_networks.components()
