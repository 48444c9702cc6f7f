//! What a breach notice says (issue 9, "Breach notification", Art. 33(2)–(4)
//! and Annex 1 §II.8), on the real binary: the nature of the breach is
//! never deferred and the notice says what may be and until when; the DPO
//! contact is the DPO's own; counts may be approximate; the facts of the
//! CNIL's form are asked, kept and sent; supporting documents are attached
//! through the outbox and recorded (breach notifications, supplements,
//! request forwards); a filled deferral is settled and a changed field is
//! offered as a supplement; the notice ends with a signature block. After
//! review: `breach open` asks when the breach started and was discovered;
//! the report ends with the signature block and names systems as the
//! register does; a count range needs 1 ≤ from < to; a dry run makes every
//! check of a real run; a supplement may say only where the investigation
//! stands (`--progress`); `close` refuses items still deferred unless told
//! why.
//!
//! Messages go through a real SMTP server on loopback (aiosmtpd) and are read
//! back with Python's `email` package; the PDF form with `pdftotext`.

use std::path::Path;

use crate::support::mail::{compare, parsed, received};
use crate::support::request::access_request;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::tools::{collapse, pdf_text, plain, sha256sum};
use crate::support::{fixture, Workspace};

const ID: &str = "2021-001";
const FILE: &str = "breaches/2021-001.yaml";
const NOW: &str = "2021-03-26 11:00";
const DRY_EML: &str = "evidence/breaches/2021-001/juvisy-sur-orge-1-dry-run.eml";
const SWITCHBOARD: &str = "01 63 12 44 12";
const NNBSP: &str = "\u{202f}";

/// A copy of `tests/fixtures/juvisy-workspace` with the breach of
/// `tests/fixtures/breach-records/2021-001.yaml`, its text passed through
/// `edit`, adopted so that no check complains of a hand-written record.
fn with_breach(edit: impl Fn(String) -> String) -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace");
    let text = std::fs::read_to_string(fixture("breach-records").join(format!("{ID}.yaml")))
        .expect("read breach fixture");
    ws.write(FILE, &edit(text));
    ws
}

/// Replaces `from` (which must be there) by `to` in `text`.
fn swap(text: String, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} not in:\n{text}");
    text.replacen(from, to, 1)
}

/// Edits the breach file and adopts the edit, as a DPO correcting facts does.
fn edit_and_adopt(ws: &Workspace, edit: impl Fn(String) -> String) {
    ws.write(FILE, &edit(ws.read(FILE)));
    ws.dpo()
        .run(&["record", "adopt", FILE, "--reason", "faits précisés"])
        .assert_code(0);
}

/// The text body of a parsed message, with plain line ends.
fn body_of(m: &serde_json::Value) -> String {
    m["body"].as_str().unwrap_or_default().replace("\r\n", "\n")
}

/// The body and the PDF text of the message of a dry run.
fn dry_run(ws: &Workspace, extra: &[&str]) -> (String, String) {
    let mut args = vec!["--now", NOW];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["breach", "notify", ID, "--dry-run"]);
    let r = ws.dpo().run(&args);
    r.assert_code(0);
    let m = parsed(&ws.root().join(DRY_EML));
    let pdf = m["attachments"][0]["path"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    (body_of(&m), pdf_text(Path::new(&pdf)))
}

#[test]
fn the_nature_of_the_breach_cannot_be_deferred_in_defer_check_or_notify() {
    let ws = with_breach(|t| t);
    let r = ws.dpo().run(&[
        "--now",
        NOW,
        "breach",
        "defer",
        ID,
        "nature.description",
        "--reason",
        "analyse en cours",
    ]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("ne peut pas être différée")
            && r.stderr().contains("art. 33, §\u{a0}3, point a)"),
        "{}",
        r.stderr()
    );
    // Another item still can be.
    ws.dpo()
        .run(&[
            "--now",
            NOW,
            "breach",
            "defer",
            ID,
            "records_count",
            "--reason",
            "inventaire en cours",
        ])
        .assert_code(0);

    // Written by hand: check and notify both refuse it, naming the place.
    let ws = with_breach(|t| {
        let t = swap(
            t,
            "  description: Chiffrement par un rançongiciel des partages du serveur de fichiers de la ville\n",
            "  description: null\n",
        );
        swap(
            t,
            "deferred:\n",
            "deferred:\n  description: on ne sait pas encore\n",
        )
    });
    let r = ws.dpo().run(&["check"]);
    r.assert_code(2);
    assert!(
        r.stdout().contains("breaches/2021-001.yaml:")
            && r.stdout().contains("deferred.description")
            && r.stdout().contains("ne peut pas être différée"),
        "{}",
        r.stdout()
    );
    let r = ws
        .dpo()
        .run(&["--now", NOW, "breach", "notify", ID, "--dry-run"]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("ne peut pas être différée"),
        "{}",
        r.stderr()
    );
    assert!(!ws.exists(DRY_EML));
}

