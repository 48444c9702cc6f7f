//! A time-stamping authority made at test time with `openssl`: its own CA,
//! a TSA certificate with `extendedKeyUsage=critical,timeStamping`, an
//! `openssl ts` configuration; served over HTTP on loopback by
//! `tsa_server.py` ([`Tsa::serve`], killed when dropped), or answering a
//! request file directly ([`Tsa::reply`]).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::dpo::Run;
use super::tools::run;

/// The authority's files.
pub(crate) struct Tsa {
    dir: tempfile::TempDir,
}

/// A running `tsa_server.py`.
pub(crate) struct TsaServer {
    child: Child,
    /// `http://127.0.0.1:PORT/`.
    pub(crate) url: String,
}

impl Drop for TsaServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn openssl(dir: &Path, args: &[&str]) -> Run {
    let out = run(Command::new("openssl").args(args).current_dir(dir));
    assert!(out.success(), "openssl {args:?} failed: {}", out.stderr());
    out
}

/// A CA `NAME.pem` (and `NAME.key`) in `dir`.
fn make_ca(dir: &Path, name: &str) {
    let (key, pem, subj) = (
        format!("{name}.key"),
        format!("{name}.pem"),
        format!("/CN=dpo test {name}"),
    );
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            &key,
            "-out",
            &pem,
            "-days",
            "30",
            "-subj",
            &subj,
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
}

