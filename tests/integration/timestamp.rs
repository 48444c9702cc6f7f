//! RFC 3161 time-stamps (`dpo timestamp`): issue 12.
//!
//! A local authority made with `openssl ts` (its CA, a TSA certificate with
//! `extendedKeyUsage=critical,timeStamping`), served on loopback by Python:
//! request → response → verify, each way checked by `openssl ts -verify`
//! too; each refusal (another file, a wrong nonce, no timeStamping usage, an
//! untrusted CA, a tampered response) exit 1 with its reason; the offline
//! flow (`.tsq` out, `.tsr` in); bad input exit 2.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::smtp::{Mode, SmtpServer};
use crate::support::tools::run;
use crate::support::tsa::Tsa;
use crate::support::{Dpo, Workspace};

/// The sample workspace trusting the test authority's CA, and a file in it.
fn stamped_workspace(tsa: &Tsa) -> (Workspace, PathBuf) {
    let ws = Workspace::sample();
    std::fs::create_dir_all(ws.root().join("keys/tsa")).expect("keys/tsa");
    std::fs::copy(tsa.path("ca.pem"), ws.root().join("keys/tsa/ca.pem")).expect("copy the CA");
    let file = ws.root().join("notification.eml");
    std::fs::write(&file, "Subject: breach notice\r\n\r\nThe facts.\r\n").expect("write");
    (ws, file)
}

fn dpo(ws: &Workspace) -> Dpo {
    ws.dpo().english()
}

fn with(file: &Path, ext: &str) -> PathBuf {
    PathBuf::from(format!("{}.{ext}", file.display()))
}

