//! Issue 9, "the sample states only what the act states" and the register
//! (Art. 30(2)): the sample's register carries none of the inventions the
//! act does not support and marks the DPO's assumptions « à confirmer »;
//! `check` lists each assumption; transfers left out are « à compléter »
//! while an empty list is "none"; a transfer logged with an instruction
//! shows in section (c); systems are shown by name; the register ends with a
//! signature block; an unknown contract end is « à compléter ».

use std::path::PathBuf;

use crate::support::fate::destroy_validated_args;
use crate::support::instruction::transfer_to_switzerland;
use crate::support::tools::{collapse, pdftotext, plain, sha256sum_in};
use crate::support::{Run, Workspace};

const NOW: &str = "2026-11-28T16:00:00+01:00";
const CONTROLLER_FILE: &str = "controllers/juvisy-sur-orge.yaml";

fn dpo(ws: &Workspace, args: &[&str]) -> Run {
    ws.dpo().now(NOW).run(args)
}

/// The register of `ws` in `format` (`md` or `csv`) and `lang`.
fn register(ws: &Workspace, lang: &str, format: &str) -> String {
    let out = ws.path(&format!("registre-{lang}.{format}"));
    let o = dpo(
        ws,
        &[
            "--lang",
            lang,
            "register",
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ],
    );
    o.assert_no_panic();
    assert!(o.success(), "{}", o.text());
    plain(&std::fs::read_to_string(out).unwrap())
}

