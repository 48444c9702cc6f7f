//! Integration tests of the end of the convention (issue 4): keys, OpenSSH
//! signatures checked with the real `ssh-keygen`, BagIt bags checked with
//! `sha256sum -c` and the Python `bagit` validator, the residual scan, and
//! the certificate read back with `pdftotext`.
//!
//! Each test copies `tests/fixtures/fate-workspace` to a temporary folder
//! (`support::Workspace`, whose home folder keeps the real configuration and
//! a real signing key out of reach) and writes its data beside it.
//!
//! Needs: `ssh-keygen` (Debian openssh-client), `sha256sum` (coreutils),
//! `pdftotext` (poppler-utils), `python3` with the PyPI package `bagit`.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::fate::destroy_complete_args;
use crate::support::tools::{pdftotext, python_bagit_validate, run, sha256sum_in};
use crate::support::{copy_dir, fixture, Dpo, Run, Workspace};

const NOW: &str = "2021-08-02T10:00:00+02:00";
const PRINCIPAL: &str = "DPO@grandorlyseinebievre.fr";

/// A copy of `tests/fixtures/fate-workspace`, with its home folder and room
/// for data beside it.
struct Env {
    ws: Workspace,
}

impl Env {
    fn new() -> Self {
        Env {
            ws: Workspace::fixture("fate-workspace"),
        }
    }

    /// The workspace folder.
    fn root(&self) -> &Path {
        self.ws.root()
    }

    /// `rel` beside the workspace, where relative arguments start.
    fn path(&self, rel: &str) -> PathBuf {
        self.ws.path(rel)
    }

    fn key(&self) -> PathBuf {
        self.ws.home().join(".config/dpo/signing_key")
    }

    fn cmd(&self) -> Dpo {
        self.ws.dpo().now(NOW)
    }

    fn dpo(&self, args: &[&str]) -> Run {
        let o = self.cmd().run(args);
        o.assert_no_panic();
        o
    }

    /// Runs dpo and insists on exit code 0.
    fn ok(&self, args: &[&str]) -> String {
        let o = self.dpo(args);
        assert_eq!(o.code(), Some(0), "dpo {args:?}:\n{}", o.text());
        o.text()
    }

    fn write(&self, rel: &str, content: &[u8]) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, content).unwrap();
        p
    }

    fn fate_file(&self) -> String {
        self.ws.read("fate/juvisy-sur-orge.yaml")
    }

    /// The city's shares: a few files, one large enough to span buffers.
    fn shares(&self) {
        self.write(
            "data/partages/etat-civil/naissance-2021-001.txt",
            b"Acte de naissance n 2021-001\n",
        );
        self.write(
            "data/partages/rh/paie juillet.csv",
            b"matricule;net\n42;1999.00\n",
        );
        self.write(
            "data/partages/urbanisme/permis.bin",
            &vec![0x5au8; 3 * 1024 * 1024 + 17],
        );
        self.write("data/partages/vide.txt", b"");
    }

    /// `dpo fate bag partages` of the shares into `out`.
    fn bag_shares(&self, out: &str) {
        self.ok(&[
            "fate",
            "bag",
            "partages",
            "--from",
            "data/partages",
            "--out",
            out,
        ]);
    }

    fn backups(&self) {
        self.write(
            "data/sauvegardes/job-2021-07-31.vbk",
            &vec![0x17u8; 100_000],
        );
    }

    /// Everything done for every copy: the state in which a certificate can be issued.
    fn complete(&self) {
        self.ok(&["keys", "generate"]);
        self.shares();
        self.backups();
        self.ok(&["fate", "fingerprint", "partages", "data/partages"]);
        self.bag_shares("media/partages");
        self.ok(&["fate", "verify-bag", "media/partages"]);
        self.ok(&["fate", "fingerprint", "sauvegardes", "data/sauvegardes"]);
        for (item, copy) in [
            ("partages", "live"),
            ("partages", "snapshots"),
            ("sauvegardes", "depot"),
        ] {
            self.destroy(item, copy);
        }
        self.destroy("sauvegardes", "bandes");
    }

    fn destroy(&self, item: &str, copy: &str) {
        self.ok(&destroy_complete_args(item, copy));
    }
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// `ssh-keygen -Y verify` with `file` on standard input; true when it accepts.
fn ssh_keygen_verify(allowed: &Path, namespace: &str, sig: &Path, file: &Path) -> bool {
    crate::support::tools::ssh_keygen_verify(allowed, PRINCIPAL, namespace, sig, file).success()
}

