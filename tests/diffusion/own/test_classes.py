"""Prompts of an own model: class names in Ukrainian or English, and clear refusals."""

import pytest

from services.diffusion.own import classes
from tests.diffusion.inputs import user_error

SHAPES = ["circle", "square", "triangle"]
DIGITS = [str(d) for d in range(10)]
FASHION = [
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
]


@pytest.mark.parametrize(
    ("prompt", "names", "index"),
    [
        ("коло", SHAPES, 0),
        ("circle", SHAPES, 0),
        ("Коло.", SHAPES, 0),
        ("a red circle", SHAPES, 0),
        ("великий квадрат", SHAPES, 1),
        ("triangles", SHAPES, 2),
        ("сім", DIGITS, 7),
        ("seven", DIGITS, 7),
        ("7", DIGITS, 7),
        ("цифра п’ять", DIGITS, 5),  # a typographic apostrophe
        ("кросівок", FASHION, 7),
        ("sneakers", FASHION, 7),
        ("t-shirt", FASHION, 0),  # not "shirt"
        ("сорочка", FASHION, 6),
        ("ankle boot", FASHION, 9),
        ("Kitten_Photos", ["kitten_photos", "dogs"], 0),  # a folder of the student's own, by its name
        ("kitten photos", ["kitten_photos", "dogs"], 0),
    ],
)
def test_a_class_name_in_either_language_names_its_class(prompt, names, index):
    assert classes.class_of(prompt, names) == index


def test_a_prompt_naming_no_class_lists_the_classes_in_both_languages():
    error = user_error(classes.class_of, "a red fox in the snow", SHAPES)
    assert error.key == "sd.own.err.no_class"
    assert error.params["classes"] == "коло / circle, квадрат / square, трикутник / triangle"
    assert error.params["prompt"] == "a red fox in the snow"


def test_a_prompt_naming_several_classes_is_refused():
    error = user_error(classes.class_of, "simple geometric shapes, a circle, a square and a triangle", SHAPES)
    assert error.key == "sd.own.err.several_classes"
    assert error.params["named"] == "коло / circle, квадрат / square, трикутник / triangle"


def test_unlabelled_data_takes_any_prompt():
    assert classes.class_of("anything at all", []) == 0
    assert classes.negative_of("blurry", []) is None


def test_the_negative_prompt_names_a_class_or_nothing():
    assert classes.negative_of("", SHAPES) is None
    assert classes.negative_of("blurry, lowres", SHAPES) is None  # words the model never learned
    assert classes.negative_of("квадрат", SHAPES) == 1
    assert user_error(classes.negative_of, "circle, square", SHAPES).key == "sd.own.err.several_negatives"


def test_classes_are_named_in_the_sessions_language():
    assert classes.label("circle", "uk") == "коло" and classes.label("circle", "en") == "circle"
    assert classes.label("Sneaker", "uk") == "кросівок"
    assert classes.label("my folder", "uk") == "my folder"
