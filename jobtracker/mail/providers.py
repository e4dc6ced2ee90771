"""Common mail providers' IMAP settings, guessed from the address, with a word on app passwords."""

from __future__ import annotations

import dataclasses

from jobtracker.mail.accounts import Security


@dataclasses.dataclass(frozen=True)
class Provider:
    """Where a provider's IMAP server is, and what the user should know before connecting."""

    name: str
    host: str
    port: int
    security: Security
    note: str


_GMAIL = Provider("Gmail", "imap.gmail.com", 993, "ssl",
                  "Gmail needs an app password (Google Account › Security › App passwords) "
                  "when 2-step verification is on, and IMAP enabled in Gmail's settings.")
_OUTLOOK = Provider("Outlook / Office 365", "outlook.office365.com", 993, "ssl",
                    "Outlook and Office 365 need an app password when two-step verification "
                    "is on; some work accounts only allow modern sign-in and refuse passwords.")
_FASTMAIL = Provider("Fastmail", "imap.fastmail.com", 993, "ssl",
                     "Fastmail needs an app password (Settings › Privacy & Security › "
                     "App passwords) with IMAP access.")
_ICLOUD = Provider("iCloud", "imap.mail.me.com", 993, "ssl",
                   "iCloud needs an app-specific password (appleid.apple.com › Sign-In and "
                   "Security › App-Specific Passwords); the user name is the address.")
_YAHOO = Provider("Yahoo", "imap.mail.yahoo.com", 993, "ssl",
                  "Yahoo needs an app password (Account Security › Generate app password).")

_BY_DOMAIN = {
    "gmail.com": _GMAIL, "googlemail.com": _GMAIL,
    "outlook.com": _OUTLOOK, "hotmail.com": _OUTLOOK, "live.com": _OUTLOOK,
    "msn.com": _OUTLOOK, "office365.com": _OUTLOOK, "hotmail.co.uk": _OUTLOOK,
    "outlook.de": _OUTLOOK, "hotmail.de": _OUTLOOK, "hotmail.fr": _OUTLOOK,
    "fastmail.com": _FASTMAIL, "fastmail.fm": _FASTMAIL,
    "icloud.com": _ICLOUD, "me.com": _ICLOUD, "mac.com": _ICLOUD,
    "yahoo.com": _YAHOO, "ymail.com": _YAHOO, "yahoo.co.uk": _YAHOO, "yahoo.de": _YAHOO,
    "yahoo.fr": _YAHOO, "yahoo.es": _YAHOO,
}


def guess_provider(address: str) -> Provider | None:
    """The provider of an e-mail address, or None when it is not a well-known one."""
    _, at, domain = address.strip().rpartition("@")
    if not at:
        return None
    return _BY_DOMAIN.get(domain.strip().rstrip(".").lower())