fn flip_byte(p: &Path, at: usize) {
    let mut b = std::fs::read(p).unwrap();
    let i = at.min(b.len() - 1);
    b[i] ^= 0x01;
    std::fs::write(p, b).unwrap();
}

// ------------------------------------------------------------------ keys

#[test]
fn keys_generate_writes_a_0600_key_in_the_config_folder_and_publishes_its_public_half() {
    let env = Env::new();
    let out = env.ok(&["keys", "generate"]);
    assert_eq!(mode(&env.key()), 0o600);
    assert_eq!(mode(env.key().parent().unwrap()), 0o700);
    let private = std::fs::read_to_string(env.key()).unwrap();
    assert!(private.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----"));
    // Never printed.
    let body = private.lines().nth(1).unwrap();
    assert!(!out.contains(body), "the private key was printed");
    let allowed = std::fs::read_to_string(env.root().join("keys/allowed_signers")).unwrap();
    assert!(
        allowed
            .lines()
            .any(|l| l.starts_with(&format!("{PRINCIPAL} ssh-ed25519 "))),
        "{allowed}"
    );
    let pubs: Vec<_> = std::fs::read_dir(env.root().join("keys"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".pub"))
        .collect();
    assert_eq!(pubs.len(), 1);
    // ssh-keygen reads the private key and derives the same public key.
    let o = run(Command::new("ssh-keygen")
        .arg("-y")
        .arg("-f")
        .arg(env.key()));
    assert!(o.success(), "{}", o.text());
    let derived = o.stdout();
    let published = std::fs::read_to_string(pubs[0].path()).unwrap();
    assert_eq!(
        derived.split_whitespace().nth(1),
        published.split_whitespace().nth(1)
    );
    assert!(env.ok(&["journal", "show"]).contains("keys.generate"));
}

#[test]
fn keys_generate_never_overwrites_an_existing_key() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    let before = std::fs::read(env.key()).unwrap();
    let o = env.dpo(&["keys", "generate"]);
    assert_eq!(o.code(), Some(2), "{}", o.text());
    assert!(o.text().contains("existe déjà"), "{}", o.text());
    assert_eq!(std::fs::read(env.key()).unwrap(), before);
    // Nor a file that is not a key at all.
    let other = env.write("elsewhere/key", b"not mine");
    let o = env.dpo(&["keys", "generate", "--key", other.to_str().unwrap()]);
    assert_eq!(o.code(), Some(2));
    assert_eq!(std::fs::read(&other).unwrap(), b"not mine");
}

#[test]
fn a_private_key_readable_by_others_is_refused_as_openssh_does() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    env.write("f.txt", b"hello\n");
    std::fs::set_permissions(env.key(), std::fs::Permissions::from_mode(0o644)).unwrap();
    for args in [&["sign", "f.txt"][..], &["keys", "show"][..]] {
        let o = env.dpo(args);
        assert_eq!(o.code(), Some(2), "{args:?}: {}", o.text());
        assert!(
            o.text().contains("lisible par d'autres (mode 0644)"),
            "{}",
            o.text()
        );
        assert!(o.text().contains("chmod 600"), "{}", o.text());
    }
    assert!(!env.path("f.txt.sig").exists());
    // OpenSSH agrees.
    let o = run(Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", "file", "-f"])
        .arg(env.key())
        .arg(env.path("f.txt")));
    assert!(!o.success());
    std::fs::set_permissions(env.key(), std::fs::Permissions::from_mode(0o600)).unwrap();
    env.ok(&["sign", "f.txt"]);
}

#[test]
fn a_key_inside_the_workspace_is_refused() {
    let env = Env::new();
    let inside = env.root().join("keys/private");
    let o = env.dpo(&["keys", "generate", "--key", inside.to_str().unwrap()]);
    assert_eq!(o.code(), Some(2));
    assert!(
        o.text().contains("dans l'espace de travail"),
        "{}",
        o.text()
    );
    assert!(!inside.exists());
    let o = env
        .cmd()
        .env("DPO_SIGNING_KEY", env.root().join("x/../k"))
        .run(&["keys", "generate"]);
    assert_eq!(o.code(), Some(2), "{}", o.text());
}

// ------------------------------------------------------------------ sign / verify

#[test]
fn a_file_signed_by_dpo_verifies_with_ssh_keygen_and_with_dpo() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    let f = env.write("rapport.odt", &vec![7u8; 300_000]);
    env.ok(&["sign", "rapport.odt"]);
    let sig = env.path("rapport.odt.sig");
    let allowed = env.root().join("keys/allowed_signers");
    assert!(ssh_keygen_verify(&allowed, "file", &sig, &f));
    assert!(env
        .ok(&["verify", "rapport.odt"])
        .contains("signature valide"));
}

