//! A real SMTP server on loopback for the tests: Python's `aiosmtpd` with
//! its Maildir handler, plain, with STARTTLS, or with implicit TLS, behind a
//! test CA made with `openssl` at test time. The server is killed when the
//! value is dropped. `Dpo::smtp` points a run at it.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::tools::run;

/// How the server talks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// No TLS.
    Plain,
    /// STARTTLS, required by the server.
    StartTls,
    /// TLS from the first byte (SMTPS).
    ImplicitTls,
}

/// A running `aiosmtpd`.
pub(crate) struct SmtpServer {
    child: Child,
    /// Its port on 127.0.0.1.
    pub(crate) port: u16,
    /// Where received messages land (`new/`).
    pub(crate) maildir: PathBuf,
    /// The PEM of the CA that signed the server's certificate (TLS modes).
    pub(crate) ca: Option<PathBuf>,
    mode: Mode,
    _dir: tempfile::TempDir,
}

/// A port nobody listens on right now.
pub(crate) fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral port");
    l.local_addr().expect("local address").port()
}

fn openssl(args: &[&str], dir: &Path) {
    let out = run(Command::new("openssl").args(args).current_dir(dir));
    assert!(out.success(), "openssl {args:?} failed: {}", out.stderr());
}

/// A test CA and a server certificate it signed, for `localhost` and
/// `127.0.0.1`, marked CA:FALSE (rustls refuses a CA certificate used as an
/// end entity). Returns (ca.pem, cert.pem, key.pem).
fn make_test_ca(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend([
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "30",
        "-subj",
        "/CN=dpo test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    openssl(&ca, dir);
    let mut csr = vec!["req"];
    csr.extend(ec);
    csr.extend([
        "-keyout",
        "key.pem",
        "-out",
        "server.csr",
        "-subj",
        "/CN=localhost",
    ]);
    openssl(&csr, dir);
    std::fs::write(
        dir.join("server.ext"),
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n",
    )
    .expect("write server.ext");
    openssl(
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "cert.pem",
            "-days",
            "30",
            "-extfile",
            "server.ext",
        ],
        dir,
    );
    (
        dir.join("ca.pem"),
        dir.join("cert.pem"),
        dir.join("key.pem"),
    )
}

impl SmtpServer {
    /// Starts a server and waits until it accepts connections.
    pub(crate) fn start(mode: Mode) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let maildir = dir.path().join("maildir");
        let port = free_port();
        let listen = format!("127.0.0.1:{port}");
        let mut cmd = Command::new("python3");
        cmd.args(["-m", "aiosmtpd", "-n", "-l", &listen]);
        let mut ca = None;
        if mode != Mode::Plain {
            let (ca_pem, cert, key) = make_test_ca(dir.path());
            let (c, k) = match mode {
                Mode::StartTls => ("--tlscert", "--tlskey"),
                _ => ("--smtpscert", "--smtpskey"),
            };
            cmd.arg(c).arg(&cert).arg(k).arg(&key);
            ca = Some(ca_pem);
        }
        cmd.args(["-c", "aiosmtpd.handlers.Mailbox"]).arg(&maildir);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let child = cmd
            .spawn()
            .expect("python3 -m aiosmtpd starts (PyPI package aiosmtpd)");
        let server = Self {
            child,
            port,
            maildir,
            ca,
            mode,
            _dir: dir,
        };
        server.wait_ready();
        server
    }

    fn wait_ready(&self) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok()
                && self.maildir.join("new").is_dir()
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "aiosmtpd did not start listening on port {} within 20 s",
            self.port
        );
    }

    /// The `DPO_SMTP_URL` for this server.
    pub(crate) fn url(&self) -> String {
        match self.mode {
            Mode::Plain => format!("smtp://127.0.0.1:{}", self.port),
            Mode::StartTls => format!("smtp://127.0.0.1:{}?tls=required", self.port),
            Mode::ImplicitTls => format!("smtps://127.0.0.1:{}", self.port),
        }
    }

    /// The files of the messages received so far, sorted.
    pub(crate) fn messages(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(self.maildir.join("new"))
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    /// Waits until `n` messages have arrived (the server writes the file
    /// after it answers 250, so give it a moment).
    pub(crate) fn wait_for(&self, n: usize) -> Vec<PathBuf> {
        let start = Instant::now();
        loop {
            let m = self.messages();
            if m.len() >= n || start.elapsed() > Duration::from_secs(10) {
                return m;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
