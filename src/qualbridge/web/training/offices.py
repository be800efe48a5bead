"""Is an office a training office? (Read by the casework where a training office must differ:
signing statements, publishing, who sees which case.)"""

from __future__ import annotations

from qualbridge.web.accounts.models import Office


def is_training_office(office: Office | int | None) -> bool:
    from qualbridge.web.training.models import TrainingOffice

    if office is None:
        return False
    office_id = office if isinstance(office, int) else office.pk
    return TrainingOffice.objects.filter(office_id=office_id).exists()