#[test]
fn a_signature_made_by_ssh_keygen_verifies_with_dpo_verify() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    let f = env.write("note.txt", b"Note au maire\n");
    let o = run(Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", "file", "-f"])
        .arg(env.key())
        .arg(&f));
    assert!(o.success(), "{}", o.text());
    let out = env.ok(&["verify", "note.txt"]);
    assert!(
        out.contains(PRINCIPAL) && out.contains("espace de noms file"),
        "{out}"
    );
    env.ok(&[
        "verify",
        "note.txt",
        "--sig",
        "note.txt.sig",
        "--namespace",
        "file",
        "-I",
        PRINCIPAL,
    ]);
}

#[test]
fn a_flipped_byte_another_key_or_another_namespace_fails_dpo_verify() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    let f = env.write("f.txt", b"hello world\n");
    env.ok(&["sign", "f.txt"]);
    let o = env.dpo(&["verify", "f.txt", "--namespace", "dpo-certificate"]);
    assert_eq!(o.code(), Some(1), "{}", o.text());
    assert!(o.text().contains("un autre usage"), "{}", o.text());

    flip_byte(&f, 3);
    let o = env.dpo(&["verify", "f.txt"]);
    assert_eq!(o.code(), Some(1), "{}", o.text());
    assert!(
        o.text().contains("ne correspond pas au fichier"),
        "{}",
        o.text()
    );

    // Signed with another key: unknown to allowed_signers.
    let other = env.path("other/key");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    let o = run(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&other));
    assert!(o.success());
    let g = env.write("g.txt", b"x\n");
    let o = run(Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", "file", "-f"])
        .arg(&other)
        .arg(&g));
    assert!(o.success());
    let o = env.dpo(&["verify", "g.txt"]);
    assert_eq!(o.code(), Some(1));
    assert!(
        o.text()
            .contains("n'est pas dans le fichier des signataires autorisés"),
        "{}",
        o.text()
    );
    // A missing signature file is an input error, not a finding.
    let o = env.dpo(&["verify", "nothing.txt"]);
    assert_eq!(o.code(), Some(2), "{}", o.text());
}

// ------------------------------------------------------------------ bags

#[test]
fn a_bag_verifies_with_sha256sum_inside_it_and_with_python_bagit() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    env.shares();
    env.bag_shares("media/bag");
    let bag = env.path("media/bag");
    for f in [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "tagmanifest-sha256.txt.sig",
    ] {
        assert!(bag.join(f).is_file(), "{f} missing");
    }
    let info = std::fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    for field in [
        "Source-Organization: Établissement public territorial",
        "Contact-Email: DPO@",
        "Bagging-Date: 2021-08-02",
        "Payload-Oxum: ",
        "Convention-Act: délibération",
    ] {
        assert!(info.contains(field), "{field} not in\n{info}");
    }
    let o = sha256sum_in(&bag, &["-c", "manifest-sha256.txt"]);
    assert!(o.success(), "{}", o.text());
    assert_eq!(o.stdout().matches(": OK").count(), 4);
    let o = sha256sum_in(&bag, &["-c", "tagmanifest-sha256.txt"]);
    assert!(o.success(), "{}", o.text());
    let o = python_bagit_validate(&bag);
    assert!(o.success(), "python bagit: {}", o.text());
    // The tag manifest's signature checks with ssh-keygen.
    assert!(ssh_keygen_verify(
        &env.root().join("keys/allowed_signers"),
        "dpo-bag",
        &bag.join("tagmanifest-sha256.txt.sig"),
        &bag.join("tagmanifest-sha256.txt")
    ));
    let out = env.ok(&["fate", "verify-bag", "media/bag"]);
    assert!(out.contains("complet et valide"), "{out}");
}

