"""The ``qualbridge`` command: one module per command group, all calling the core."""
