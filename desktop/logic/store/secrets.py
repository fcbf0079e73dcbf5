"""Passwords and what they protect: scrypt hashes and AES-256-GCM boxes, parameters recorded.

A password is kept only as a salted scrypt hash (hashlib.scrypt) with its parameters, so they can
be raised later without losing old accounts. A secret (the database key, a private signing key)
is kept in a "box": AES-256-GCM (cryptography) under a key that scrypt derives from the password,
with its own salt, and with associated data naming what it is, so a box cannot be swapped for
another. Nothing here logs or writes anything.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.logic.model.keys import b64, unb64

# scrypt cost: n=2**15, r=8, p=1 (32 MiB, a few tenths of a second), the interactive-login
# parameters RFC 7914 section 2 discusses; recorded with every hash so they can be raised.
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
_MAX_N = 2**20
SALT_BYTES = 16
KEY_BYTES = 32


class WrongPassword(Exception):
    """The password does not open this box (or the box was altered)."""


def _scrypt(password: str, salt: bytes, params: dict[str, Any]) -> bytes:
    n, r, p = int(params["n"]), int(params["r"]), int(params["p"])
    if not (2 <= n <= _MAX_N and 1 <= r <= 32 and 1 <= p <= 16):
        raise WrongPassword("unusable scrypt parameters")
    memory = 128 * n * r * p + (1 << 20)
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=memory, dklen=KEY_BYTES
    )


def hash_password(password: str) -> dict[str, Any]:
    """A new salted scrypt hash of `password`, with the parameters used."""
    salt = os.urandom(SALT_BYTES)
    params = dict(SCRYPT)
    digest = _scrypt(password, salt, params)
    return {"kdf": "scrypt", **params, "salt": b64(salt), "hash": b64(digest)}


def password_matches(password: str, stored: dict[str, Any]) -> bool:
    try:
        salt, expected = unb64(stored["salt"]), unb64(stored["hash"])
        if stored.get("kdf") != "scrypt" or salt is None or expected is None:
            return False
        return hmac.compare_digest(_scrypt(password, salt, stored), expected)
    except (KeyError, TypeError, ValueError, WrongPassword):
        return False


def seal_secret(secret: bytes, password: str, purpose: str) -> dict[str, Any]:
    """`secret` encrypted under `password` (scrypt + AES-256-GCM), bound to `purpose`."""
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(12)
    params = dict(SCRYPT)
    kek = _scrypt(password, salt, params)
    data = AESGCM(kek).encrypt(nonce, secret, purpose.encode("utf-8"))
    return {
        "kdf": "scrypt", **params, "salt": b64(salt),
        "cipher": "aes-256-gcm", "nonce": b64(nonce), "data": b64(data),
    }  # fmt: skip


def open_secret(box: dict[str, Any], password: str, purpose: str) -> bytes:
    """The secret in `box`; WrongPassword when the password (or the purpose) does not fit."""
    try:
        salt, nonce, data = unb64(box["salt"]), unb64(box["nonce"]), unb64(box["data"])
        if box.get("kdf") != "scrypt" or box.get("cipher") != "aes-256-gcm":
            raise WrongPassword("unknown box")
        if salt is None or nonce is None or data is None:
            raise WrongPassword("damaged box")
        kek = _scrypt(password, salt, box)
        return AESGCM(kek).decrypt(nonce, data, purpose.encode("utf-8"))
    except (KeyError, TypeError, ValueError, InvalidTag):
        raise WrongPassword("the password does not open it") from None