#[test]
fn verify_bag_fails_naming_an_added_a_removed_and_a_changed_payload_file() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    env.shares();
    env.bag_shares("media/bag");
    type Tamper = fn(&Path);
    // (kind, tampering, file named, the kind as the French run says it)
    let cases: [(&str, Tamper, &str, &str); 3] = [
        (
            "extra",
            |b| std::fs::write(b.join("data/rh/ajout.txt"), b"x").unwrap(),
            "data/rh/ajout.txt",
            "en trop",
        ),
        (
            "missing",
            |b| std::fs::remove_file(b.join("data/rh/paie juillet.csv")).unwrap(),
            "data/rh/paie juillet.csv",
            "manquant",
        ),
        (
            "changed",
            |b| flip_byte(&b.join("data/urbanisme/permis.bin"), 2_000_000),
            "data/urbanisme/permis.bin",
            "modifié",
        ),
    ];
    for (what, tamper, name, said) in cases {
        let copy = env.path(&format!("media/{what}"));
        copy_dir(&env.path("media/bag"), &copy);
        tamper(&copy);
        let o = env.dpo(&["fate", "verify-bag", copy.to_str().unwrap()]);
        assert_eq!(o.code(), Some(1), "{what}: {}", o.text());
        assert!(
            o.text().contains(name),
            "{what}: {name} not named in\n{}",
            o.text()
        );
        assert!(
            o.text().contains(&format!("{name}\u{202f}: {said}")),
            "{what}: {}",
            o.text()
        );
    }
}

#[test]
fn verify_bag_fails_when_the_tag_manifest_is_unsigned_or_signed_by_another_key() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    env.shares();
    env.bag_shares("media/bag");
    let bag = env.path("media/bag");
    let sig = bag.join("tagmanifest-sha256.txt.sig");
    std::fs::rename(&sig, env.path("sig.bak")).unwrap();
    let o = env.dpo(&["fate", "verify-bag", "media/bag"]);
    assert_eq!(o.code(), Some(1));
    assert!(o.text().contains("n'est pas signé"), "{}", o.text());
    let other = env.path("other/key");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    run(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&other));
    let o = run(Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", "dpo-bag", "-f"])
        .arg(&other)
        .arg(bag.join("tagmanifest-sha256.txt")));
    assert!(o.success(), "{}", o.text());
    let o = env.dpo(&["fate", "verify-bag", "media/bag"]);
    assert_eq!(o.code(), Some(1));
    assert!(
        o.text()
            .contains("n'est pas dans le fichier des signataires autorisés"),
        "{}",
        o.text()
    );
}

#[test]
fn a_bag_of_names_with_spaces_and_newlines_verifies_with_dpo_and_python_bagit() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    env.write("odd/a file with spaces.txt", b"1");
    env.write("odd/line\nbreak.txt", b"2");
    env.write("odd/100%.txt", b"3");
    env.ok(&[
        "fate",
        "bag",
        "partages",
        "--from",
        "odd",
        "--out",
        "media/odd",
    ]);
    let manifest = std::fs::read_to_string(env.path("media/odd/manifest-sha256.txt")).unwrap();
    assert!(manifest.contains("data/line%0Abreak.txt"), "{manifest}");
    assert!(manifest.contains("data/100%25.txt"), "{manifest}");
    env.ok(&["fate", "verify-bag", "media/odd"]);
    // bagit-python decodes %0A (not %25: its issue #157), so check without that file.
    std::fs::remove_dir_all(env.path("odd")).unwrap();
    env.write("odd/a file with spaces.txt", b"1");
    env.write("odd/line\nbreak.txt", b"2");
    env.ok(&[
        "fate",
        "bag",
        "partages",
        "--from",
        "odd",
        "--out",
        "media/odd2",
    ]);
    let o = python_bagit_validate(&env.path("media/odd2"));
    assert!(o.success(), "python bagit: {}", o.text());
}

#[test]
fn a_bag_is_refused_for_an_item_the_controller_wants_destroyed() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    env.backups();
    let o = env.dpo(&[
        "fate",
        "bag",
        "sauvegardes",
        "--from",
        "data/sauvegardes",
        "--out",
        "media/x",
        "--copy",
        "depot",
    ]);
    assert_eq!(o.code(), Some(2));
    assert!(
        o.text().contains("ne l'a pas demandé en retour"),
        "{}",
        o.text()
    );
    assert!(!env.path("media/x").exists());
}

// ------------------------------------------------------------------ destroy, scan, certify

#[test]
fn destroy_is_refused_before_the_item_is_handed_over_in_a_verified_bag() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    env.shares();
    let args = [
        "fate",
        "destroy",
        "partages",
        "--copy",
        "live",
        "--method",
        "clear",
        "--technique",
        "t",
        "--tool",
        "rm 9.4",
        "--operator",
        "Bob",
        "--verification",
        "v",
    ];
    let o = env.dpo(&args);
    assert_eq!(o.code(), Some(2));
    assert!(o.text().contains("avant sa remise"), "{}", o.text());
    env.bag_shares("media/bag");
    // Bagged but not verified yet: still refused.
    assert_eq!(env.dpo(&args).code(), Some(2));
    env.ok(&["fate", "verify-bag", "media/bag"]);
    env.ok(&args);
    // A time in the future is refused.
    let mut later = args.to_vec();
    later.extend(["--at", "2021-08-03 09:00"]);
    let o = env.dpo(&later);
    assert_eq!(o.code(), Some(2));
    assert!(
        o.text()
            .contains("3 août 2021 à 09:00 (UTC+02:00) est dans le futur"),
        "{}",
        o.text()
    );
}

