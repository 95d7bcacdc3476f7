"""The drafted conclusions say what the numbers show, and no more: a fit that does not hold is
called so, collapse is dated, and the longest and the fastest answers are named."""

from services.report import Comparison, draft_conclusions
from tests.report import samples


def draft(lab: str, items: list, lang: str = "en") -> str:
    return draft_conclusions(samples.report(lab, items, lang))


def test_time_linear_in_steps_gives_the_time_per_step_and_r2():
    text = draft("diffusion", [samples.steps_sweep()])
    assert "grew linearly with the number of steps, about 0.100 s per step (R² = 1.000)" in text
    uk = draft("diffusion", [samples.steps_sweep()], "uk")
    assert "0,100 с на крок (R² = 1,000)" in uk


def test_a_poor_line_is_called_poor_and_no_time_per_step_is_claimed():
    sweep = samples.steps_sweep()
    for cell, seconds in zip(sweep.cells, (2.0, 0.3, 1.9, 0.2, 1.0), strict=True):
        cell.seconds = seconds
    text = draft("diffusion", [sweep])
    assert "fits the time against the number of steps poorly" in text
    assert "per step (" not in text


def test_size_gives_the_fitted_exponent_and_how_it_grows():
    sweep = samples.size_sweep()
    for cell in sweep.cells:  # time ∝ pixels²
        cell.seconds = (cell.settings.width * cell.settings.height / 4096) ** 2 * 0.01
    text = draft("diffusion", [sweep])
    assert "(number of pixels)^2.00 (R² = 1.000)" in text and "faster than the number of pixels" in text


def test_two_sizes_are_compared_without_a_fit():
    sweep = samples.size_sweep()
    sweep.cells = sweep.cells[:2]
    text = draft("diffusion", [sweep])
    assert "R²" not in text and "the slowest" in text and "times longer" in text


def test_a_parameter_that_changes_nothing_is_said_to_change_nothing():
    assert "hardly depended on the style" in draft("diffusion", [samples.style_sweep()])


def test_collapse_is_dated_and_runs_are_compared_by_diversity():
    text = draft("gan", [samples.gan_run("steady"), samples.gan_run("collapsing", collapse_at=300)])
    assert "No sign of mode collapse (10 measurements)" in text
    assert (
        "Mode collapse showed at iteration 300: the diversity of the samples was 0.20, below the "
        "threshold of 0.35; the generator drew only 1 of the 3 classes." in text
    )
    assert "The generator draws 1 of the 3 classes of the data." in text
    assert (
        "Run “steady” gave the most diverse samples (0.80), run “collapsing” the least diverse (0.20)."
        in text
    )


def test_a_run_that_recovered_says_so():
    run = samples.gan_run(collapse_at=300)
    for row in run.metrics:
        if row["step"] == 500:
            row |= {"diversity": 0.7, "collapsed": False}
    assert "By iteration 500 the signs were gone (diversity 0.70)." in draft("gan", [run])


def test_early_measurements_are_not_read_as_collapse_nor_as_its_absence():
    run = samples.gan_run(collapse_at=300)
    for row in run.metrics:
        if row["step"] < 250 and "diversity" in row:
            row |= {"diversity": 0.1, "collapsed": None}  # near-copies of one blur: not judged yet
    text = draft("gan", [run])
    assert "Measurements before iteration 250 were not judged for collapse" in text
    assert "Mode collapse showed at iteration 300" in text and "No sign" not in text
    short = samples.gan_run(iterations=100)
    for row in short.metrics:
        row["collapsed"] = None if "diversity" in row else row.get("collapsed")
    text = draft("gan", [short])
    assert "Mode collapse was not judged: the run stopped at iteration 100" in text
    assert "No sign" not in text


def test_the_discriminators_balance_is_read_from_its_outputs():
    run = samples.gan_run()
    run.metrics[-1] |= {"d_real": 0.97, "d_fake": 0.03}
    assert "tells real images from generated ones with ease" in draft("gan", [run])


def test_the_longest_and_fastest_answers_are_named_per_axis():
    text = draft("llm", [samples.comparison()])
    assert (
        "By prompt style, “role” gave the longest answers (120 words on average) and “plain” the shortest (70)."
        in text
    )
    assert (
        "By language, the model answered fastest for “English” (1.75 s on average) and slowest for “Ukrainian” (3.50 s)."
        in text
    )
    uk = draft("llm", [samples.comparison()], "uk")
    assert "За ознакою «мова» найдовші відповіді дав варіант «українська» (110 слів у середньому)" in uk


def test_equal_answers_are_called_equal_and_failures_counted():
    comparison = samples.comparison()
    for answer in comparison.answers:
        answer.words, answer.latency_s = 100, 2.0
    comparison.answers[0].status = "error"
    text = draft("llm", [comparison])
    assert "By prompt style, the answers were about equally long (within 10 %)." in text
    assert "Answers that failed: 1." in text
    assert "3 of 3 checked answers came in the language asked for." in text


def test_nothing_measured_says_so():
    assert draft("llm", [Comparison("empty", [])]) == "Comparison “empty” has no finished answer."
    assert "There are no measurements" in draft("gan", [])
