from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "qualbridge.web.training"
    label = "training"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from qualbridge.web.cases.actions import decision
        from qualbridge.web.training.actions import score_submitted_draft

        if score_submitted_draft not in decision.AFTER_SUBMIT_DRAFT:
            decision.AFTER_SUBMIT_DRAFT.append(score_submitted_draft)