#[test]
fn the_notice_says_what_may_be_deferred_and_until_when() {
    let ws = with_breach(|t| t);
    let (body, pdf) = dry_run(&ws, &[]);
    for text in [&body, &collapse(&pdf)] {
        // What Art. 33(3)(a) and 33(4) require, and what the tool enforces,
        // without lending Art. 33(4) a rule it does not state.
        assert!(
            text.contains(&collapse(
                "lorsqu'il n'est pas possible de les fournir toutes en même temps (article 33, paragraphe 4, du RGPD)"
            )) && text.contains(&collapse(
                "(point a) de l'article 33, paragraphe 3, du RGPD), le sous-traitant ne diffère jamais cette description"
            )),
            "{text}"
        );
        assert!(!text.contains("Seule la description"), "{text}");
        // The controller's own deadline: the first notification + 72 h.
        assert!(
            text.contains(&collapse(
                "au plus tard le lundi 29 mars 2021 à 12:00 (UTC+02:00)"
            )),
            "{text}"
        );
        assert!(
            text.contains(&collapse(
                "analyse en cours par l'équipe de réponse à incident"
            )),
            "{text}"
        );
    }
    let (body, _) = dry_run(&ws, &["--lang", "en"]);
    assert!(
        body.contains(
            "where it is not possible to provide it all at the same time (Article 33(4) GDPR)"
        ) && body.contains("(Article 33(3)(a)), the processor never defers that description")
            && !body.contains("Only the description")
            && body.contains("at the latest on Monday 29 March 2021, 12:00 (UTC+02:00)"),
        "{body}"
    );
}

#[test]
fn the_dpo_contact_names_the_dpo_and_never_gives_the_switchboard_as_its_phone() {
    let ws = with_breach(|t| t);
    let (body, _) = dry_run(&ws, &[]);
    let contact = plain(&body)
        .split("2. DÉLÉGUÉ À LA PROTECTION DES DONNÉES OU AUTRE POINT DE CONTACT\n")
        .nth(1)
        .and_then(|s| s.split("\n\n").next())
        .unwrap_or_default()
        .to_string();
    assert!(
        contact.contains("nom du délégué « à compléter »")
            && contact.contains("téléphone du délégué : « à compléter »")
            && contact.contains("DPO@grandorlyseinebievre.fr"),
        "{contact}"
    );
    assert!(!contact.contains(SWITCHBOARD), "{contact}");
    // The switchboard, when shown, is the processor's, said so.
    assert!(
        plain(&body).contains(&format!("Standard du sous-traitant : {SWITCHBOARD}")),
        "{body}"
    );

    // The DPO named in people.yaml, the DPO's own phone in processor.yaml.
    let people = ws.read("people.yaml");
    ws.write(
        "people.yaml",
        &format!(
            "{people}  - id: dpo\n    name: Camille Martin\n    role: délégué à la protection des données\n    organisation: EPT Grand-Orly Seine Bièvre\n    controllers: [juvisy-sur-orge]\n    confidentiality_commitment: null\n    last_training: null\n"
        ),
    );
    let processor = ws.read("processor.yaml");
    ws.write(
        "processor.yaml",
        &swap(
            processor,
            "  email: DPO@grandorlyseinebievre.fr\n",
            "  email: DPO@grandorlyseinebievre.fr\n  phone: 01 00 00 00 01\n",
        ),
    );
    let (body, pdf) = dry_run(&ws, &[]);
    assert!(
        plain(&body).contains("Camille Martin, délégué à la protection des données, courriel DPO@grandorlyseinebievre.fr, téléphone du délégué : 01 00 00 00 01"),
        "{body}"
    );
    assert!(collapse(&pdf).contains("Camille Martin"), "{pdf}");
}

#[test]
fn approximate_counts_are_worded_with_digit_grouping_in_both_languages() {
    let ws = with_breach(|t| {
        let t = swap(t, "subjects_count: 1200", "subjects_count: {about: 1200}");
        swap(
            t,
            "records_count: 45000",
            "records_count: {from: 1000, to: 5000}",
        )
    });
    let (body, pdf) = dry_run(&ws, &[]);
    let about = format!("environ 1{NNBSP}200");
    let range = format!("entre 1{NNBSP}000 et 5{NNBSP}000");
    assert!(
        body.contains(&format!(
            "Nombre approximatif de personnes concernées{NNBSP}: {about}"
        )),
        "{body}"
    );
    assert!(
        body.contains(&format!(
            "Nombre approximatif d'enregistrements concernés{NNBSP}: {range}"
        )),
        "{body}"
    );
    let pdf = pdf.replace(NNBSP, " ");
    assert!(
        pdf.contains("environ 1 200") && pdf.contains("entre 1 000 et 5 000"),
        "{pdf}"
    );
    let (body, _) = dry_run(&ws, &["--lang", "en"]);
    assert!(
        body.contains("about 1,200") && body.contains("between 1,000 and 5,000"),
        "{body}"
    );
    // A plain number still loads, and is grouped.
    let ws = with_breach(|t| t);
    let (body, _) = dry_run(&ws, &[]);
    assert!(body.contains(&format!("45{NNBSP}000")), "{body}");
    // An upside-down range is refused with its place.
    let ws = with_breach(|t| {
        swap(
            t,
            "records_count: 45000",
            "records_count: {from: 5000, to: 10}",
        )
    });
    let r = ws.dpo().run(&["check"]);
    r.assert_code(2);
    assert!(
        r.stdout().contains("breaches/2021-001.yaml:") && r.stdout().contains("à l'envers"),
        "{}",
        r.stdout()
    );
}

