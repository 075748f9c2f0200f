"""Shouwang Guides (守望指南): guides for community social-work stations, built with MkDocs."""

__version__ = "0.1.0"
