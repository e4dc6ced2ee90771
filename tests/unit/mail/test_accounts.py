"""Mail account settings are validated with plain messages; providers are guessed by address."""

from __future__ import annotations

import pytest

from jobtracker.mail.accounts import MailAccount, MailAccountError, default_port
from jobtracker.mail.providers import guess_provider


def test_a_valid_account_is_trimmed_and_deduplicated():
    account = MailAccount(" Work ", " imap.example.com ", 993, "ssl", " ann ",
                          ("INBOX", " Jobs ", "INBOX")).validate()
    assert account == MailAccount("Work", "imap.example.com", 993, "ssl", "ann",
                                  ("INBOX", "Jobs"))


@pytest.mark.parametrize(("changes", "message"), [
    ({"name": " "}, "name: give the account a name"),
    ({"host": "not a host"}, "host: 'not a host' is not a host name"),
    ({"port": 0}, "port: 0 is not a port number"),
    ({"port": 70000}, "port: 70000 is not a port number"),
    ({"security": "tls"}, "security: 'tls' is not one of ssl, starttls, plain"),
    ({"security": "plain"}, "security: plain (unencrypted) IMAP is only allowed"),
    ({"user": ""}, "user: give the user name"),
    ({"folders": ()}, "folders: name at least one folder"),
    ({"folders": ('In"box',)}, "folders: 'In\"box' is not a usable folder name"),
])
def test_invalid_settings_name_the_field(changes: dict[str, object], message: str):
    fields: dict[str, object] = {"name": "Work", "host": "imap.example.com", "port": 993,
                                 "security": "ssl", "user": "ann"}
    fields.update(changes)
    with pytest.raises(MailAccountError) as error:
        MailAccount(**fields).validate()  # type: ignore[arg-type]
    assert str(error.value).startswith(message)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_plain_is_allowed_on_loopback_only(host: str):
    assert MailAccount("L", host, 143, "plain", "u").validate().host == host


def test_default_ports():
    assert (default_port("ssl"), default_port("starttls"), default_port("plain")) == (993, 143,
                                                                                      143)


@pytest.mark.parametrize(("address", "name", "host"), [
    ("ann@gmail.com", "Gmail", "imap.gmail.com"),
    ("ann@Outlook.com", "Outlook / Office 365", "outlook.office365.com"),
    ("ann@hotmail.com", "Outlook / Office 365", "outlook.office365.com"),
    ("ann@live.com", "Outlook / Office 365", "outlook.office365.com"),
    ("ann@fastmail.com", "Fastmail", "imap.fastmail.com"),
    ("ann@me.com", "iCloud", "imap.mail.me.com"),
    ("ann@mac.com", "iCloud", "imap.mail.me.com"),
    ("ann@yahoo.com", "Yahoo", "imap.mail.yahoo.com"),
])
def test_providers_are_guessed_from_the_address(address: str, name: str, host: str):
    provider = guess_provider(address)
    assert provider is not None
    assert (provider.name, provider.host, provider.port, provider.security) == (name, host, 993,
                                                                                "ssl")
    assert "app" in provider.note.lower() and "password" in provider.note.lower()


def test_unknown_providers_are_none():
    assert guess_provider("ann@acme.example") is None
    assert guess_provider("not an address") is None
    gmail = guess_provider("a@gmail.com")
    assert gmail is not None and "App passwords" in gmail.note
