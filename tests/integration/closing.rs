//! End of the convention and the audit pack (issue 9), with the real
//! binary: the certificate always kept in `evidence/` (and so in the audit
//! pack) whatever `-o` says, and never half recorded after a `kill -9`; its
//! refusals while a destruction's validator, a medium's fate or the DPO's
//! name is « à compléter »; its signature block; no command writing without
//! an actor; a sub-processor notice or a request forward with « à compléter »
//! in a required field held back without `--incomplete`; facts set from the
//! command line (`breach set`, `request set`, `fate set`), journaled. After
//! review: the sub-processor and transfer notices end with the signature
//! block and word unknowns once; the certificate and the register show the
//! convention's moved end as status does; a placeholder validator is
//! refused and a superseded destruction marked.
//!
//! Needs: `pdftotext`, `ssh-keygen` (Debian openssh-client).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use crate::support::fate::destroy_args;
use crate::support::instruction::transfer_to_switzerland;
use crate::support::mail::received;
use crate::support::request::access_request;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::tools::{pdftotext, plain, sha256sum};
use crate::support::{Run, Workspace};

const NOW: &str = "2021-08-02T10:00:00+02:00";
const CONTROLLER: &str = "juvisy-sur-orge";
const FATE: &str = "fate/juvisy-sur-orge.yaml";

/// `tests/fixtures/fate-workspace`, with its data beside it.
pub(crate) struct Fate {
    pub(crate) ws: Workspace,
}

impl Fate {
    pub(crate) fn new() -> Self {
        Self {
            ws: Workspace::fixture("fate-workspace"),
        }
    }

    pub(crate) fn dpo(&self, args: &[&str]) -> Run {
        let r = self.ws.dpo().now(NOW).run(args);
        r.assert_no_panic();
        r
    }

    pub(crate) fn ok(&self, args: &[&str]) -> String {
        let r = self.dpo(args);
        r.assert_code(0);
        r.text()
    }

