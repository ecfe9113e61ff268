"""Optional password protection of a plan file: authenticated encryption, nothing home-made.

An encrypted plan is a small JSON envelope::

    {"format": "bijverdienplanner.encrypted", "version": 1,
     "kdf": {"name": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": "<base64>"},
     "cipher": "AES-256-GCM", "nonce": "<base64>", "data": "<base64>"}

The key comes from the password with scrypt (``cryptography``), a new random
salt and nonce for every save; the plan (its JSON text) is sealed with
AES-256-GCM, with the envelope's own fields as associated data, so a changed
byte anywhere (the data, the salt, the settings) makes the file refused. Only
the envelope is readable: no name, date or amount of the household.

A forgotten password cannot be recovered: nobody, not the app, not its
makers, can open the file without it.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

# cryptography is imported where a file is sealed or opened: every start reads plan files, few are protected
# (importing it costs a start some 10-15 ms).

FORMAT = "bijverdienplanner.encrypted"
VERSION = 1
CIPHER = "AES-256-GCM"
SCRYPT_N = 2**15  # not a rule value: scrypt cost parameter
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_N = 2**20  # not a rule value: scrypt cost parameter bound
"""A file asking for more work than this is refused (it would take minutes and gigabytes)."""


class WrongPassword(Exception):
    """The password does not open the file, or the file was changed after it was sealed."""


class NotEncrypted(Exception):
    """The envelope is not one this version can open."""


def is_encrypted(data: Any) -> bool:
    """``data`` (a file's parsed JSON) is an encrypted plan envelope."""
    return isinstance(data, dict) and data.get("format") == FORMAT


def _key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def _associated(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal(plaintext: bytes, password: str) -> bytes:
    """The envelope (UTF-8 JSON) holding ``plaintext`` sealed with ``password``."""
    if not password:
        raise ValueError("a password is needed")
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    header = {"format": FORMAT, "version": VERSION, "cipher": CIPHER,
              "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                      "salt": base64.b64encode(salt).decode("ascii")}}
    data = AESGCM(_key(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)).encrypt(nonce, plaintext, _associated(header))
    envelope = {**header, "nonce": base64.b64encode(nonce).decode("ascii"), "data": base64.b64encode(data).decode("ascii")}
    return (json.dumps(envelope, indent=2) + "\n").encode("utf-8")


def open_sealed(envelope: dict[str, Any], password: str) -> bytes:
    """The plaintext in ``envelope``; :class:`WrongPassword` for a wrong password or a changed file,
    :class:`NotEncrypted` for an envelope this version cannot read."""
    try:
        kdf = envelope["kdf"]
        header = {"format": envelope["format"], "version": envelope["version"], "cipher": envelope["cipher"],
                  "kdf": {"name": kdf["name"], "n": kdf["n"], "r": kdf["r"], "p": kdf["p"], "salt": kdf["salt"]}}
        if (header["version"] != VERSION or header["cipher"] != CIPHER or kdf["name"] != "scrypt"
                or set(kdf) != {"name", "n", "r", "p", "salt"}
                or set(envelope) != {"format", "version", "cipher", "kdf", "nonce", "data"}):
            raise NotEncrypted("unknown envelope")
        n, r, p = kdf["n"], kdf["r"], kdf["p"]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p)) or not (
                2 <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):  # not a rule value: scrypt parameter bounds
            raise NotEncrypted("unusable key settings")
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(envelope["nonce"], validate=True)
        data = base64.b64decode(envelope["data"], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        raise NotEncrypted(str(exc)) from exc
    if len(nonce) != 12 or len(salt) < 16:  # not a rule value: sizes of the nonce and salt in bytes
        raise NotEncrypted("unusable nonce or salt")
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(_key(password, salt, n, r, p)).decrypt(nonce, data, _associated(header))
    except InvalidTag as exc:
        raise WrongPassword() from exc


__all__ = ["FORMAT", "NotEncrypted", "WrongPassword", "is_encrypted", "open_sealed", "seal"]
