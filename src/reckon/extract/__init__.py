"""Extraction: dates, mentions and claim proposals from a source's text."""