fn actions(ws: &Workspace) -> Vec<String> {
    ws.journal()
        .iter()
        .map(|e| e["action"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[track_caller]
fn refused(ws: &Workspace, file: &Path, env: Option<(&str, &Path)>, why: &str) {
    let mut d = dpo(ws);
    if let Some((k, v)) = env {
        d = d.env(k, v);
    }
    let out = d.run(&[Path::new("timestamp"), Path::new("verify"), file]);
    out.assert_code(1);
    assert!(
        out.stderr().contains(why),
        "no {why:?} in:\n{}",
        out.stderr()
    );
    assert!(out.stderr().contains("does not verify"), "{}", out.stderr());
}

#[test]
fn a_file_is_time_stamped_by_the_authority_and_verifies_with_dpo_and_openssl() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    let (ws, file) = stamped_workspace(&tsa);
    let out = dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&[Path::new("timestamp"), &file]);
    out.assert_code(0);
    out.assert_stdout_has("notification.eml.tsr");
    out.assert_stdout_has("time-stamped by the authority");
    let (tsq, tsr) = (with(&file, "tsq"), with(&file, "tsr"));
    assert!(tsq.exists() && tsr.exists());
    // Every write is journaled: the request, then the response.
    let a = actions(&ws);
    assert_eq!(
        a[a.len() - 2..],
        ["timestamp.request", "timestamp.response"]
    );
    let v = dpo(&ws).run(&[Path::new("timestamp"), Path::new("verify"), &file]);
    v.assert_code(0);
    v.assert_stdout_has("the time-stamp verifies");
    v.assert_stdout_has("CN=dpo test tsa");
    v.assert_stdout_has("UTC+01:00");
    v.assert_stdout_has(" UTC");
    let o = tsa.openssl_verify(&tsr, &tsq);
    assert!(o.text().contains("Verification: OK"), "{}", o.text());
    // The workspace stays whole.
    dpo(&ws).run(&["journal", "verify"]).assert_code(0);
    // JSON: the authority's time, in UTC.
    let j = dpo(&ws)
        .run(&[
            Path::new("--json"),
            Path::new("timestamp"),
            Path::new("verify"),
            &file,
        ])
        .json();
    assert_eq!(j["verified"], true);
    assert!(j["gen_time"].as_str().unwrap_or_default().ends_with('Z'));
}

#[test]
fn a_request_made_by_openssl_is_verified_by_dpo() {
    let tsa = Tsa::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("pack.zip");
    std::fs::write(&file, b"zip bytes").expect("write");
    let (tsq, tsr) = (with(&file, "tsq"), with(&file, "tsr"));
    let q = run(Command::new("openssl")
        .args(["ts", "-query", "-sha256", "-cert", "-data"])
        .arg(&file)
        .arg("-out")
        .arg(&tsq));
    assert!(q.success(), "{}", q.text());
    tsa.reply(&tsq, &tsr);
    let ws = Workspace::sample();
    let v = dpo(&ws).env("DPO_TSA_CA", tsa.path("ca.pem")).run(&[
        Path::new("timestamp"),
        Path::new("verify"),
        &file,
    ]);
    v.assert_code(0);
    v.assert_stdout_has("the time-stamp verifies");
    // An ECDSA P-256 authority too, whose genTime has milliseconds.
    tsa.reply_with("ts-ec.cnf", &tsq, &tsr);
    let text = run(Command::new("openssl")
        .args(["ts", "-reply", "-text", "-in"])
        .arg(&tsr));
    assert!(
        text.stdout().contains(".") && text.stdout().contains("Time stamp:"),
        "{}",
        text.stdout()
    );
    let v = dpo(&ws).env("DPO_TSA_CA", tsa.path("ca.pem")).run(&[
        Path::new("timestamp"),
        Path::new("verify"),
        &file,
    ]);
    v.assert_code(0);
    v.assert_stdout_has("CN=dpo test tsa-ec");
    // Without a trusted CA it does not verify.
    refused(&ws, &file, None, "no trusted TSA CA");
}

#[test]
fn each_response_that_does_not_prove_the_file_is_refused_with_its_reason() {
    let tsa = Tsa::new();
    let (ws, file) = stamped_workspace(&tsa);
    dpo(&ws)
        .run(&[Path::new("timestamp"), &file])
        .assert_code(0);
    let (tsq, tsr) = (with(&file, "tsq"), with(&file, "tsr"));
    tsa.reply(&tsq, &tsr);
    dpo(&ws)
        .run(&[Path::new("timestamp"), Path::new("verify"), &file])
        .assert_code(0);
    let good = std::fs::read(&tsr).expect("read the .tsr");

    // A response for another file: its request and response copied.
    let other = ws.path("other.eml");
    std::fs::write(&other, "another message").expect("write");
    std::fs::copy(&tsq, with(&other, "tsq")).expect("copy");
    std::fs::copy(&tsr, with(&other, "tsr")).expect("copy");
    refused(&ws, &other, None, "for another file");

    // A trusted CA that is not the authority's.
    refused(
        &ws,
        &file,
        Some(("DPO_TSA_CA", &tsa.path("other-ca.pem"))),
        "does not chain to a trusted CA",
    );

    // A tampered signature (its last byte).
    let mut bad = good.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0x01;
    std::fs::write(&tsr, &bad).expect("write");
    refused(&ws, &file, None, "signature does not verify");

    // A tampered TSTInfo: a digit of its genTime changed.
    let mut bad = good.clone();
    let at = bad
        .windows(2)
        .position(|w| w == [0x18, 0x0f])
        .expect("a GeneralizedTime");
    bad[at + 2 + 13] = if bad[at + 2 + 13] == b'0' { b'1' } else { b'0' };
    std::fs::write(&tsr, &bad).expect("write");
    refused(&ws, &file, None, "not the digest of the TSTInfo");

    // A response to another request for the same file: another nonce.
    let again = ws.path("again.tsq");
    let q = run(Command::new("openssl")
        .args(["ts", "-query", "-sha256", "-cert", "-data"])
        .arg(&file)
        .arg("-out")
        .arg(&again));
    assert!(q.success(), "{}", q.text());
    tsa.reply(&again, &tsr);
    refused(&ws, &file, None, "nonce");

    // Signed by a certificate without the timeStamping usage.
    std::fs::write(&tsr, &good).expect("write");
    tsa.resign(&tsr, "noeku");
    refused(&ws, &file, None, "no extended key usage timeStamping");

    // The usage there but not critical (RFC 3161 §2.3).
    std::fs::write(&tsr, &good).expect("write");
    tsa.resign(&tsr, "noncritical");
    refused(&ws, &file, None, "is not critical");
}

#[test]
fn an_authority_answering_another_request_leaves_no_tsr() {
    let tsa = Tsa::new();
    let server = tsa.serve("other-nonce");
    let (ws, file) = stamped_workspace(&tsa);
    let out = dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&[Path::new("timestamp"), &file]);
    out.assert_code(1);
    assert!(out.stderr().contains("nonce"), "{}", out.stderr());
    assert!(with(&file, "tsq").exists(), "the request stays, to retry");
    assert!(
        !with(&file, "tsr").exists(),
        "a response that does not verify is not kept"
    );
    // An authority that cannot be reached: exit 2, the request kept.
    drop(server);
    let out = dpo(&ws)
        .env("DPO_TSA_URL", "http://127.0.0.1:9/")
        .run(&[Path::new("timestamp"), &file]);
    out.assert_code(2);
    assert!(out.stderr().contains("did not answer"), "{}", out.stderr());
}

