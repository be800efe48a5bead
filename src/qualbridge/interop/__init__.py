"""Exchange formats: documents qualbridge reads and writes (Open Badges 3.0, ELM, CTDL, ELMO)."""