#[test]
fn the_facts_of_the_cnil_form_are_asked_kept_and_sent() {
    let ws = Workspace::fixture("juvisy-workspace");
    let r = ws.dpo().run(&[
        "--now",
        "2021-03-26 10:30",
        "breach",
        "open",
        "--title",
        "Rançongiciel",
        "--aware-at",
        "2021-03-26 10:00",
        "--occurred-at",
        "2021-03-25 22:40",
        "--discovered-at",
        "2021-03-26 08:15",
        "--established",
        "--ongoing",
        "--discovery",
        "alerte de l'antivirus",
        "--origin",
        "external-malicious",
        "--cause",
        "pièce jointe piégée",
        "--no-subprocessor",
        "--media",
        "serveur de fichiers",
        "--media",
        "sauvegardes",
        "--encrypted",
        "no",
    ]);
    r.assert_code(0);
    let record = ws.read(FILE);
    for line in [
        "established: true",
        "ongoing: true",
        "discovery: alerte de l'antivirus",
        "origin: external-malicious",
        "cause: pièce jointe piégée",
        "subprocessors: []",
        "media: [serveur de fichiers, sauvegardes]",
        "encrypted: false",
        "directly_identifiable: null",
    ] {
        assert!(record.contains(line), "{line:?} not in:\n{record}");
    }
    // Fill the required items, as the DPO does.
    edit_and_adopt(&ws, |t| {
        let t = swap(
            t,
            "  description: null",
            "  description: chiffrement des partages",
        );
        let t = swap(
            t,
            "  subject_categories: []",
            "  subject_categories: [agents]",
        );
        let t = swap(
            t,
            "  subjects_count: null",
            "  subjects_count: {about: 300}",
        );
        let t = swap(
            t,
            "  record_categories: []",
            "  record_categories: [dossiers RH]",
        );
        let t = swap(t, "  records_count: null", "  records_count: 9000");
        let t = swap(t, "consequences: null", "consequences: indisponibilité");
        let t = swap(t, "measures_taken: null", "measures_taken: isolement");
        swap(
            t,
            "measures_proposed: null",
            "measures_proposed: restauration",
        )
    });
    let server = SmtpServer::start(Mode::Plain);
    ws.dpo()
        .smtp(&server)
        .run(&["--now", NOW, "breach", "notify", ID])
        .assert_code(0);
    let m = &received(&server, 1)[0];
    let body = body_of(m);
    let pdf = collapse(&pdf_text(Path::new(
        m["attachments"][0]["path"].as_str().unwrap_or_default(),
    )));
    for line in [
        "Phase : 1 (notification initiale)",
        "Violation avérée ou suspectée : avérée",
        "Début de la violation : jeudi 25 mars 2021 à 22:40 (UTC+01:00)",
        "Fin de la violation : en cours",
        "Découverte de la violation : vendredi 26 mars 2021 à 08:15 (UTC+01:00)",
        "Circonstances de la découverte : alerte de l'antivirus",
        "Origine de la violation : externe, malveillante",
        "Cause de la violation : pièce jointe piégée",
        "Sous-traitant ultérieur impliqué : aucun",
        "Supports concernés : serveur de fichiers, sauvegardes",
        "Données chiffrées : non",
        "Personnes directement identifiables : « à compléter »",
    ] {
        assert!(plain(&body).contains(line), "{line:?} not in:\n{body}");
        assert!(
            pdf.contains(&collapse(line)),
            "{line:?} not in the PDF:\n{pdf}"
        );
    }
    // English labels, the same facts.
    let (body, _) = {
        let r = ws.dpo().run(&[
            "--now",
            NOW,
            "--lang",
            "en",
            "breach",
            "supplement",
            ID,
            "--dry-run",
            "--field",
            "origin",
        ]);
        r.assert_code(0);
        let m = parsed(
            &ws.root()
                .join("evidence/breaches/2021-001/juvisy-sur-orge-2-dry-run.eml"),
        );
        (body_of(&m), ())
    };
    assert!(
        body.contains("Phase: 2 (supplement no. 1)")
            && body.contains("Origin of the breach: external, malicious")
            && body.contains("People directly identifiable: \"to be completed\""),
        "{body}"
    );
    // An unknown sub-processor is refused.
    let r = ws.dpo().run(&[
        "--now",
        NOW,
        "breach",
        "open",
        "--title",
        "x",
        "--aware-at",
        "2021-03-26 10:00",
        "--subprocessor",
        "siim95",
    ]);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("sous-traitant ultérieur inconnu `siim95`"),
        "{}",
        r.stderr()
    );
}