/// The register of `ws` as a PDF, read back with `pdftotext`.
fn register_pdf(ws: &Workspace, lang: &str) -> String {
    let out: PathBuf = ws.path(&format!("registre-{lang}.pdf"));
    let o = dpo(
        ws,
        &[
            "--lang",
            lang,
            "register",
            "--format",
            "pdf",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.success(), "{}", o.text());
    collapse(&pdftotext(&out, &[]))
}

/// Replaces the one occurrence of `from` in the file `rel` of `ws`.
fn replace(ws: &Workspace, rel: &str, from: &str, to: &str) {
    let text = ws.read(rel);
    assert_eq!(text.matches(from).count(), 1, "{from:?} in {rel}");
    ws.write(rel, &text.replacen(from, to, 1));
}

#[test]
fn the_sample_register_carries_none_of_the_statements_the_act_does_not_make() {
    let ws = Workspace::sample();
    for (lang, text) in [
        ("fr", register_pdf(&ws, "fr")),
        ("fr-md", register(&ws, "fr", "md")),
        ("en", register_pdf(&ws, "en")),
    ] {
        for invented in [
            "syndicat intercommunal pour l'informatique municipale",
            "sous un jour ouvré",
            "notamment pour les sauvegardes et les supports remis",
            "Durcissement",
            "carnets d'adresses",
            "calendriers",
            "données de connexion et journaux techniques",
            "Aucun transfert",
            "No transfer",
            "sans terme fixé",
            "no fixed end",
        ] {
            assert!(!text.contains(invented), "{lang}: {invented:?} in:\n{text}");
        }
    }
    let fr = register_pdf(&ws, "fr");
    for faithful in [
        "SIIM94, syndicat intercommunal d'informatique",
        "à hauteur maximale de 1 jour en cas de panne sérieuse",
        "La sécurisation des serveurs.",
    ] {
        assert!(fr.contains(faithful), "missing {faithful:?} in:\n{fr}");
    }
}

#[test]
fn the_sample_register_marks_each_assumption_a_confirmer_next_to_its_value() {
    let ws = Workspace::sample();
    let md = register(&ws, "fr", "md");
    // The messaging category's data categories, sub-processors and measures
    // are the DPO's assumptions: each is followed by the marker.
    let row = md
        .lines()
        .find(|l| l.contains("Hébergement et maintenance de la messagerie"))
        .expect("the messaging row");
    assert!(
        row.contains("courriels des agents et de leurs correspondants (**à confirmer**)"),
        "{row}"
    );
    assert_eq!(row.matches("(**à confirmer**)").count(), 3, "{row}");
    // The SIIM94's activities and controllers.
    let siim = md.lines().find(|l| l.starts_with("| SIIM94")).unwrap();
    assert_eq!(siim.matches("(**à confirmer**)").count(), 2, "{siim}");
    // A value the act states is not marked: the measures' descriptions.
    let measure = md
        .lines()
        .find(|l| l.contains("La sécurisation des serveurs."))
        .unwrap();
    assert!(!measure.contains("confirmer"), "{measure}");
    // The PDF shows it too, in both languages; and the CSV.
    assert!(register_pdf(&ws, "fr").contains("(à confirmer)"));
    assert!(register_pdf(&ws, "en").contains("(to be confirmed)"));
    let csv = register(&ws, "fr", "csv");
    assert!(
        csv.contains("courriels des agents et de leurs correspondants (à confirmer)"),
        "{csv}"
    );
}

#[test]
fn check_lists_each_field_to_confirm_as_a_warning_naming_file_record_and_field() {
    let ws = Workspace::sample();
    let o = dpo(&ws, &["check"]);
    assert_eq!(o.code(), Some(0), "{}", o.text());
    let out = o.stdout();
    let lines: Vec<&str> = out.lines().filter(|l| l.contains("to_confirm")).collect();
    // Every entry of every `to_confirm` list of the sample, fate file included.
    let expected: usize = [
        CONTROLLER_FILE,
        "subprocessors.yaml",
        "fate/juvisy-sur-orge.yaml",
    ]
    .iter()
    .map(|f| {
        ws.read(f)
            .lines()
            .filter_map(|l| l.trim().strip_prefix("to_confirm: ["))
            .map(|l| l.split(',').count())
            .sum::<usize>()
    })
    .sum();
    assert!(expected >= 20, "{expected}");
    assert_eq!(lines.len(), expected, "{out}");
    for l in &lines {
        assert!(l.starts_with("avertissement\u{202f}: "), "{l}");
        assert!(l.contains("est une hypothèse à confirmer"), "{l}");
    }
    let messaging =
        "activité `messagerie`\u{202f}: `data_categories` est une hypothèse à confirmer";
    let l = lines
        .iter()
        .find(|l| l.contains(messaging))
        .expect(messaging);
    assert!(l.contains(&format!("{CONTROLLER_FILE}:")), "{l}");
    assert!(lines.iter().any(|l| l
        .starts_with("avertissement\u{202f}: fate/juvisy-sur-orge.yaml:")
        && l.contains("élément `messagerie`\u{202f}: `data_categories`")));
    assert!(lines.iter().any(
        |l| l.starts_with("avertissement\u{202f}: subprocessors.yaml:")
            && l.contains("sous-traitant ultérieur `siim94`\u{202f}: `controllers`")
    ));
}

#[test]
fn a_field_to_confirm_that_the_record_does_not_have_is_refused_with_the_valid_names() {
    let ws = Workspace::sample();
    replace(
        &ws,
        "subprocessors.yaml",
        "to_confirm: [activities, controllers]",
        "to_confirm: [activities, adresse]",
    );
    let o = dpo(&ws, &["check"]);
    assert_eq!(o.code(), Some(2), "{}", o.text());
    let text = o.text();
    assert!(text.contains("subprocessors.yaml:"), "{text}");
    assert!(text.contains("adresse"), "{text}");
    assert!(text.contains("address"), "{text}");
}

#[test]
fn the_json_schema_enumerates_the_fields_a_record_may_mark_to_confirm() {
    let ws = Workspace::sample();
    let dir = ws.path("schemas");
    dpo(&ws, &["schema", "-o", dir.to_str().unwrap()]).assert_code(0);
    let schema = std::fs::read_to_string(dir.join("controller.schema.json")).unwrap();
    assert!(schema.contains("to_confirm"), "{schema}");
    assert!(schema.contains("\"data_categories\""), "{schema}");
    assert!(schema.contains("assumption to confirm"), "{schema}");
}

#[test]
fn transfers_left_out_are_to_be_completed_and_an_empty_list_means_none() {
    let ws = Workspace::sample();
    assert!(!ws.read(CONTROLLER_FILE).contains("\ntransfers:"));
    let md = register(&ws, "fr", "md");
    assert!(
        md.contains("vers un pays tiers ou une organisation internationale : « à compléter ».*"),
        "{md}"
    );
    assert!(!md.contains("Aucun transfert"));
    let check = dpo(&ws, &["--lang", "en", "check"]).stdout();
    assert!(
        check.contains("transfers: the transfers to a third country are not stated"),
        "{check}"
    );
    let csv = register(&ws, "fr", "csv");
    assert!(!csv.contains("aucun transfert"), "{csv}");

    let text = ws.read(CONTROLLER_FILE);
    ws.write(CONTROLLER_FILE, &format!("{text}transfers: []\n"));
    let md = register(&ws, "fr", "md");
    assert!(
        md.contains("Aucun transfert de données à caractère personnel vers un pays tiers"),
        "{md}"
    );
    let en = register(&ws, "en", "md");
    assert!(en.contains("No transfer of personal data"), "{en}");
    assert!(!dpo(&ws, &["check"])
        .stdout()
        .contains("transfers to a third country are not stated"));
}

#[test]
fn a_transfer_logged_with_an_instruction_appears_in_section_c_for_its_controller() {
    let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
    // The fixture, like the act, says nothing of transfers: « à compléter ».
    let before = register(&ws, "fr", "md");
    let said = before
        .lines()
        .find(|l| l.contains("Transferts de données à caractère personnel vers un pays tiers"))
        .unwrap_or_else(|| panic!("no transfers line in:\n{before}"));
    assert!(
        said.contains("à compléter") && !before.contains("| Suisse"),
        "{before}"
    );
    ws.dpo()
        .run(
            &[
                &transfer_to_switzerland("juvisy-sur-orge")[..],
                &["--dry-run"],
            ]
            .concat(),
        )
        .assert_code(0);
    let md = register(&ws, "fr", "md");
    let section = md
        .split("### Transferts vers un pays tiers")
        .nth(1)
        .unwrap()
        .split("\n---\n")
        .next()
        .unwrap();
    let row = section
        .lines()
        .find(|l| l.starts_with("| Suisse"))
        .unwrap_or_else(|| panic!("no transfer row in:\n{section}"));
    for want in [
        "Commission rogatoire internationale n° 2021-17",
        "Communication des journaux de messagerie",
        "instruction 2021-001",
        "*« à compléter »*",
    ] {
        assert!(row.contains(want), "missing {want:?} in {row}");
    }
    assert!(!section.contains("Aucun transfert"), "{section}");
    // The instruction is one of the register's sources, and the printed
    // command still recomputes the content hash.
    assert!(md.contains("| instructions/2021-001.yaml |"), "{md}");
    let files = md
        .split("`sha256sum ")
        .nth(1)
        .and_then(|r| r.split(" | sha256sum`").next())
        .expect("the sha256sum command");
    assert!(files.contains("instructions/2021-001.yaml"), "{files}");
    let listing = sha256sum_in(ws.root(), &files.split(' ').collect::<Vec<_>>()).stdout();
    let expected = md
        .lines()
        .find_map(|l| l.strip_prefix("| Empreinte SHA-256 du contenu | "))
        .and_then(|l| l.strip_suffix(" |"))
        .expect("the content hash");
    let tmp = ws.path("listing.txt");
    std::fs::write(&tmp, listing).unwrap();
    let got = crate::support::tools::sha256sum(&tmp);
    assert_eq!(got, expected);
    let en = register(&ws, "en", "md");
    assert!(en.contains("logged with instruction 2021-001"), "{en}");
    let csv = register(&ws, "fr", "csv");
    assert!(
        crate::support::tools::plain(&csv).contains("Suisse (« à compléter »): « à compléter »"),
        "{csv}"
    );
}

#[test]
fn the_register_names_a_category_s_systems_by_their_names_not_their_ids() {
    let ws = Workspace::sample();
    replace(
        &ws,
        CONTROLLER_FILE,
        "systems: [comptes administrateur, dossiers partagés, supports de sauvegarde]",
        "systems: [serveurs-fichiers, sauvegardes]",
    );
    let md = register(&ws, "fr", "md");
    assert!(
        md.contains("(systèmes : Hébergement et maintenance des serveurs de fichiers, Sauvegardes des serveurs"),
        "{md}"
    );
    assert!(!md.contains("serveurs-fichiers, sauvegardes"), "{md}");
    let csv = register(&ws, "fr", "csv");
    assert!(!csv.contains("serveurs-fichiers; sauvegardes"), "{csv}");
}

#[test]
fn the_register_ends_with_a_signature_block_in_both_languages() {
    let ws = Workspace::sample();
    let fr = register_pdf(&ws, "fr");
    let tail = &fr[fr.find("6. Signature").expect("signature block")..];
    for want in [
        "Fait à Vitry-sur-Seine, le 28 novembre 2026.",
        "Nom du signataire Michel Leprêtre",
        "Qualité Président",
    ] {
        assert!(tail.contains(want), "missing {want:?} in {tail}");
    }
    let en = register(&ws, "en", "md");
    let tail = &en[en.find("## 6. Signature").expect("signature block")..];
    assert!(
        tail.contains("Signed at Vitry-sur-Seine, on 28 November 2026."),
        "{tail}"
    );
    assert!(
        tail.contains("| Name of the signatory | Michel Leprêtre |"),
        "{tail}"
    );
    assert!(
        !tail[3..].contains("## "),
        "the signature block is last: {tail}"
    );

    // Unknown place and signatory: « à compléter ».
    replace(&ws, "processor.yaml", "place: Vitry-sur-Seine\n", "");
    replace(&ws, "processor.yaml", "  name: Michel Leprêtre\n", "");
    let md = register(&ws, "fr", "md");
    let tail = &md[md.find("## 6. Signature").unwrap()..];
    assert!(
        tail.contains("Fait à \\[lieu « à compléter »\\], le 28 novembre 2026."),
        "{tail}"
    );
    assert!(
        tail.contains("| Nom du signataire | *« à compléter »* |"),
        "{tail}"
    );
}

#[test]
fn an_unknown_contract_end_is_to_be_completed_not_open_ended() {
    let ws = Workspace::sample();
    for (lang, want) in [
        ("fr", "fin : *« à compléter »*"),
        ("en", "end: *\"to be completed\"*"),
    ] {
        let md = register(&ws, lang, "md");
        let siim = md.lines().find(|l| l.starts_with("| SIIM94")).unwrap();
        assert!(siim.contains(want), "{lang}: {siim}");
    }
    replace(&ws, "subprocessors.yaml", "      end: null\n    location: null\n    guarantees: null\n    to_confirm: [activities", "      end: 2027-01-31\n    location: null\n    guarantees: null\n    to_confirm: [activities");
    let md = register(&ws, "fr", "md");
    let siim = md.lines().find(|l| l.starts_with("| SIIM94")).unwrap();
    assert!(siim.contains("fin : 31 janvier 2027"), "{siim}");
}

#[test]
fn the_sample_fate_file_presets_no_choice_and_lists_only_the_copies_the_act_establishes() {
    let ws = Workspace::sample();
    let fate = ws.read("fate/juvisy-sur-orge.yaml");
    assert!(
        !fate.lines().any(|l| l.trim_start().starts_with("choice:")),
        "{fate}"
    );
    for invented in [
        "baie de stockage",
        "second serveur",
        "site de secours",
        "bandes",
        "calendriers",
    ] {
        assert!(
            !fate
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .any(|l| l.contains(invented)),
            "{invented:?} in {fate}"
        );
    }
    let o = dpo(&ws, &["fate", "list"]);
    assert!(o.text().contains("pas encore de choix"), "{}", o.text());
}

#[test]
fn training_renewal_is_not_stated_when_people_yaml_sets_no_interval() {
    let ws = Workspace::sample();
    assert!(!ws
        .read("people.yaml")
        .contains("\ntraining_interval_months"));
    dpo(&ws, &["keys", "generate"]).assert_code(0);
    let out = ws.path("pack");
    let o = dpo(&ws, &["audit", "pack", "-o", out.to_str().unwrap()]);
    assert!(o.success(), "{}", o.text());
    let all = walk_text(&out);
    assert!(
        !all.contains("tous les 24 mois"),
        "training interval invented"
    );
    assert!(
        all.contains("La périodicité de la formation n'est pas fixée"),
        "{}",
        &all[..all.len().min(2000)]
    );
}

/// The text of every `.md`, `.csv`, `.txt` and `.pdf` file under `dir`.
fn walk_text(dir: &std::path::Path) -> String {
    let mut out = String::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                match p.extension().and_then(|x| x.to_str()) {
                    Some("md" | "csv" | "txt") => {
                        out.push_str(&std::fs::read_to_string(&p).unwrap_or_default())
                    }
                    Some("pdf") => out.push_str(&collapse(&pdftotext(&p, &[]))),
                    _ => {}
                }
            }
        }
    }
    out
}

