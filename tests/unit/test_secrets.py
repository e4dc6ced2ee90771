"""The secret store: keyring round-trip, and a plain refusal of unusable keyrings."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyrings.alt.file import PlaintextKeyring

from jobtracker.secrets import (
    NO_KEYRING,
    PLAINTEXT_KEYRING,
    KeyringSecretStore,
    SecretStoreError,
    SessionSecretStore,
    default_secret_store,
    keyring_problem,
)
from tests.memory_keyring import MemoryKeyring


@pytest.fixture
def use_backend() -> Iterator[object]:
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_password_round_trips_through_the_keyring(memory_keyring: MemoryKeyring):
    store = KeyringSecretStore()
    assert store.persistent
    assert store.get("Work") is None
    store.set("Work", "pä$$ word")
    assert memory_keyring.entries == {("JobTracker", "Work"): "pä$$ word"}
    assert store.get("Work") == "pä$$ word"
    store.delete("Work")
    store.delete("Work")  # deleting what is not there is no error
    assert memory_keyring.entries == {}


def test_usable_keyring_has_no_problem(memory_keyring: MemoryKeyring):
    assert keyring_problem() is None
    assert isinstance(default_secret_store(), KeyringSecretStore)


@pytest.mark.parametrize(("backend", "problem"), [
    (keyring.backends.fail.Keyring(), NO_KEYRING),
    (keyring.backends.null.Keyring(), NO_KEYRING),
    (PlaintextKeyring(), PLAINTEXT_KEYRING),
])
def test_unusable_keyrings_are_named_plainly(use_backend, backend: object, problem: str):
    use_backend(backend)
    assert keyring_problem() == problem
    store = default_secret_store()
    assert isinstance(store, SessionSecretStore) and not store.persistent


def test_messages_are_plain_sentences():
    assert NO_KEYRING.startswith("No password store (keyring) is available on this system")
    assert PLAINTEXT_KEYRING.startswith("Only a plain-text keyring is available")


def test_a_failing_keyring_raises_a_plain_error(use_backend):
    use_backend(keyring.backends.fail.Keyring())
    with pytest.raises(SecretStoreError, match="cannot store the password of mail account "
                                               "'Work' in the keyring: No recommended backend"):
        KeyringSecretStore().set("Work", "secret-value")
    with pytest.raises(SecretStoreError) as error:
        KeyringSecretStore().get("Work")
    assert "secret-value" not in str(error.value)


def test_session_store_keeps_secrets_in_memory_only():
    store = SessionSecretStore()
    store.set("Work", "pw")
    assert store.get("Work") == "pw"
    store.delete("Work")
    assert store.get("Work") is None
