//! Integration tests of issue 14, the logs part: `dpo status --format
//! ods|xlsx` and the spreadsheet of the audit pack, read back by independent
//! readers — Python's `openpyxl` (XLSX) and `odfpy` (ODS) — on records made
//! with the real commands: a breach, a request, an instruction and a
//! sub-processor notice.

use std::path::Path;
use std::process::Command;

use crate::support::instruction::transfer_to_switzerland;
use crate::support::sheets::{read, Book, Sheet};
use crate::support::status::status_records;
use crate::support::tools::{run, sha256sum_in, ssh_keygen_verify};
use crate::support::{Run, Workspace};

/// The data row (0: the first after the header) of `sheet` whose first
/// cell is `id`.
fn row_of(sheet: &Sheet, id: &str) -> usize {
    sheet
        .rows
        .iter()
        .skip(1)
        .position(|r| r.first().and_then(|c| c.v.as_deref()) == Some(id))
        .unwrap_or_else(|| panic!("no row {id} in {}: {:?}", sheet.name, sheet.rows))
}

/// The text of the cell of `sheet` in the row of `id`, under `header`.
fn text(sheet: &Sheet, id: &str, header: &str) -> String {
    sheet.at(row_of(sheet, id), header).v.unwrap_or_default()
}

/// The cell under `header` in the row of `id`: typed as a date (or a
/// date-time), its value starting with `want`.
fn assert_instant(sheet: &Sheet, id: &str, header: &str, want: &str) {
    let c = sheet.at(row_of(sheet, id), header);
    assert!(c.date, "{} {id} {header}: {c:?}", sheet.name);
    let v = c.v.unwrap_or_default();
    assert!(
        v.starts_with(want),
        "{} {id} {header}: {v} is not {want}",
        sheet.name
    );
}

