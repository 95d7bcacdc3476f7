"""Lab 2's five control questions, each answered by something measured here: the stages of the
student's own generation (1), their sweeps side by side (2), what the latent space saves (3), diffusion
against their GAN (4), and a table of pros and cons from their measurements (5).

The model is the one picked above the tabs; without one, the tiny demo model (built offline in
seconds), and the answers say so. Each answer that works on a model runs it as a background job of
the student's, so the page stays responsive and a reload finds it again.
"""

from collections.abc import Callable

from services.diffusion import demo
from services.diffusion.models import ModelRef
from ui.diffusion import questions_costs, questions_stages, questions_sweeps, questions_tradeoffs
from ui.session import tr


def answers(picked: ModelRef | None) -> dict[int, Callable[[], None]]:
    """The live part of each question, for ``ui.questions.control_questions``."""

    def on_model(draw: Callable) -> Callable[[], None]:
        def answer() -> None:
            model = picked or demo.tiny_model()
            draw(model, None if picked else tr("sd.qa.tiny_note"))

        return answer

    return {
        1: on_model(questions_stages.draw),
        2: lambda: questions_sweeps.draw(picked),
        3: on_model(questions_costs.draw),
        4: questions_tradeoffs.against_gan,
        5: questions_tradeoffs.pros_and_cons,
    }
