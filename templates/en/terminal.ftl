# Messages of part "terminal" (en).
