"""The counselors' queue: stores triaged LINE messages as cases and queues counselor replies."""
