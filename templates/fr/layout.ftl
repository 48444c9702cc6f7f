# Messages of part "layout" (fr).

# The journal's note of `fate set`: the item named, the field in words.
layout-hb-item-field = { $key ->
    [choice] `{ $field }` (choix du responsable de traitement)
    [decision] `{ $field }` (décision du responsable de traitement)
    [decision-reference] `{ $field }` (référence de la décision)
    [decision-date] `{ $field }` (date de la décision)
    [decision-by] `{ $field }` (auteur de la décision)
    [name] `{ $field }` (nom)
    [description] `{ $field }` (description)
    [data_categories] `{ $field }` (catégories de données)
    [copies] `{ $field }` (copies)
   *[other] `{ $field }`
}
layout-hb-item-set-note = élément `{ $item }` de `{ $file }`, champ { $what } modifié : SHA-256 de l'ancienne valeur { $old }, de la nouvelle { $new }
layout-hb-item-set-note-no-old = élément `{ $item }` de `{ $file }`, champ { $what } renseigné : pas d'ancienne valeur, SHA-256 de la nouvelle { $new }
