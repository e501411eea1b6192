"""Read a whole topic once, from the first record to the end offsets seen at the start."""

import uuid

from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.structs import ConsumerRecord, TopicPartition


class TopicNotFound(LookupError):
    pass


async def partition_ids(bootstrap: str, topic: str) -> list[int]:
    """Return the partition numbers of `topic`; raise TopicNotFound if it does not exist."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        (description,) = await admin.describe_topics([topic])
    finally:
        await admin.close()
    if description.get("error_code"):
        raise TopicNotFound(topic)
    return [item["partition"] for item in description["partitions"]]


async def read_topic(bootstrap: str, topic: str) -> list[ConsumerRecord]:
    """Return every record of `topic`, in offset order within each partition."""
    partitions = [TopicPartition(topic, number) for number in await partition_ids(bootstrap, topic)]
    # A throwaway group that commits nothing: without a group_id, aiokafka 0.14's
    # consumer.stop() raises CancelledError.
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=f"reader-{uuid.uuid4().hex}",
        enable_auto_commit=False,
    )
    await consumer.start()
    records: list[ConsumerRecord] = []
    try:
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        end = await consumer.end_offsets(partitions)
        remaining = {partition for partition in partitions if end[partition] > 0}
        while remaining:
            batches = await consumer.getmany(*remaining, timeout_ms=1000)
            for partition, batch in batches.items():
                records += batch
                if batch and batch[-1].offset + 1 >= end[partition]:
                    remaining.discard(partition)
    finally:
        await consumer.stop()
    return records
