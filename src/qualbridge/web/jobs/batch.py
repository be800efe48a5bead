"""Batch transcript conversion in the background: a CSV of courses converted with progress recorded.

The staff page (:mod:`qualbridge.web.jobs.views`) stores the uploaded CSV in the shared storage and
enqueues :func:`convert_transcript`; the worker streams it through the core's
:func:`qualbridge.grades.transcript.convert_rows` (as ``qualbridge transcript convert`` does),
records progress every few hundred rows, and keeps the converted courses as JSON next to the upload.
"""

from __future__ import annotations

import io
import json
from typing import Any

from django.core.files.base import ContentFile

from qualbridge.errors import QualbridgeError
from qualbridge.grades.transcript import CourseResult, TranscriptSummary, convert_rows, read_csv
from qualbridge.web.jobs.models import Job
from qualbridge.web.jobs.queue import PermanentFailure, job_task, progress
from qualbridge.web.storage import upload_storage

#: rows between two progress records
PROGRESS_EVERY = 250
MAX_BYTES = 20 * 1024 * 1024


def batch_name(token: str, suffix: str) -> str:
    return f"batch/{token}.{suffix}"


@job_task("convert_transcript")
def convert_transcript(
    job: Job, token: str, from_scale: str, to_scale: str, method: str | None = None
) -> dict[str, Any]:
    """Convert the stored CSV ``batch/<token>.csv``; the courses go to ``batch/<token>.json``."""
    storage = upload_storage()
    try:
        with storage.open(batch_name(token, "csv"), "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise PermanentFailure(f"the uploaded transcript {token} is no longer stored") from None
    content = raw.decode("utf-8-sig", errors="surrogateescape")
    total = max(1, content.count("\n") + (0 if content.endswith("\n") else 1))
    progress(job, 0, total)
    summary = TranscriptSummary(from_scale, to_scale, method or "")
    rows, line_of = read_csv(io.StringIO(content, newline=""))
    courses: list[dict[str, Any]] = []
    try:
        for item in convert_rows(rows, from_scale, to_scale, method=method, summary=summary, line_of=line_of):
            if isinstance(item, CourseResult):
                courses.append(item.as_json())
            line = line_of()
            if line % PROGRESS_EVERY == 0:
                progress(job, line)
    except QualbridgeError as exc:
        raise PermanentFailure(str(exc)) from None
    body = json.dumps({"courses": courses, "summary": summary.as_json()}, ensure_ascii=False, default=str)
    result_name = batch_name(token, "json")
    if storage.exists(result_name):
        storage.delete(result_name)
    storage.save(result_name, ContentFile(body.encode("utf-8")))
    progress(job, total, total)
    return {"summary": json.loads(json.dumps(summary.as_json(), default=str)), "result": result_name}