#[test]
fn scan_finds_a_planted_copy_of_a_destroyed_file_under_another_name_and_exits_1() {
    let env = Env::new();
    env.backups();
    env.ok(&["fate", "fingerprint", "sauvegardes", "data/sauvegardes"]);
    // The fingerprint is a sha256sum manifest that sha256sum checks.
    let fate = env.fate_file();
    let manifest = fate
        .lines()
        .find_map(|l| l.trim().strip_prefix("manifest: "))
        .unwrap()
        .to_string();
    let o = run(Command::new("sha256sum")
        .arg("-c")
        .arg(env.root().join(&manifest))
        .current_dir(env.ws.dir()));
    assert!(o.success(), "{}", o.text());

    std::fs::remove_dir_all(env.path("data/sauvegardes")).unwrap();
    env.write("nas/other.txt", b"unrelated");
    env.write("nas/empty", b"");
    let planted = env.path("nas/deep/er/copie renommee.tmp");
    std::fs::create_dir_all(planted.parent().unwrap()).unwrap();
    std::fs::write(&planted, vec![0x17u8; 100_000]).unwrap();
    let o = env.dpo(&["fate", "scan", "sauvegardes", "nas", "--copy", "depot"]);
    assert_eq!(o.code(), Some(1), "{}", o.text());
    assert!(o.text().contains("copie renommee.tmp"), "{}", o.text());
    assert!(
        o.text().contains("job-2021-07-31.vbk"),
        "the original name is given: {}",
        o.text()
    );
    assert!(
        !o.text().contains("nas/empty"),
        "an empty file matches nothing: {}",
        o.text()
    );

    std::fs::remove_file(&planted).unwrap();
    let out = env.ok(&["fate", "scan", "sauvegardes", "nas", "--copy", "depot"]);
    assert!(out.contains("aucun reste"), "{out}");
    let fate = env.fate_file();
    assert!(
        fate.contains("record: scan")
            && fate.contains("clean: true")
            && fate.contains("clean: false"),
        "{fate}"
    );
}

#[test]
fn certify_is_refused_while_one_backup_copy_is_pending_and_names_it() {
    let env = Env::new();
    env.ok(&["keys", "generate"]);
    env.shares();
    env.backups();
    env.bag_shares("media/bag");
    env.ok(&["fate", "verify-bag", "media/bag"]);
    for (item, copy) in [
        ("partages", "live"),
        ("partages", "snapshots"),
        ("sauvegardes", "depot"),
    ] {
        env.destroy(item, copy);
    }
    let o = env.dpo(&["fate", "certify", "-o", "out/certificat.pdf"]);
    assert_eq!(o.code(), Some(1), "{}", o.text());
    let t = o.text();
    assert!(
        t.contains("copie `bandes` de l'élément `sauvegardes`"),
        "{t}"
    );
    assert!(t.contains("supports externalisés"), "{t}");
    assert!(
        !t.contains("`depot`"),
        "a destroyed copy is not pending: {t}"
    );
    assert!(!env.path("out/certificat.pdf").exists());
    // A dirty last scan also stands in the way.
    env.destroy("sauvegardes", "bandes");
    env.ok(&["fate", "fingerprint", "sauvegardes", "data/sauvegardes"]);
    let o = env.dpo(&["fate", "scan", "sauvegardes", "data/sauvegardes"]);
    assert_eq!(o.code(), Some(1));
    let o = env.dpo(&["fate", "certify", "-o", "out/certificat.pdf"]);
    assert_eq!(o.code(), Some(1), "{}", o.text());
    assert!(o.text().contains("contrôle résiduel"), "{}", o.text());
}

