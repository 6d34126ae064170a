"""The news domain: sources, extraction, analysis (summary, quotes, topics) and briefings.

Imports neither ``telegram`` nor ``tinydb``.
"""