    fn data(&self, rel: &str, bytes: &[u8]) {
        let p = self.ws.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    fn destroy(&self, item: &str, copy: &str, extra: &[&str]) {
        let mut args = destroy_args(item, copy);
        args.extend_from_slice(extra);
        self.ok(&args);
    }

    /// Every copy handed over or destroyed; the destruction of `partages`
    /// `live` recorded with `live` (its validator and medium), the others
    /// complete.
    fn done_but(&self, live: &[&str]) {
        self.ok(&["keys", "generate"]);
        self.data("data/partages/a.txt", b"acte 2021-001\n");
        self.data("data/sauvegardes/job.vbk", &[0x17u8; 4096]);
        self.ok(&["fate", "fingerprint", "partages", "data/partages"]);
        self.ok(&[
            "fate",
            "bag",
            "partages",
            "--from",
            "data/partages",
            "--out",
            "media/partages",
        ]);
        self.ok(&["fate", "verify-bag", "media/partages"]);
        let full = [
            "--validated-by",
            "Carole Dupont",
            "--media-destination",
            "réutilisé après effacement",
        ];
        self.destroy("partages", "live", live);
        for (item, copy) in [
            ("partages", "snapshots"),
            ("sauvegardes", "depot"),
            ("sauvegardes", "bandes"),
        ] {
            self.destroy(item, copy, &full);
        }
    }

    pub(crate) fn complete(&self) {
        self.done_but(&[
            "--validated-by",
            "Carole Dupont",
            "--media-destination",
            "réutilisé après effacement",
        ]);
    }

    /// The certificate PDFs kept under `evidence/fate/<controller>/`.
    fn kept_pdfs(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = walkdir(&self.ws.root().join("evidence/fate").join(CONTROLLER))
            .into_iter()
            .filter(|p| {
                p.extension().is_some_and(|e| e == "pdf")
                    && p.to_string_lossy().contains("certificate-")
            })
            .collect();
        out.sort();
        out
    }
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn words(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ------------------------------------------------------------------ the certificate

#[test]
fn with_o_the_certificate_is_also_kept_in_evidence_checked_and_in_the_audit_pack() {
    let f = Fate::new();
    f.complete();
    let out = f.ok(&["fate", "certify", "-o", "out/certificat.pdf"]);
    assert!(out.contains("conservé dans les preuves"), "{out}");
    let copy = f.ws.path("out/certificat.pdf");
    let kept = f.kept_pdfs();
    assert_eq!(kept.len(), 1, "{kept:?}");
    // Kept under the file name it prints, with the same bytes as the copy.
    assert!(kept[0].ends_with("certificat.pdf"), "{kept:?}");
    assert_eq!(sha256sum(&kept[0]), sha256sum(&copy));
    for ext in ["pdf.sig", "json", "json.sig"] {
        let name = format!("certificat.{ext}");
        let beside = kept[0].with_file_name(&name);
        assert!(beside.exists(), "{}", beside.display());
        assert_eq!(
            sha256sum(&beside),
            sha256sum(&f.ws.path(&format!("out/{name}")))
        );
    }
    // The record and the journal name the kept files, with their hashes.
    let rel = kept[0]
        .strip_prefix(f.ws.root())
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(f.ws.read(FATE).contains(&format!("pdf: {rel}")), "{rel}");
    let entry =
        f.ws.journal()
            .into_iter()
            .find(|e| e["action"] == "fate.certify")
            .unwrap();
    let writes = entry["writes"].to_string();
    assert!(
        writes.contains(&rel) && writes.contains(&sha256sum(&kept[0])),
        "{writes}"
    );
    f.ok(&["check"]);
    f.ok(&["journal", "verify"]);
    // The audit pack holds it, and its signature.
    f.ok(&["audit", "pack", "-o", "pack"]);
    let packed = f.ws.path("pack").join(&rel);
    assert_eq!(sha256sum(&packed), sha256sum(&copy));
    assert!(packed.with_extension("pdf.sig").exists());
    let per_controller = f.ok(&["audit", "pack", "-o", "pack-c", "--controller", CONTROLLER]);
    assert!(f.ws.path("pack-c").join(&rel).exists(), "{per_controller}");
    // A kept certificate changed afterwards is reported, like any evidence.
    std::fs::write(&kept[0], b"%PDF-1.7 forged").unwrap();
    let r = f.dpo(&["check"]);
    r.assert_code(1);
    assert!(r.text().contains(&rel), "{}", r.text());
    // A certificate recorded outside evidence/ (by an older dpo, with -o) is
    // named by the pack, not left out without a word.
    let fate = f.ws.read(FATE);
    f.ws.write(
        FATE,
        &fate.replace(&format!("pdf: {rel}"), "pdf: ../out/certificat.pdf"),
    );
    let r = f.dpo(&["audit", "pack", "-o", "pack-old"]);
    assert!(
        r.stderr()
            .contains("`../out/certificat.pdf` n'est pas conservé dans evidence/"),
        "{}",
        r.text()
    );
}

#[test]
fn a_certify_killed_at_any_moment_leaves_no_half_certificate_recorded() {
    let f = Fate::new();
    f.complete();
    // How long a whole run takes here; the kills spread over it, and beyond.
    let start = std::time::Instant::now();
    f.ok(&["fate", "certify"]);
    let whole = start.elapsed().as_millis() as u64;
    let mut killed = 0;
    let delays = [0, 10, 30]
        .into_iter()
        .chain((1..=13u64).map(|i| whole * i / 6));
    for (round, ms) in delays.enumerate() {
        let mut cmd = f.ws.dpo().now(NOW).into_command();
        cmd.args(["fate", "certify"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = cmd.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        // The next command sets right what was left.
        f.ok(&["journal", "verify"]);
        f.ok(&["check"]);
        // Every certificate file kept is one a record names, and every record's
        // files are there with their hashes.
        let fate = f.ws.read(FATE);
        let recorded: Vec<&str> = fate
            .lines()
            .filter_map(|l| l.trim().strip_prefix("pdf: "))
            .filter(|p| p.contains("certificate-"))
            .collect();
        let kept = f.kept_pdfs();
        assert_eq!(
            recorded.len(),
            kept.len(),
            "round {round} ({ms} ms): {recorded:?} / {kept:?}"
        );
        for p in &kept {
            let rel = p
                .strip_prefix(f.ws.root())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            assert!(
                recorded.contains(&rel.as_str()),
                "round {round}: {rel} not recorded"
            );
            for ext in ["pdf.sig", "json", "json.sig"] {
                assert!(
                    p.with_extension(ext).exists(),
                    "round {round}: {ext} of {rel}"
                );
            }
        }
    }
    // Stray temporaries, which readers ignore, go with the next write.
    f.ok(&["journal", "note", "-m", "après les interruptions"]);
    let leftovers: Vec<PathBuf> = walkdir(f.ws.root())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".dpo-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    eprintln!("{killed} of 16 certify runs killed (a whole run: {whole} ms)");
    assert!(killed > 0, "the first kills fall inside a run");
}

#[test]
fn certify_names_each_field_a_complete_and_the_dpo_name_before_it_signs() {
    let f = Fate::new();
    f.done_but(&[]);
    let r = f.dpo(&["fate", "certify"]);
    r.assert_code(1);
    let t = r.text();
    for want in [
        "copie `live` de l'élément `partages`, champ «\u{202f}destruction — validée par\u{202f}»",
        "copie `live` de l'élément `partages`, champ «\u{202f}destruction — devenir du support\u{202f}»",
        "--validated-by NOM",
    ] {
        assert!(t.contains(want), "{want}: {t}");
    }
    assert!(
        !t.contains("`snapshots`"),
        "complete copies are not named: {t}"
    );
    assert!(f.kept_pdfs().is_empty());
    let list = f.ok(&["fate", "list"]);
    assert!(
        list.contains(
            "→ copie `live` de l'élément `partages`, champ «\u{202f}destruction — devenir du support\u{202f}»"
        ),
        "{list}"
    );
    let v = f.dpo(&["--json", "fate", "certify"]).json();
    assert_eq!(v["refused"], true);
    assert_eq!(v["pending"][0]["field"], "destruction.validated_by", "{v}");
    // Recorded again, complete: only the DPO's missing name stands in the way.
    f.destroy(
        "partages",
        "live",
        &[
            "--validated-by",
            "Carole Dupont",
            "--media-destination",
            "broyé",
        ],
    );
    let processor = f.ws.read("processor.yaml");
    f.ws.write(
        "processor.yaml",
        &processor.replace("name: Délégué de test", "name: null"),
    );
    assert!(
        f.ok(&["fate", "list"])
            .contains("→ le certificat, champ «\u{202f}nom du délégué à la protection des données (processor.yaml)\u{202f}»"),
        "the list says it too"
    );
    let r = f.dpo(&["fate", "certify"]);
    r.assert_code(1);
    assert!(
        r.text().contains(
            "champ «\u{202f}nom du délégué à la protection des données (processor.yaml)\u{202f}»"
        ) && !r.text().contains("élément `partages`"),
        "{}",
        r.text()
    );
    f.ws.write("processor.yaml", &processor);
    f.ok(&["fate", "certify"]);
    assert_eq!(f.kept_pdfs().len(), 1);
}

#[test]
fn the_certificate_ends_with_the_signature_block_in_both_languages() {
    let f = Fate::new();
    f.complete();
    f.ok(&["fate", "certify", "-o", "out/certificat.pdf"]);
    let fr = words(&pdftotext(&f.ws.path("out/certificat.pdf"), &[]));
    let block = fr
        .rsplit("Signature")
        .next()
        .unwrap_or_default()
        .to_string();
    for want in [
        "Fait à Vitry-sur-Seine, le 2 août 2021.",
        "Pour l'établissement public territorial Grand-Orly Seine Bièvre, sous-traitant",
        "Délégué de test, délégué à la protection des données",
    ] {
        assert!(fr.contains(want), "{want}:\n{fr}");
    }
    // It ends the document: after the instructions to verify it.
    let (verify, sign) = (fr.find("Vérifier ce certificat"), fr.find("Fait à"));
    assert!(verify.is_some() && sign > verify, "{block}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(f.ws.path("out/certificat.json")).unwrap()).unwrap();
    assert_eq!(json["signatory"]["place"], "Vitry-sur-Seine");
    assert_eq!(json["signatory"]["name"], "Délégué de test");
    assert!(!fr.contains("unknown"), "{fr}");
    assert!(f.ws.read(FATE).contains("by: test"));

    f.ok(&[
        "--lang",
        "en",
        "fate",
        "certify",
        "-o",
        "out/certificate.pdf",
    ]);
    let en = words(&pdftotext(&f.ws.path("out/certificate.pdf"), &[]));
    for want in [
        "Done at Vitry-sur-Seine, on 2 August 2021.",
        "For Établissement public territorial Grand-Orly Seine Bièvre, processor",
        "Délégué de test, data protection officer",
    ] {
        assert!(en.contains(want), "{want}:\n{en}");
    }
    // A seat without a postcode: the place is « à compléter », not guessed.
    let processor = f.ws.read("processor.yaml");
    f.ws.write(
        "processor.yaml",
        &processor.replace("94400 Vitry-sur-Seine", "Vitry"),
    );
    f.ok(&["fate", "certify", "-o", "out/sans-lieu.pdf"]);
    let t = words(&pdftotext(&f.ws.path("out/sans-lieu.pdf"), &[]));
    assert!(
        t.contains("Fait à [lieu « à compléter »], le 2 août 2021"),
        "{t}"
    );
}

// ------------------------------------------------------------------ the actor

#[test]
fn a_writing_command_without_an_actor_is_refused_and_a_reading_one_runs() {
    let ws = Workspace::sample();
    let before = ws.journal().len();
    for args in [
        &["journal", "note", "-m", "revue"][..],
        &[
            "breach",
            "open",
            "--title",
            "t",
            "--aware-at",
            "2021-03-26 10:00",
        ][..],
        &["keys", "generate"][..],
    ] {
        let r = ws
            .dpo()
            .without_actor()
            .english()
            .now("2021-03-27 10:00")
            .env("USER", "root")
            .run(args);
        r.assert_code(2);
        let e = r.stderr();
        assert!(
            e.contains("who is acting?") && e.contains("`root`") && e.contains("DPO_ACTOR"),
            "{args:?}: {e}"
        );
    }
    assert_eq!(ws.journal().len(), before);
    assert!(!ws.exists("breaches"));
    // Reading needs no actor.
    ws.dpo()
        .without_actor()
        .run(&["journal", "verify"])
        .assert_code(0);
    ws.dpo()
        .without_actor()
        .run(&["register", "--format", "md"])
        .assert_code(0);
    // A group of people.yaml is no one.
    let r = ws
        .dpo()
        .env("DPO_ACTOR", "secteur-reseau")
        .run(&["journal", "note", "-m", "x"]);
    r.assert_code(2);
    assert!(r.stderr().contains("sans nom"), "{}", r.stderr());
    // A person's id: the person's name is recorded; so is a login that is one.
    ws.dpo()
        .env("DPO_ACTOR", "coordinateur-ept")
        .run(&["journal", "note", "-m", "revue"])
        .assert_code(0);
    ws.dpo()
        .without_actor()
        .env("LOGNAME", "technicien-support")
        .run(&["journal", "note", "-m", "revue"])
        .assert_code(0);
    let actors: Vec<String> = ws
        .journal()
        .iter()
        .map(|e| e["actor"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        actors[actors.len() - 2..],
        ["Gerald Petiot".to_string(), "Vincent Celma".to_string()]
    );
    assert!(!actors.iter().any(|a| a == "unknown"), "{actors:?}");
}

// ------------------------------------------------------------------ --incomplete

pub(crate) fn contacts() -> Workspace {
    Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts")
}

/// `subprocessor change siim94` on 1 March 2021: its address in Créteil, its
/// contract starting `contract_start`; the change succeeds.
fn siim94_moves_to_creteil(ws: &Workspace, contract_start: &str) {
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-01 10:00",
            "subprocessor",
            "change",
            "siim94",
            "--address",
            "1 rue de l'Exemple, 94000 Créteil",
            "--contract-start",
            contract_start,
        ])
        .assert_code(0);
}

#[test]
fn a_notice_with_a_required_field_a_completer_needs_incomplete_and_says_so() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = contacts();
    siim94_moves_to_creteil(&ws, "2021-02-01");
    let notify = |extra: &[&str]| {
        let mut a = vec!["--now", "2021-03-01 10:10", "subprocessor", "notify"];
        a.extend_from_slice(extra);
        ws.dpo().smtp(&server).run(&a)
    };
    let r = notify(&[]);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("partirait avec «\u{202f}à compléter\u{202f}» dans\u{202f}: contact — courriel ou contact — téléphone, contrat — fin")
            && r.stderr().contains("--incomplete"),
        "{}",
        r.stderr()
    );
    assert!(server.messages().is_empty());
    assert!(ws
        .read("subprocessor-notices/2021-001.yaml")
        .contains("sent: null"));
    let r = notify(&["--incomplete"]);
    r.assert_code(0);
    assert!(
        r.stderr()
            .contains("avertissement\u{202f}: l'information écrite 2021-001 est partie"),
        "{}",
        r.stderr()
    );
    assert_eq!(server.messages().len(), 1);
    let notice = ws.read("subprocessor-notices/2021-001.yaml");
    assert!(
        notice.contains("incomplete:") && notice.contains("- contract.end"),
        "{notice}"
    );
    ws.dpo().run(&["check"]).assert_code(0);
}

#[test]
fn a_request_forward_with_its_summary_a_completer_needs_incomplete() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = contacts();
    ws.dpo()
        .run(&access_request(
            "2021-03-26 09:00",
            "demande reçue par téléphone",
        ))
        .assert_code(0);
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-26 11:05",
            "request",
            "set",
            "2021-001",
            "summary",
            "à compléter",
        ])
        .assert_code(0);
    let r = ws.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-26 11:10",
        "request",
        "forward",
        "2021-001",
    ]);
    r.assert_code(2);
    assert!(
        r.stderr()
            .contains("«\u{202f}à compléter\u{202f}» dans\u{202f}: objet"),
        "{}",
        r.stderr()
    );
    assert!(server.messages().is_empty());
    let r = ws.dpo().smtp(&server).run(&[
        "--now",
        "2021-03-26 11:10",
        "request",
        "forward",
        "2021-001",
        "--incomplete",
    ]);
    r.assert_code(0);
    assert!(
        r.stderr()
            .contains("avertissement\u{202f}: transmise avec «\u{202f}à compléter\u{202f}» dans\u{202f}: objet"),
        "{}",
        r.stderr()
    );
    assert!(ws.read("requests/2021-001.yaml").contains("- summary"));
    ws.dpo().run(&["check"]).assert_code(0);
}

