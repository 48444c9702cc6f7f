# Messages of part "layout" (en).

# The journal's note of `fate set`: the item named, the field in words.
layout-hb-item-field = { $key ->
    [choice] `{ $field }` (the controller's choice)
    [decision] `{ $field }` (the controller's decision)
    [decision-reference] `{ $field }` (reference of the decision)
    [decision-date] `{ $field }` (date of the decision)
    [decision-by] `{ $field }` (author of the decision)
    [name] `{ $field }` (name)
    [description] `{ $field }` (description)
    [data_categories] `{ $field }` (data categories)
    [copies] `{ $field }` (copies)
   *[other] `{ $field }`
}
layout-hb-item-set-note = item `{ $item }` of `{ $file }`, field { $what } set: SHA-256 of the old value { $old }, of the new value { $new }
layout-hb-item-set-note-no-old = item `{ $item }` of `{ $file }`, field { $what } set: no old value, SHA-256 of the new value { $new }
