//! The standard `fate destroy` the journeys record: a cryptographic erase
//! with `cryptsetup`, by Bob Martin, checked by reading that the LUKS header
//! is gone — in three lengths (bare, validated, and with where the media went).

/// `fate destroy <item> --copy <copy>` with the standard method, technique,
/// tool, operator and verification, and nothing else.
pub(crate) fn destroy_args<'a>(item: &'a str, copy: &'a str) -> Vec<&'a str> {
    vec![
        "fate",
        "destroy",
        item,
        "--copy",
        copy,
        "--method",
        "purge",
        "--technique",
        "effacement cryptographique",
        "--tool",
        "cryptsetup 2.6.1",
        "--operator",
        "Bob Martin",
        "--verification",
        "relecture : en-tête LUKS absent",
    ]
}

/// [`destroy_args`] validated by Carole Dupont.
pub(crate) fn destroy_validated_args<'a>(item: &'a str, copy: &'a str) -> Vec<&'a str> {
    let mut args = destroy_args(item, copy);
    args.extend_from_slice(&["--validated-by", "Carole Dupont"]);
    args
}

/// [`destroy_validated_args`] with the media reused after the erase.
pub(crate) fn destroy_complete_args<'a>(item: &'a str, copy: &'a str) -> Vec<&'a str> {
    let mut args = destroy_validated_args(item, copy);
    args.extend_from_slice(&["--media-destination", "réutilisé après effacement"]);
    args
}