#[test]
fn offline_the_request_goes_out_by_curl_and_the_response_comes_back_by_import() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    let (ws, file) = stamped_workspace(&tsa);
    let out = dpo(&ws).run(&[Path::new("timestamp"), &file]);
    out.assert_code(0);
    let (tsq, tsr) = (with(&file, "tsq"), with(&file, "tsr"));
    assert!(tsq.exists() && !tsr.exists());
    let curl = out
        .stdout()
        .lines()
        .find_map(|l| l.split_once(": curl ").map(|(_, c)| format!("curl {c}")))
        .unwrap_or_else(|| panic!("no curl command in:\n{}", out.stdout()));
    assert!(
        curl.contains("--data-binary @") && curl.ends_with(" URL"),
        "{curl}"
    );
    let command = format!("{}{}", curl.trim_end_matches("URL"), server.url);
    let c = run(Command::new("sh").arg("-c").arg(&command));
    assert!(c.success(), "{command}: {}", c.text());
    out.assert_stdout_has("dpo timestamp --import");
    let before = ws.journal().len();
    let i = dpo(&ws).run(&[Path::new("timestamp"), Path::new("--import"), &tsr]);
    i.assert_code(0);
    i.assert_stdout_has("time-stamped by the authority");
    assert_eq!(actions(&ws)[before..], ["timestamp.response"]);
    dpo(&ws)
        .run(&[Path::new("timestamp"), Path::new("verify"), &file])
        .assert_code(0);
    let o = tsa.openssl_verify(&tsr, &tsq);
    assert!(o.text().contains("Verification: OK"), "{}", o.text());
    // A response for another request is not taken back.
    let again = ws.path("again.tsq");
    run(Command::new("openssl")
        .args(["ts", "-query", "-sha256", "-cert", "-data"])
        .arg(&file)
        .arg("-out")
        .arg(&again));
    tsa.reply(&again, &tsr);
    let i = dpo(&ws).run(&[Path::new("timestamp"), Path::new("--import"), &tsr]);
    i.assert_code(1);
    assert!(i.stderr().contains("nonce"), "{}", i.stderr());
}

#[test]
fn bad_input_is_exit_2_never_a_panic() {
    let ws = Workspace::sample();
    let missing = ws.path("nothing-here.pdf");
    let out = dpo(&ws).run(&[Path::new("timestamp"), &missing]);
    out.assert_code(2);
    assert!(out.stderr().contains("cannot read"), "{}", out.stderr());
    let v = dpo(&ws).run(&[Path::new("timestamp"), Path::new("verify"), &missing]);
    v.assert_code(2);
    let file = ws.path("x.txt");
    std::fs::write(&file, "x").expect("write");
    let i = dpo(&ws).run(&[Path::new("timestamp"), Path::new("--import"), &file]);
    i.assert_code(2);
    assert!(
        i.stderr().contains("not an RFC 3161 time-stamp response"),
        "{}",
        i.stderr()
    );
    std::fs::write(with(&file, "tsq"), "garbage").expect("write");
    std::fs::write(with(&file, "tsr"), "garbage").expect("write");
    let v = dpo(&ws).run(&[Path::new("timestamp"), Path::new("verify"), &file]);
    v.assert_code(2);
    assert!(
        v.stderr().contains("not an RFC 3161 time-stamp request"),
        "{}",
        v.stderr()
    );
    // In French by default, the same refusal.
    let fr = ws.dpo().run(&[
        Path::new("--lang"),
        Path::new("fr"),
        Path::new("timestamp"),
        &missing,
    ]);
    fr.assert_code(2);
    assert!(
        fr.stderr().contains("impossible de lire"),
        "{}",
        fr.stderr()
    );
}

/// The juvisy workspace with breach 2021-001 and the authority's CA.
fn breach_workspace(tsa: &Tsa) -> Workspace {
    let ws = Workspace::fixture("juvisy-workspace");
    ws.write_breach_record("2021-001");
    std::fs::create_dir_all(ws.root().join("keys/tsa")).expect("keys/tsa");
    std::fs::copy(tsa.path("ca.pem"), ws.root().join("keys/tsa/ca.pem")).expect("copy the CA");
    ws
}

/// The files of the workspace whose name ends in `suffix`.
fn files_ending(ws: &Workspace, suffix: &str) -> Vec<PathBuf> {
    walkdir::WalkDir::new(ws.root())
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.path().to_path_buf())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect()
}

