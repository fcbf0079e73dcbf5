"""Ed25519 keys and signatures as trust.md writes them (base64 keys, OpenSSH-style fingerprints).

A public key is standard base64 of its 32 raw bytes, a signature standard base64 of its 64 bytes,
a fingerprint `SHA256:` + unpadded base64 of the SHA-256 of the raw public key. What a person
signs for a decision record is `signed_message` (record_hash, name, role, time); the bytes are
fixed here so that the store, the PDF and other tools agree.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, size: int | None = None) -> bytes | None:
    """The bytes of standard base64 `text` (of `size` bytes when given); None when it is not."""
    if not isinstance(text, str) or len(text) > 4096:
        return None
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    return raw if size is None or len(raw) == size else None


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return b64(public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def fingerprint(public_key: str) -> str:
    """`SHA256:` + unpadded base64 of the SHA-256 of the raw key (as OpenSSH writes it)."""
    raw = unb64(public_key, PUBLIC_KEY_BYTES) or b""
    return "SHA256:" + b64(hashlib.sha256(raw).digest()).rstrip("=")


def sign_bytes(key: Ed25519PrivateKey, message: bytes) -> str:
    return b64(key.sign(message))


def verifies(public_key: str, signature: str, message: bytes) -> bool:
    """True when `signature` (base64) is `public_key`'s (base64) Ed25519 signature of `message`."""
    raw_key = unb64(public_key, PUBLIC_KEY_BYTES)
    raw_signature = unb64(signature, SIGNATURE_BYTES)
    if raw_key is None or raw_signature is None:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(raw_key).verify(raw_signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def signed_message(record_hash: str, name: str, role: str, at: str) -> bytes:
    """The bytes a signer signs: canonical JSON of the record_hash and who signed, when."""
    body = {"record_hash": record_hash, "name": name, "role": role, "at": at}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class KeySigner:
    """A person's opened signing key, to sign an exported manifest as them."""

    name: str
    role: str
    key: Ed25519PrivateKey

    def sign(self, message: bytes) -> str:
        return sign_bytes(self.key, message)

    def identity(self) -> dict[str, str]:
        """What `signer.json` says: name, role, public key and fingerprint."""
        public = public_key_text(self.key)
        return {"name": self.name, "role": self.role, "public_key": public,
                "fingerprint": fingerprint(public)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class SignerLine:
    """How one person stands toward one decision record, as the PDF and the app show it.

    state: "signed" (a signature that verifies: fingerprint given), "unverified" (named in the
    record, no signature that verifies: imported from a file), "named" (named in a record sealed
    in a database without accounts: a typed name, nobody signed with a key), "present" (an
    attendee who has not signed).
    """

    name: str
    role: str
    state: str
    at: str | None = None
    fingerprint: str | None = None
