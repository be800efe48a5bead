"""The statement's QR code, which leads a reader to the verification page.

Drawn as a small bilevel PNG rather than SVG: WeasyPrint lays out an inline SVG of a QR code ~10x more
slowly, and one pixel per module with no interpolation prints just as sharp.
"""

from __future__ import annotations

import base64
import io


def qr_matrix(url: str) -> list[list[bool]]:
    """The QR code of ``url`` (error correction L, one module of quiet zone), dark modules True."""
    import qrcode

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_L, border=1)
    qr.add_data(url)
    qr.make(fit=True)
    matrix: list[list[bool]] = qr.get_matrix()
    return matrix


def qr_png(url: str) -> bytes:
    """The QR code of ``url`` as a bilevel PNG, one pixel per module.

    Drawn with ``image-rendering: pixelated`` (no interpolation in the PDF) it prints as sharp as a
    vector; an inline SVG of the same code costs WeasyPrint ~25 ms to parse and draw, this ~2 ms.
    """
    from PIL import Image

    matrix = qr_matrix(url)
    size = len(matrix)
    image = Image.frombytes("1", (size, size), b"".join(_pack(row) for row in matrix), "raw", "1;I")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue()


def _pack(row: list[bool]) -> bytes:
    """A row of modules as 1-bit pixels, most significant bit first, padded to whole bytes."""
    bits = "".join("1" if dark else "0" for dark in row)
    bits += "0" * (-len(bits) % 8)
    return int(bits, 2).to_bytes(len(bits) // 8, "big") if bits else b""


def qr_img(url: str) -> str:
    """An ``<img>`` of the QR code of ``url`` (PNG data URI), for the statement's header."""
    data = base64.b64encode(qr_png(url)).decode("ascii")
    return f'<img class="qr-code" alt="QR" src="data:image/png;base64,{data}">'
