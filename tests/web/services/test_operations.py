"""/readyz, request ids and JSON log lines."""

from __future__ import annotations

import json
import logging
from typing import Any

from django.test import Client

from qualbridge.web.logs import JsonFormatter, RequestIdFilter


def test_readyz_checks_database_cache_broker_and_storage(db: None) -> None:
    response = Client().get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"database", "cache", "broker", "storage"}
    assert body["checks"]["broker"]["status"].startswith("ok (no broker")


def test_readyz_says_which_service_failed(db: None, settings: Any) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from qualbridge.web.jobs.celery_app import app

    old = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:8249/0"  # nothing listens there
    try:
        response = Client().get("/readyz")
    finally:
        app.conf.broker_url = old
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
    assert Client().get("/healthz").status_code == 200  # alive, just not ready


def test_every_response_carries_a_request_id_kept_from_the_proxy(db: None) -> None:
    given = Client().get("/healthz", HTTP_X_REQUEST_ID="proxy-1234abcd")
    assert given["X-Request-ID"] == "proxy-1234abcd"
    made = Client().get("/healthz", HTTP_X_REQUEST_ID="<script>")
    assert made["X-Request-ID"] != "<script>" and len(made["X-Request-ID"]) == 16


def test_a_log_line_is_one_json_object_with_the_request_id() -> None:
    record = logging.LogRecord("qualbridge.request", logging.INFO, __file__, 1, "GET %s", ("/x",), None)
    record.status = 200
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "GET /x" and line["status"] == 200 and line["request_id"] == "-"
    assert line["level"] == "INFO" and line["logger"] == "qualbridge.request"
