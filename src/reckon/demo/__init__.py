"""The demo: a fictional case run through every pipeline stage reckon has."""

from reckon.demo.run import DEMO_MARKER, DemoContext, run_demo

__all__ = ["DEMO_MARKER", "DemoContext", "run_demo"]
