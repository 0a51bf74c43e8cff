"""Password protection: PDF bytes -> AES-256 encrypted PDF bytes (pikepdf).

Contract: `encrypt_pdf(data, password, owner_password=None)` returns the same document encrypted
with AES-256 (security handler revision 6): it opens only with `password` (or the owner password,
random unless given), may be printed in high quality, and may not be copied from, have its text
extracted, or be modified. Encrypted output is not byte-deterministic (random owner password and
keys). An empty password raises OutputError: protection needs something to type.
"""

from __future__ import annotations

import io
import secrets

from briefer.core.errors import OutputError


def encrypt_pdf(data: bytes, password: str, owner_password: str | None = None) -> bytes:
    """The PDF `data` encrypted (see module contract)."""
    import pikepdf

    if not password:
        raise OutputError.of("out-empty-password")
    allow = pikepdf.Permissions(
        accessibility=True,  # screen readers; PDF 2.0 readers treat this bit as always set
        extract=False,
        modify_annotation=False,
        modify_assembly=False,
        modify_form=False,
        modify_other=False,
        print_lowres=True,
        print_highres=True,
    )
    encryption = pikepdf.Encryption(owner=owner_password or secrets.token_urlsafe(24), user=password, R=6,
                                    allow=allow, aes=True, metadata=True)
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, encryption=encryption)
    return out.getvalue()
