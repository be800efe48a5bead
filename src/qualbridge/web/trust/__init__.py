"""Issuers people can trust: office keys (encrypted at rest), did:web documents, the trust list, status lists."""
