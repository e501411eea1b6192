"""The local broker's cluster id, which the storage tool takes as a command-line value."""

import base64
import uuid

from deploy.localstack import kafka


def test_cluster_id_never_starts_with_dash(monkeypatch):
    """An id with a leading "-" is drawn again, so the storage tool never parses it as a flag."""
    dash_first = uuid.UUID(bytes=b"\xf8" + bytes(15))
    plain = uuid.UUID(bytes=b"\x10" + bytes(15))
    draws = iter([dash_first, plain])
    monkeypatch.setattr(kafka.uuid, "uuid4", lambda: next(draws))

    cluster_id = kafka.new_cluster_id()

    assert base64.urlsafe_b64encode(dash_first.bytes).startswith(b"-")
    assert cluster_id == base64.urlsafe_b64encode(plain.bytes).rstrip(b"=").decode()


def test_cluster_id_has_kafka_form():
    """Every id is 22 URL-safe base64 characters that decode to 16 bytes."""
    for _ in range(500):
        cluster_id = kafka.new_cluster_id()
        assert len(cluster_id) == 22
        assert not cluster_id.startswith("-")
        assert len(base64.urlsafe_b64decode(cluster_id + "==")) == 16
