"""Uploads: written to the cache in chunks as they arrive, named by their content."""

import hashlib
import io

from services.gan import data
from services.gan.data import uploads
from tests.gan.data.made import encoded, picture, zipped


class Stream(io.BytesIO):
    """An upload that records how much each read asks for."""

    def __init__(self, payload: bytes):
        super().__init__(payload)
        self.reads: list[int] = []

    def read(self, size: int = -1) -> bytes:
        self.reads.append(size)
        return super().read(size)


def test_an_upload_is_saved_in_chunks_under_its_content_hash(isolated_cache, monkeypatch):
    monkeypatch.setattr(uploads, "CHUNK", 1000)
    payload = zipped({f"a/{i}.png": encoded(picture(seed=i), "PNG") for i in range(3)})
    stream = Stream(payload)
    path = data.save_upload(stream)
    assert path.read_bytes() == payload
    assert path == isolated_cache / "datasets" / "uploads" / f"{hashlib.sha256(payload).hexdigest()}.zip"
    assert len(stream.reads) > 2 and all(0 < size <= 1000 for size in stream.reads)  # never read whole
    assert data.save_upload(Stream(payload)) == path  # the same archive twice is one file
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no partial file left behind
    assert len(data.load_zip(path, 28, 1)) == 3
