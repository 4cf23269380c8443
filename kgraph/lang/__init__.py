"""Language knowledge, one package per language (only Indonesian so far)."""
