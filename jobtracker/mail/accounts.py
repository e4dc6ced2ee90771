"""A mail account as the user configured it: server, security, user name, folders (no secret)."""

from __future__ import annotations

import dataclasses
import re
from typing import Literal, get_args

from jobtracker.errors import JobTrackerError

Security = Literal["ssl", "starttls", "plain"]
SECURITIES: tuple[Security, ...] = get_args(Security)

# Plain IMAP sends the password readably; only a server on this machine may have it.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

_HOST = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                   r"(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.?$")
_IPV6 = re.compile(r"^[0-9A-Fa-f:.]+$")


class MailAccountError(JobTrackerError):
    """An account setting is invalid; the message names the field."""


def default_port(security: Security) -> int:
    """The standard IMAP port for a security mode (993 for SSL/TLS, 143 otherwise)."""
    return 993 if security == "ssl" else 143


@dataclasses.dataclass(frozen=True)
class MailAccount:
    """One IMAP mailbox to scan; the password is kept in the keyring under ``name``."""

    name: str
    host: str
    port: int
    security: Security
    user: str
    folders: tuple[str, ...] = ("INBOX",)

    def validate(self) -> MailAccount:
        """Checked and trimmed copy; raises MailAccountError naming the bad field."""
        name = self.name.strip()
        if not name or len(name) > 100:
            raise MailAccountError("name: give the account a name of 1 to 100 characters")
        if any(ch in name for ch in "\r\n\t"):
            raise MailAccountError("name: must be one line")
        host = self.host.strip()
        if not host or not (_HOST.match(host) or (":" in host and _IPV6.match(host))):
            raise MailAccountError(f"host: {self.host!r} is not a host name or IP address")
        if self.security not in SECURITIES:
            raise MailAccountError(
                f"security: {self.security!r} is not one of {', '.join(SECURITIES)}")
        if self.security == "plain" and host.lower() not in LOOPBACK_HOSTS:
            raise MailAccountError(
                "security: plain (unencrypted) IMAP is only allowed for a server on this "
                "computer (127.0.0.1); use ssl or starttls")
        if isinstance(self.port, bool) or not isinstance(self.port, int) \
                or not 1 <= self.port <= 65535:
            raise MailAccountError(f"port: {self.port!r} is not a port number (1-65535)")
        user = self.user.strip()
        if not user or len(user) > 320:
            raise MailAccountError("user: give the user name (often the e-mail address)")
        folders = tuple(dict.fromkeys(f.strip() for f in self.folders if f.strip()))
        if not folders:
            raise MailAccountError("folders: name at least one folder to scan (e.g. INBOX)")
        for folder in folders:
            if any(ch in folder for ch in "\r\n\"") or len(folder) > 500:
                raise MailAccountError(f"folders: {folder!r} is not a usable folder name")
        return dataclasses.replace(self, name=name, host=host, user=user, folders=folders)
