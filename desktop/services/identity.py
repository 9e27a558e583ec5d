"""Device identities: a P-256 signing key and a self-signed X.509 certificate per laptop.

The private key is kept in the encrypted database, itself encrypted (PKCS#8) with the
database passphrase. Packets, exchange manifests and batches are signed with it; the key
that opens content encrypted to the device is derived from it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.x509.oid import NameOID

CURVE = ec.SECP256R1()
_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


@dataclass(frozen=True)
class KeyMaterial:
    private_key_pem: bytes
    certificate_pem: bytes


def new_key_material(
    common_name: str, organisation: str, passphrase: str, *,
    now: dt.datetime | None = None, seed: bytes | None = None,
) -> KeyMaterial:
    """Generate a key pair and a self-signed certificate valid for ten years.

    With ``seed`` the key, serial number and signature are reproducible (demo data).
    """
    now = now or dt.datetime.now(dt.UTC)
    if seed is None:
        key = ec.generate_private_key(CURVE)
        serial = x509.random_serial_number()
    else:
        secret = int.from_bytes(hashlib.sha256(b"key" + seed).digest(), "big") % (_ORDER - 1) + 1
        key = ec.derive_private_key(secret, CURVE)
        serial = int.from_bytes(hashlib.sha256(b"serial" + seed).digest()[:16], "big") >> 1
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
    ])
    usage = x509.KeyUsage(
        digital_signature=True, content_commitment=True, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=False,
        crl_sign=False, encipher_only=False, decipher_only=False)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name)
        .public_key(key.public_key())
        .serial_number(serial)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256(), ecdsa_deterministic=seed is not None)
    )
    return KeyMaterial(
        private_key_pem=key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(passphrase.encode("utf-8"))),
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM),
    )


def load_private_key(pem: bytes, passphrase: str) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(pem, passphrase.encode("utf-8"))
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise TypeError("device key is not an EC key")
    return key


def certificate_fingerprint(certificate_pem: bytes) -> str:
    """SHA-256 fingerprint of a certificate, as hex."""
    cert = x509.load_pem_x509_certificate(certificate_pem)
    return cert.fingerprint(hashes.SHA256()).hex()


def encryption_key(signing_key: ec.EllipticCurvePrivateKey) -> X25519PrivateKey:
    """The device's X25519 key for opening content encrypted to the device (core.secrecy), derived from its
    signing key so that it needs no storage of its own; the two never sign or open for each
    other, and the public half travels in the device record."""
    scalar = signing_key.private_numbers().private_value.to_bytes(32, "big")
    seed = HKDF(hashes.SHA256(), 32, salt=None,
                info=b"xuncha device encryption key v1").derive(scalar)
    return X25519PrivateKey.from_private_bytes(seed)


def encryption_public(signing_key: ec.EllipticCurvePrivateKey) -> str:
    """The public half of ``encryption_key``, as the device record holds it (base64)."""
    raw = encryption_key(signing_key).public_key().public_bytes_raw()
    return base64.b64encode(raw).decode("ascii")