// ------------------------------------------------------------------ set

fn with_breach() -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-26 11:00",
            "breach",
            "open",
            "--title",
            "Rançongiciel",
            "--aware-at",
            "2021-03-26 10:00",
        ])
        .assert_code(0);
    ws
}

fn set(ws: &Workspace, args: &[&str]) -> Run {
    let mut a = vec!["--now", "2021-03-26 12:00"];
    a.extend_from_slice(args);
    let r = ws.dpo().run(&a);
    r.assert_no_panic();
    r
}

#[test]
fn breach_set_changes_one_fact_keeps_the_comments_and_journals_both_digests() {
    let ws = with_breach();
    let file = "breaches/2021-001.yaml";
    let before = ws.read(file);
    let r = set(
        &ws,
        &[
            "breach",
            "set",
            "2021-001",
            "nature.description",
            "Chiffrement : serveur de fichiers",
        ],
    );
    r.assert_code(0);
    let after = ws.read(file);
    assert!(
        after.lines().any(
            |l| l.starts_with("  description: 'Chiffrement : serveur de fichiers' ")
                && l.ends_with(" # ce qui s'est passé")
        ),
        "{after}"
    );
    // Only that line changed.
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    let e = ws.journal().pop().unwrap();
    assert_eq!(e["action"], "breach.set");
    assert_eq!(e["subject"], "2021-001");
    let text = e["text"].as_str().unwrap();
    let new = sha256_hex(br#""Chiffrement : serveur de fichiers""#);
    assert!(
        text.contains("`nature.description`")
            && text.contains("old value SHA-256 none")
            && text.contains(&format!("new value SHA-256 {new}")),
        "{text}"
    );
    ws.dpo().run(&["check"]).assert_code(0);
    // A number, a list in flow syntax, and the old value's digest.
    set(
        &ws,
        &["breach", "set", "2021-001", "nature.subjects_count", "1200"],
    )
    .assert_code(0);
    set(
        &ws,
        &[
            "breach",
            "set",
            "2021-001",
            "nature.subject_categories",
            "[agents, usagers]",
        ],
    )
    .assert_code(0);
    set(
        &ws,
        &["breach", "set", "2021-001", "nature.subjects_count", "1300"],
    )
    .assert_code(0);
    let text = ws.journal().pop().unwrap()["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        text.contains(&format!("old value SHA-256 {}", sha256_hex(b"1200"))),
        "{text}"
    );
    let v = ws
        .dpo()
        .run(&["--json", "breach", "show", "2021-001"])
        .json();
    let s = v.to_string();
    assert!(s.contains("agents") && s.contains("1300"), "{s}");
    ws.dpo().run(&["journal", "verify"]).assert_code(0);
    ws.dpo().run(&["check"]).assert_code(0);
}

#[test]
fn a_value_that_does_not_fit_or_an_evidence_field_is_refused_naming_the_field() {
    let ws = with_breach();
    let file = "breaches/2021-001.yaml";
    let before = ws.read(file);
    let journal = ws.journal().len();
    for (field, value, want) in [
        ("nature.subjects_count", "beaucoup", "invalide"),
        ("nature.descripton", "x", "champ inconnu `descripton`"),
        ("notifications", "[]", "preuve"),
        ("id", "2021-002", "preuve"),
        ("aware_at", "2021-03-26", "aware_at"),
        ("nature..x", "1", "pas un chemin de champ"),
    ] {
        let r = set(&ws, &["breach", "set", "2021-001", field, value]);
        r.assert_code(2);
        assert!(
            r.stderr().contains(&format!("champ `{field}`")) && r.stderr().contains(want),
            "{field}: {}",
            r.stderr()
        );
    }
    let r = set(&ws, &["breach", "set", "2021-009", "title", "x"]);
    r.assert_code(2);
    assert_eq!(ws.read(file), before);
    assert_eq!(ws.journal().len(), journal);
    // A field filled after its deferral leaves no stale `deferred:` entry.
    ws.dpo()
        .run(&[
            "--now",
            "2021-03-26 12:00",
            "breach",
            "defer",
            "2021-001",
            "consequences",
            "--reason",
            "analyse en cours",
        ])
        .assert_code(0);
    assert!(
        ws.read(file).contains("consequences: analyse en cours"),
        "{}",
        ws.read(file)
    );
    set(
        &ws,
        &[
            "breach",
            "set",
            "2021-001",
            "consequences",
            "perte de disponibilité",
        ],
    )
    .assert_code(0);
    let text = ws.read(file);
    assert!(
        text.contains("consequences: perte de disponibilité") && !text.contains("analyse en cours"),
        "{text}"
    );
    ws.dpo().run(&["check"]).assert_code(0);
    // --yaml null empties a field.
    set(&ws, &["breach", "set", "2021-001", "consequences", "perte"]).assert_code(0);
    set(
        &ws,
        &[
            "breach",
            "set",
            "2021-001",
            "consequences",
            "null",
            "--yaml",
        ],
    )
    .assert_code(0);
    assert!(
        ws.read(file).contains("consequences: null"),
        "{}",
        ws.read(file)
    );
    // A file changed by hand is not vouched for by a set.
    let text = ws.read(file);
    ws.write(
        file,
        &text.replace(
            "title: Rançongiciel",
            "title: Rançongiciel (modifié à la main)",
        ),
    );
    let r = set(&ws, &["breach", "set", "2021-001", "consequences", "x"]);
    r.assert_code(2);
    assert!(
        r.stderr().contains("rien n'a été modifié") && r.stderr().contains("modifié hors de dpo"),
        "{}",
        r.stderr()
    );
    ws.write(file, &text);
    // Without an actor, nothing is set.
    let r = ws
        .dpo()
        .without_actor()
        .run(&["breach", "set", "2021-001", "title", "x"]);
    r.assert_code(2);
}

#[test]
fn fate_set_records_the_controllers_decision_journaled() {
    let f = Fate::new();
    let before = f.ws.read(FATE);
    let text = before.replace(
        "    choice: destroy\n    decision: {reference: \"courrier du maire n° 2021-147\", date: 2021-07-15}\n",
        "    choice: null # la ville n'a pas encore choisi\n    decision: null\n",
    );
    assert_ne!(text, before);
    f.ws.write(FATE, &text);
    f.ok(&["fate", "set", "sauvegardes", "choice", "destroy"]);
    let after = f.ws.read(FATE);
    assert!(
        after.contains("    choice: destroy # la ville n'a pas encore choisi"),
        "{after}"
    );
    let out = f.ok(&[
        "fate",
        "set",
        "sauvegardes",
        "decision",
        "{reference: courrier n° 2021-150, date: 2021-07-20}",
    ]);
    let out2 = f.ok(&[
        "fate",
        "set",
        "sauvegardes",
        "decision.reference",
        "courrier n° 2021-151",
    ]);
    let after = f.ws.read(FATE);
    // A flow mapping is rewritten on its line: every comment stays.
    assert!(
        !format!("{out}{out2}").contains("rewritten")
            && after.contains("    choice: destroy # la ville n'a pas encore choisi"),
        "{out}{out2}{after}"
    );
    assert!(
        after.contains("courrier n° 2021-151") && after.contains("2021-07-20"),
        "{after}"
    );
    assert!(
        after.starts_with("# Fixture of tests/integration/fate.rs. This comment must survive"),
        "{after}"
    );
    let r = f.dpo(&["fate", "set", "sauvegardes", "choice", "burn"]);
    r.assert_code(2);
    assert!(r.stderr().contains("champ `choice`"), "{}", r.stderr());
    let r = f.dpo(&["fate", "set", "nope", "choice", "destroy"]);
    r.assert_code(2);
    let actions: Vec<String> =
        f.ws.journal()
            .iter()
            .map(|e| format!("{} {}", e["action"], e["subject"]))
            .collect();
    assert_eq!(
        actions
            .iter()
            .filter(|a| a.as_str() == "\"fate.set\" \"juvisy-sur-orge\"")
            .count(),
        3,
        "{actions:?}"
    );
    f.ok(&["check"]);
    let listing = f.ok(&["fate", "list"]);
    assert!(
        listing.contains("sauvegardes  Historique des sauvegardes  [destruction]"),
        "{listing}"
    );
}

fn sha256_hex(b: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(b))
}

