"""Country profiles and their pictures, generated from the registry's data (see :mod:`.country`)."""