#[test]
fn supporting_documents_are_attached_recorded_and_journaled() {
    let ws = with_breach(|t| t);
    let docs = ws.dir().join("pièces");
    std::fs::create_dir_all(&docs).unwrap();
    let report = docs.join("rapport-antivirus.pdf");
    let log = docs.join("journal-pare-feu.txt");
    std::fs::write(&report, b"%PDF-1.4 rapport").unwrap();
    std::fs::write(&log, "connexion refusée depuis 203.0.113.7\n").unwrap();
    let server = SmtpServer::start(Mode::Plain);
    // `breach notify` with these documents attached.
    let notify = |docs: &[&std::path::Path]| {
        let mut args = vec![
            "--now".to_string(),
            NOW.into(),
            "breach".into(),
            "notify".into(),
            ID.into(),
        ];
        for d in docs {
            args.extend(["--attach".to_string(), d.display().to_string()]);
        }
        ws.dpo().smtp(&server).run(&args)
    };

    // A missing document is refused before anything is sent or written.
    let r = notify(&[&docs.join("absent.pdf")]);
    r.assert_code(2);
    assert!(r.stderr().contains("absent.pdf"), "{}", r.stderr());
    assert!(server.messages().is_empty());
    assert!(!ws.read(FILE).contains("notifications:"));

    // Two documents of one name are refused in the run's language.
    let twin = ws.dir().join("autres");
    std::fs::create_dir_all(&twin).unwrap();
    std::fs::write(twin.join("rapport-antivirus.pdf"), b"%PDF-1.4 autre").unwrap();
    let r = notify(&[&report, &twin.join("rapport-antivirus.pdf")]);
    r.assert_code(2);
    r.assert_stderr_has("deux documents à joindre s'appellent `rapport-antivirus.pdf`");
    r.assert_stderr_has("renommez l'un d'eux");
    assert!(server.messages().is_empty());

    // A document named like the notification's own PDF (any case) is
    // refused too: the controller could not tell them apart.
    let own = docs.join("Notification-Violation-2021-001-1.PDF");
    std::fs::write(&own, b"%PDF-1.4 mine").unwrap();
    let r = notify(&[&own]);
    r.assert_code(2);
    r.assert_stderr_has(
        "le document à joindre `Notification-Violation-2021-001-1.PDF` porte le nom du PDF",
    );
    r.assert_stderr_has("renommez le document avant de le joindre");
    assert!(server.messages().is_empty());
    assert!(!ws.read(FILE).contains("notifications:"));

    let r = notify(&[&report, &log]);
    r.assert_code(0);
    assert!(
        r.stdout()
            .contains("pièce jointe\u{202f}: rapport-antivirus.pdf"),
        "{}",
        r.stdout()
    );
    let m = &received(&server, 1)[0];
    let atts = m["attachments"].as_array().cloned().unwrap_or_default();
    let names: Vec<&str> = atts
        .iter()
        .map(|a| a["filename"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        [
            "notification-violation-2021-001-1.pdf",
            "rapport-antivirus.pdf",
            "journal-pare-feu.txt"
        ]
    );
    assert_eq!(atts[1]["content_type"], "application/pdf");
    assert_eq!(atts[2]["content_type"], "text/plain");
    for (att, original) in [(&atts[1], &report), (&atts[2], &log)] {
        let got = std::fs::read(att["path"].as_str().unwrap_or_default()).unwrap();
        assert_eq!(got, std::fs::read(original).unwrap());
    }
    // The body and the PDF list them with their SHA-256.
    let sha = sha256sum(&report);
    let body = body_of(m);
    assert!(
        body.contains(&format!("rapport-antivirus.pdf (SHA-256 {sha})")),
        "{body}"
    );
    // The kept .eml is the message received, attachments included.
    let eml = ws
        .root()
        .join("evidence/breaches/2021-001/juvisy-sur-orge-1.eml");
    let cmp = compare(&eml, m["file"].as_str().unwrap_or_default());
    assert_eq!(cmp["same_body"], true, "{cmp}");
    // The breach file records each one's name and SHA-256; the journal vouches for it.
    let record = ws.read(FILE);
    assert!(
        record.contains("name: rapport-antivirus.pdf")
            && record.contains(&format!("sha256: {sha}")),
        "{record}"
    );
    assert!(
        record.contains(&format!("sha256: {}", sha256sum(&log))),
        "{record}"
    );
    let entry = ws
        .journal()
        .into_iter()
        .find(|e| e["action"] == "breach.notify")
        .expect("a breach.notify entry");
    assert_eq!(entry["payload_sha256"], sha256sum(&eml).as_str());
    ws.dpo().run(&["journal", "verify"]).assert_code(0);

    // A supplement carries its own.
    edit_and_adopt(&ws, |t| {
        swap(
            t,
            "consequences: null",
            "consequences: indisponibilité des partages",
        )
    });
    let supplement = |doc: &Path| {
        ws.dpo().smtp(&server).run(&[
            "--now",
            "2021-03-26 15:00",
            "breach",
            "supplement",
            ID,
            "--attach",
            &doc.display().to_string(),
        ])
    };
    // Named like the supplement's own PDF: refused as notify refuses it.
    let own = docs.join("notification-violation-2021-001-2.pdf");
    std::fs::write(&own, b"%PDF-1.4 mine").unwrap();
    let r = supplement(&own);
    r.assert_code(2);
    r.assert_stderr_has(
        "le document à joindre `notification-violation-2021-001-2.pdf` porte le nom du PDF",
    );
    assert_eq!(server.messages().len(), 1, "nothing more was sent");
    supplement(&log).assert_code(0);
    let m = &received(&server, 2)[1];
    let names: Vec<String> = m["attachments"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|a| a["filename"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "notification-violation-2021-001-2.pdf",
            "journal-pare-feu.txt"
        ]
    );
}

#[test]
fn a_request_forward_attaches_the_original_request() {
    let ws = Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts");
    ws.dpo()
        .run(&access_request("2021-03-26 09:00", "Accès au dossier RH"))
        .assert_code(0);
    let letter = ws.dir().join("courrier-demande.pdf");
    std::fs::write(&letter, b"%PDF-1.4 lettre de M. X").unwrap();
    let server = SmtpServer::start(Mode::Plain);
    let r = ws.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-26 11:30",
        "request",
        "forward",
        "2021-001",
        "--attach",
        &letter.display().to_string(),
    ]);
    r.assert_code(0);
    let sha = sha256sum(&letter);
    assert!(
        r.stdout().contains(&format!(
            "pièce jointe\u{202f}: courrier-demande.pdf (SHA-256 {sha})"
        )),
        "{}",
        r.stdout()
    );
    let m = &received(&server, 1)[0];
    let att = &m["attachments"][0];
    assert_eq!(att["filename"], "courrier-demande.pdf");
    assert_eq!(
        std::fs::read(att["path"].as_str().unwrap_or_default()).unwrap(),
        std::fs::read(&letter).unwrap()
    );
    assert!(
        m["body"]
            .as_str()
            .unwrap_or_default()
            .contains(&format!("courrier-demande.pdf (SHA-256 {sha})")),
        "{m}"
    );
    let record = ws.read("requests/2021-001.yaml");
    assert!(
        record.contains("name: courrier-demande.pdf") && record.contains(&format!("sha256: {sha}")),
        "{record}"
    );
    ws.dpo().run(&["journal", "verify"]).assert_code(0);
}

