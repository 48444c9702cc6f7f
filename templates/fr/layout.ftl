# Messages of part "layout" (fr).
