"""Passes over the claims of a sentence (coordination) and of a paragraph (discourse)."""
