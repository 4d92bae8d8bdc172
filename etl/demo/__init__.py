"""Synthetic demo exports (initiatives, obstacles, responses) for trying and testing Omzien."""

from .broken import BrokenRow
from .run import DemoResult, write_demo_exports

__all__ = ["BrokenRow", "DemoResult", "write_demo_exports"]