#[test]
fn a_filled_deferral_is_settled_and_a_changed_field_is_offered_as_a_supplement() {
    let ws = with_breach(|t| t);
    let server = SmtpServer::start(Mode::Plain);
    ws.dpo()
        .smtp(&server)
        .run(&["--now", NOW, "breach", "notify", ID])
        .assert_code(0);
    // The deferred consequences become known; a sent measure is corrected.
    edit_and_adopt(&ws, |t| {
        let t = swap(
            t,
            "consequences: null",
            "consequences: indisponibilité des partages",
        );
        swap(
            t,
            "measures_taken: Serveur isolé du réseau, comptes administrateur réinitialisés",
            "measures_taken: Serveur isolé du réseau, tous les mots de passe réinitialisés",
        )
    });
    let r = ws.dpo().run(&["check"]);
    assert!(
        r.stdout().contains("deferred.consequences") && r.stdout().contains("report périmé"),
        "{}",
        r.stdout()
    );
    let show = ws
        .dpo()
        .run(&["--now", "2021-03-26 14:00", "breach", "show", ID]);
    show.assert_code(0);
    assert!(
        show.stdout().contains("Modifié depuis son envoi")
            && show
                .stdout()
                .contains("mesures prises pour remédier à la violation"),
        "{}",
        show.stdout()
    );
    let status = ws
        .dpo()
        .run(&["--now", "2021-03-26 14:00", "--json", "status"]);
    let v = status.json();
    let items = v["items"].as_array().cloned().unwrap_or_default();
    let supplement = items
        .iter()
        .find(|i| i["kind"] == "breach.supplement")
        .unwrap_or_else(|| panic!("no supplement item: {v}"));
    assert_eq!(supplement["missing"], serde_json::json!(["measures_taken"]));
    let again = ws
        .dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 14:00", "breach", "notify", ID]);
    again.assert_code(2);
    assert!(
        again
            .stderr()
            .contains("modifié depuis l'envoi\u{202f}: measures_taken")
            && again.stderr().contains("dpo breach supplement 2021-001"),
        "{}",
        again.stderr()
    );

    // The supplement sends the new and the changed item, unasked, and
    // leaves no stale deferral.
    let r = ws
        .dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-26 15:00", "breach", "supplement", ID]);
    r.assert_code(0);
    let m = &received(&server, 2)[1];
    let body = plain(&body_of(m));
    assert!(
        body.contains("Conséquences probables de la violation : indisponibilité des partages")
            && body.contains("Mesures prises pour remédier à la violation : Serveur isolé du réseau, tous les mots de passe réinitialisés")
            && body.contains("Éléments modifiés depuis leur précédent envoi : mesures prises pour remédier à la violation."),
        "{body}"
    );
    let record = ws.read(FILE);
    assert!(
        !record.contains("analyse en cours par l'équipe"),
        "{record}"
    );
    // The warning `check` gave above (in French, the run's language) is gone.
    let r = ws.dpo().run(&["check"]);
    assert!(
        !r.stdout().contains("deferred.consequences") && !r.stdout().contains("report périmé"),
        "{}",
        r.stdout()
    );
    let show = ws
        .dpo()
        .run(&["--now", "2021-03-26 15:30", "breach", "show", ID]);
    assert!(
        !show.stdout().contains("Modifié depuis son envoi"),
        "{}",
        show.stdout()
    );
    ws.dpo().run(&["journal", "verify"]).assert_code(0);
}

