"""Fixtures for the shared-services tests: the casework fixtures, a real SMTP server, free ports."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest

from tests.web.cases.conftest import (  # noqa: F401  (fixtures)
    _fast_hasher,
    make_case,
    office,
    other_office,
    pdf_upload,
    users,
)
from tests.web.services.cluster import free_port

__all__ = ["free_port"]


def start_smtp(controller_class: Any, mailbox: Any, start: int) -> Any:
    """An aiosmtpd controller on the first port that it can bind from ``start`` (tests run in parallel)."""
    port = start
    for _ in range(8):
        controller = controller_class(mailbox, hostname="127.0.0.1", port=free_port(port))
        try:
            controller.start()
        except (OSError, RuntimeError):
            port = controller.port + 1
            continue
        return controller
    raise RuntimeError("no port for the SMTP server")


class Mailbox:
    """What an aiosmtpd server received, as parsed messages."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)  # type: ignore[arg-type]
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]


@pytest.fixture
def smtp(settings: Any) -> Iterator[Mailbox]:
    """A real SMTP server on 127.0.0.1 (aiosmtpd); Django's SMTP backend sends to it."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    controller = start_smtp(Controller, mailbox, 8230)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield mailbox
    finally:
        controller.stop()


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())
