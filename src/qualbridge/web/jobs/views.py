"""Staff pages of the background work: the jobs and their state, one job's progress, batch uploads.

Staff (evaluators, senior evaluators, administrators) see the jobs of their own office; a job's page
refreshes its progress while it runs (htmx), as the CLI shows a progress bar. Applicants see none.
"""

from __future__ import annotations

import secrets
import uuid

from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from qualbridge.errors import QualbridgeError
from qualbridge.grades import get_scale
from qualbridge.institutions.importers import slug
from qualbridge.web.accounts.models import Role
from qualbridge.web.cases.permissions import is_staff
from qualbridge.web.jobs import institutions
from qualbridge.web.jobs.batch import MAX_BYTES, batch_name, convert_transcript
from qualbridge.web.jobs.models import InstitutionImport, Job
from qualbridge.web.jobs.queue import enqueue
from qualbridge.web.storage import upload_storage


def _visible_jobs(request: HttpRequest) -> QuerySet[Job]:
    user = request.user
    if not is_staff(user):  # type: ignore[arg-type]
        raise Http404(_("No such page."))
    return Job.objects.filter(Q(office_id=user.office_id) | Q(created_by=user))  # type: ignore[union-attr]


def _job(request: HttpRequest, job_id: str) -> Job:
    try:
        return _visible_jobs(request).get(pk=uuid.UUID(job_id))
    except (ValueError, Job.DoesNotExist):
        raise Http404(_("No such job.")) from None


def job_json(job: Job) -> dict[str, object]:
    return {
        "id": str(job.pk),
        "task": job.task,
        "state": job.state,
        "attempts": job.attempts,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "error": job.error.splitlines()[0] if job.error else "",
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        "result": job.result,
    }


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = _visible_jobs(request)
    state = request.GET.get("state", "")
    if state:
        jobs = jobs.filter(state=state)
    return render(request, "jobs/list.html", {"jobs": jobs[:100], "state": state})


@login_required
def job_detail(request: HttpRequest, job_id: str) -> HttpResponse:
    job = _job(request, job_id)
    if request.GET.get("format") == "json" or "application/json" in request.headers.get("Accept", ""):
        return JsonResponse(job_json(job))
    template = "jobs/_progress.html" if request.headers.get("HX-Request") else "jobs/detail.html"
    return render(request, template, {"job": job})


@login_required
@require_http_methods(["GET", "POST"])
def transcript_batch(request: HttpRequest) -> HttpResponse:
    """Upload a transcript CSV; it is converted in the background and its page shows the progress."""
    _visible_jobs(request)
    context: dict[str, object] = {"values": request.POST}
    if request.method == "POST":
        upload = request.FILES.get("file")
        from_scale, to_scale = request.POST.get("from", "").strip(), request.POST.get("to", "").strip()
        try:
            if upload is None or not upload.size:
                raise QualbridgeError(_("Choose a CSV file (name,credits,grade) to convert."))
            if upload.size > MAX_BYTES:
                raise QualbridgeError(_("The file is larger than %(n)s MB.") % {"n": MAX_BYTES // 2**20})
            get_scale(from_scale), get_scale(to_scale)
        except QualbridgeError as exc:
            context["error"] = str(exc)
            return render(request, "jobs/transcript.html", context, status=400)
        token = secrets.token_hex(16)
        upload_storage().save(batch_name(token, "csv"), ContentFile(upload.read()))
        with transaction.atomic():
            job = enqueue(
                convert_transcript,
                token,
                from_scale,
                to_scale,
                key=f"transcript:{token}",
                office=getattr(request.user, "office", None),
                actor=request.user,
            )
        return redirect("jobs:detail", job_id=str(job.pk))
    return render(request, "jobs/transcript.html", context)


@login_required
def transcript_result(request: HttpRequest, job_id: str) -> HttpResponse:
    job = _job(request, job_id)
    name = job.result.get("result") if job.task == convert_transcript.name else None
    if not name:
        raise Http404(_("This job has no result file."))
    with upload_storage().open(str(name), "rb") as handle:
        body = handle.read()
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="transcript-{job.pk}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def institution_import(request: HttpRequest) -> HttpResponse:
    """Administrators upload an institution list; it is validated and kept in the background."""
    _visible_jobs(request)
    if getattr(request.user, "role", None) != Role.ADMIN:
        raise Http404(_("No such page."))
    context: dict[str, object] = {"values": request.POST, "imports": InstitutionImport.objects.all()}
    if request.method == "POST":
        upload = request.FILES.get("file")
        fmt = request.POST.get("format", "").strip()
        try:
            if upload is None or not upload.size:
                raise QualbridgeError(_("Choose a CSV or DEQAR JSON file of institutions."))
            if upload.size > institutions.MAX_BYTES:
                raise QualbridgeError(
                    _("The file is larger than %(n)s MB.") % {"n": institutions.MAX_BYTES // 2**20}
                )
            if fmt not in institutions.EXTENSIONS:
                raise QualbridgeError(_("Choose the file's format: CSV or DEQAR JSON."))
            name = slug(request.POST.get("name", "").strip() or (upload.name or "").rsplit(".", 1)[0])
            if not name:
                raise QualbridgeError(_("Give the list a name of letters and digits."))
        except QualbridgeError as exc:
            context["error"] = str(exc)
            return render(request, "jobs/institutions.html", context, status=400)
        token = secrets.token_hex(16)
        upload_storage().save(institutions.upload_name(token, fmt), ContentFile(upload.read()))
        with transaction.atomic():
            job = enqueue(
                institutions.import_institutions,
                token,
                fmt,
                name,
                upload.name or name,
                request.POST.get("skip_bad") == "on",
                key=f"institutions:{token}",
                office=getattr(request.user, "office", None),
                actor=request.user,
            )
        return redirect("jobs:detail", job_id=str(job.pk))
    return render(request, "jobs/institutions.html", context)