#[test]
fn the_certificate_verifies_with_ssh_keygen_and_a_flipped_byte_or_another_key_fails_both() {
    let env = Env::new();
    env.complete();
    let out = env.ok(&["fate", "certify", "-o", "out/certificat.pdf"]);
    let pdf = env.path("out/certificat.pdf");
    let sig = env.path("out/certificat.pdf.sig");
    let allowed = env.root().join("keys/allowed_signers");
    assert!(out.contains("ssh-keygen -Y verify"), "{out}");
    assert!(ssh_keygen_verify(&allowed, "dpo-certificate", &sig, &pdf));
    assert!(ssh_keygen_verify(
        &allowed,
        "dpo-certificate",
        &env.path("out/certificat.json.sig"),
        &env.path("out/certificat.json")
    ));
    env.ok(&[
        "verify",
        "out/certificat.pdf",
        "--namespace",
        "dpo-certificate",
    ]);

    // Another key: an allowed_signers file that lists only another key.
    let other = env.path("other/key");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    run(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&other));
    let other_pub = std::fs::read_to_string(env.path("other/key.pub")).unwrap();
    let other_allowed = env.write(
        "other/allowed_signers",
        format!("{PRINCIPAL} {other_pub}").as_bytes(),
    );
    assert!(!ssh_keygen_verify(
        &other_allowed,
        "dpo-certificate",
        &sig,
        &pdf
    ));
    let o = env.dpo(&[
        "verify",
        "out/certificat.pdf",
        "--allowed-signers",
        other_allowed.to_str().unwrap(),
    ]);
    assert_eq!(o.code(), Some(1), "{}", o.text());

    // One flipped byte, anywhere: both refuse.
    let len = std::fs::metadata(&pdf).unwrap().len() as usize;
    let original = std::fs::read(&pdf).unwrap();
    for at in [0, len / 2, len - 1] {
        std::fs::write(&pdf, &original).unwrap();
        flip_byte(&pdf, at);
        assert!(
            !ssh_keygen_verify(&allowed, "dpo-certificate", &sig, &pdf),
            "ssh-keygen accepted a flip at {at}"
        );
        let o = env.dpo(&["verify", "out/certificat.pdf"]);
        assert_eq!(
            o.code(),
            Some(1),
            "dpo verify accepted a flip at {at}: {}",
            o.text()
        );
    }
}