#[track_caller]
fn openssl_accepts(tsa: &Tsa, tsr: &Path) {
    let tsq = PathBuf::from(tsr.to_string_lossy().replace(".tsr", ".tsq"));
    let o = tsa.openssl_verify(tsr, &tsq);
    assert!(
        o.text().contains("Verification: OK"),
        "{}: {}",
        tsr.display(),
        o.text()
    );
}

#[test]
fn a_breach_notification_and_then_the_journal_head_are_time_stamped_when_sent() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    let smtp = SmtpServer::start(Mode::Plain);
    let ws = breach_workspace(&tsa);
    let r = dpo(&ws).smtp(&smtp).env("DPO_TSA_URL", &server.url).run(&[
        "--now",
        "2021-03-26 11:00",
        "breach",
        "notify",
        "2021-001",
    ]);
    r.assert_code(0);
    r.assert_stdout_has("the authority's time (RFC 3161)");
    let emls = files_ending(&ws, ".eml.tsr");
    assert_eq!(emls.len(), 1, "{emls:?}");
    openssl_accepts(&tsa, &emls[0]);
    let heads = files_ending(&ws, ".tsr")
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("timestamps/journal.head."))
        .collect::<Vec<_>>();
    assert_eq!(heads.len(), 1, "{heads:?}");
    openssl_accepts(&tsa, &heads[0]);
    dpo(&ws).run(&["journal", "verify"]).assert_code(0);
    dpo(&ws)
        .run(&["--now", "2021-03-26 11:05", "check"])
        .assert_code(0);
    // breach show: the three times, each said for what it is.
    let show = dpo(&ws).run(&["--now", "2021-03-26 11:05", "breach", "show", "2021-001"]);
    show.assert_code(0);
    show.assert_stdout_has("the SMTP server's reply (when the server accepted it)");
    show.assert_stdout_has("processor's clock 2021-03-26 11:00:00 (UTC+01:00); SMTP server: 250");
    show.assert_stdout_has("; TSA time-stamp 20");
    let s = dpo(&ws).run(&["--now", "2021-03-26 11:05", "status"]);
    assert!(
        !s.stdout().contains("waits for its RFC 3161"),
        "{}",
        s.stdout()
    );
}

#[test]
fn a_failing_authority_never_fails_the_sending_and_pending_stamps_it_later() {
    let tsa = Tsa::new();
    let smtp = SmtpServer::start(Mode::Plain);
    let ws = breach_workspace(&tsa);
    let r = dpo(&ws)
        .smtp(&smtp)
        .env("DPO_TSA_URL", "http://127.0.0.1:9/")
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", "2021-001"]);
    r.assert_code(0);
    r.assert_stdout_has("waits for a time-stamp (the evidence is kept)");
    assert_eq!(files_ending(&ws, ".eml").len(), 1);
    assert!(files_ending(&ws, ".tsr").is_empty());
    let s = dpo(&ws).run(&["--now", "2021-03-26 11:05", "status"]);
    assert!(
        s.stdout().contains("waits for its RFC 3161 time-stamp"),
        "{}",
        s.stdout()
    );
    assert!(
        s.stdout().contains("dpo timestamp --pending"),
        "{}",
        s.stdout()
    );
    dpo(&ws)
        .run(&["--now", "2021-03-26 11:05", "breach", "show", "2021-001"])
        .assert_stdout_has("TSA time-stamp waiting (`dpo timestamp --pending`)");
    // Without a URL, --pending says what to do.
    dpo(&ws).run(&["timestamp", "--pending"]).assert_code(2);
    let server = tsa.serve("normal");
    let p = dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&["timestamp", "--pending"]);
    p.assert_code(0);
    // Then the journal head after its own writes.
    p.assert_stdout_has("time-stamped timestamps/journal.head.");
    let emls = files_ending(&ws, ".eml.tsr");
    assert_eq!(emls.len(), 1, "{emls:?}");
    openssl_accepts(&tsa, &emls[0]);
    let s = dpo(&ws).run(&["--now", "2021-03-26 11:05", "status"]);
    assert!(
        !s.stdout().contains("waits for its RFC 3161"),
        "{}",
        s.stdout()
    );
    dpo(&ws)
        .run(&["timestamp", "--pending"])
        .assert_stdout_has("no evidence waits");
    dpo(&ws).run(&["journal", "verify"]).assert_code(0);
}

#[test]
fn an_audit_pack_s_manifest_is_time_stamped_and_still_checks() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    // Kept only once it verifies: the workspace trusts the authority's CA.
    let (ws, _) = stamped_workspace(&tsa);
    dpo(&ws).run(&["keys", "generate"]).assert_code(0);
    let r = dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&["audit", "pack", "-o", "pack"]);
    r.assert_code(0);
    r.assert_stdout_has("the authority's time (RFC 3161)");
    let manifest = ws.path("pack/MANIFEST.sha256");
    openssl_accepts(&tsa, &with(&manifest, "tsr"));
    let c = crate::support::tools::sha256sum_in(&ws.path("pack"), &["-c", "MANIFEST.sha256"]);
    assert!(c.success(), "{}", c.text());
}