impl Tsa {
    /// Makes the CA, the TSA certificate and the `openssl ts` configuration.
    pub(crate) fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        make_ca(d, "ca");
        make_ca(d, "other-ca");
        std::fs::write(
            d.join("ext.cnf"),
            "[tsa]\nbasicConstraints=CA:FALSE\nextendedKeyUsage=critical,timeStamping\n\
             [noeku]\nbasicConstraints=CA:FALSE\n\
             [noncritical]\nbasicConstraints=CA:FALSE\nextendedKeyUsage=timeStamping\n",
        )
        .expect("write ext.cnf");
        let rsa = ["-newkey", "rsa:2048"];
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"];
        for (name, ext, kind) in [
            ("tsa", "tsa", rsa.as_slice()),
            ("noeku", "noeku", rsa.as_slice()),
            ("noncritical", "noncritical", rsa.as_slice()),
            ("tsa-ec", "tsa", ec.as_slice()),
        ] {
            let (key, csr, pem, subj) = (
                format!("{name}.key"),
                format!("{name}.csr"),
                format!("{name}.pem"),
                format!("/CN=dpo test {name}"),
            );
            openssl(
                d,
                &[
                    [
                        "req", "-nodes", "-keyout", &key, "-out", &csr, "-subj", &subj,
                    ]
                    .as_slice(),
                    kind,
                ]
                .concat(),
            );
            openssl(
                d,
                &[
                    "x509",
                    "-req",
                    "-in",
                    &csr,
                    "-CA",
                    "ca.pem",
                    "-CAkey",
                    "ca.key",
                    "-CAcreateserial",
                    "-out",
                    &pem,
                    "-days",
                    "30",
                    "-extfile",
                    "ext.cnf",
                    "-extensions",
                    ext,
                ],
            );
        }
        // The EC authority writes milliseconds in its genTime.
        for (cnf, signer, digits) in [("ts.cnf", "tsa", 0), ("ts-ec.cnf", "tsa-ec", 3)] {
            let text = format!(
                "[tsa]\ndefault_tsa = tsa1\n[tsa1]\ndir = {}\nserial = $dir/serial\n\
                 crypto_device = builtin\nsigner_cert = $dir/{signer}.pem\n\
                 signer_key = $dir/{signer}.key\nsigner_digest = sha256\n\
                 default_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\n\
                 ordering = yes\ntsa_name = yes\ness_cert_id_alg = sha256\n\
                 clock_precision_digits = {digits}\n",
                d.display()
            );
            std::fs::write(d.join(cnf), text).expect("write the ts configuration");
        }
        Tsa { dir }
    }

    /// A file of the authority (`ca.pem`, `tsa.pem`, `other-ca.pem`…).
    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Serves on loopback; `mode` `normal` or `other-nonce`.
    pub(crate) fn serve(&self, mode: &str) -> TsaServer {
        let port_file = self.path(&format!("port-{mode}"));
        let script =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/support/tsa_server.py");
        let child = Command::new("python3")
            .arg(script)
            .arg(self.path("ts.cnf"))
            .arg(&port_file)
            .arg(mode)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .expect("start tsa_server.py");
        let mut server = TsaServer {
            child,
            url: String::new(),
        };
        let start = Instant::now();
        while !port_file.exists() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the TSA did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let port = std::fs::read_to_string(&port_file).expect("read the port");
        server.url = format!("http://127.0.0.1:{}/", port.trim());
        server
    }

    /// `openssl ts -reply`: answers the request `tsq` into `tsr`.
    pub(crate) fn reply(&self, tsq: &Path, tsr: &Path) {
        self.reply_with("ts.cnf", tsq, tsr);
    }

    /// [`Self::reply`] with the configuration `cnf` (`ts-ec.cnf`: an ECDSA
    /// P-256 TSA certificate, a genTime with milliseconds).
    pub(crate) fn reply_with(&self, cnf: &str, tsq: &Path, tsr: &Path) {
        let (q, r) = (tsq.display().to_string(), tsr.display().to_string());
        let cnf = self.path(cnf).display().to_string();
        openssl(
            self.dir.path(),
            &[
                "ts",
                "-reply",
                "-queryfile",
                &q,
                "-config",
                &cnf,
                "-out",
                &r,
            ],
        );
    }

    /// `openssl ts -verify` of `tsr` against the request `tsq`.
    pub(crate) fn openssl_verify(&self, tsr: &Path, tsq: &Path) -> Run {
        run(Command::new("openssl")
            .args(["ts", "-verify", "-in"])
            .arg(tsr)
            .arg("-queryfile")
            .arg(tsq)
            .arg("-CAfile")
            .arg(self.path("ca.pem"))
            .arg("-untrusted")
            .arg(self.path("tsa.pem")))
    }

    /// The response `tsr` signed again by the certificate `signer` (`noeku`:
    /// without the timeStamping usage; `noncritical`: with it, not critical)
    /// — same TSTInfo, a CMS signature by `openssl cms`.
    pub(crate) fn resign(&self, tsr: &Path, signer: &str) {
        self.resign_as(tsr, signer, true);
    }

    /// [`Self::resign`] without the ESS `signingCertificateV2` attribute
    /// that `-cades` adds (RFC 3161 §2.4.2 requires it).
    pub(crate) fn resign_without_ess(&self, tsr: &Path, signer: &str) {
        self.resign_as(tsr, signer, false);
    }

    fn resign_as(&self, tsr: &Path, signer: &str, ess: bool) {
        let (cert, key) = (format!("{signer}.pem"), format!("{signer}.key"));
        let d = self.dir.path();
        let (token, tst, signed) = (d.join("token.der"), d.join("tst.der"), d.join("re.der"));
        let s = |p: &Path| p.display().to_string();
        openssl(
            d,
            &[
                "ts",
                "-reply",
                "-in",
                &s(tsr),
                "-token_out",
                "-out",
                &s(&token),
            ],
        );
        openssl(
            d,
            &[
                "cms",
                "-verify",
                "-noverify",
                "-inform",
                "DER",
                "-in",
                &s(&token),
                "-out",
                &s(&tst),
            ],
        );
        let cades: &[&str] = if ess { &["-cades"] } else { &[] };
        openssl(
            d,
            &[
                [
                    "cms",
                    "-sign",
                    "-binary",
                    "-nodetach",
                    "-nosmimecap",
                    "-md",
                    "sha256",
                    "-econtent_type",
                    "1.2.840.113549.1.9.16.1.4",
                    "-in",
                    &s(&tst),
                    "-signer",
                    &cert,
                    "-inkey",
                    &key,
                    "-outform",
                    "DER",
                    "-out",
                    &s(&signed),
                ]
                .as_slice(),
                cades,
            ]
            .concat(),
        );
        let content = std::fs::read(&signed).expect("read the signed token");
        let mut body = vec![0x30, 0x03, 0x02, 0x01, 0x00];
        body.extend(content);
        std::fs::write(tsr, der_sequence(&body)).expect("write the .tsr");
    }
}

/// `SEQUENCE { body }` in DER.
fn der_sequence(body: &[u8]) -> Vec<u8> {
    let n = body.len();
    let mut out = vec![0x30];
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes: Vec<u8> = n
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(body);
    out
}
