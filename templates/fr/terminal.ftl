# Messages of part "terminal" (fr).
