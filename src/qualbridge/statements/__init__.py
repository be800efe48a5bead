"""Statements of comparability: rendering, and signing/verification as W3C Verifiable Credentials."""
