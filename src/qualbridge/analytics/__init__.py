"""Consistency analytics of an office's decisions (pure functions over plain records)."""
