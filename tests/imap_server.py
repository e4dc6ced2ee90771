"""A real Dovecot IMAP server on 127.0.0.1, configured in a temp dir, for the mail tests."""

from __future__ import annotations

import contextlib
import email
import email.utils
import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

USER = "test"
PASSWORD = "s3cret-Imap-Pässword-7f1c"

CONFIG = """\
instance_name = jobtracker-test-{tag}
protocols = imap
listen = 127.0.0.1
base_dir = {d}/base
state_dir = {d}/state
log_path = {d}/dovecot.log
ssl = yes
ssl_cert = <{d}/cert.pem
ssl_key = <{d}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
# A wrong-password test must not slow every later login from 127.0.0.1 down.
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
mail_uid = {user}
mail_gid = {group}
{extra}
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {d}/users
}}
userdb {{
  driver = passwd-file
  args = {d}/users
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {imap_port}
  }}
  inet_listener imaps {{
    port = {imaps_port}
    ssl = yes
  }}
}}
"""


def dovecot_binary() -> str | None:
    """The dovecot executable, if installed."""
    return shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ImapServer:
    """A running Dovecot: its ports, its CA file, and a way to deliver messages."""

    root: Path
    imap_port: int
    imaps_port: int
    process: subprocess.Popen[bytes]
    user: str = USER
    password: str = PASSWORD
    host: str = "127.0.0.1"

    @property
    def cafile(self) -> Path:
        """The self-signed certificate clients must trust."""
        return self.root / "cert.pem"

    @property
    def maildir(self) -> Path:
        """The test user's Maildir."""
        return self.root / "home" / USER / "Maildir"

    def folder_dir(self, folder: str) -> Path:
        """The Maildir++ directory of ``folder``."""
        return self.maildir if folder.upper() == "INBOX" else self.maildir / f".{folder}"

    def deliver(self, raw: bytes, folder: str = "INBOX", *, name: str | None = None) -> Path:
        """Put one message into ``folder`` (seen by the server at its next SELECT).

        The file's mtime (IMAP's received date, which SEARCH SINCE reads) is set
        from the message's Date header, so date filters do not depend on the clock.
        """
        base = self.folder_dir(folder)
        for sub in ("cur", "new", "tmp"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        unique = name or f"{time.time_ns()}.{os.getpid()}.jobtracker"
        target = base / "new" / unique
        partial = base / "tmp" / unique
        partial.write_bytes(raw)
        header = email.message_from_bytes(raw.split(b"\r\n\r\n", 1)[0])
        with contextlib.suppress(TypeError, ValueError):
            stamp = email.utils.parsedate_to_datetime(str(header["Date"])).timestamp()
            os.utime(partial, (stamp, stamp))
        partial.replace(target)
        self._own(self.root / "home")
        return target

    def reset_mailbox(self, *, uidvalidity: int | None = None) -> None:
        """Remove every message and folder, and Dovecot's indexes.

        With ``uidvalidity`` the new INBOX starts with that UIDVALIDITY (Dovecot
        otherwise takes the current second, which may equal the old one).
        """
        shutil.rmtree(self.maildir, ignore_errors=True)
        for sub in ("cur", "new", "tmp"):
            (self.maildir / sub).mkdir(parents=True, exist_ok=True)
        if uidvalidity is not None:
            (self.maildir / "dovecot-uidlist").write_text(f"3 V{uidvalidity} N1\n")
        self._own(self.root / "home")

    @staticmethod
    def _own(path: Path) -> None:
        if os.geteuid() != 0:
            return
        uid, gid = pwd.getpwnam("nobody").pw_uid, grp.getgrnam("nogroup").gr_gid
        for dirpath, dirnames, filenames in os.walk(path):
            os.chown(dirpath, uid, gid)
            for name in dirnames + filenames:
                os.chown(os.path.join(dirpath, name), uid, gid)  # noqa: PTH118

    def stop(self) -> None:
        """Stop Dovecot (it logs 'Killed with signal 15', which is expected)."""
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)

    def log(self) -> str:
        """Dovecot's own log, for failure messages."""
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""


def start_imap_server() -> ImapServer:
    """Start Dovecot in the foreground on free ports; wait for its greeting."""
    binary = dovecot_binary()
    if binary is None:
        raise FileNotFoundError("dovecot")
    # Not pytest's tmp_path: its 0700 parents are unreachable for the mail user 'nobody'.
    root = Path(tempfile.mkdtemp(prefix="jobtracker-imap-"))
    root.chmod(0o755)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem")],
        check=True, capture_output=True)
    home = root / "home" / USER
    (home / "Maildir").mkdir(parents=True)
    (root / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::{home}::\n")
    if os.geteuid() == 0:
        user, group, extra = "nobody", "nogroup", ""
    else:
        user = pwd.getpwuid(os.getuid()).pw_name
        group = grp.getgrgid(os.getgid()).gr_name
        extra = (f"default_login_user = {user}\ndefault_internal_user = {user}\n"
                 f"default_internal_group = {group}")
    imap_port, imaps_port = free_port(), free_port()
    conf = root / "dovecot.conf"
    conf.write_text(CONFIG.format(d=root, tag=root.name, user=user, group=group, extra=extra,
                                  imap_port=imap_port, imaps_port=imaps_port))
    ImapServer._own(root / "home")
    with (root / "stdout.log").open("wb") as out:
        process = subprocess.Popen([binary, "-F", "-c", str(conf)], stdin=subprocess.DEVNULL,
                                   stdout=out, stderr=subprocess.STDOUT)
    server = ImapServer(root, imap_port, imaps_port, process)
    deadline = time.monotonic() + 10
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"dovecot exited at start:\n{server.log()}")
        with contextlib.suppress(OSError), socket.create_connection(
                ("127.0.0.1", imap_port), timeout=1) as probe:
            if probe.recv(100).startswith(b"* OK"):
                return server
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"dovecot did not greet within 10 s:\n{server.log()}")
        time.sleep(0.02)


def remove(server: ImapServer) -> None:
    """Stop the server and delete its directory."""
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)
