"""Background work: Celery tasks with their state in the database, visible to staff.

Work is enqueued with :func:`qualbridge.web.jobs.queue.enqueue` inside the transaction of the change
that causes it: a :class:`~qualbridge.web.jobs.models.Job` row is written with that change and the
task is sent to the broker only after the transaction commits, so a task never runs on data that was
rolled back and a committed change never loses its task (a job left queued is sent again by the
scheduler's sweep). Without a broker (``make run``) tasks run in the request.
"""
