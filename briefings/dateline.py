"""Stable import path for the shared summary scorer; datelines are briefings.sources.dateline."""

from briefings.sources.dateline import strip_dateline

__all__ = ["strip_dateline"]
