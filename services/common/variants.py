"""The ten variants of the lab manual.

A student picks one by their number in the class list; it selects the Kaggle dataset of
Lab 1, the subject of the Stable Diffusion prompts of Lab 2 and the task of Lab 3.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    number: int
    kaggle: str  # owner/dataset on Kaggle
    name_uk: str
    name_en: str
    layout: str  # how the files are laid out: "folders", "idx" (MNIST) or "csv" (Fashion-MNIST)
    native_text: tuple[str, str]  # what the original images are, in Ukrainian and English
    size: int  # default GAN training resolution, px
    channels: int  # 1 = grayscale, 3 = RGB
    subject_uk: str  # what Lab 2 draws, as a prompt subject
    subject_en: str
    builtin: str | None = None  # built-in offline data that stands in for the Kaggle set

    def name(self, lang: str) -> str:
        return self.name_uk if lang == "uk" else self.name_en

    def native(self, lang: str) -> str:
        return self.native_text[0 if lang == "uk" else 1]

    def subject(self, lang: str) -> str:
        return self.subject_uk if lang == "uk" else self.subject_en

    @property
    def kaggle_url(self) -> str:
        return f"https://www.kaggle.com/datasets/{self.kaggle}"


VARIANTS: tuple[Variant, ...] = (
    Variant(
        1,
        "dineshpiyasamara/geometric-shapes-dataset",
        "Прості геометричні фігури",
        "Simple geometric shapes",
        "folders",
        ("RGB PNG: коло, квадрат, трикутник", "RGB PNG: circle, square, triangle"),
        32,
        1,
        "прості геометричні фігури: коло, квадрат і трикутник",
        "simple geometric shapes, a circle, a square and a triangle",
        builtin="shapes",
    ),
    Variant(
        2,
        "andrewmvd/animal-faces",
        "Обличчя тварин",
        "Animal faces",
        "folders",
        ("RGB JPG 512×512: кіт, собака, дикі", "RGB JPG 512×512: cat, dog, wild"),
        64,
        3,
        "морда тварини крупним планом",
        "close-up portrait of an animal face",
    ),
    Variant(
        3,
        "zalando-research/fashionmnist",
        "Одяг (Fashion-MNIST)",
        "Clothing (Fashion-MNIST)",
        "csv",
        ("CSV `label,pixel1..pixel784`, 28×28 сірі", "CSV `label,pixel1..pixel784`, 28×28 gray"),
        28,
        1,
        "предмет одягу на однотонному тлі",
        "a piece of clothing on a plain background",
    ),
    Variant(
        4,
        "arnaud58/landscape-pictures",
        "Пейзажі",
        "Landscapes",
        "folders",
        ("RGB JPG, різні розміри", "RGB JPG, various sizes"),
        64,
        3,
        "мальовничий пейзаж з горами й озером",
        "a scenic landscape with mountains and a lake",
    ),
    Variant(
        5,
        "arnaud58/flickrfaceshq-dataset-ffhq",
        "Обличчя людей (FFHQ)",
        "Human faces (FFHQ)",
        "folders",
        ("RGB PNG, вирівняні обличчя", "RGB PNG, aligned faces"),
        64,
        3,
        "портрет людини, обличчя анфас",
        "portrait of a person, face looking at the camera",
    ),
    Variant(
        6,
        "hojjatk/mnist-dataset",
        "Рукописні цифри (MNIST)",
        "Handwritten digits (MNIST)",
        "idx",
        ("`IDX ubyte`, 28×28 сірі", "`IDX ubyte`, 28×28 gray"),
        28,
        1,
        "рукописна цифра чорнилом на папері",
        "a handwritten digit in ink on paper",
        builtin="digits",
    ),
    Variant(
        7,
        "jessicali9530/stanford-cars-dataset",
        "Автомобілі",
        "Cars",
        "folders",
        ("RGB JPG, різні розміри", "RGB JPG, various sizes"),
        64,
        3,
        "легковий автомобіль збоку на вулиці",
        "a car seen from the side on a street",
    ),
    Variant(
        8,
        "steubk/wikiart",
        "Фрагменти мистецьких полотен",
        "Fragments of artworks",
        "folders",
        ("RGB JPG за стилями мистецтва", "RGB JPG by art style"),
        64,
        3,
        "фрагмент класичної картини олією",
        "a fragment of a classical oil painting",
    ),
    Variant(
        9,
        "danielvalyano/abstract-paintings",
        "Абстрактні зображення",
        "Abstract images",
        "folders",
        ("RGB JPG", "RGB JPG"),
        64,
        3,
        "абстрактна композиція з кольорових плям",
        "an abstract composition of colour fields",
    ),
    Variant(
        10,
        "imsparsh/flowers-dataset",
        "Квіти",
        "Flowers",
        "folders",
        ("RGB JPG за видами", "RGB JPG by species"),
        64,
        3,
        "букет квітів крупним планом",
        "a close-up of a bouquet of flowers",
    ),
)


def get(number: int) -> Variant:
    """Variant by its number in the manual (1-10)."""
    if not 1 <= number <= len(VARIANTS):
        raise ValueError(f"variant must be 1..{len(VARIANTS)}, got {number}")
    return VARIANTS[number - 1]
