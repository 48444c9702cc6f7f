//! The line every sending command prints for each message the outbox
//! handled (issue 16, one definition of it for `request log`/`forward`,
//! `instruction object`/`notify` and `subprocessor notify`): in a dry run,
//! the `.eml` written; once sent, the recipients, the `.eml` and the
//! server's reply as the record file keeps them — in French and in English.
//! A forward sent with `--incomplete` warns on standard error; its dry run
//! does not (nothing is recorded).

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::dpo::Run;
use crate::support::instruction::transfer_to_switzerland;
use crate::support::request::access_request;
use crate::support::smtp::{Mode, SmtpServer};
use crate::support::Workspace;

const DSR_EMAIL: &str = "droits@juvisy.example";
const NOTICE_EMAIL: &str = "dgs@juvisy.example";

fn workspace() -> Workspace {
    Workspace::fixture("juvisy-workspace").overlay("request-notice-contacts")
}

/// Every `.eml` under `evidence/`, relative to the workspace.
fn emls(ws: &Workspace) -> BTreeSet<String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if p.extension().is_some_and(|x| x == "eml") {
                let rel = p.strip_prefix(root).unwrap_or(&p);
                out.insert(rel.display().to_string());
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(ws.root(), &ws.root().join("evidence"), &mut out);
    out
}

/// The one `.eml` the last command added.
fn added(before: &BTreeSet<String>, ws: &Workspace) -> String {
    let new: Vec<String> = emls(ws).difference(before).cloned().collect();
    assert_eq!(new.len(), 1, "one new .eml expected: {new:?}");
    new[0].clone()
}

/// The sending recorded in `file` under `key` (`forwarded`, `objection.notice`…):
/// its `.eml`, recipients and server reply.
fn recorded(ws: &Workspace, file: &str, key: &[&str]) -> (String, String, String) {
    let v: serde_yaml::Value = serde_yaml::from_str(&ws.read(file)).expect("a YAML record");
    let r = key.iter().fold(&v, |v, k| &v[*k]);
    let text = |k: &str| r[k].as_str().unwrap_or_default().to_string();
    let to: Vec<&str> = r["recipients"]
        .as_sequence()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(
        !text("eml").is_empty(),
        "no sending under {key:?} in {file}"
    );
    (text("eml"), to.join(", "), text("server_reply"))
}

/// The last line of `out`, which ends with a newline.
fn last_line(out: &str) -> &str {
    assert!(out.ends_with('\n'), "{out:?}");
    out.lines().last().unwrap_or_default()
}

fn sent_fr((eml, to, reply): (String, String, String)) -> String {
    format!("envoi à {to} — {eml} — réponse du serveur\u{202f}: {reply}")
}

fn dry_fr(eml: &str) -> String {
    format!("essai\u{202f}: message écrit dans {eml} (non envoyé)")
}

/// Runs `args` with `--dry-run`, then for real: the dry run's output and
/// the `.eml` it wrote, then the sending's output. Both must succeed.
fn dry_run_then_send(ws: &Workspace, server: &SmtpServer, args: &[&str]) -> (Run, String, Run) {
    let before = emls(ws);
    let dry = ws.dpo().smtp(server).run(&[args, &["--dry-run"]].concat());
    dry.assert_code(0);
    let eml = added(&before, ws);
    assert!(eml.ends_with("-dry-run.eml"), "{eml}");
    assert!(server.messages().is_empty(), "a dry run sends nothing");
    let sent = ws.dpo().smtp(server).run(args);
    sent.assert_code(0);
    (dry, eml, sent)
}

/// A request logged and not forwarded (its summary then set « à compléter »
/// when `incomplete`), forwarded (with `--incomplete` then) in a dry run and
/// for real; checks the line each prints, and returns what the sending said
/// on standard error.
fn forward_said(incomplete: bool) -> String {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    ws.dpo()
        .run(&access_request("2021-03-26 09:00", "x"))
        .assert_code(0);
    let mut forward = vec![
        "--now",
        "2021-03-26 10:00",
        "request",
        "forward",
        "2021-001",
    ];
    if incomplete {
        let set = ["request", "set", "2021-001", "summary", "à compléter"];
        ws.dpo().now("2021-03-26 09:05").run(&set).assert_code(0);
        forward.push("--incomplete");
    }
    let (dry, eml, sent) = dry_run_then_send(&ws, &server, &forward);
    assert_eq!(last_line(&dry.stdout()), dry_fr(&eml));
    assert_eq!(
        dry.stderr(),
        "",
        "a dry run records nothing, warns of nothing"
    );
    let rec = recorded(&ws, "requests/2021-001.yaml", &["forwarded"]);
    assert_eq!(rec.1, DSR_EMAIL);
    assert!(rec.2.starts_with("250"), "{rec:?}");
    assert_eq!(last_line(&sent.stdout()), sent_fr(rec));
    sent.stderr()
}

