"""Opening a packet in the app: its pages shown in the program, the verdict above them.

Three verdicts, three colours: intact and signed by a trusted certificate, intact but signed by
someone no trusted certificate vouches for (the app's own check, which has no trust anchor),
and damaged. Not trusted is not damaged, and neither is shown as the other."""

from __future__ import annotations

from pathlib import Path

from desktop.core.i18n import set_language
from desktop.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.test_handover import make_round, xuncha


def test_a_packet_is_shown_with_its_verdict_and_a_tampered_one_is_not_trusted(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services import handover
    from desktop.services.workspace import open_workspace
    make_round(tmp_path / "r.db")
    out = tmp_path / "packet.pdf"
    made = xuncha("packet", str(tmp_path / "r.db"), "--out", str(out),
                  XUNCHA_PASSPHRASE=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    ws = open_workspace(tmp_path / "r.db", PASSPHRASE)
    cert = tmp_path / "device.pem"
    cert.write_bytes(handover.device_identity(ws, PASSPHRASE).certificate.dump())
    window = MainWindow(ws)
    qtbot.addWidget(window)

    preview = window.show_packet(out, (cert,))  # the signer's own certificate trusted
    assert preview is not None and preview.pages() > 3
    assert preview.property("verdict") == "trusted"
    assert "完好" in preview.note.text() and "受信任" in preview.note.text()
    assert "#1b5e20" in preview.note.styleSheet()
    preview.close()

    set_language("en")  # the new verdict's wording, whatever the catalogue holds yet
    preview = window.show_packet(out)  # no trust anchor: intact, but not proven
    assert preview is not None and preview.property("verdict") == "untrusted"
    note = preview.note.text()
    assert note.startswith("The packet is intact, but its signer is NOT trusted")
    assert "does NOT check out" not in note and "self-signed certificate" in note
    assert "#8d5300" in preview.note.styleSheet()
    preview.close()
    set_language("zh_CN")

    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    for trust in ((), (cert,)):  # damaged is damaged, trusted signer or not
        preview = window.show_packet(tampered, trust)
        assert preview is not None and "未通过" in preview.note.text()
        assert preview.property("verdict") == "damaged"
        assert "#c62828" in preview.note.styleSheet()
        preview.close()
