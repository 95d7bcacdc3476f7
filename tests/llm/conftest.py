"""The servers every Lab 3 test may ask for (defined in servers.py, which tests/app uses too)."""

from tests.llm.servers import closed_port_url, embedded_server, failing_server  # noqa: F401 (fixtures)