#[test]
fn a_request_forward_says_the_dry_run_then_the_sending_as_recorded() {
    assert_eq!(forward_said(false), "");
}

#[test]
fn a_forward_sent_incomplete_warns_and_its_dry_run_does_not() {
    assert_eq!(
        forward_said(true),
        "avertissement\u{202f}: transmise avec «\u{202f}à compléter\u{202f}» dans\u{202f}: objet \
         (--incomplete\u{202f}; consigné comme tel)\n"
    );
}

/// The transfer to Switzerland logged with its notice only written (a dry
/// run): instruction `2021-001`.
fn with_transfer(ws: &Workspace) {
    let log = transfer_to_switzerland("juvisy-sur-orge");
    ws.dpo()
        .run(&[&log[..], &["--dry-run"]].concat())
        .assert_code(0);
}

#[test]
fn an_objection_says_its_kind_then_what_became_of_the_message() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    with_transfer(&ws);
    let object = ["instruction", "object", "2021-001", "--reason", "r"];
    let (dry, eml, r) = dry_run_then_send(&ws, &server, &object);
    let head = "instruction 2021-001 dans instructions/2021-001.yaml\n";
    assert_eq!(
        dry.stdout(),
        format!("{head}objection — {}\n", dry_fr(&eml))
    );
    let sent = recorded(&ws, "instructions/2021-001.yaml", &["objection", "notice"]);
    assert_eq!(sent.1, NOTICE_EMAIL);
    assert_eq!(r.stdout(), format!("{head}objection — {}\n", sent_fr(sent)));
}

#[test]
fn a_sub_processor_notice_says_its_id_then_the_sending_in_english_too() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    let change = ["subprocessor", "change", "siim94", "--location", "Créteil"];
    ws.dpo().now("2021-03-01 10:00").run(&change).assert_code(0);
    let notify = ["--lang", "en", "subprocessor", "notify", "--incomplete"];
    let (dry, eml, r) = dry_run_then_send(&ws, &server, &notify);
    let notice = "notice 2021-001";
    let dry_line = format!("{notice} — dry run: message written to {eml} (not sent)");
    assert_eq!(last_line(&dry.stdout()), dry_line);
    let (eml, to, reply) = recorded(&ws, "subprocessor-notices/2021-001.yaml", &["sent"]);
    assert_eq!(to, NOTICE_EMAIL);
    let sent_line = format!("{notice} — sent to {to} — {eml} — server reply: {reply}");
    assert_eq!(last_line(&r.stdout()), sent_line);
}

#[test]
fn the_instruction_list_says_whether_each_notice_went_out() {
    let server = SmtpServer::start(Mode::Plain);
    let ws = workspace();
    // The transfer's notice only written; then an objection sent.
    with_transfer(&ws);
    let object = [
        "instruction",
        "object",
        "2021-001",
        "--reason",
        "sans base légale",
    ];
    ws.dpo().smtp(&server).run(&object).assert_code(0);
    let list = |r: Run| -> Vec<String> { r.stdout().lines().skip(2).map(String::from).collect() };
    assert_eq!(
        list(ws.dpo().run(&["instruction", "list"])),
        [
            "    transfert exigé par la loi vers Suisse (Commission rogatoire internationale \
             n° 2021-17) — INFORMATION NON ENVOYÉE",
            "    objection\u{202f}: sans base légale — envoyée",
        ]
    );
    assert_eq!(
        list(ws.dpo().english().run(&["instruction", "list"])),
        [
            "    transfer required by law to Suisse (Commission rogatoire internationale \
             n° 2021-17) — NOT NOTIFIED",
            "    objection: sans base légale — sent",
        ]
    );
}
