"""Indonesian language knowledge for kgraph, kept as data.

One module per kind of knowledge, each reading its files in ``data/`` on first
use: ``regions`` (the Kemendagri gazetteer), ``titles`` (jabatan and acting
markers), ``honorifics`` (honorifics, degrees, ranks, name particles),
``institutions`` (institutions, parties, name heads), ``events`` (event
triggers), ``speech_verbs`` (how news attributes speech), ``names`` (words that
are never names) and ``grammar`` (closed classes of function words).
"""