/// `status` in English and in French: no raw message key, ever (D5).
#[track_caller]
fn status_lists(ws: &Workspace, file: &str, waiting: bool) {
    let en = dpo(ws).run(&["status"]);
    let fr = ws.dpo().run(&["--lang", "fr", "status"]);
    for out in [&en, &fr] {
        assert!(!out.stdout().contains("status_kind"), "{}", out.stdout());
    }
    let line = format!("{file} waits for its RFC 3161 time-stamp");
    assert_eq!(en.stdout().contains(&line), waiting, "{}", en.stdout());
    if waiting {
        en.assert_stdout_has("Evidence waiting for its RFC 3161 time-stamp");
        fr.assert_stdout_has("Pièce en attente de son horodatage RFC 3161");
    }
}

#[test]
fn a_time_stamped_file_is_never_stamped_again() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    let (ws, file) = stamped_workspace(&tsa);
    dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&[Path::new("timestamp"), &file])
        .assert_code(0);
    let (tsq, tsr) = (with(&file, "tsq"), with(&file, "tsr"));
    let pair = (
        std::fs::read(&tsq).expect("tsq"),
        std::fs::read(&tsr).expect("tsr"),
    );
    for url in [Some(server.url.as_str()), None] {
        let mut d = dpo(&ws);
        if let Some(u) = url {
            d = d.env("DPO_TSA_URL", u);
        }
        let out = d.run(&[Path::new("timestamp"), &file]);
        out.assert_code(2);
        assert!(
            out.stderr().contains("is already time-stamped")
                && out.stderr().contains("dpo timestamp verify"),
            "{}",
            out.stderr()
        );
    }
    // A wrong trust setting (another CA) makes the proof fail to verify,
    // but it is still this file's proof: never replaced by a later one,
    // neither by `timestamp FILE` nor by `--pending` (review 12b, N1).
    let wrong_ca = |args: &[&Path]| {
        dpo(&ws)
            .env("DPO_TSA_URL", &server.url)
            .env("DPO_TSA_CA", tsa.path("other-ca.pem"))
            .run(args)
    };
    let out = wrong_ca(&[Path::new("timestamp"), &file]);
    out.assert_code(2);
    assert!(
        out.stderr().contains("is already time-stamped"),
        "{}",
        out.stderr()
    );
    wrong_ca(&[Path::new("timestamp"), Path::new("--pending")]);
    assert_eq!(
        (
            std::fs::read(&tsq).expect("tsq"),
            std::fs::read(&tsr).expect("tsr")
        ),
        pair,
        "a proof that does not chain to the CA set now is kept as it is"
    );
    // --import with a file: refused by the command line, nothing written.
    let other = ws.path("other.txt");
    std::fs::write(&other, "x").expect("write");
    dpo(&ws)
        .run(&[Path::new("timestamp"), Path::new("--import"), &tsr, &other])
        .assert_code(2);
    assert!(!with(&other, "tsq").exists());
    assert_eq!(
        (
            std::fs::read(&tsq).expect("tsq"),
            std::fs::read(&tsr).expect("tsr")
        ),
        pair,
        "the proof is untouched"
    );
    dpo(&ws)
        .run(&[Path::new("timestamp"), Path::new("verify"), &file])
        .assert_code(0);
}

