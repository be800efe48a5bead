"""The registry of frameworks, qualification types and referencing decisions.

``get_registry()`` returns the loaded data (cached per process and, compiled, on disk).
"""

from qualbridge.registry.loader import DataError, Registry, get_registry, load_registry

__all__ = ["DataError", "Registry", "get_registry", "load_registry"]
