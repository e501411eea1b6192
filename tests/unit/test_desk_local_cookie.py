"""The desk's Secure cookie setting that `make run` chooses from the address it listens on."""

import pytest

from deploy.localstack.run import COOKIE_SECURE_VARIABLE, set_local_cookie_policy


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_host_drops_secure(host: str) -> None:
    env = {"HTTP_HOST": host}

    assert set_local_cookie_policy(env) == host
    assert env[COOKIE_SECURE_VARIABLE] == "false"


def test_default_host_drops_secure() -> None:
    env: dict[str, str] = {}

    assert set_local_cookie_policy(env) == "127.0.0.1"
    assert env[COOKIE_SECURE_VARIABLE] == "false"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "desk.example.jp"])
def test_network_host_keeps_secure(host: str) -> None:
    env = {"HTTP_HOST": host}

    assert set_local_cookie_policy(env) is None
    assert COOKIE_SECURE_VARIABLE not in env


def test_set_value_kept() -> None:
    env = {COOKIE_SECURE_VARIABLE: "true"}

    assert set_local_cookie_policy(env) is None
    assert env[COOKIE_SECURE_VARIABLE] == "true"