#[test]
fn a_response_that_does_not_verify_is_never_kept_and_its_evidence_waits() {
    let tsa = Tsa::new();
    let (ws, file) = stamped_workspace(&tsa);
    let (tsq, tsr) = (with(&file, "tsq"), with(&file, "tsr"));
    // Offline: a response to another request is moved aside on --import.
    dpo(&ws)
        .run(&[Path::new("timestamp"), &file])
        .assert_code(0);
    let again = ws.path("again.tsq");
    run(Command::new("openssl")
        .args(["ts", "-query", "-sha256", "-cert", "-data"])
        .arg(&file)
        .arg("-out")
        .arg(&again));
    tsa.reply(&again, &tsr);
    let i = dpo(&ws).run(&[Path::new("timestamp"), Path::new("--import"), &tsr]);
    i.assert_code(1);
    assert!(i.stderr().contains("nonce"), "{}", i.stderr());
    assert!(i.stderr().contains(".tsr.refused"), "{}", i.stderr());
    assert!(!tsr.exists() && with(&file, "tsr.refused").exists());
    status_lists(&ws, "notification.eml", true);
    // Online: a response that does not chain to the trusted CA is not kept.
    let server = tsa.serve("normal");
    let out = dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .env("DPO_TSA_CA", tsa.path("other-ca.pem"))
        .run(&[Path::new("timestamp"), &file]);
    out.assert_code(1);
    assert!(
        out.stderr().contains("does not chain to a trusted CA"),
        "{}",
        out.stderr()
    );
    assert!(!tsr.exists(), "a response that does not verify is not kept");
    status_lists(&ws, "notification.eml", true);
    // A kept .tsr changed afterwards: waiting again, taken up by --pending.
    tsa.reply(&tsq, &tsr);
    status_lists(&ws, "notification.eml", false);
    let mut bad = std::fs::read(&tsr).expect("tsr");
    let last = bad.len() - 1;
    bad[last] ^= 0x01;
    std::fs::write(&tsr, &bad).expect("write");
    status_lists(&ws, "notification.eml", true);
    dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&["timestamp", "--pending"])
        .assert_code(0);
    status_lists(&ws, "notification.eml", false);
    openssl_accepts(&tsa, &tsr);
}

#[test]
fn breach_show_prints_a_tsa_time_only_when_it_verifies() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    let smtp = SmtpServer::start(Mode::Plain);
    let ws = breach_workspace(&tsa);
    dpo(&ws)
        .smtp(&smtp)
        .env("DPO_TSA_URL", &server.url)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", "2021-001"])
        .assert_code(0);
    let show = || dpo(&ws).run(&["--now", "2021-03-26 11:05", "breach", "show", "2021-001"]);
    show().assert_stdout_has("; TSA time-stamp 20");
    let tsr = &files_ending(&ws, ".eml.tsr")[0];
    let mut bad = std::fs::read(tsr).expect("tsr");
    let last = bad.len() - 1;
    bad[last] ^= 0x01;
    std::fs::write(tsr, &bad).expect("write");
    let s = show();
    s.assert_code(0);
    s.assert_stdout_has("TSA time-stamp that does not verify (");
    s.assert_stdout_has("signature does not verify");
    assert!(
        !s.stdout().contains("; TSA time-stamp 20"),
        "{}",
        s.stdout()
    );
}

#[test]
fn a_token_without_the_ess_signing_certificate_is_refused_as_openssl_does() {
    let tsa = Tsa::new();
    let (ws, file) = stamped_workspace(&tsa);
    dpo(&ws)
        .run(&[Path::new("timestamp"), &file])
        .assert_code(0);
    let (tsq, tsr) = (with(&file, "tsq"), with(&file, "tsr"));
    tsa.reply(&tsq, &tsr);
    // Control: signed again by the authority with the attribute (-cades).
    tsa.resign(&tsr, "tsa");
    dpo(&ws)
        .run(&[Path::new("timestamp"), Path::new("verify"), &file])
        .assert_code(0);
    assert!(tsa
        .openssl_verify(&tsr, &tsq)
        .text()
        .contains("Verification: OK"));
    // The same signer, without the attribute.
    tsa.resign_without_ess(&tsr, "tsa");
    refused(&ws, &file, None, "no ESS signing certificate attribute");
    let o = tsa.openssl_verify(&tsr, &tsq);
    assert!(!o.text().contains("Verification: OK"), "{}", o.text());
    assert!(o.text().contains("signing certificate"), "{}", o.text());
}

#[test]
fn a_damaged_tsr_does_not_verify_exit_1_and_a_text_is_not_a_tsr_exit_2() {
    let tsa = Tsa::new();
    let (ws, file) = stamped_workspace(&tsa);
    dpo(&ws)
        .run(&[Path::new("timestamp"), &file])
        .assert_code(0);
    let (tsq, tsr) = (with(&file, "tsq"), with(&file, "tsr"));
    tsa.reply(&tsq, &tsr);
    let good = std::fs::read(&tsr).expect("tsr");
    // A byte of the DER changed (its structure broken): verify says exit 1.
    for at in [1, 5, 20, 40] {
        let mut bad = good.clone();
        bad[at] ^= 0x5a;
        std::fs::write(&tsr, &bad).expect("write");
        refused(&ws, &file, None, "");
    }
    // --import: a DER SEQUENCE broken inside is a response that does not
    // verify (exit 1); a text is not a response (exit 2).
    let mut bad = good.clone();
    bad[5] ^= 0x5a;
    std::fs::write(&tsr, &bad).expect("write");
    let i = dpo(&ws).run(&[Path::new("timestamp"), Path::new("--import"), &tsr]);
    i.assert_code(1);
    assert!(i.stderr().contains("no longer reads"), "{}", i.stderr());
    std::fs::write(&tsr, "<html>502 Bad Gateway</html>").expect("write");
    let i = dpo(&ws).run(&[Path::new("timestamp"), Path::new("--import"), &tsr]);
    i.assert_code(2);
    assert!(
        i.stderr().contains("not an RFC 3161 time-stamp response"),
        "{}",
        i.stderr()
    );
}

