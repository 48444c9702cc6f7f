"""A time-stamping authority on loopback for the tests: RFC 3161 over HTTP.

Each POST body (a .tsq) is answered by `openssl ts -reply` with the
configuration given. Usage: tsa_server.py CONFIG PORT_FILE [MODE]; MODE
`other-nonce` answers a fresh request for the same imprint (another nonce),
as a wrong authority would. Serves for at most 300 seconds, then stops.
"""
import http.server
import os
import subprocess
import sys
import tempfile
import time

CONFIG, PORT_FILE = sys.argv[1], sys.argv[2]
MODE = sys.argv[3] if len(sys.argv) > 3 else "normal"


def reply(query):
    with tempfile.TemporaryDirectory() as d:
        q, r = os.path.join(d, "q.tsq"), os.path.join(d, "r.tsr")
        with open(q, "wb") as f:
            f.write(query)
        if MODE == "other-nonce":
            at = query.index(b"\x04\x20") + 2
            digest = query[at:at + 32].hex()
            subprocess.run(["openssl", "ts", "-query", "-digest", digest, "-sha256",
                            "-cert", "-out", q], check=True, capture_output=True)
        done = subprocess.run(["openssl", "ts", "-reply", "-queryfile", q,
                               "-config", CONFIG, "-out", r], capture_output=True)
        if done.returncode != 0:
            return None
        with open(r, "rb") as f:
            return f.read()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        answer = None
        if self.headers.get("Content-Type") == "application/timestamp-query":
            answer = reply(body)
        if answer is None:
            self.send_response(400)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
server.timeout = 1
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_port))
os.rename(PORT_FILE + ".tmp", PORT_FILE)
end = time.monotonic() + 300
while time.monotonic() < end:
    server.handle_request()
