"""Evidence photos printed on the packet's pages, downscaled: the printed packet carries the
pictures, while the originals stay embedded whole as attachments (their SHA-256 is what
counts). A file that does not decode as a picture is only listed."""

from __future__ import annotations

import io
import warnings

from PIL import Image as Picture
from reportlab.platypus import Image

from desktop.core.i18n import N_

MAX_PIXELS = 1200  # the long side of a printed picture: enough for A4 at ~200 dpi
PICTURES = ("image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/tiff")
MEDIA_LABELS = {"image/jpeg": N_("photo (JPEG)"), "image/png": N_("picture (PNG)"),
                "image/webp": N_("picture (WebP)"), "application/pdf": N_("PDF document"),
                "audio/wav": N_("sound recording"), "audio/mpeg": N_("sound recording"),
                "video/mp4": N_("video"), "text/plain": N_("text")}


def printed(data: bytes, width: float, height: float) -> Image | None:
    """The picture scaled down to fit ``width`` × ``height`` points, or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Picture.DecompressionBombWarning)
            with Picture.open(io.BytesIO(data)) as picture:
                picture.thumbnail((MAX_PIXELS, MAX_PIXELS))
                small = picture.convert("RGB")
    except (OSError, ValueError, SyntaxError, Picture.DecompressionBombError,
            Picture.DecompressionBombWarning):
        return None
    out = io.BytesIO()
    small.save(out, "JPEG", quality=80)
    scale = min(width / small.width, height / small.height, 1.0)  # never blown up
    return Image(io.BytesIO(out.getvalue()), width=small.width * scale,
                 height=small.height * scale)