#[test]
fn a_password_in_the_tsa_url_is_refused_and_never_printed() {
    let tsa = Tsa::new();
    let (ws, file) = stamped_workspace(&tsa);
    let out = dpo(&ws)
        .env("DPO_TSA_URL", "http://alice:S3cretPW@127.0.0.1:9/")
        .run(&[Path::new("timestamp"), &file]);
    out.assert_code(2);
    assert!(!out.text().contains("S3cretPW"), "{}", out.text());
    assert!(
        out.stderr().contains("a user name or a password"),
        "{}",
        out.stderr()
    );
}

/// Runs each `openssl ts -verify` line of `text` in `dir`: each verifies.
#[track_caller]
fn openssl_lines_verify(dir: &Path, text: &str) -> usize {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("openssl ts -verify"))
        .collect();
    for l in &lines {
        let o = run(Command::new("sh").arg("-c").arg(l).current_dir(dir));
        assert!(o.text().contains("Verification: OK"), "{l}: {}", o.text());
    }
    lines.len()
}

#[test]
fn the_audit_pack_carries_the_time_stamps_and_says_how_to_check_them() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    let smtp = SmtpServer::start(Mode::Plain);
    let ws = breach_workspace(&tsa);
    dpo(&ws).run(&["keys", "generate"]).assert_code(0);
    dpo(&ws)
        .smtp(&smtp)
        .env("DPO_TSA_URL", &server.url)
        .run(&["--now", "2021-03-26 11:00", "breach", "notify", "2021-001"])
        .assert_code(0);
    dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&["--now", "2021-03-26 11:05", "audit", "pack", "-o", "pack"])
        .assert_code(0);
    let pack = ws.path("pack");
    assert!(pack.join("keys/tsa/trusted.pem").is_file());
    let verify = std::fs::read_to_string(pack.join("VERIFY.txt")).expect("VERIFY.txt");
    assert!(verify.contains(".eml.tsr -queryfile"), "{verify}");
    assert!(verify.contains("timestamps/journal.head."), "{verify}");
    assert!(verify.contains("MANIFEST.sha256.tsr"), "{verify}");
    // The evidence's, the journal head's and the manifest's: each verifies.
    assert!(openssl_lines_verify(&pack, &verify) >= 3, "{verify}");
    let c = crate::support::tools::sha256sum_in(&pack, &["-c", "MANIFEST.sha256"]);
    assert!(c.success(), "{}", c.text());
    // In French, the same commands, said in French.
    ws.dpo()
        .env("DPO_TSA_URL", &server.url)
        .run(&["--lang", "fr", "audit", "pack", "-o", "pack-fr"])
        .assert_code(0);
    let fr = std::fs::read_to_string(ws.path("pack-fr/VERIFY.txt")).expect("VERIFY.txt");
    assert!(fr.contains("Horodatages (RFC 3161)"), "{fr}");
    assert!(openssl_lines_verify(&ws.path("pack-fr"), &fr) >= 2, "{fr}");
}

#[test]
fn a_certificate_prints_its_tsa_time_and_its_copy_carries_its_time_stamps() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    let now = "2021-08-02T10:00:00+02:00";
    let ws = crate::support::fate::ready_to_certify(now);
    std::fs::create_dir_all(ws.root().join("keys/tsa")).expect("keys/tsa");
    std::fs::copy(tsa.path("ca.pem"), ws.root().join("keys/tsa/ca.pem")).expect("copy the CA");
    let out = dpo(&ws).env("DPO_TSA_URL", &server.url).now(now).run(&[
        "fate",
        "certify",
        "-o",
        "out/certificat.pdf",
    ]);
    out.assert_code(0);
    out.assert_stdout_has("the authority's time (RFC 3161)");
    assert!(
        out.stdout().contains(".pdf — the authority's time"),
        "{}",
        out.stdout()
    );
    // The list of the files copied names the time-stamps copied too (N3).
    let copied = out
        .stdout()
        .split_once("copied")
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_default();
    for f in ["certificat.pdf", "certificat.json"] {
        for ext in ["tsq", "tsr"] {
            assert!(
                copied.contains(&format!("out/{f}.{ext}")),
                "no {f}.{ext} in the files copied:\n{}",
                out.stdout()
            );
        }
    }
    for f in ["out/certificat.pdf", "out/certificat.json"] {
        let copy = ws.path(f);
        openssl_accepts(&tsa, &with(&copy, "tsr"));
        dpo(&ws)
            .run(&[Path::new("timestamp"), Path::new("verify"), &copy])
            .assert_code(0);
    }
}

