"""A tiny real IMAP4rev1 server on 127.0.0.1 that refuses every login by quoting it back.

Dovecot never repeats a password; some servers do (``NO [AUTHENTICATIONFAILED] refused
"user" "the-password"``). This one speaks just enough IMAP for imaplib: the greeting,
CAPABILITY, LOGIN, AUTHENTICATE PLAIN, LOGOUT. Its refusal echoes what it was sent, in the
form ``mode`` says, so the tests can check that no echo of the password reaches the user.
"""

from __future__ import annotations

import base64
import socketserver
import threading
from urllib.parse import quote

USER = "ann"
# LOGIN quotes this one: the escaped \" and \\ are what the server sees and echoes.
ASCII_PASSWORD = 'Tr0ub"a\\dor-THE-PASSWORD-7f'
# Not ASCII: imaplib sends it with AUTHENTICATE PLAIN (base64 of \0user\0password).
UTF8_PASSWORD = "Pässwörd-THE-PASSWORD-9c"

# How the refusal quotes the login back:
#   "quoted"  the LOGIN arguments exactly as received (IMAP quoting, escapes and all)
#   "bare"    the password itself, unquoted
#   "url"     the password URL-encoded, as a web login service would log it
#   "sasl"    for AUTHENTICATE: the base64 blob, and the decoded password in UTF-8
MODES = ("quoted", "bare", "url")


def _unquote(atom: bytes) -> bytes:
    """An IMAP quoted string's content (or an atom as is)."""
    if atom.startswith(b'"') and atom.endswith(b'"'):
        return atom[1:-1].replace(b'\\"', b'"').replace(b"\\\\", b"\\")
    return atom


class _Session(socketserver.StreamRequestHandler):
    server: EchoImapServer

    def _send(self, line: bytes) -> None:
        self.wfile.write(line + b"\r\n")

    def handle(self) -> None:
        self._send(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] echo server ready")
        while True:
            line = self.rfile.readline(65536)
            if not line:
                return
            tag, _, rest = line.rstrip(b"\r\n").partition(b" ")
            command, _, args = rest.partition(b" ")
            command = command.upper()
            if command == b"CAPABILITY":
                self._send(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN")
                self._send(tag + b" OK CAPABILITY done")
            elif command == b"LOGIN":
                self.server.logins += 1
                user, _, password = args.partition(b" ")
                echo = {"quoted": args, "bare": _unquote(password),
                        "url": b"user=" + user + b"&password="
                        + quote(_unquote(password)).encode()}[self.server.mode]
                self._send(tag + b" NO [AUTHENTICATIONFAILED] refused " + echo)
            elif command == b"AUTHENTICATE":
                self.server.logins += 1
                self._send(b"+ ")
                blob = self.rfile.readline(65536).strip()
                secret = base64.b64decode(blob).split(b"\0")[-1]
                self._send(tag + b" NO [AUTHENTICATIONFAILED] refused " + blob + b' ("'
                           + secret + b'")')
            elif command == b"LOGOUT":
                self._send(b"* BYE echo server logging out")
                self._send(tag + b" OK LOGOUT done")
                return
            else:
                self._send(tag + b" BAD not spoken here")


class EchoImapServer(socketserver.ThreadingTCPServer):
    """``start()`` it, point a plain-IMAP account at ``port``, ``stop()`` it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, mode: str = "quoted") -> None:
        super().__init__(("127.0.0.1", 0), _Session)
        self.mode = mode
        self.logins = 0

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start(self) -> EchoImapServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
