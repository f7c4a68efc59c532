"""Extraction: quote marks, reporting cues, quotes, speakers (attribution) and the spaCy pipeline."""
