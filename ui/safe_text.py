"""Text from users, models, files and URLs, shown on a page without acting as page markup.

``st.markdown`` (and every label, caption and alert, which are Markdown too) would turn
``![x](http://host/x.png)`` into an image that every viewer's browser fetches, and
``[here](http://...)`` into a link dressed as the app's own. Untrusted text goes through
``escaped`` (shown exactly as written) or, where Markdown is the point (an LLM's answer),
through ``answer`` (formatting kept, images shown as their text only).
"""

import re

# every character with a meaning in Streamlit's Markdown: CommonMark's, plus ":" (icons and
# colours, ``:red[...]``), "$" (LaTeX) and "~" (strikethrough)
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:$~&])")
# code spans and fenced blocks, where Markdown (and so an image) cannot happen
_CODE = re.compile(r"(```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)|`[^`\n]*`)", re.S)
_IMAGE = re.compile(r"!(?=\s*\[)")


def escaped(text: object) -> str:
    """``text`` as literal characters inside Markdown: no link, image, icon, colour or formula."""
    return _SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")


def answer(text: str) -> str:
    """A model's Markdown with its formatting, but no image: ``![alt](url)`` shows as ``!`` and a
    link the reader may click, never a picture the browser loads by itself; HTML stays text."""
    parts = _CODE.split(text)
    for i in range(0, len(parts), 2):  # even parts are outside code
        parts[i] = _IMAGE.sub(r"\\!", parts[i]).replace("<", "&lt;")
    return "".join(parts)


def escaped_params(params: dict) -> dict:
    """Parameters of a translated message with their texts escaped (numbers keep their format)."""
    return {key: escaped(value) if isinstance(value, str) else value for key, value in params.items()}
