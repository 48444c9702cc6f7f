# Messages of part "layout" (en).
