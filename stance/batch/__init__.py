"""Batch runs: the local engine (processes, parts, resume) and the Ray engine."""