#[test]
fn the_notice_ends_with_a_signature_block() {
    let ws = with_breach(|t| t);
    let (body, pdf) = dry_run(&ws, &[]);
    let body = plain(&body);
    let end = body
        .rsplit("Journal du sous-traitant")
        .next()
        .unwrap_or_default();
    for line in [
        "Fait à Vitry-sur-Seine, le 26 mars 2021.",
        "Nom du signataire : « à compléter »",
        "Qualité : délégué à la protection des données de l'établissement public territorial Grand-Orly Seine Bièvre",
    ] {
        assert!(end.contains(line), "{line:?} not at the end of:\n{body}");
    }
    let pdf = collapse(&pdf);
    assert!(
        pdf.contains("Signature Fait à Vitry-sur-Seine, le 26 mars 2021.")
            && pdf.contains("Nom du signataire : « à compléter »"),
        "{pdf}"
    );
    let processor = ws.read("processor.yaml");
    ws.write(
        "processor.yaml",
        &swap(processor, "  name: null\n", "  name: Camille Martin\n"),
    );
    let (body, _) = dry_run(&ws, &["--lang", "en"]);
    assert!(
        body.contains("Signed at Vitry-sur-Seine, on 26 March 2021.")
            && body.contains("Name of the signatory: Camille Martin"),
        "{body}"
    );
}

/// Runs `args` on a terminal (a pseudo-terminal made by Python's `pty`),
/// typing `answers` — how a person answers the prompts of `breach open`.
pub(crate) const ON_A_TERMINAL: &str = r#"
import os, pty, select, subprocess, sys
answers, cmd = sys.argv[1], sys.argv[2:]
master, slave = pty.openpty()
p = subprocess.Popen(cmd, stdin=slave, stdout=subprocess.PIPE, stderr=slave)
os.close(slave)
os.write(master, answers.encode())
seen = b""
while True:
    ready, _, _ = select.select([master], [], [], 0.2)
    if ready:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            chunk = b""
        seen += chunk
        if not chunk and p.poll() is not None:
            break
    elif p.poll() is not None:
        break
sys.stdout.buffer.write(p.stdout.read())
sys.stderr.buffer.write(seen)
sys.exit(p.wait())
"#;

/// `breach open` of "Rançongiciel" (known since 2021-03-26 10:00, at 10:30)
/// run on a terminal that types `answers` to its questions.
fn open_on_a_terminal(ws: &Workspace, answers: &str) -> std::process::Output {
    let mut cmd = crate::support::Dpo::under(ws.root(), "python3", &["-c", ON_A_TERMINAL, answers])
        .into_command();
    cmd.args([
        "--now",
        "2021-03-26 10:30",
        "breach",
        "open",
        "--title",
        "Rançongiciel",
        "--aware-at",
        "2021-03-26 10:00",
    ]);
    cmd.output().expect("run python3")
}

#[test]
fn breach_open_asks_for_the_facts_of_the_cnil_form_on_a_terminal() {
    let ws = Workspace::fixture("juvisy-workspace");
    // When it started and when it was discovered come first (issue 9
    // review: the CNIL's form asks both).
    let answers = "2021-03-25 22:40\n2021-03-26 08:15\no\nalerte de l'antivirus\nongoing\nexternal-malicious\nhameçonnage\nnone\nserveur, poste\nn\n\n";
    let out = open_on_a_terminal(&ws, answers);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("la violation est-elle avérée\u{202f}?")
            && stderr.contains("les données étaient-elles chiffrées\u{202f}?")
            && stderr.contains("quand la violation a-t-elle commencé\u{202f}?")
            && stderr.contains("quand a-t-elle été découverte\u{202f}?"),
        "{stderr}"
    );
    let record = ws.read(FILE);
    for line in [
        "occurred_at: 2021-03-25T22:40:00+01:00",
        "discovered_at: 2021-03-26T08:15:00+01:00",
        "established: true",
        "discovery: alerte de l'antivirus",
        "ended_at: null",
        "ongoing: true",
        "origin: external-malicious",
        "cause: hameçonnage",
        "subprocessors: []",
        "media: [serveur, poste]",
        "encrypted: false",
        "directly_identifiable: null",
    ] {
        assert!(record.contains(line), "{line:?} not in:\n{record}");
    }
}

