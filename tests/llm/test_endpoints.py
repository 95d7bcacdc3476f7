"""Lab 3 endpoints: the errors a student meets become translated messages, and the key never leaks."""

import json

import pytest

from services.common.errors import UserError
from services.llm import endpoints

SECRET = "sk-test-never-store-me-0123456789"


@pytest.mark.parametrize(
    ("model", "key"),
    [
        ("wrong-key", "llm.error.auth"),
        ("busy", "llm.error.rate_limit"),
        ("no-such-model", "llm.error.not_found"),
    ],
)
def test_server_errors_become_translated_messages(failing_server, model, key):
    endpoint = endpoints.Endpoint(model, failing_server, api_key=SECRET)
    with pytest.raises(UserError) as caught:
        endpoints.stream_chat(endpoint, [{"role": "user", "content": "hi"}], endpoints.Params(), 0.7)
    assert caught.value.key == key
    assert SECRET not in str(caught.value.params)


def test_a_server_that_echoes_the_key_does_not_leak_it(failing_server):
    endpoint = endpoints.Endpoint("echo-key", failing_server, api_key=SECRET)
    with pytest.raises(UserError) as caught:
        endpoints.stream_chat(endpoint, [{"role": "user", "content": "hi"}], endpoints.Params(), 0.7)
    assert caught.value.key == "llm.error.bad_request"
    assert "***" in caught.value.params["detail"] and SECRET not in caught.value.params["detail"]


def test_closed_port_and_timeout(closed_port_url, failing_server):
    hi = [{"role": "user", "content": "hi"}]
    with pytest.raises(UserError) as caught:
        endpoints.stream_chat(endpoints.Endpoint("any", closed_port_url), hi, endpoints.Params(), 0.7)
    assert caught.value.key == "llm.error.connection"
    with pytest.raises(UserError) as caught:
        endpoints.stream_chat(
            endpoints.Endpoint("slow", failing_server), hi, endpoints.Params(timeout_s=0.5), 0.7
        )
    assert caught.value.key == "llm.error.timeout"
    with pytest.raises(UserError) as caught:
        endpoints.list_models(endpoints.Endpoint("any", closed_port_url))
    assert caught.value.key == "llm.error.connection"


def test_endpoint_settings_come_from_secrets_then_environment_and_urls_are_checked():
    secrets = {"OPENAI_API_KEY": " sk-from-secrets "}
    environ = {"OPENAI_API_KEY": "sk-env", "OPENAI_BASE_URL": "http://localhost:11434/v1", "HOME": "/x"}
    assert endpoints.configured(secrets, environ) == {
        "api_key": "sk-from-secrets",
        "base_url": "http://localhost:11434/v1",
    }
    assert endpoints.check_base_url(" http://localhost:1234/v1/ ") == "http://localhost:1234/v1"
    for bad in ("", "localhost:11434", "ftp://host/v1", "http://"):
        with pytest.raises(UserError):
            endpoints.check_base_url(bad)
    endpoint = endpoints.Endpoint("m", "https://api.openai.com/v1", api_key=SECRET)
    assert SECRET not in repr(endpoint) and SECRET not in json.dumps(endpoint.public())


def test_models_typed_at_one_server_share_its_address_key_and_limit():
    server = endpoints.Endpoint("", endpoints.check_base_url("http://localhost:11434/v1/"), SECRET, 2)
    chosen = endpoints.per_model(server, " llama3.2, ,qwen2.5 ")
    assert [e.model for e in chosen] == ["llama3.2", "qwen2.5"]
    assert {(e.base_url, e.api_key, e.concurrency) for e in chosen} == {
        ("http://localhost:11434/v1", SECRET, 2)
    }
    assert [e.label for e in chosen] == ["llama3.2 @ localhost", "qwen2.5 @ localhost"]
    assert endpoints.per_model(server, " , ") == []
