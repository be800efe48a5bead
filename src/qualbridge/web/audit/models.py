"""Placeholder: the casework helper defines the hash-chained audit events here."""