#[test]
fn the_certificate_names_the_parties_every_copy_and_the_journal_head() {
    let env = Env::new();
    env.complete();
    let head = env.ok(&["journal", "verify"]);
    env.ok(&["fate", "certify", "-o", "out/certificat.pdf"]);
    let t = pdftotext(&env.path("out/certificat.pdf"), &[])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for s in [
        "Certificat de destruction et de restitution",
        "Établissement public territorial Grand-Orly Seine Bièvre",
        "Commune de Juvisy-sur-Orge",
        "délibération du Conseil territorial n°2021-01-26_2209",
        "courrier du maire n° 2021-147",
        "LTO-0042",
        "cryptsetup 2.6.1",
        "Bob Martin",
        "Carole Dupont",
        "relecture : en-tête LUKS absent",
        "2 août 2021 à 10:00 (UTC+02:00)",
        "ssh-keygen -Y verify -f allowed_signers",
        "-n dpo-certificate",
    ] {
        assert!(t.contains(s), "`{s}` not in the certificate:\n{t}");
    }
    for copy in ["live", "snapshots", "depot", "bandes"] {
        assert!(
            t.contains(&format!("{copy} : détruite")),
            "{copy} not shown destroyed:\n{t}"
        );
    }
    // The journal head as it stood before the certificate.
    let seq = head
        .split_whitespace()
        .skip_while(|w| *w != "tête")
        .nth(1)
        .unwrap();
    assert!(t.contains(&format!("entrée de rang {seq}")), "{head} / {t}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(env.path("out/certificat.json")).unwrap()).unwrap();
    assert_eq!(json["journal_head"]["seq"].to_string(), seq);
    let bag = &json["items"][0]["bags"][0];
    let tm = bag["tagmanifest_sha256"].as_str().unwrap();
    assert!(
        t.replace(' ', "").contains(tm),
        "the bag's hash is on the certificate"
    );
    let fp = json["items"][1]["fingerprints"][0]["manifest_sha256"]
        .as_str()
        .unwrap();
    assert!(
        t.replace(' ', "").contains(fp),
        "the fingerprint's hash is on the certificate"
    );
    // An issued certificate is never overwritten.
    let before = std::fs::read(env.path("out/certificat.pdf")).unwrap();
    let o = env.dpo(&["fate", "certify", "-o", "out/certificat.pdf"]);
    assert_eq!(o.code(), Some(2), "{}", o.text());
    assert!(o.text().contains("n'est jamais remplacé"), "{}", o.text());
    assert_eq!(
        std::fs::read(env.path("out/certificat.pdf")).unwrap(),
        before
    );
    // English on request.
    env.ok(&[
        "--lang",
        "en",
        "fate",
        "certify",
        "-o",
        "out/certificate-en.pdf",
    ]);
    let en = pdftotext(&env.path("out/certificate-en.pdf"), &[]);
    assert!(en.contains("Certificate of destruction and return"), "{en}");
}

#[test]
fn the_commands_printed_on_the_certificate_verify_it_when_copied_from_the_pdf() {
    let env = Env::new();
    env.complete();
    env.ok(&["fate", "certify", "-o", "out/certificat.pdf"]);
    let out = env.path("out");
    // The controller's side: nothing but the four files and the PDF's text.
    let t = pdftotext(&out.join("certificat.pdf"), &[]);
    // Every command as printed: from a line starting with `printf` or
    // `ssh-keygen` to the first line that does not end with a backslash.
    let mut script = String::from("set -e\n");
    let mut inside = false;
    for l in t.lines() {
        if l.starts_with("printf ") || l.starts_with("ssh-keygen ") {
            inside = true;
        }
        if inside {
            script.push_str(l);
            script.push('\n');
            inside = l.trim_end().ends_with('\\');
        }
    }
    assert_eq!(
        script.matches("ssh-keygen -Y verify").count(),
        2,
        "{script}"
    );
    let o = run(Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(&out));
    assert!(o.success(), "{script}\n{}", o.text());
    assert_eq!(
        o.text()
            .matches("Good \"dpo-certificate\" signature")
            .count(),
        2,
        "{}",
        o.text()
    );
}

#[test]
fn fate_records_are_appended_keeping_the_dpo_comments_and_every_action_is_journaled() {
    let env = Env::new();
    env.complete();
    env.ok(&["fate", "certify"]);
    let fate = env.fate_file();
    assert!(
        fate.starts_with("# Fixture of tests/integration/fate.rs. This comment must survive"),
        "{fate}"
    );
    for r in [
        "record: fingerprint",
        "record: bag",
        "record: bag_verification",
        "record: destruction",
        "record: certificate",
    ] {
        assert!(fate.contains(r), "{r} not in\n{fate}");
    }
    let journal = env.ok(&["journal", "show"]);
    for a in [
        "keys.generate",
        "fate.fingerprint",
        "fate.bag",
        "fate.verify-bag",
        "fate.destroy",
        "fate.certify",
    ] {
        assert!(journal.contains(a), "{a} not journaled:\n{journal}");
    }
    env.ok(&["journal", "verify"]);
    // Without -o the certificate goes to evidence/.
    let evidence = env.root().join("evidence/fate/juvisy-sur-orge");
    let names: Vec<String> = std::fs::read_dir(&evidence)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for ext in [".pdf", ".pdf.sig", ".json", ".json.sig"] {
        assert!(
            names
                .iter()
                .any(|n| n.starts_with("certificate-") && n.ends_with(ext)),
            "{ext}: {names:?}"
        );
    }
    let listing = env.ok(&["fate", "list"]);
    assert!(listing.contains("rien en attente"), "{listing}");
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["--json", "fate", "list"])).unwrap();
    assert_eq!(json[0]["pending"].as_array().unwrap().len(), 0);
}

#[test]
fn a_misspelt_field_in_the_fate_file_is_reported_with_its_file_line_and_column() {
    let env = Env::new();
    std::fs::copy(
        fixture("fate-broken/fate/juvisy-sur-orge.yaml"),
        env.root().join("fate/juvisy-sur-orge.yaml"),
    )
    .unwrap();
    let o = env.dpo(&["fate", "list"]);
    assert_eq!(o.code(), Some(2));
    let t = o.text();
    assert!(t.contains("fate/juvisy-sur-orge.yaml:26:"), "{t}");
    assert!(t.contains("media_ident"), "{t}");
    assert!(t.contains("vouliez-vous dire `media_id`\u{202f}?"), "{t}");
}

#[test]
fn no_progress_bar_is_drawn_when_stderr_is_not_a_terminal() {
    let env = Env::new();
    env.shares();
    let o = env.dpo(&["fate", "fingerprint", "partages", "data/partages"]);
    assert_eq!(o.code(), Some(0));
    let err = o.stderr();
    assert!(!err.contains('\u{1b}') && !err.contains("eta"), "{err:?}");
}