/// Every text of every cell of `book`.
fn all_text(book: &Book) -> String {
    book.sheets
        .iter()
        .flat_map(|s| s.rows.iter().flatten())
        .filter_map(|c| c.v.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

const NOW: &str = "2021-03-27T10:00:00+01:00";

/// The `status-overdue` workspace with a breach (aware on Friday 26 March
/// 2021 at 10:00, before the spring change), a request never forwarded, a
/// new sub-processor's notice and a transfer required by law, recorded
/// (`--dry-run`) but not sent.
fn workspace() -> Workspace {
    let ws = Workspace::fixture("status-overdue");
    let mut args = transfer_to_switzerland("alpha");
    args.push("--dry-run");
    let o = ws.dpo().run(&args);
    assert!(o.success(), "{}", o.stderr());
    for args in status_records("2021-03-26 10:00", "2021-03-01") {
        let o = ws.dpo().now(NOW).run(&args);
        assert!(o.success(), "{args:?}: {}", o.stderr());
    }
    ws
}

/// `dpo status --format <format> -o <file>` at [`NOW`]; exits 1, as the
/// listing does (overdue duties).
fn status_to(ws: &Workspace, format: &str, lang: &str) -> Book {
    let file = ws.path(&format!("logs-{lang}.{format}"));
    let o = ws.dpo().now(NOW).run(&[
        "--lang",
        lang,
        "status",
        "--format",
        format,
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.code(), Some(1), "{}", o.stderr());
    assert!(o.stdout().is_empty(), "{}", o.stdout());
    read(&file)
}

#[test]
fn status_as_xlsx_and_ods_holds_every_log_with_typed_deadlines() {
    let ws = workspace();
    // What `breach show` says of the deadlines.
    let show = ws
        .dpo()
        .now(NOW)
        .run(&["--json", "breach", "show", "2021-001"]);
    assert!(show.success(), "{}", show.stderr());
    let show = show.stdout();
    // `breach show` says the deadline the sheet holds.
    assert!(show.contains("2021-03-29T11:00:00+02:00"), "{show}");
    for format in ["xlsx", "ods"] {
        let wb = status_to(&ws, format, "fr");
        assert_eq!(
            wb.names(),
            [
                "Échéances",
                "Demandes d'exercice de droits",
                "Instructions documentées",
                "Informations écrites",
                "Violations de données",
                "Personnes autorisées",
                "Mesures de sécurité",
            ],
            "{format}"
        );
        // Dated by --now, titled in the workbook's language.
        let title = wb.title.clone().unwrap_or_default();
        assert!(title.starts_with("Journaux du sous-traitant"), "{title}");
        let created = wb.created.clone().unwrap_or_default();
        assert!(
            created.starts_with("2021-03-27T09:00"),
            "{format}: {created}"
        );
        let b = wb.sheet("Violations de données");
        assert_eq!(b.frozen_rows, 1, "{format}");
        // Friday 10:00 winter time + 72 h = Monday 11:00 summer time: a
        // date-time cell, the wall clock of the processor's zone.
        assert_instant(
            b,
            "2021-001",
            "échéance du sous-traitant envers le responsable de traitement (Europe/Paris)",
            "2021-03-29T11:00",
        );
        assert_instant(
            b,
            "2021-001",
            "connaissance de la violation (Europe/Paris)",
            "2021-03-26T10:00",
        );
        assert_eq!(text(b, "2021-001", "état"), "à faire", "{format}");
        assert_eq!(
            text(b, "2021-001", "responsable de traitement"),
            "Commune d'Alpha"
        );
        assert_eq!(text(b, "2021-001", "titre"), "Perte d'un portable");
        // Not notified yet: the controller's deadline is not running.
        assert_eq!(
            text(
                b,
                "2021-001",
                "échéance du responsable de traitement envers l'autorité de contrôle (Europe/Paris)"
            ),
            ""
        );

        let q = wb.sheet("Demandes d'exercice de droits");
        assert_eq!(text(q, "2021-001", "droit exercé"), "droit d'accès");
        assert_eq!(text(q, "2021-001", "objet"), "Demande d'accès");
        assert_eq!(text(q, "2021-001", "état"), "EN RETARD");
        assert_instant(
            q,
            "2021-001",
            "transmission due avant le (Europe/Paris)",
            "2021-02-21T09:00",
        );

        let i = wb.sheet("Instructions documentées");
        assert_eq!(
            text(i, "2021-001", "transfert exigé par la loi — pays"),
            "Suisse"
        );
        assert_eq!(text(i, "2021-001", "état"), "INCOMPLET");
        assert_instant(i, "2021-001", "date (Europe/Paris)", "2021-03-03T08:00");

        let n = wb.sheet("Informations écrites");
        assert_eq!(
            text(n, "2021-001", "sous-traitant ultérieur"),
            "Nouveau SAS"
        );
        assert_eq!(text(n, "2021-001", "changement"), "ajout");
        assert_eq!(text(n, "2021-001", "état"), "EN RETARD");
        assert_instant(
            n,
            "2021-001",
            "sous-traitant — contrat — début",
            "2021-03-01",
        );

        // What the people file does not say is « à compléter », marked.
        let p = wb.sheet("Personnes autorisées");
        assert!(
            p.cells().any(|c| c.mark.as_deref() == Some("missing")
                && c.v.as_deref().is_some_and(|v| v.contains("compléter"))),
            "{format}: {:?}",
            p.rows
        );
        let d = wb.sheet("Échéances");
        assert_eq!(d.headers()[0], "état");
        assert!(d.rows.len() > 4, "{:?}", d.rows);
        assert!(all_text(&wb).contains("Perte d'un portable"));
    }
}

#[test]
fn the_workbook_in_english_and_the_controllers_deadline_after_the_notification() {
    // The notified breach of `status-two-controllers`: aware Friday 26
    // March 2021 10:00 (UTC+1), notified at 12:00: the controller's own 72
    // hours end on Monday 29 March at 13:00 summer time.
    let ws = Workspace::fixture("status-two-controllers");
    let file = ws.path("logs.xlsx");
    let o = ws.dpo().now("2021-06-01T10:00:00+02:00").run(&[
        "--lang",
        "en",
        "status",
        "--format",
        "xlsx",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(o.code().is_some_and(|c| c < 2), "{}", o.stderr());
    let wb = read(&file);
    let b = wb.sheet("Data breaches");
    assert_instant(
        b,
        "2021-002",
        "controller's deadline towards the supervisory authority (Europe/Paris)",
        "2021-03-29T13:00",
    );
    assert_instant(
        b,
        "2021-002",
        "processor's deadline towards the controller (Europe/Paris)",
        "2021-03-29T11:00",
    );
    assert_eq!(text(b, "2021-002", "state"), "OVERDUE");
    let deferred = text(b, "2021-002", "information deferred");
    assert!(deferred.contains("analyse en cours"), "{deferred}");
    for name in [
        "Deadlines",
        "Data-subject requests",
        "Authorised people",
        "Security measures",
    ] {
        assert!(
            wb.names().iter().any(|n| n == name),
            "{name}: {:?}",
            wb.names()
        );
    }
    // --controller: nothing of another controller.
    let only = ws.path("alpha.ods");
    let o = ws.dpo().now("2021-06-01T10:00:00+02:00").run(&[
        "status",
        "--controller",
        "alpha",
        "--format",
        "ods",
        "-o",
        only.to_str().unwrap(),
    ]);
    assert!(o.code().is_some_and(|c| c < 2), "{}", o.stderr());
    let all = all_text(&read(&only));
    assert!(all.contains("2021-001"), "{all}");
    for needle in ["bravo", "Bravo", "2021-002"] {
        assert!(!all.contains(needle), "{needle}: {all}");
    }
}

/// Runs `dpo` under a pseudo-terminal (`script`), its standard output a
/// terminal.
fn on_terminal(ws: &Workspace, args: &[&str]) -> Run {
    let cmd = ws.dpo().into_command();
    let mut line = format!("'{}'", cmd.get_program().to_string_lossy());
    for a in cmd.get_args().chain(args.iter().map(std::ffi::OsStr::new)) {
        line.push_str(&format!(" '{}'", a.to_string_lossy()));
    }
    let mut script = Command::new("script");
    script.args(["-qec", &line, "/dev/null"]);
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => script.env(k, v),
            None => script.env_remove(k),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        script.current_dir(dir);
    }
    run(&mut script)
}

#[test]
fn a_workbook_is_not_printed_to_a_terminal() {
    let ws = Workspace::fixture("status-two-controllers");
    let o = on_terminal(&ws, &["status", "--format", "xlsx"]);
    assert_eq!(o.code(), Some(2), "{}", o.text());
    let text = o.text();
    assert!(text.contains("classeur XLSX"), "{text}");
    assert!(text.contains("-o journaux.xlsx"), "{text}");
    // Redirected, it is written.
    let o = ws
        .dpo()
        .now("2021-06-01T10:00:00+02:00")
        .run(&["status", "--format", "ods"]);
    assert!(o.code().is_some_and(|c| c < 2), "{}", o.stderr());
    assert!(o.stdout().starts_with("PK"));
}

/// `audit pack` of `status-two-controllers` to `pack`, for `controller`
/// when given.
fn pack(ws: &Workspace, controller: Option<&str>) -> std::path::PathBuf {
    let now = "2021-06-01T10:00:00+02:00";
    let o = ws.dpo().now(now).run(&["keys", "generate"]);
    assert!(o.success(), "{}", o.stderr());
    let dir = ws.path("pack");
    let mut args = vec!["audit", "pack", "-o", dir.to_str().unwrap()];
    if let Some(c) = controller {
        args.extend(["--controller", c]);
    }
    let o = ws.dpo().now(now).run(&args);
    assert_eq!(o.code(), Some(0), "{}", o.stderr());
    dir
}

/// Every XML part of the zip at `path`, unzipped, as one text.
fn unzipped(path: &Path) -> String {
    let o = run(Command::new("unzip").arg("-p").arg(path));
    assert!(o.success(), "{}", o.stderr());
    o.stdout()
}

#[test]
fn the_audit_pack_carries_the_logs_spreadsheet_and_still_verifies() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = pack(&ws, None);
    let sheet = dir.join("logs.ods");
    assert!(sheet.is_file());
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.sha256")).unwrap();
    assert!(manifest.contains("  logs.ods\n"), "{manifest}");
    let sum = sha256sum_in(&dir, &["-c", "--strict", "MANIFEST.sha256"]);
    assert!(sum.success(), "{}", sum.text());
    let verify = ssh_keygen_verify(
        &dir.join("keys/allowed_signers"),
        "DPO@grandorlyseinebievre.fr",
        "file",
        &dir.join("MANIFEST.sha256.sig"),
        &dir.join("MANIFEST.sha256"),
    );
    assert!(verify.success(), "{}", verify.text());
    let all = all_text(&read(&sheet));
    assert!(all.contains("2021-002"), "{all}");
    assert!(all.contains("Commune de Bravo"), "{all}");
}

#[test]
fn the_spreadsheet_of_a_pack_for_controller_a_names_no_other_controller() {
    let ws = Workspace::fixture("status-two-controllers");
    let dir = pack(&ws, Some("alpha"));
    let text = unzipped(&dir.join("logs.ods"));
    assert!(text.contains("2021-001"), "{text}");
    assert!(text.contains("agent-commun"), "{text}");
    for needle in ["bravo", "Bravo", "2021-002"] {
        assert!(!text.contains(needle), "logs.ods names `{needle}`");
    }
    let sum = sha256sum_in(&dir, &["-c", "--strict", "MANIFEST.sha256"]);
    assert!(sum.success(), "{}", sum.text());
}
