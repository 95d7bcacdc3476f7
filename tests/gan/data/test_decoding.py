"""Decoding untrusted files: odd formats are converted, broken ones skipped, each counted."""

import numpy as np
from PIL import Image

from services.gan.data import files
from tests.gan.data.made import encoded, picture, write


def test_bad_and_odd_files_are_skipped_or_converted(tmp_path):
    """Each odd file is either converted (and counted) or skipped with its reason; none raises."""
    root = tmp_path / "odd"
    good = encoded(picture(size=(64, 64)), "PNG")
    write(root / "good.png", good)
    write(root / "truncated.png", good[: len(good) // 2])
    write(root / "truncated.jpg", encoded(picture(size=(64, 64)), "JPEG")[:300])
    write(root / "text.png", b"this is not a picture at all")
    write(root / "tiny.png", encoded(Image.new("RGB", (1, 1), "red"), "PNG"))
    write(root / "cmyk.jpg", encoded(Image.new("CMYK", (32, 32), (0, 255, 255, 0)), "JPEG"))
    deep = np.full((32, 32), 65535, np.uint16)
    write(root / "deep.png", encoded(Image.fromarray(deep), "PNG"))  # 16-bit gray, all white
    clear = Image.new("RGBA", (32, 32), (255, 0, 0, 0))  # fully transparent red
    write(root / "alpha.png", encoded(clear, "PNG"))
    frames = [Image.new("RGB", (32, 32), color) for color in ("red", "green", "blue")]
    write(root / "anim.gif", encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=50))

    data = files.load_folder(root, 32, 3)
    report = data.report
    assert len(data) == 5 and report.loaded == 5
    assert report.skipped == {"corrupt": 2, "not_image": 1, "too_small": 1}
    assert report.converted == {"cmyk": 1, "high_bit_depth": 1, "alpha": 1, "animated": 1, "palette": 1}
    by_name = dict(zip(["alpha", "anim", "cmyk", "deep", "good"], data.images, strict=True))
    assert float(by_name["deep"].min()) == 1.0  # 65535 of 65535 is white, not clipped garbage
    assert float(by_name["alpha"].min()) == 1.0  # transparent is laid on white
    red = by_name["cmyk"].mean(dim=(1, 2))
    assert red[0] > 0.8 and red[1] < -0.8 and red[2] < -0.8  # C=0 M=Y=255 is red
    first = by_name["anim"].mean(dim=(1, 2))
    assert first[0] > 0.8 and first[1] < -0.8  # the first frame
