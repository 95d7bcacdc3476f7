"""Text from models, files and URLs is shown as text: a planted image is never fetched by the browser.

Each test plants Markdown for an image whose address is a local HTTP server (or, where a path
cannot hold one, a relative file name), opens the page that shows it, and checks that no
request for it arrives. The page itself fetches nothing from the internet either.
"""

import http.server
import io
import threading
import zipfile

import pytest
from PIL import Image

from services.llm import endpoints, history, matrix
from tests.conftest import serve_app, wait_for_app

pytestmark = pytest.mark.browser


@pytest.fixture
def trap():
    """A local HTTP server that records every path asked of it."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server API)
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()


@pytest.fixture
def app(tmp_path, monkeypatch):
    """A server of its own, whose cache this test writes into."""
    monkeypatch.setenv("GENLAB_CACHE", str(tmp_path))
    with serve_app(tmp_path) as url:
        yield url


def _watch(page) -> list[str]:
    """Every URL the page asks for, but the pages themselves."""
    asked: list[str] = []
    page.on("request", lambda request: request.resource_type == "document" or asked.append(request.url))
    return asked


def _open(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.wait_for_timeout(1000)  # an image would be requested by now


def test_a_model_answer_with_an_image_loads_nothing(page, app, trap):
    address, asked = trap
    planted = f"Here you go: ![x]({address}/answer.png) and [a link]({address}/link)."
    settings = matrix.Matrix([(1, "easy")], ["plain"], ["en"], [endpoints.local_endpoint()], [0.0])
    comparison = matrix.Comparison(settings, "planted")
    reply = endpoints.Reply(planted, 1.0, 0.1, 12, 8, 8, "stop", False)
    comparison.update(0, **matrix.assess(comparison.cells[0], reply), text=planted, status=matrix.DONE)
    comparison.state = matrix.DONE
    history.save(comparison.record())
    requests = _watch(page)
    _open(page, f"{app}/?lang=en")
    _open(page, f"{app}/llm?lang=en&llm_job={comparison.id}")  # live view of an old link
    page.get_by_text("Here you go").first.wait_for()
    page.get_by_role("tab", name="History").click()
    wait_for_app(page)
    page.wait_for_timeout(1000)
    assert asked == [] and not [r for r in requests if "answer.png" in r or "/link" in r]
    assert page.get_by_role("link", name="a link").count() >= 1  # Markdown kept; nothing fetched


def test_a_folder_name_in_an_uploaded_zip_stays_text(page, app, screenshot_dir):
    buffer = io.BytesIO()
    picture = io.BytesIO()
    Image.new("RGB", (32, 32), "red").save(picture, format="PNG")
    with zipfile.ZipFile(buffer, "w") as archive:
        for folder in ("![x](planted-folder.png)", "plain"):
            for i in range(4):
                archive.writestr(f"{folder}/{i}.png", picture.getvalue())
    requests = _watch(page)
    _open(page, f"{app}/?lang=en")
    _open(page, f"{app}/gan?lang=en")
    page.get_by_text("ZIP archive", exact=True).click()
    wait_for_app(page)
    page.locator("input[type='file']").set_input_files(
        files=[{"name": "planted.zip", "mimeType": "application/zip", "buffer": buffer.getvalue()}]
    )
    wait_for_app(page)
    page.get_by_role("button", name="Load data").click()
    page.get_by_text("Loaded 8 images").wait_for()
    page.screenshot(path=screenshot_dir / "untrusted_folder_name.png", full_page=True)
    page.get_by_text("planted-folder.png").first.wait_for()  # the name, shown as written
    wait_for_app(page)
    page.wait_for_timeout(1000)
    assert not [r for r in requests if "planted-folder" in r]


def test_a_url_parameter_stays_text(page, app, trap):
    address, asked = trap
    requests = _watch(page)
    _open(page, f"{app}/?lang=en")
    _open(page, f"{app}/diffusion?lang=en&sweep=![x]({address}/param.png)")
    page.get_by_text("Tiny demo", exact=True).click()
    wait_for_app(page)
    page.get_by_role("tab", name="Experiments").click()
    wait_for_app(page)
    page.wait_for_timeout(1000)
    assert asked == [] and not [r for r in requests if "param.png" in r]


def test_the_pages_fetch_nothing_from_the_internet(page, app):
    requests = _watch(page)
    for path in ("", "gan", "diffusion", "llm"):
        _open(page, f"{app}/{path}?lang=uk")
    outside = {r for r in requests if not r.startswith((app, "data:", f"blob:{app}"))}
    assert not outside, outside