#[test]
fn a_sub_processor_notice_marks_the_assumptions_and_a_value_typed_by_the_dpo_is_no_longer_one() {
    let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
    let text = ws.read("subprocessors.yaml");
    ws.write(
        "subprocessors.yaml",
        &text.replacen(
            "    guarantees: null\n",
            "    guarantees: null\n    to_confirm: [activities, address]\n",
            1,
        ),
    );
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-01 10:00",
            "subprocessor",
            "change",
            "siim94",
            "--address",
            "1 rue de l'Exemple, 94000 Créteil",
        ])
        .assert_code(0);
    // The address is now the DPO's statement; the activities stay assumed.
    let reg = ws.read("subprocessors.yaml");
    assert!(
        reg.contains("to_confirm:\n    - activities\n") || reg.contains("to_confirm: [activities]"),
        "{reg}"
    );
    assert!(!reg.contains("- address\n"), "{reg}");
    let notice = ws.read("subprocessor-notices/2021-001.yaml");
    let pdf = notice
        .lines()
        .find_map(|l| l.strip_prefix("pdf: "))
        .expect("the notice's PDF");
    let t = collapse(&pdftotext(&ws.root().join(pdf.trim()), &[]));
    assert!(
        t.contains("Activités de traitement confiées (à confirmer)"),
        "{t}"
    );
    assert!(
        t.contains("Adresse : 1 rue de l'Exemple, 94000 Créteil • Contact"),
        "{t}"
    );
}

