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

/// A copy of `fate-workspace` at `now`, ready for `fate certify`: its data
/// written (a pay file, a backup job), a signing key, both items
/// fingerprinted, `partages` bagged and its bag verified, every copy
/// destroyed with [`destroy_complete_args`].
pub(crate) fn ready_to_certify(now: &str) -> super::Workspace {
    let ws = super::Workspace::fixture("fate-workspace");
    let run = |args: &[&str]| {
        let r = ws.dpo().now(now).run(args);
        r.assert_no_panic();
        assert_eq!(r.code(), Some(0), "dpo {args:?}:\n{}", r.text());
    };
    let write = |rel: &str, bytes: &[u8]| {
        let p = ws.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    };
    write(
        "data/partages/rh/paie juillet.csv",
        b"matricule;net\n42;1999.00\n",
    );
    write("data/sauvegardes/job-2021-07-31.vbk", &[0x17u8; 1000]);
    run(&["keys", "generate"]);
    run(&["fate", "fingerprint", "partages", "data/partages"]);
    run(&[
        "fate",
        "bag",
        "partages",
        "--from",
        "data/partages",
        "--out",
        "media/partages",
    ]);
    run(&["fate", "verify-bag", "media/partages"]);
    run(&["fate", "fingerprint", "sauvegardes", "data/sauvegardes"]);
    for (item, copy) in [
        ("partages", "live"),
        ("partages", "snapshots"),
        ("sauvegardes", "depot"),
        ("sauvegardes", "bandes"),
    ] {
        run(&destroy_complete_args(item, copy));
    }
    ws
}
