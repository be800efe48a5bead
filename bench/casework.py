"""Casework pages under load: the queue and a case page with 10,000 cases in the database.

Seeds a throw-away SQLite database (in a temporary QUALBRIDGE_DATA_DIR) with 100 cases, times the
staff queue and case pages (the baseline), grows it to 10,000 cases and times them again. Prints
p50/p99 in milliseconds and the ratio to the baseline; the target is p99 <= 100 ms at 10,000 cases.
Cases are bulk-inserted with a valid audit hash chain (three events each), not driven through the
actions one by one, so the seeding takes seconds rather than minutes.

    python bench/casework.py [--cases 10000] [--requests 200]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta

os.environ["QUALBRIDGE_DATA_DIR"] = tempfile.mkdtemp(prefix="qualbridge-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qualbridge.web.settings")
os.environ.pop("DATABASE_URL", None)

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from qualbridge.web.accounts.models import Office, Role, User  # noqa: E402
from qualbridge.web.audit.chain import event_hash  # noqa: E402
from qualbridge.web.audit.models import AuditEvent, AuditHead  # noqa: E402
from qualbridge.web.cases.models import Case, Credential, Document, Element, Finding, State  # noqa: E402

TYPES = [
    ("gb/bachelor-honours", "GB", "University of Leeds"),
    ("us/bachelor", "US", "Ohio State University"),
    ("kr/haksa", "KR", "Seoul National University"),
    ("cn/xueshi", "CN", "Tsinghua University"),
    ("gb/master", "GB", "University of Edinburgh"),
    ("us/master", "US", "University of Michigan"),
]
STATES = [
    State.SUBMITTED,
    State.AWAITING_DOCUMENTS,
    State.IN_ASSESSMENT,
    State.IN_ASSESSMENT,
    State.PENDING_APPROVAL,
    State.DECIDED,
    State.DECIDED,
    State.APPEALED,
]


def setup() -> tuple[Office, User, list[User]]:
    call_command("migrate", verbosity=0)
    office = Office.objects.create(slug="bench", name_en="Bench office", name_ja="ベンチ", policy="jp-nic")
    staff = User.objects.create_user("eve", password="x" * 12, role=Role.EVALUATOR, office=office)
    applicants = User.objects.bulk_create(
        [User(username=f"applicant{i}", role=Role.APPLICANT, office=office, password="!") for i in range(200)]
    )
    return office, staff, applicants


def seed(
    office: Office, staff: User, applicants: list[User], start: int, count: int, rng: random.Random
) -> None:
    today = date.today()
    now = datetime.now(UTC)
    cases = []
    for i in range(start, start + count):
        state = rng.choice(STATES)
        complete = state not in (State.SUBMITTED, State.AWAITING_DOCUMENTS)
        cases.append(
            Case(
                reference=f"QB-BENCH-{i:06d}",
                office=office,
                applicant=applicants[i % len(applicants)],
                purpose="further-study",
                state=state,
                evaluator=staff if complete else None,
                submitted_at=now,
                complete_at=now if complete else None,
                deadline=today + timedelta(days=rng.randint(-10, 120)) if complete else None,
                decision="full" if state in (State.DECIDED, State.APPEALED, State.PENDING_APPROVAL) else "",
                decided_at=now if state in (State.DECIDED, State.APPEALED) else None,
            )
        )
    cases = Case.objects.bulk_create(cases, batch_size=2000)
    credentials = Credential.objects.bulk_create(
        [
            Credential(
                case=c, title="Degree", qualification_type=t, country=cc, institution=inst, awarded_year=2020
            )
            for c in cases
            for (t, cc, inst) in [rng.choice(TYPES)]
        ],
        batch_size=2000,
    )
    Finding.objects.bulk_create(
        [
            Finding(case_id=cr.case_id, credential=cr, element=e.value, engine_text="engine", text="finding")
            for cr in credentials
            for e in Element
        ],
        batch_size=5000,
    )
    Document.objects.bulk_create(
        [
            Document(
                case=c,
                kind="diploma",
                original_name="d.pdf",
                stored_name=f"{c.pk:032x}.pdf",
                content_type="application/pdf",
                size=100,
                sha256="0" * 64,
                uploaded_by=c.applicant,
            )
            for c in cases
        ],
        batch_size=2000,
    )
    head, _ = AuditHead.objects.get_or_create(pk=1)
    events, prev, seq = [], head.hash, head.seq
    for c in cases:
        for action in ("case.create", "case.submit", "case.complete"):
            seq += 1
            event = AuditEvent(
                seq=seq,
                at=now,
                actor_name="eve",
                case_id=c.pk,
                action=action,
                object_type="case",
                object_id=str(c.pk),
                old={},
                new={"state": c.state},
                prev_hash=prev,
            )
            event.hash = prev = event_hash(event)
            events.append(event)
    AuditEvent.objects.bulk_create(events, batch_size=5000)
    head.seq, head.hash = seq, prev
    head.save()


def timed(client: Client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return times


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def measure(client: Client, requests: int, rng: random.Random) -> dict[str, list[float]]:
    ids = list(Case.objects.values_list("pk", flat=True))
    pages = [f"/cases/?page={rng.randint(1, 5)}" for _ in range(requests)]
    filtered = [f"/cases/?state=in_assessment&page={rng.randint(1, 3)}" for _ in range(requests)]
    detail = [f"/cases/{rng.choice(ids)}/" for _ in range(requests)]
    timed(client, pages[:10] + detail[:10])  # warm-up: templates, registry, connections
    return {
        "queue": timed(client, pages),
        "queue (filtered)": timed(client, filtered),
        "case page": timed(client, detail),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(argv)
    rng = random.Random(7)
    office, staff, applicants = setup()
    client = Client()
    client.force_login(staff)
    baseline_size = 100
    started = time.perf_counter()
    seed(office, staff, applicants, 0, baseline_size, rng)
    baseline = measure(client, args.requests, rng)
    seed(office, staff, applicants, baseline_size, args.cases - baseline_size, rng)
    seeded = time.perf_counter() - started
    loaded = measure(client, args.requests, rng)
    print(
        f"casework pages, SQLite, {args.requests} requests each (seeding {args.cases} cases took {seeded:.1f} s)"
    )
    print(
        f"{'page':<18} {'p50@100':>9} {'p99@100':>9} {'p50@' + str(args.cases):>11} {'p99@' + str(args.cases):>11} {'p99 ratio':>9}  target p99<=100ms"
    )
    worst = 0.0
    for name in loaded:
        b50, b99, l50, l99 = (
            p(baseline[name], 50),
            p(baseline[name], 99),
            p(loaded[name], 50),
            p(loaded[name], 99),
        )
        worst = max(worst, l99)
        print(
            f"{name:<18} {b50:9.1f} {b99:9.1f} {l50:11.1f} {l99:11.1f} {l99 / b99:9.2f}  {'ok' if l99 <= 100 else 'OVER'}"
        )
    print(f"worst p99 at {args.cases} cases: {worst:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
