"""The project's own Kafka and PostgreSQL start and accept connections."""

import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from shared.kafka import ensure_topics


async def test_postgres_database_is_fresh(database_url: str) -> None:
    """Each test gets an empty database of its own."""
    connection = await asyncpg.connect(database_url)
    try:
        tables = await connection.fetchval(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
    finally:
        await connection.close()
    assert tables == 0


async def test_kafka_round_trip(kafka_bootstrap: str) -> None:
    """A record produced with acks=all is read back from a topic with three partitions."""
    topic = "test.localstack.round-trip"
    await ensure_topics(kafka_bootstrap, [topic])

    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, enable_idempotence=True)
    await producer.start()
    try:
        await producer.send_and_wait(topic, b"hello", key=b"k")
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=kafka_bootstrap, auto_offset_reset="earliest", group_id="t"
    )
    await consumer.start()
    try:
        record = await consumer.getone()
        partitions = consumer.partitions_for_topic(topic)
    finally:
        await consumer.stop()
    assert record.value == b"hello"
    assert len(partitions) == 3
