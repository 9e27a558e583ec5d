"""Opening a packet in the app: its pages shown in the program, the verdict above them."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.test_handover import make_round, xuncha


def test_a_packet_is_shown_with_its_verdict_and_a_tampered_one_is_not_trusted(
        qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.workspace import open_workspace
    make_round(tmp_path / "r.db")
    out = tmp_path / "packet.pdf"
    made = xuncha("packet", str(tmp_path / "r.db"), "--out", str(out),
                  XUNCHA_PASSPHRASE=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    window = MainWindow(open_workspace(tmp_path / "r.db", PASSPHRASE))
    qtbot.addWidget(window)
    preview = window.show_packet(out)
    assert preview is not None and preview.pages() > 3
    assert "完好" in preview.note.text()
    preview.close()
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    preview = window.show_packet(tampered)
    assert preview is not None and "未通过" in preview.note.text()
    preview.close()