// ------------------------------------------------- fixes after review (issue 9)

#[test]
fn breach_open_asks_when_it_started_and_was_discovered_refusing_a_day_without_a_time() {
    let open = open_on_a_terminal;
    // A day typed without its time is refused, not read as midnight.
    let ws = Workspace::fixture("juvisy-workspace");
    let out = open(&ws, "2021-03-25\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("quand la violation a-t-elle commencé\u{202f}?")
            && stderr.contains("--occurred-at"),
        "{stderr}"
    );
    assert!(!ws.exists(FILE));
}

#[test]
fn the_breach_report_ends_with_the_signature_block_and_names_the_systems() {
    let ws = with_breach(|t| t);
    edit_and_adopt(&ws, |t| {
        swap(
            t,
            "systems: [serveurs de fichiers, dossiers partagés]",
            "systems: [serveurs-fichiers, messagerie, baie de stockage]",
        )
    });
    let r = ws.dpo().run(&[
        "--now",
        "2021-03-26 11:00",
        "breach",
        "report",
        ID,
        "--format",
        "md",
    ]);
    r.assert_code(0);
    let md = r.stdout();
    // An activity id is shown by that category's name; another system as
    // written.
    assert!(
        md.contains("Hébergement et maintenance des serveurs de fichiers, Hébergement et maintenance de la messagerie, baie de stockage"),
        "{md}"
    );
    assert!(!md.contains("serveurs-fichiers"), "{md}");
    let md = plain(&md);
    let tail = &md[md.rfind("## Signature").expect("a signature block")..];
    for want in [
        "Fait à Vitry-sur-Seine, le 26 mars 2021.",
        "**Nom du signataire** : « à compléter »",
        "**Qualité** : délégué à la protection des données de l'établissement public territorial Grand-Orly Seine Bièvre",
    ] {
        assert!(tail.contains(want), "{want:?} not in:\n{tail}");
    }
    // The notice names them the same way.
    let (body, pdf) = dry_run(&ws, &[]);
    assert!(
        plain(&body).contains("Systèmes ou traitements concernés : Hébergement et maintenance des serveurs de fichiers, Hébergement et maintenance de la messagerie, baie de stockage"),
        "{body}"
    );
    assert!(!collapse(&pdf).contains("serveurs-fichiers"), "{pdf}");
}

#[test]
fn a_count_range_needs_a_lower_bound_of_1_below_its_upper_bound() {
    for (range, why) in [
        ("{from: 0, to: 0}", "commence au moins à 1"),
        ("{from: 0, to: 50}", "commence au moins à 1"),
        ("{from: 50, to: 50}", "deux bornes différentes"),
    ] {
        let ws = with_breach(|t| {
            swap(
                t,
                "subjects_count: 1200",
                &format!("subjects_count: {range}"),
            )
        });
        let r = ws.dpo().run(&["check"]);
        r.assert_code(2);
        assert!(
            r.stdout().contains("breaches/2021-001.yaml") && r.stdout().contains(why),
            "{range}: {}",
            r.stdout()
        );
        let r = ws
            .dpo()
            .run(&["--now", NOW, "breach", "notify", ID, "--dry-run"]);
        r.assert_code(2);
        assert!(!ws.exists(DRY_EML), "{range}");
    }
    let ws = with_breach(|t| {
        swap(
            t,
            "subjects_count: 1200",
            "subjects_count: {from: 1, to: 50}",
        )
    });
    let (body, _) = dry_run(&ws, &[]);
    assert!(body.contains("entre 1 et 50"), "{body}");
}