// ------------------------------------------------- fixes after review (issue 9)

/// The part of `body` from its last line starting with `Journal du
/// sous-traitant` on: where the signature block is.
fn tail_after_journal(body: &str) -> String {
    body.replace("\r\n", "\n")
        .rsplit("Journal du sous-traitant")
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_sub_processor_and_transfer_notices_end_with_the_signature_block_in_words() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = contacts();
    siim94_moves_to_creteil(&ws, "2021-04-01");
    ws.dpo()
        .smtp(&server)
        .run(&[
            "--now",
            "2021-03-01 10:10",
            "subprocessor",
            "notify",
            "--incomplete",
        ])
        .assert_code(0);
    let m = &received(&server, 1)[0];
    let body = plain(&m["body"].as_str().unwrap_or_default().replace("\r\n", "\n"));
    // No list of « à compléter », no "au à compléter", no "convention «
    // Convention".
    for want in [
        "Coordonnées : « à compléter »\n",
        "(début : 1er avril 2021 ; fin : « à compléter »)",
        "de la « Convention relative à la mutualisation",
    ] {
        assert!(body.contains(want), "{want:?} not in:\n{body}");
    }
    for never in [
        "à compléter, à compléter",
        "au à compléter",
        "convention « Convention",
    ] {
        assert!(!body.contains(never), "{never:?} in:\n{body}");
    }
    let tail = tail_after_journal(&body);
    for want in [
        "Fait à Vitry-sur-Seine, le 1er mars 2021.",
        "Nom du signataire : « à compléter »",
        "Qualité : délégué à la protection des données de l'établissement public territorial Grand-Orly Seine Bièvre",
    ] {
        assert!(tail.contains(want), "{want:?} not at the end of:\n{body}");
    }
    let pdf = crate::support::tools::pdf_text(Path::new(
        m["attachments"][0]["path"].as_str().unwrap_or_default(),
    ));
    let pdf = crate::support::tools::collapse(&pdf);
    assert!(
        pdf.contains("Signature Fait à Vitry-sur-Seine, le 1er mars 2021.")
            && pdf.contains("Nom du signataire : « à compléter »"),
        "{pdf}"
    );

    // The transfer required by law, in English, with the DPO named.
    let processor = ws.read("processor.yaml");
    assert!(processor.contains("  name: null\n"), "{processor}");
    ws.write(
        "processor.yaml",
        &processor.replacen("  name: null\n", "  name: Camille Martin\n", 1),
    );
    ws.dpo()
        .smtp(&server)
        .run(&[&["--lang", "en"][..], &transfer_to_switzerland(CONTROLLER)].concat())
        .assert_code(0);
    let m = &received(&server, 2)[1];
    let body = m["body"].as_str().unwrap_or_default().replace("\r\n", "\n");
    let tail = body
        .rsplit("Processor's journal")
        .next()
        .unwrap_or_default();
    for want in [
        "Signed at Vitry-sur-Seine, on 3 March 2021.",
        "Name of the signatory: Camille Martin",
        // The role as `processor.yaml` words it.
        "Capacity: délégué à la protection des données, Établissement public territorial Grand-Orly Seine Bièvre",
    ] {
        assert!(tail.contains(want), "{want:?} not at the end of:\n{body}");
    }
    assert!(
        body.contains("of the \"Convention relative") && !body.contains("convention \"Convention"),
        "{body}"
    );
}

