"""Signed checkpoints of the casework audit chain, verifiable offline (no database, no Django)."""
