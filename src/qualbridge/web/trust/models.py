"""The office signing keys, the issuers an administrator trusts, the cached status lists, VC-API tokens.

An office key's secret half is stored encrypted (AES-256-GCM under the key-encryption key of
:mod:`qualbridge.web.trust.keystore`); the public half and its retirement date are plain, since the
office's DID document publishes them.
"""

from __future__ import annotations

from django.db import models

from qualbridge.web.accounts.models import Office


class OfficeKey(models.Model):
    """One Ed25519 key of an office; the newest one not retired signs, earlier ones only verify."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="signing_keys")
    number = models.PositiveIntegerField(help_text="key-N in the office's DID document")
    public_key_multibase = models.CharField(max_length=100, unique=True)
    encrypted_secret = models.TextField(help_text="nonce + AES-GCM ciphertext of the seed, base64")
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["office", "number"]
        constraints = [models.UniqueConstraint(fields=["office", "number"], name="trust_officekey_number")]


class TrustedIssuer(models.Model):
    """An issuer from elsewhere that an administrator added to this site's trust list."""

    issuer_id = models.CharField(max_length=300, unique=True)
    name_en = models.CharField(max_length=200)
    name_ja = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=2, blank=True)
    #: other identifiers it issues under (e.g. a did:key)
    ids = models.JSONField(default=list, blank=True)
    #: [{"id": vm, "publicKeyMultibase": ..., "retired": ...}]
    verification_methods = models.JSONField(default=list, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)


class PublishedStatusList(models.Model):
    """The office's signed revocation list as last signed, re-signed only when its content changes."""

    office = models.OneToOneField(Office, on_delete=models.CASCADE, related_name="published_status_list")
    digest = models.CharField(max_length=64)
    signed = models.JSONField()
    valid_until = models.DateTimeField()


class IssuerToken(models.Model):
    """A bearer token that lets a program issue credentials for an office through the VC-API."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="issuer_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
