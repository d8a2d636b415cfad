"""Pure functions that read numbers, units and time expressions from raw text (no spaCy)."""