#[test]
fn the_certificate_shows_the_moved_end_of_the_convention_as_the_register_and_status_do() {
    let f = Fate::new();
    f.complete();
    f.ok(&["fate", "certify", "-o", "out/c.pdf"]);
    let t = words(&pdftotext(&f.ws.path("out/c.pdf"), &[]));
    assert!(
        t.contains(
            "Période du 1er février 2021 au 31 juillet 2021 (samedi) ; report au lundi 2 août 2021 (règlement (CEE, Euratom) n° 1182/71, art. 3, § 4)"
        ),
        "{t}"
    );
    let status = f.ok(&["status"]);
    assert!(
        status.contains("31 juillet 2021 (samedi) → lundi 2 août 2021"),
        "{status}"
    );
    let register = plain(&f.ok(&["register", "--format", "md"]));
    assert!(
        register.contains(
            "| Échéance | 31 juillet 2021 (samedi) ; report au lundi 2 août 2021 (règlement (CEE, Euratom) n° 1182/71, art. 3, § 4) |"
        ),
        "{register}"
    );
    let en = f.ok(&["--lang", "en", "register", "--format", "md"]);
    assert!(
        en.contains("| Ends | 31 July 2021 (Saturday); moved to Monday 2 August 2021 (Regulation (EEC, Euratom) No 1182/71, Art. 3(4)) |"),
        "{en}"
    );
}

