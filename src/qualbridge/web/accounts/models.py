"""Offices (recognising bodies) and their users, each with one role within one office."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Office(models.Model):
    """A recognising body: its policy (an id of a core policy file) and its signing key."""

    slug = models.SlugField(unique=True)
    name_en = models.CharField(max_length=200)
    name_ja = models.CharField(max_length=200)
    policy = models.CharField(max_length=100, help_text="id of a recognising-body policy in the core data")
    issuer_did = models.CharField(max_length=300, blank=True)
    key_file = models.CharField(max_length=300, blank=True, help_text="Multikey file in the key folder")

    def __str__(self) -> str:
        return self.name_en


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    EVALUATOR = "evaluator", _("Evaluator")
    SENIOR = "senior", _("Senior evaluator")
    ADMIN = "admin", _("Administrator")


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.APPLICANT)
    office = models.ForeignKey(Office, null=True, blank=True, on_delete=models.PROTECT, related_name="users")

    @property
    def is_staff_member(self) -> bool:
        return self.role in (Role.EVALUATOR, Role.SENIOR, Role.ADMIN)
