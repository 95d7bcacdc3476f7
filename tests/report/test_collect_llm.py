"""Lab 3's saved work read for a report: comparisons answered by the embedded model, listed for their
owner, read with their requests, answers, measures and checks; deleted meanwhile, a note."""

import pytest

from i18n import t
from services.common import jobs
from services.common.owners import Actor
from services.llm import endpoints, history, matrix
from services.report import Comparison, Missing, collect, make
from tests.report import samples

ME, OTHER = Actor("1" * 32), Actor("2" * 32)


def compared(owner: Actor, languages=("en",), title: str = "Task 4") -> str:
    """The Fibonacci task asked of the embedded model, a few tokens an answer."""
    settings = matrix.Matrix(
        tasks=[(4, "easy")],
        styles=["plain"],
        languages=list(languages),
        endpoints=[endpoints.local_endpoint()],
        temperatures=[0.0],
        params=endpoints.Params(max_tokens=16, seed=1),
    )
    job = matrix.start(settings, title, owner=owner.owner)
    assert job.wait(180) and job.snapshot().state == jobs.DONE, job.snapshot().error
    return job.id


@pytest.fixture
def server(llm_server_url):
    return llm_server_url


def test_comparisons_are_listed_for_their_owner_and_read_with_answers_and_checks(server):
    mine = compared(ME, ("en", "uk"), "Task 4 · answers: 2")
    theirs = compared(OTHER)
    assert [s.id for s in collect.saved_work("llm", ME, "uk")] == [mine]
    assert [s.id for s in collect.saved_work("llm", ME, "uk", everybody=True)] == [theirs, mine]
    (item,) = collect.items(collect.saved_work("llm", ME, "uk"), "uk")
    assert isinstance(item, Comparison) and item.title == "Task 4 · answers: 2"
    assert item.params["max_tokens"] == 16 and item.params["seed"] == 1
    record = matrix.recorded(mine)
    assert [(a.task, a.style, a.lang, a.base_url) for a in item.answers] == [
        (4, "plain", "en", "local"),
        (4, "plain", "uk", "local"),
    ]
    for answer, cell in zip(item.answers, record["cells"], strict=True):
        assert answer.text == cell["text"] and answer.text.strip()
        assert answer.messages == cell["messages"] and answer.status == "done"
        assert answer.words == cell["words"] and answer.latency_s > 0 and answer.tokens_out > 0
        check = cell["check"]  # the Fibonacci task's check: does the program run
        mark = {True: "✓ ", False: "✗ ", None: ""}[check["passed"]]
        assert answer.check == mark + t(check["key"], "uk", **check["params"])


def test_a_comparison_from_the_history_makes_a_report_with_its_script(server):
    compared(ME)
    items = collect.items(collect.saved_work("llm", ME, "en"), "en")
    made = make(samples.report("llm", items, "en"))
    assert made.pdf.startswith(b"%PDF") and len(made.scripts) == 1
    assert "REQUESTS = " in made.scripts[0].code


def test_a_comparison_deleted_after_it_was_listed_becomes_missing(server):
    gone = compared(ME)
    listed = collect.saved_work("llm", ME, "en")
    history.delete(gone, ME)
    assert collect.items(listed, "en") == [Missing("Task 4")]


def test_the_variant_names_the_task_and_the_questions_come_with_plain_answers():
    assert collect.variant("llm", 4, "uk").subject == "Програма Фібоначчі"
    questions = collect.control_questions("llm", "en")
    assert len(questions) == 5 and all(q and a for q, a in questions)
    assert questions[0][0] == t("llm.q.1", "en")
    assert "**" not in " ".join(a for _, a in questions) and "multi-head" in questions[0][1]
