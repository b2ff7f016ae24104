"""Kelisim: build tooling for the bilingual (ru/kk) Kelisim course."""

from pathlib import Path

#: Repository root (scripts/kelisim/__init__.py -> two levels up).
ROOT = Path(__file__).resolve().parents[2]
