"""Mail passwords in the operating system's keyring, and nowhere else.

The store is deliberately small: get, set, delete by account name. When the
keyring that ``keyring`` selects cannot keep a secret safely (no backend, or
only a plain-text file), JobTracker says so and keeps the password for this
session only, in memory; it never writes one to the database, settings, logs
or a file of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from jobtracker.errors import JobTrackerError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "JobTracker"

NO_KEYRING = (
    "No password store (keyring) is available on this system, so JobTracker cannot remember "
    "mail passwords; it will ask for the password each time it reads the mailbox."
)
PLAINTEXT_KEYRING = (
    "Only a plain-text keyring is available on this system; JobTracker will not store mail "
    "passwords in plain text and will ask for the password each time it reads the mailbox."
)

# Backends that keep nothing or that write secrets readably to a file. Matched by
# module so that keyring's own chainer, fail and null backends and keyrings.alt's
# file backends are all recognised without importing optional packages.
_NOTHING_MODULES = ("keyring.backends.fail", "keyring.backends.null")
_PLAINTEXT_MODULES = ("keyrings.alt.file", "keyrings.alt.pyfs")


class SecretStoreError(JobTrackerError):
    """The keyring refused or failed an operation; the message says which account."""


class SecretStore(Protocol):
    """Where account passwords are kept, by account name."""

    @property
    def persistent(self) -> bool:
        """True when a secret survives the end of this session."""
        ...

    def get(self, account: str) -> str | None:
        """The secret of ``account``, or None when none is stored."""
        ...

    def set(self, account: str, secret: str) -> None:
        """Store (or replace) the secret of ``account``."""
        ...

    def delete(self, account: str) -> None:
        """Forget the secret of ``account``; no error when there is none."""
        ...


def _backend_problem(backend: KeyringBackend) -> str | None:
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith(_NOTHING_MODULES):
        return NO_KEYRING
    if module.startswith(_PLAINTEXT_MODULES) or "plaintext" in name.casefold():
        return PLAINTEXT_KEYRING
    if module == "keyring.backends.chainer":
        children: list[KeyringBackend] = list(getattr(backend, "backends", []))
        problems = [_backend_problem(child) for child in children]
        if any(problem is None for problem in problems):
            return None
        return PLAINTEXT_KEYRING if PLAINTEXT_KEYRING in problems else NO_KEYRING
    return None


def keyring_problem() -> str | None:
    """None when the selected keyring can keep secrets safely, else a plain sentence why not."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:  # any failure to pick a backend means there is none
        return NO_KEYRING
    return _backend_problem(backend)


class KeyringSecretStore:
    """Secrets in the keyring: service ``JobTracker``, user name = the account name."""

    persistent = True

    def get(self, account: str) -> str | None:
        """The stored password of ``account``, or None."""
        import keyring
        try:
            return keyring.get_password(SERVICE, account)
        except Exception as error:  # backends raise their own types (D-Bus, OS, ...)
            raise SecretStoreError(
                f"cannot read the password of mail account {account!r} from the keyring: "
                f"{_plain(error)}") from None

    def set(self, account: str, secret: str) -> None:
        """Store the password of ``account`` in the keyring."""
        import keyring
        try:
            keyring.set_password(SERVICE, account, secret)
        except Exception as error:  # backends raise their own types (D-Bus, OS, ...)
            raise SecretStoreError(
                f"cannot store the password of mail account {account!r} in the keyring: "
                f"{_plain(error)}") from None

    def delete(self, account: str) -> None:
        """Remove the password of ``account`` from the keyring, if it is there."""
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, account)
        except PasswordDeleteError:
            return
        except Exception as error:  # backends raise their own types (D-Bus, OS, ...)
            raise SecretStoreError(
                f"cannot delete the password of mail account {account!r} from the keyring: "
                f"{_plain(error)}") from None


class SessionSecretStore:
    """Passwords held in memory for this session only, when no keyring is usable."""

    persistent = False

    def __init__(self) -> None:
        self._secrets: dict[str, str] = {}

    def get(self, account: str) -> str | None:
        """The password given earlier in this session, or None."""
        return self._secrets.get(account)

    def set(self, account: str, secret: str) -> None:
        """Remember the password until the program ends."""
        self._secrets[account] = secret

    def delete(self, account: str) -> None:
        """Forget the password."""
        self._secrets.pop(account, None)


def default_secret_store() -> SecretStore:
    """The keyring when it is usable, otherwise a per-session store in memory."""
    if keyring_problem() is None:
        return KeyringSecretStore()
    return SessionSecretStore()


def _plain(error: Exception) -> str:
    # keyring errors can carry a class name only; never include a secret (none is passed in).
    text = str(error).strip()
    return text or type(error).__name__
