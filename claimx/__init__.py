"""claimx: structured quantitative claims from policy and industry articles."""

__version__ = "0.1.0"