#[test]
fn a_dry_run_makes_the_checks_of_a_real_run() {
    // Late without a reason: refused in a dry run too.
    let ws = with_breach(|t| t);
    let late = "2021-03-29 12:00";
    let r = ws
        .dpo()
        .run(&["--now", late, "breach", "notify", ID, "--dry-run"]);
    r.assert_code(2);
    assert!(r.stderr().contains("--late-reason"), "{}", r.stderr());
    assert!(!ws.exists(DRY_EML));
    ws.dpo()
        .run(&[
            "--now",
            late,
            "breach",
            "notify",
            ID,
            "--dry-run",
            "--late-reason",
            "serveur de messagerie chiffré",
        ])
        .assert_code(0);

    // Already notified: refused in a dry run too, unless --again.
    let ws = with_breach(|t| t);
    let server = SmtpServer::start(Mode::Plain);
    ws.dpo()
        .smtp(&server)
        .run(&["--now", NOW, "breach", "notify", ID])
        .assert_code(0);
    let r = ws
        .dpo()
        .run(&["--now", NOW, "breach", "notify", ID, "--dry-run"]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("déjà été notifiée") && r.stderr().contains("--again"),
        "{}",
        r.stderr()
    );
    assert!(!ws.exists(DRY_EML));
    ws.dpo()
        .run(&["--now", NOW, "breach", "notify", ID, "--dry-run", "--again"])
        .assert_code(0);
    assert_eq!(server.messages().len(), 1);
}

#[test]
fn a_supplement_may_say_only_where_the_investigation_stands() {
    let ws = with_breach(|t| t);
    let server = SmtpServer::start(Mode::Plain);
    ws.dpo()
        .smtp(&server)
        .run(&["--now", NOW, "breach", "notify", ID])
        .assert_code(0);
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-28 09:00",
            "breach",
            "defer",
            ID,
            "consequences",
            "--reason",
            "analyse des journaux toujours en cours",
        ])
        .assert_code(0);
    // Nothing new, and no progress: refused, with the way out.
    let r = ws
        .dpo()
        .smtp(&server)
        .run(&["--now", "2021-03-29 10:00", "breach", "supplement", ID]);
    r.assert_code(2);
    assert!(r.stderr().contains("--progress"), "{}", r.stderr());
    let r = ws.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-29 10:00",
        "breach",
        "supplement",
        ID,
        "--progress",
        "  ",
    ]);
    r.assert_code(2);
    let journal_before = ws.journal().len();
    let r = ws.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-29 10:00",
        "breach",
        "supplement",
        ID,
        "--progress",
        "inventaire des partages touchés achevé à 60 %",
    ]);
    r.assert_code(0);
    let m = &received(&server, 2)[1];
    let body = plain(&body_of(m));
    for want in [
        "complément n° 1",
        "OÙ EN SONT LES INVESTIGATIONS\ninventaire des partages touchés achevé à 60 %",
        "analyse des journaux toujours en cours",
    ] {
        assert!(body.contains(want), "{want:?} not in:\n{body}");
    }
    let record = ws.read(FILE);
    assert!(
        record.contains("phase: 2")
            && record.contains("progress: inventaire des partages touchés achevé à 60 %"),
        "{record}"
    );
    let journal = ws.journal();
    assert!(
        journal[journal_before..]
            .iter()
            .any(|e| e["action"] == "breach.supplement"),
        "{journal:?}"
    );
    ws.dpo().run(&["journal", "verify"]).assert_code(0);
    let report = ws.dpo().run(&[
        "--now",
        "2021-03-29 11:00",
        "breach",
        "report",
        ID,
        "--format",
        "md",
    ]);
    assert!(
        plain(&report.stdout()).contains(
            "où en sont les investigations : inventaire des partages touchés achevé à 60 %"
        ),
        "{}",
        report.stdout()
    );
}

#[test]
fn close_refuses_items_still_deferred_unless_told_why() {
    let ws = with_breach(|t| t);
    let close = |extra: &[&str]| {
        let mut a = vec![
            "--now",
            "2021-04-15 10:00",
            "breach",
            "close",
            ID,
            "--summary",
            "service restauré",
        ];
        a.extend_from_slice(extra);
        ws.dpo().run(&a)
    };
    let r = close(&[]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("consequences")
            && r.stderr().contains("conséquences probables")
            && r.stderr().contains("--with-deferred --reason"),
        "{}",
        r.stderr()
    );
    assert!(!ws.read(FILE).contains("closed:\n  at"));
    // --with-deferred needs its reason, and the reason needs words.
    close(&["--with-deferred"]).assert_code(2);
    close(&["--with-deferred", "--reason", " "]).assert_code(2);
    assert!(!ws.read(FILE).contains("summary: service restauré"));
    let r = close(&[
        "--with-deferred",
        "--reason",
        "le responsable de traitement a renoncé à l'analyse",
    ]);
    r.assert_code(0);
    assert!(
        r.stderr()
            .contains("encore différés, jamais envoyés\u{202f}: conséquences probables de la violation (`consequences`)"),
        "{}",
        r.stderr()
    );
    let record = ws.read(FILE);
    assert!(
        record.contains("- consequences")
            && record
                .contains("deferred_reason: le responsable de traitement a renoncé à l'analyse"),
        "{record}"
    );
    let report = ws.dpo().run(&[
        "--now",
        "2021-04-15 11:00",
        "breach",
        "report",
        ID,
        "--format",
        "md",
    ]);
    assert!(
        report
            .stdout()
            .contains("clos avec des éléments encore différés\u{202F}: conséquences probables"),
        "{}",
        report.stdout()
    );
}
