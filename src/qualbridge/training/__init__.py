"""Training mode for evaluators: worked cases with reference answers, scoring, agreement between trainees.

The cases are data (``data/training``, :mod:`qualbridge.registry.training`); :mod:`.catalogue` reads
them, :mod:`.scoring` scores a trainee's answers element by element, :mod:`.agreement` measures how
far trainees agree (kappa), :mod:`.derive` and :mod:`.check` keep engine-derived references honest.
"""
