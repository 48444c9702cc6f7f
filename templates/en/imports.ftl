# Messages of part "imports" (en).
