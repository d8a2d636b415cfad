"""Loading of the JSON tables under ``claimx/resources`` (loaded once, read-only): see
:func:`claimx.lexicons.load`."""

from claimx.lexicons.files import load

__all__ = ["load"]
