"""Exports: the public register (CSV, JSON Lines, data dictionary) and investigators' FtM."""
