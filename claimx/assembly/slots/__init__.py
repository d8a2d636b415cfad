"""One module per claim slot; each slot is a function of a QuantityContext that returns its value."""