#[test]
fn the_audit_pack_marks_the_assumed_values_of_measures_and_people() {
    let ws = Workspace::sample();
    replace(
        &ws,
        "security-measures.yaml",
        "    description: La sécurisation des serveurs.\n",
        "    description: La sécurisation des serveurs.\n    to_confirm: [description]\n",
    );
    replace(
        &ws,
        "people.yaml",
        "    role: agents du secteur réseau\n",
        "    role: agents du secteur réseau\n    to_confirm: [role]\n",
    );
    dpo(&ws, &["keys", "generate"]).assert_code(0);
    let out = ws.path("pack");
    let o = dpo(&ws, &["audit", "pack", "-o", out.to_str().unwrap()]);
    assert!(o.success(), "{}", o.text());
    let all = walk_text(&out);
    assert!(
        all.contains("La sécurisation des serveurs. (à confirmer)"),
        "measure not marked"
    );
    assert!(
        all.contains("agents du secteur réseau (à confirmer)"),
        "person not marked"
    );
}

#[test]
fn without_a_training_interval_check_says_so_and_status_asks_for_it_not_for_the_training() {
    let ws = Workspace::sample();
    replace(
        &ws,
        "people.yaml",
        "    name: Gerald Petiot\n    role: coordinateur EPT de la démutualisation informatique\n    organisation: EPT Grand-Orly Seine Bièvre, mission numérique\n    controllers: [juvisy-sur-orge]\n    confidentiality_commitment: null\n    last_training: null\n",
        "    name: Gerald Petiot\n    role: coordinateur EPT de la démutualisation informatique\n    organisation: EPT Grand-Orly Seine Bièvre, mission numérique\n    controllers: [juvisy-sur-orge]\n    confidentiality_commitment: null\n    last_training: 2021-02-15\n",
    );
    let check = dpo(&ws, &["--lang", "en", "check"]).stdout();
    assert!(
        check.contains(
            "training_interval_months: how often data-protection training is renewed is not set"
        ),
        "{check}"
    );
    let status = ws.dpo().now(NOW).run(&["--json", "status"]).json();
    let item = status["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["subject"] == "coordinateur-ept" && i["kind"] == "people.training")
        .unwrap_or_else(|| panic!("{status}"))
        .clone();
    assert_eq!(
        item["missing"],
        serde_json::json!(["training_interval_months"]),
        "{item}"
    );
}

#[test]
fn no_copy_is_destroyed_on_a_choice_that_is_only_assumed() {
    let ws = Workspace::fixture("fate-workspace");
    let rel = "fate/juvisy-sur-orge.yaml";
    let text = ws.read(rel);
    ws.write(
        rel,
        &text.replacen(
            "    choice: destroy\n",
            "    choice: destroy\n    to_confirm: [choice]\n",
            1,
        ),
    );
    let o = ws
        .dpo()
        .now("2021-08-02T10:00:00+02:00")
        .run(&destroy_validated_args("sauvegardes", "depot"));
    assert_eq!(o.code(), Some(2), "{}", o.text());
    assert!(
        o.text()
            .contains("le choix du responsable de traitement est une hypothèse à confirmer"),
        "{}",
        o.text()
    );
    assert!(!ws.read(rel).contains("record: destruction"));
}
