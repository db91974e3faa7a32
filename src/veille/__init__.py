"""veille: French news in, a verifiable record of international political events out."""

__version__ = "0.1.0"