#[test]
fn a_placeholder_validator_is_refused_and_a_superseded_destruction_is_marked() {
    let f = Fate::new();
    // « à compléter » typed as a name, or blank: refused, nothing recorded.
    let before = f.ws.read(FATE);
    for v in ["à compléter", "  ", "« à compléter »"] {
        let r = f.dpo(&[
            "fate",
            "destroy",
            "partages",
            "--copy",
            "live",
            "--method",
            "purge",
            "--technique",
            "effacement cryptographique",
            "--tool",
            "cryptsetup 2.6.1",
            "--operator",
            "Bob Martin",
            "--verification",
            "relecture",
            "--validated-by",
            v,
        ]);
        r.assert_code(2);
        assert!(
            r.stderr().contains("--validated-by") && r.stderr().contains("ne dit rien"),
            "{v:?}: {}",
            r.stderr()
        );
    }
    assert_eq!(f.ws.read(FATE), before);

    // Left out, it blocks certify, whose refusal words the date.
    f.done_but(&[]);
    let r = f.dpo(&["fate", "certify"]);
    r.assert_code(1);
    let t = r.text();
    assert!(
        t.contains("champ «\u{202f}destruction — validée par\u{202f}»")
            && t.contains("consignée le 2 août 2021 à 10:00 (UTC+02:00)")
            && !t.contains("10:00:00 +02:00"),
        "{t}"
    );

    // Recorded again: the earlier record is printed as superseded.
    f.destroy(
        "partages",
        "live",
        &[
            "--validated-by",
            "Carole Dupont",
            "--media-destination",
            "broyé",
        ],
    );
    f.ok(&["fate", "certify", "-o", "out/c.pdf"]);
    let t = words(&pdftotext(&f.ws.path("out/c.pdf"), &[]));
    assert!(
        t.contains("Destruction de la copie live (1) — remplacée")
            && t.contains("Enregistrement remplacé par l'enregistrement ultérieur (2)")
            && t.contains("Destruction de la copie live (2)")
            && !t.contains("(2) — remplacée"),
        "{t}"
    );
}