#[test]
fn an_online_answer_that_does_not_verify_is_kept_aside_never_as_the_tsr() {
    let tsa = Tsa::new();
    let server = tsa.serve("other-nonce");
    let (ws, file) = stamped_workspace(&tsa);
    let out = dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&[Path::new("timestamp"), &file]);
    out.assert_code(1);
    let refused = with(&file, "tsr.refused");
    assert!(!with(&file, "tsr").exists(), "nothing named FILE.tsr");
    assert!(refused.exists(), "the refused answer is kept aside");
    assert!(
        out.stderr().contains("notification.eml.tsr.refused"),
        "{}",
        out.stderr()
    );
    status_lists(&ws, "notification.eml", true);
    dpo(&ws).run(&["journal", "verify"]).assert_code(0);
    // The same online, from a workflow or from --pending.
    let out = dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&["timestamp", "--pending"]);
    out.assert_code(1);
    assert!(!with(&file, "tsr").exists(), "nothing named FILE.tsr");
    status_lists(&ws, "notification.eml", true);
}

#[test]
fn verify_says_when_the_request_had_no_nonce() {
    let tsa = Tsa::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("pack.zip");
    std::fs::write(&file, b"zip bytes").expect("write");
    let (tsq, tsr) = (with(&file, "tsq"), with(&file, "tsr"));
    let q = run(Command::new("openssl")
        .args(["ts", "-query", "-sha256", "-cert", "-no_nonce", "-data"])
        .arg(&file)
        .arg("-out")
        .arg(&tsq));
    assert!(q.success(), "{}", q.text());
    tsa.reply(&tsq, &tsr);
    let ws = Workspace::sample();
    let verify = |d: crate::support::Dpo| {
        d.env("DPO_TSA_CA", tsa.path("ca.pem")).run(&[
            Path::new("timestamp"),
            Path::new("verify"),
            &file,
        ])
    };
    let en = verify(dpo(&ws));
    en.assert_code(0);
    en.assert_stdout_has("the request had no nonce, so no nonce was checked");
    assert!(!en.stdout().contains("imprint, nonce"), "{}", en.stdout());
    let fr = verify(ws.dpo());
    fr.assert_code(0);
    fr.assert_stdout_has("la requête n'avait pas de nonce");
    assert!(!fr.stdout().contains("empreinte, nonce"), "{}", fr.stdout());
    let j = dpo(&ws)
        .env("DPO_TSA_CA", tsa.path("ca.pem"))
        .run(&[
            Path::new("--json"),
            Path::new("timestamp"),
            Path::new("verify"),
            &file,
        ])
        .json();
    assert_eq!(j["verified"], true);
    assert_eq!(j["nonce_checked"], false);
}

#[test]
fn a_changed_tsr_is_to_restore_or_stamp_again_never_to_adopt() {
    let tsa = Tsa::new();
    let server = tsa.serve("normal");
    let (ws, file) = stamped_workspace(&tsa);
    dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&[Path::new("timestamp"), &file])
        .assert_code(0);
    let tsr = with(&file, "tsr");
    let mut bad = std::fs::read(&tsr).expect("tsr");
    let last = bad.len() - 1;
    bad[last] ^= 0x01;
    std::fs::write(&tsr, &bad).expect("write");
    let en = dpo(&ws).run(&["check"]);
    let fr = ws.dpo().run(&["check"]);
    for (out, words) in [
        (&en, "a time-stamp is never adopted"),
        (&fr, "un horodatage ne s'adopte jamais"),
    ] {
        let text = out.text();
        assert!(text.contains("notification.eml.tsr"), "{text}");
        assert!(text.contains(words), "{text}");
        assert!(text.contains("dpo timestamp --pending"), "{text}");
        assert!(!text.contains("record adopt"), "{text}");
        assert!(!text.contains("YAML"), "a time-stamp is no YAML: {text}");
    }
    // The hint's way out works: stamped again, the workspace checks.
    dpo(&ws)
        .env("DPO_TSA_URL", &server.url)
        .run(&["timestamp", "--pending"])
        .assert_code(0);
    dpo(&ws).run(&["check"]).assert_code(0);
}
