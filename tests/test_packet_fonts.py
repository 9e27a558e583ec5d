"""Choosing the Chinese TrueType fonts (desktop.packet.fonts): the Windows fonts first, Debian's
free fonts otherwise, one file for every role when asked, and a translated error when none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.packet import fonts
from desktop.packet.fonts import FontMissing, FontUnusable, cjk_fonts

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def test_the_debian_fonts_by_role() -> None:
    chosen = cjk_fonts(places=(Path("/nonexistent/Windows/Fonts"),
                               Path("/usr/share/fonts/truetype")))
    assert "uming" in chosen.body and "uming" in chosen.title
    assert "wqy" in chosen.heading and "ukai" in chosen.kai
    assert cjk_fonts(places=(Path("/nonexistent/Windows/Fonts"),
                             Path("/usr/share/fonts/truetype"))) is chosen  # registered once


def test_a_windows_font_comes_first_and_missing_roles_borrow(tmp_path: Path) -> None:
    windows = tmp_path / "Windows" / "Fonts"
    windows.mkdir(parents=True)
    shutil.copy(WQY, windows / "simhei.ttf")  # stands in for 黑体
    chosen = cjk_fonts(places=(windows, tmp_path / "no-free-fonts"))
    assert chosen.heading == chosen.body == chosen.title == chosen.kai
    assert "simhei" in chosen.heading


def test_one_font_for_every_role() -> None:
    chosen = cjk_fonts(WQY)
    assert len({chosen.body, chosen.title, chosen.heading, chosen.kai}) == 1


def test_the_environment_names_the_font(monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    monkeypatch.setenv(fonts.ENVIRONMENT, str(WQY))
    assert cjk_fonts().body == cjk_fonts(WQY).body
    bad = tmp_path / "fake.ttf"
    bad.write_bytes(b"\0\1\0\0 not really a font")
    monkeypatch.setenv(fonts.ENVIRONMENT, str(bad))
    with pytest.raises(FontUnusable, match="不能用于 PDF 文件"):
        cjk_fonts()


def test_a_latin_only_font_is_not_a_chinese_font() -> None:
    with pytest.raises(FontUnusable):
        cjk_fonts("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_no_chinese_font_at_all(tmp_path: Path) -> None:
    with pytest.raises(FontMissing, match="找不到生成 PDF 文件所需的中文 TrueType 字体"):
        cjk_fonts(places=(tmp_path, tmp_path))


def test_a_contents_title_too_long_for_its_line_is_cut_short_before_the_page_number() -> None:
    from desktop.packet.glyphs import string_width
    from desktop.packet.handover_pdf import ContentsLine

    found = cjk_fonts()
    chain = fonts.fallback_chain(found)
    short = "〔2026〕巡-1组-01 群众反映的饮水问题长期未解决"
    long = "〔2026〕巡-1组-07 “三会一课”制度落实不到位，支部委员会会议记录缺失，" * 2
    room = string_width(short, found.body, 10, chain) + 20
    assert ContentsLine(short, 13, found.body, 10, chain)._fitted(room) == short
    cut = ContentsLine(long, 19, found.body, 10, chain)._fitted(room)
    assert cut.endswith("…") and long.startswith(cut[:-1]) and len(cut) > 10
    assert string_width(cut, found.body, 10, chain) <= room
