"""Every page and tab read in Ukrainian, as a student sees it: no English words left in the interface.

What may stay in Latin script: names (of models, libraries, datasets, file formats, samplers),
units that Ukrainian writes in Latin (px), code, and the English prompts Stable Diffusion is
given (the variants' subjects). Everything else a student reads must be Ukrainian.
"""

import re

import pytest

from services.common import variants
from tests.conftest import serve_app, wait_for_app

pytestmark = pytest.mark.browser

# names and terms the course itself writes in Latin script; each entry says why it may stay
# fmt: off
ALLOWED = {
    # products, models, libraries, services, datasets
    "genlab", "gan", "gans", "dcgan", "stable", "diffusion", "pytorch", "torch", "cuda", "cpu", "gpu",
    "mps", "apple", "kaggle", "kagglehub", "lora", "smollm", "smollm2", "instruct", "openai",
    "chatgpt", "gpt", "bert", "t5", "llama", "cpp", "ollama", "vllm", "lm", "studio", "hugging",
    "face", "diffusers", "automatic1111", "a1111", "webui", "sd", "turbo", "tiny", "bk", "sdm", "vae",
    "clip", "unet", "mnist", "fashion", "ffhq", "wikiart", "scikit", "learn", "streamlit", "adam",
    "bubblewrap", "english", "llm", "u", "net",
    # file formats and protocols
    "safetensors", "gguf", "docx", "pdf", "png", "jpeg", "jpg", "webp", "csv", "zip", "json", "exif",
    "api", "url", "http", "https", "id", "rgb", "ram", "seo",
    # schedulers, samplers and modes as A1111 names them
    "ddpm", "ddim", "euler", "heun", "dpm", "lms", "karras", "sde", "unipc", "plms", "txt2img",
    "img2img", "inpaint", "inpainting", "cfg", "dpm++", "info", "scale", "y",
    # layer, measure and method names the manual and the literature use as they are
    "fid", "kl", "relu", "leakyrelu", "tanh", "sigmoid", "batchnorm", "layernorm", "rmsnorm",
    "conv2d", "convtranspose2d", "batchnorm2d", "slerp", "softmax", "rope", "mlp", "rlhf", "qk", "fp32", "bf16", "bfloat16",
    "float32", "float16", "top_p",
    # symbols of the formulas (z, G, D, m, k, lr, Q, K, V, t = a·pixels^b, 2e-4 ...) and Euler a's "a"
    "top", "p", "k", "q", "v", "z", "m", "x", "g", "d", "n", "t", "a", "b", "e", "lr", "log",
    # units Ukrainian writes in Latin script
    "px",
}
# fmt: on
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_+]*")
# fmt: off
PAGES = {
    "": [],
    "gan": ["1 · Дані", "2 · Модель", "3 · Навчання", "Запуски", "Зразки", "Колапс мод", "Контрольні запитання", "Звіт"],
    "diffusion": [
        "txt2img", "img2img", "Inpaint", "Експерименти", "PNG Info", "LoRA", "Своя модель", "GAN проти дифузії",
        "Контрольні запитання", "Звіт",
    ],
    "llm": ["Порівняння", "Історія", "Теорія й контрольні запитання", "Звіт"],
}
# fmt: on


def english_words(text: str) -> set[str]:
    """Latin-script words outside the allowed names, with code, URLs and prompts left out."""
    for v in variants.VARIANTS:
        text = re.sub(rf"\b(?:an? )?{re.escape(v.subject_en)}", " ", text)
    text = re.sub(r"https?://\S+|\S+\.(?:py|json|csv|png|zip|safetensors|gguf)\b", " ", text)
    return {w for w in WORD.findall(text) if w.lower() not in ALLOWED}


def _read(page) -> str:
    """The text a student reads: visible text, without code, formulas and icon ligatures."""
    return page.evaluate(
        """() => {
            const skip = "pre, code, [data-testid='stCode'], textarea, input, .katex, svg";
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const parts = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const element = node.parentElement;
                if (!element || element.closest(skip)) continue;
                const style = getComputedStyle(element);
                if (style.fontFamily.includes("Material")) continue;  // an icon's name
                if (parseFloat(style.fontSize) === 0) continue;  // replaced by its translation
                const box = element.getBoundingClientRect();
                if (box.width <= 1 || box.height <= 1) continue;  // visually hidden (the skip link)
                parts.push(node.textContent);
            }
            return parts.join(" ");
        }"""
    )


def test_every_page_and_tab_reads_in_ukrainian(page, tmp_path):
    """On a server of its own, as a new student first sees it: other tests' runs and answers (whose
    titles and texts are users' and models' words) would be read as the interface's."""
    found: dict[str, set[str]] = {}
    with serve_app(tmp_path) as app_url:
        page.goto(f"{app_url}/?lang=uk")
        wait_for_app(page)
        for path, tabs in PAGES.items():
            page.goto(f"{app_url}/{path}?lang=uk")
            wait_for_app(page)
            found[path or "home"] = english_words(_read(page))
            for name in tabs:
                page.get_by_role("tab", name=name).click()
                wait_for_app(page)
                found[f"{path}: {name}"] = english_words(_read(page))
    left = {where: sorted(words) for where, words in found.items() if words}
    assert not left, "\n".join(f"{where}: {' '.join(words)}" for where, words in left.items())