#[test]
fn a_fate_file_laid_out_otherwise_is_rewritten_whole_without_losing_a_record() {
    let env = Env::new();
    let path = env.root().join("fate/juvisy-sur-orge.yaml");
    let original = std::fs::read_to_string(&path).unwrap();
    // `records:` first and in flow style: appending text at the end cannot work.
    std::fs::write(&path, format!("records: []\n{original}")).unwrap();
    env.backups();
    env.ok(&["fate", "fingerprint", "sauvegardes", "data/sauvegardes"]);
    env.ok(&["fate", "fingerprint", "sauvegardes", "data/sauvegardes"]);
    let fate = env.fate_file();
    assert_eq!(fate.matches("record: fingerprint").count(), 2, "{fate}");
    assert!(fate.contains("media_id: LTO-0042"), "{fate}");
    env.ok(&["fate", "list"]);
}

#[test]
fn a_scan_refuses_a_fingerprint_manifest_changed_after_it_was_taken() {
    let env = Env::new();
    env.backups();
    env.ok(&["fate", "fingerprint", "sauvegardes", "data/sauvegardes"]);
    let o = env.dpo(&["fate", "scan", "sauvegardes", "data"]);
    assert_eq!(o.code(), Some(1), "{}", o.text());
    let fate = env.fate_file();
    let manifest = fate
        .lines()
        .find_map(|l| l.trim().strip_prefix("manifest: "))
        .unwrap();
    // Someone removes a line so that a file would no longer be found.
    std::fs::write(env.root().join(manifest), b"").unwrap();
    let o = env.dpo(&["fate", "scan", "sauvegardes", "data"]);
    assert_eq!(o.code(), Some(2), "{}", o.text());
    assert!(o.text().contains("il a été modifié"), "{}", o.text());
    // And with no fingerprint at all, the scan says what to do.
    let o = env.dpo(&["fate", "scan", "partages", "data"]);
    assert_eq!(o.code(), Some(2));
    assert!(
        o.text().contains("dpo fate fingerprint partages"),
        "{}",
        o.text()
    );
}

#[test]
fn a_fingerprint_of_names_with_newlines_backslashes_and_invalid_utf8_checks_with_sha256sum() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    let dir = env.path("weird");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, content) in [
        (&b"l\xe9gal.txt"[..], &b"a"[..]),
        (b"back\\slash", b"b"),
        (b"line\nbreak", b"c"),
        (b"with space", b"d"),
    ] {
        std::fs::write(dir.join(std::ffi::OsStr::from_bytes(name)), content).unwrap();
    }
    env.ok(&["fate", "fingerprint", "sauvegardes", "weird"]);
    let fate = env.fate_file();
    let manifest = fate
        .lines()
        .find_map(|l| l.trim().strip_prefix("manifest: "))
        .unwrap();
    let o = run(Command::new("sha256sum")
        .arg("-c")
        .arg(env.root().join(manifest))
        .current_dir(env.ws.dir()));
    assert!(o.success(), "{}", o.text());
    assert_eq!(o.stdout().matches(": OK").count(), 4, "{}", o.text());
    // And the scan finds each of them again, under new names.
    let moved = env.path("moved");
    std::fs::rename(&dir, &moved).unwrap();
    let o = env.dpo(&["fate", "scan", "sauvegardes", "moved"]);
    assert_eq!(o.code(), Some(1), "{}", o.text());
    assert!(
        fate_scan_matched(&env.fate_file(), 4),
        "{}",
        env.fate_file()
    );
}

fn fate_scan_matched(fate: &str, n: u64) -> bool {
    fate.lines().any(|l| l.trim() == format!("matched: {n}"))
}

/// Issue 9: an assumption of the inventory is never stated as a fact.
#[test]
fn the_certificate_marks_the_values_of_the_inventory_that_are_assumptions() {
    let env = Env::new();
    let fate = env.fate_file().replacen(
        "    data_categories: [documents des services]\n",
        "    data_categories: [documents des services]\n    to_confirm: [data_categories]\n",
        1,
    );
    let fate = fate.replacen(
        "        location: baie de stockage\n",
        "        location: baie de stockage\n        to_confirm: [location]\n",
        1,
    );
    std::fs::write(env.root().join("fate/juvisy-sur-orge.yaml"), fate).unwrap();
    env.complete();
    env.ok(&["fate", "certify", "-o", "out/certificat.pdf"]);
    let t = pdftotext(&env.path("out/certificat.pdf"), &[])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for s in [
        "documents des services (à confirmer)",
        "baie de stockage (à confirmer)",
    ] {
        assert!(t.contains(s), "`{s}` not in the certificate:\n{t}");
    }
    assert!(!t.contains("serveur de fichiers (à confirmer)"), "{t}");
}
