"""Prompts for Lab 2: ready-made prompts for each variant, and the styles of the prompt-style experiment.

Stable Diffusion's text encoder (CLIP) was trained on English captions, so what the model
reads is English; each preset also carries its Ukrainian meaning, shown to the student
next to it.
"""

from dataclasses import dataclass

from services.common import variants

NEGATIVE = "blurry, low quality, jpeg artifacts, watermark, text, signature, deformed, cropped"


@dataclass(frozen=True)
class Preset:
    id: str  # "basic", "detailed" or "artistic"
    prompt: str  # English: what the model reads
    negative: str
    meaning_uk: str  # the prompt in Ukrainian, for the student


# A detailed prompt per variant: subject, details, light and framing, as the manual advises
# ("detailed and contextual descriptions"). Keyed by variant number.
_DETAILED: dict[int, tuple[str, str, str]] = {
    1: (
        "simple flat geometric shapes, a red circle, a blue square and a yellow triangle "
        "on a white background, clean sharp edges, centered, high contrast",
        "прості пласкі геометричні фігури: червоне коло, синій квадрат і жовтий трикутник "
        "на білому тлі, чіткі рівні краї, по центру, висока контрастність",
        "3d, shadows, texture, noise",
    ),
    2: (
        "close-up portrait of a red fox face, detailed fur, bright amber eyes, looking at the "
        "camera, soft natural light, shallow depth of field, wildlife photography",
        "крупний план морди рудої лисиці, детальне хутро, яскраві бурштинові очі, дивиться в "
        "камеру, м'яке природне світло, мала глибина різкості, фото дикої природи",
        "extra eyes, distorted snout, cartoon",
    ),
    3: (
        "a blue denim jacket laid flat on a plain light gray background, product photo, "
        "studio lighting, centered, fabric texture",
        "синя джинсова куртка, розкладена на однотонному світло-сірому тлі, предметне фото, "
        "студійне світло, по центру, видно фактуру тканини",
        "person, mannequin, cluttered background",
    ),
    4: (
        "a scenic landscape with snowy mountains reflected in a calm lake at sunrise, pine "
        "forest on the shore, golden light, wide angle, highly detailed",
        "мальовничий пейзаж: засніжені гори відбиваються в тихому озері на світанку, сосновий "
        "ліс на березі, золоте світло, ширококутний знімок, висока деталізація",
        "people, buildings, oversaturated",
    ),
    5: (
        "portrait of a young woman looking at the camera, natural skin texture, soft window "
        "light, 85mm lens, sharp focus on the eyes, neutral background",
        "портрет молодої жінки, що дивиться в камеру, природна текстура шкіри, м'яке світло з "
        "вікна, об'єктив 85 мм, різкість на очах, нейтральне тло",
        "extra fingers, asymmetric eyes, distorted face, heavy makeup",
    ),
    6: (
        "a single handwritten digit 7 written in black ink on white paper, close-up, centered, "
        "high contrast, scanned document",
        "одна рукописна цифра 7, написана чорним чорнилом на білому папері, крупний план, по "
        "центру, висока контрастність, як відскановано",
        "several digits, letters, color, lines of text",
    ),
    7: (
        "a red sedan car seen from the side, parked on a city street, daylight, realistic "
        "photo, sharp focus, clean reflections",
        "червоний седан збоку, припаркований на міській вулиці, денне світло, реалістичне фото, "
        "висока різкість, чисті відблиски",
        "deformed wheels, extra wheels, people, cartoon",
    ),
    8: (
        "a fragment of a classical renaissance oil painting, visible brush strokes, craquelure, "
        "warm earthy colors, canvas texture, museum lighting",
        "фрагмент класичної ренесансної картини олією, видно мазки пензля, кракелюр, теплі "
        "землисті кольори, фактура полотна, музейне освітлення",
        "frame, photo, modern objects",
    ),
    9: (
        "an abstract composition of overlapping colour fields, bold red, blue and yellow "
        "shapes, expressive brush strokes, modern art, textured canvas",
        "абстрактна композиція з кольорових плям, що перекриваються: сміливі червоні, сині й "
        "жовті форми, експресивні мазки, сучасне мистецтво, фактурне полотно",
        "realistic objects, faces, text",
    ),
    10: (
        "a close-up of a bouquet of red roses and white tulips, dew drops on the petals, soft "
        "bokeh background, vibrant colors, macro photography",
        "крупний план букета червоних троянд і білих тюльпанів, краплі роси на пелюстках, "
        "м'яке розмите тло, яскраві кольори, макрозйомка",
        "wilted flowers, vase clutter, text",
    ),
}


def presets(variant_number: int) -> tuple[Preset, ...]:
    """Three prompts for a variant, from the bare subject to a detailed description."""
    v = variants.get(variant_number)
    detailed, detailed_uk, extra_negative = _DETAILED[v.number]
    return (
        Preset("basic", v.subject_en, NEGATIVE, v.subject_uk),
        Preset("detailed", detailed, f"{NEGATIVE}, {extra_negative}", detailed_uk),
        Preset(
            "artistic",
            f"{v.subject_en}, digital art, dramatic lighting, vivid colors, highly detailed",
            NEGATIVE,
            f"{v.subject_uk}, цифрове мистецтво, драматичне освітлення, яскраві кольори, висока деталізація",
        ),
    )


def preset(variant_number: int, preset_id: str) -> Preset:
    return next(p for p in presets(variant_number) if p.id == preset_id)


# Styles of the prompt-style experiment: the same subject (and seed) in different styles.
# "{subject}" is replaced by the subject prompt; "plain" keeps it as it is.
STYLES: dict[str, str] = {
    "plain": "{subject}",
    "photo": "{subject}, professional photograph, 35mm lens, natural light, sharp focus",
    "oil": "{subject}, oil painting on canvas, thick brush strokes, classical style",
    "watercolor": "{subject}, watercolor painting, soft washes of color, paper texture",
    "sketch": "{subject}, pencil sketch, graphite on paper, hatching, black and white",
    "anime": "{subject}, anime style illustration, cel shading, vibrant colors",
    "vector": "{subject}, minimal flat vector illustration, simple shapes, limited palette",
    "pixel": "{subject}, pixel art, 16-bit retro video game sprite",
    "render3d": "{subject}, 3d render, soft studio lighting, glossy materials",
}


def styled(subject: str, style: str) -> str:
    """The subject prompt written in a style of ``STYLES``."""
    return STYLES[style].format(subject=subject.strip())
