"""Prompts of a class-conditioned model: a class name in Ukrainian or English.

The model knows only the classes of the data it was trained on, so a prompt is read as the
one class it names: "коло", "a circle", "цифра сім", "7", "sneakers". The known classes of
the built-in data and of the variants' Kaggle sets have names in both languages (with the
common word forms); any other class (a folder of the student's own) is named by itself.
A prompt that names no class, or several, is refused with the list of classes.
"""

from __future__ import annotations

import re

from services.common.errors import UserError

# Lab 1's class name (lower case) -> (Ukrainian words, English words); the first of each names it
ALIASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # built-in shapes and variant 1's Kaggle set
    "circle": (("коло", "кола", "колом", "круг", "кружок"), ("circle", "circles", "ring")),
    "square": (("квадрат", "квадрата", "квадрати", "квадратом"), ("square", "squares")),
    "triangle": (("трикутник", "трикутника", "трикутники", "трикутником"), ("triangle", "triangles")),
    # built-in digits and variant 6 (MNIST)
    "0": (("нуль", "нуля", "нулик"), ("zero",)),
    "1": (("один", "одиниця", "одиничка"), ("one",)),
    "2": (("два", "двійка"), ("two",)),
    "3": (("три", "трійка"), ("three",)),
    "4": (("чотири", "четвірка"), ("four",)),
    "5": (("п'ять", "пять", "п'ятірка"), ("five",)),
    "6": (("шість", "шістка"), ("six",)),
    "7": (("сім", "сімка"), ("seven",)),
    "8": (("вісім", "вісімка"), ("eight",)),
    "9": (("дев'ять", "девять", "дев'ятка"), ("nine",)),
    # variant 3 (Fashion-MNIST)
    "t-shirt/top": (("футболка", "футболки", "топ"), ("t-shirt", "tshirt", "top", "tee")),
    "trouser": (("штани", "брюки"), ("trousers", "trouser", "pants")),
    "pullover": (("пуловер", "светр", "светри"), ("pullover", "sweater", "jumper")),
    "dress": (("сукня", "сукні", "плаття"), ("dress", "dresses")),
    "coat": (("пальто", "куртка"), ("coat", "coats", "jacket")),
    "sandal": (("сандалі", "сандалія", "босоніжки"), ("sandal", "sandals")),
    "shirt": (("сорочка", "сорочки"), ("shirt", "shirts")),
    "sneaker": (("кросівок", "кросівки", "кросівка", "кеди"), ("sneaker", "sneakers", "trainers")),
    "bag": (("сумка", "сумки", "торбинка"), ("bag", "bags", "handbag")),
    "ankle boot": (("черевик", "черевики", "чоботи", "ботильйони"), ("ankle boot", "boot", "boots")),
    # variant 2 (animal faces)
    "cat": (("кіт", "кішка", "кота", "коти", "котик"), ("cat", "cats", "kitten")),
    "dog": (("собака", "собаки", "пес", "песик"), ("dog", "dogs", "puppy")),
    "wild": (("дика тварина", "дикі тварини", "дикий", "дика"), ("wild animal", "wild")),
    # variant 10 (flowers)
    "daisy": (("ромашка", "ромашки"), ("daisy", "daisies")),
    "dandelion": (("кульбаба", "кульбаби"), ("dandelion", "dandelions")),
    "rose": (("троянда", "троянди", "роза"), ("rose", "roses")),
    "sunflower": (("соняшник", "соняшники"), ("sunflower", "sunflowers")),
    "tulip": (("тюльпан", "тюльпани"), ("tulip", "tulips")),
}
_APOSTROPHES = re.compile(r"[’ʼ`´‘]")
_WORD = re.compile(r"[\w'-]+")


def words(text: str) -> tuple[str, ...]:
    """The text as lower-case words, apostrophes made one, for matching: "П’ять!" -> ("п'ять",)."""
    return tuple(_WORD.findall(_APOSTROPHES.sub("'", text.lower())))


def names(class_name: str) -> tuple[str, str]:
    """A class as the student reads it: (Ukrainian, English); a class of their own by its own name."""
    known = ALIASES.get(class_name.lower())
    return (known[0][0], known[1][0]) if known else (class_name, class_name)


def label(class_name: str, lang: str) -> str:
    return names(class_name)[0 if lang == "uk" else 1]


def listing(classes: list[str]) -> str:
    """Every class in both languages, for a message the student reads in either: "коло / circle, …"."""
    shown = []
    for name in classes:
        uk, en = names(name)
        shown.append(uk if uk == en else f"{uk} / {en}")
    return ", ".join(shown)


def named(text: str, classes: list[str]) -> list[int]:
    """The classes ``text`` names, in class order (a name counts where it stands as whole words)."""
    said = words(text)
    found = []
    for index, name in enumerate(classes):
        uk, en = ALIASES.get(name.lower(), ((), ()))
        spellings = {words(w) for w in (name, name.replace("_", " "), *uk, *en)} - {()}
        if any(_contains(said, spelling) for spelling in spellings):
            found.append(index)
    return found


def class_of(prompt: str, classes: list[str]) -> int:
    """The one class the prompt names; UserError listing the classes when it names none or several.

    A model of unlabelled data (no class names) or of one class draws it for every prompt."""
    if len(classes) <= 1:
        return 0
    found = named(prompt, classes)
    if not found:
        raise UserError("sd.own.err.no_class", prompt=prompt.strip()[:80], classes=listing(classes))
    if len(found) > 1:
        raise UserError("sd.own.err.several_classes", named=listing([classes[i] for i in found]))
    return found[0]


def negative_of(negative: str, classes: list[str]) -> int | None:
    """The class a negative prompt steers away from, or None (the unconditional prediction).

    As in Stable Diffusion, the negative prompt takes the place of the empty prompt in
    guidance; words this model never learned mean nothing to it, so they are left out."""
    if len(classes) <= 1:
        return None
    found = named(negative, classes)
    if len(found) > 1:
        raise UserError("sd.own.err.several_negatives", named=listing([classes[i] for i in found]))
    return found[0] if found else None


def _contains(said: tuple[str, ...], spelling: tuple[str, ...]) -> bool:
    n = len(spelling)
    return any(said[i : i + n] == spelling for i in range(len(said) - n + 1))
