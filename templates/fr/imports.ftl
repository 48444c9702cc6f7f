# Messages of part "imports" (fr).
