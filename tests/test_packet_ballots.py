"""Blank ballots (desktop.packet.ballot_pdf and ``xuncha ballots``), read back with real tools:
qpdf checks the file, pdftotext finds the Chinese text and the serials, pdfinfo counts the pages,
pdffonts proves every font is embedded, and zbarimg decodes the QR codes rendered by pdftoppm."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import errors, questionnaire_toml
from desktop.core.i18n import set_language
from desktop.packet.ballot_pdf import render_ballots, write_ballots

SERIALS = [f"{n:04d}" for n in range(1, 6)]
MEMBERS = ["张三", "李四", "王五", "赵六", "钱七"]
# shipped questionnaire → ballots per page when two are asked for (does one fit in half a page?)
LAYOUT = {"satisfaction": 2, "good-scale": 1, "competence": 1}


def tool(*args: str) -> str:
    run = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ("-f", str(page), "-l", str(page)) if page else ()
    return tool("pdftotext", *pages, str(path), "-")


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)$", tool("pdfinfo", str(path)), re.M).group(1))


def qr_codes(path: Path, folder: Path) -> list[str]:
    tool("pdftoppm", "-r", "150", "-png", str(path), str(folder / "page"))
    images = sorted(str(p) for p in folder.glob("page*.png"))
    run = subprocess.run(["zbarimg", "--raw", "-q", *images], capture_output=True, text=True,
                         timeout=120, check=False)
    return run.stdout.split()


def assert_sound(path: Path) -> None:
    assert "No syntax or stream encoding errors" in tool("qpdf", "--check", str(path))
    fonts = tool("pdffonts", str(path)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # embedded


@pytest.mark.parametrize("key", sorted(LAYOUT))
@pytest.mark.parametrize("per_page", [1, 2])
def test_ballots_of_each_shipped_questionnaire(tmp_path: Path, key: str, per_page: int) -> None:
    form = questionnaire_toml.find(key)
    path = tmp_path / "ballots.pdf"
    written = write_ballots(path, form, SERIALS, per_page=per_page)
    assert_sound(path)
    used = min(per_page, LAYOUT[key])
    assert (written.ballots, written.per_page, written.pages_per_ballot) == (5, used, 1)
    assert page_count(path) == written.pages == (3 if used == 2 else 5)
    text = pdf_text(path)
    assert text.count(form.label.zh) == 5
    for n, option in enumerate(form.options, 1):
        assert option.label.zh in text and f"{n}\n" in text
    for serial in SERIALS:
        assert f"编号：{serial}" in text
    assert "请勿在票上填写姓名" in text and "弃权" in text
    if used == 2:
        assert text.count("沿此线剪开") == 2  # the last page holds one ballot: no cut line


@pytest.mark.parametrize("key", sorted(LAYOUT))
def test_qr_codes_decode_to_the_serials(tmp_path: Path, key: str) -> None:
    path = tmp_path / "ballots.pdf"
    write_ballots(path, questionnaire_toml.find(key), SERIALS)
    assert sorted(qr_codes(path, tmp_path)) == SERIALS


@pytest.mark.parametrize("per_page", [1, 2])
def test_five_named_members(tmp_path: Path, per_page: int) -> None:
    form = questionnaire_toml.find("satisfaction").with_members(MEMBERS)
    path = tmp_path / "b.pdf"
    written = write_ballots(path, form, SERIALS[:3], village="新桥村", held_on=None,
                            per_page=per_page)
    assert written.per_page == per_page and page_count(path) == (2 if per_page == 2 else 3)
    text = pdf_text(path)
    assert all(text.count(name) == 3 for name in MEMBERS) and text.count("新桥村") == 3
    assert "两委成员1" not in text


def test_a_ballot_longer_than_a_page_is_complete_with_its_serial_on_every_page(
        tmp_path: Path) -> None:
    members = [f"成员{n:02d}" for n in range(1, 21)]
    form = questionnaire_toml.find("good-scale").with_members(members)
    path = tmp_path / "long.pdf"
    written = write_ballots(path, form, ["0007", "0008"], per_page=2)
    assert written.per_page == 1 and written.pages_per_ballot > 1
    assert page_count(path) == 2 * written.pages_per_ballot
    assert_sound(path)
    for page in range(1, written.pages + 1):
        serial = "0007" if page <= written.pages_per_ballot else "0008"
        text = pdf_text(path, page)
        assert f"编号：{serial}" in text
        n = (page - 1) % written.pages_per_ballot + 1
        assert f"第 {n} 页，共 {written.pages_per_ballot} 页" in text
        if n > 1:
            assert "（续页）" in text and "1\n" in text  # the header row is repeated
    text = pdf_text(path)
    assert all(text.count(name) == 2 for name in members)
    rows = sum(len(s.items) for s in form.subjects)
    assert text.count("廉洁自律") + text.count("工作能力") + text.count("总体评价") \
        + text.count("政治素质") + text.count("工作作风") == 2 * rows
    assert sorted(qr_codes(path, tmp_path)) == ["0007", "0008"]


def test_ballots_differ_only_by_their_serial(tmp_path: Path) -> None:
    """Anonymity: nothing else on a ballot changes from one to the next; no author recorded."""
    path = tmp_path / "b.pdf"
    write_ballots(path, questionnaire_toml.find("competence"), ["0001", "0002"], per_page=1)
    first, second = (pdf_text(path, n) for n in (1, 2))
    assert first != second and first.replace("0001", "0002") == second
    info = tool("pdfinfo", str(path))
    assert re.search(r"^Author:\s*$", info, re.M) or "Author:" not in info


def test_the_same_ballots_give_the_same_bytes() -> None:
    form = questionnaire_toml.find("satisfaction")
    assert render_ballots(form, SERIALS)[0] == render_ballots(form, SERIALS)[0]


def test_english_ballots(tmp_path: Path) -> None:
    set_language("en")
    path = tmp_path / "en.pdf"
    write_ballots(path, questionnaire_toml.find("satisfaction"), ["0001"])
    text = pdf_text(path)
    assert "Satisfaction survey" in text and "No. 0001" in text and "Don't know" in text
    assert "do not write your name" in text


def test_wrong_arguments_are_defects() -> None:
    form = questionnaire_toml.find("satisfaction")
    for serials, per_page in ((SERIALS, 3), ([], 2), (["1", "1"], 2)):
        with pytest.raises(ValueError):
            render_ballots(form, serials, per_page=per_page)


def test_bad_paths(tmp_path: Path) -> None:
    form = questionnaire_toml.find("satisfaction")
    existing = tmp_path / "exists.pdf"
    existing.write_bytes(b"keep me")
    with pytest.raises(errors.FileExists, match="已有文件"):
        write_ballots(existing, form, SERIALS)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(errors.FolderMissing):
        write_ballots(tmp_path / "no" / "b.pdf", form, SERIALS)
    folder = unwritable_folder(tmp_path)
    with pytest.raises(errors.ReadOnlyLocation, match="无法在此写入"):
        write_ballots(folder / "b.pdf", form, SERIALS)
    assert not (folder / "b.pdf").exists()


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create files in (root ignores permissions, not /sys)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


def xuncha(*args: str, lang: str = "zh_CN",
           **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("XUNCHA_")}
    environment.update(XUNCHA_LANG=lang, **env)
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], env=environment,
                          capture_output=True, text=True, timeout=120, encoding="utf-8",
                          check=False)


def one_line_error(out: subprocess.CompletedProcess[str], status: int = 1) -> str:
    assert out.returncode == status, out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1
    return out.stderr


def test_cli_writes_numbered_ballots(tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    run = xuncha("ballots", "good-scale", "--count", "3", "--first", "98", "--out", str(out),
                 *(a for name in MEMBERS[:2] for a in ("--member", name)),
                 "--village", "新桥村", "--date", "2026-03-15")
    assert run.returncode == 0, run.stderr
    assert "0098 至 0100" in run.stdout and "每页一张" in run.stdout
    text = pdf_text(out)
    assert all(f"编号：{s}" in text for s in ("0098", "0099", "0100"))
    assert "张三" in text and "2026年3月15日" in text and "新桥村" in text
    assert sorted(qr_codes(out, tmp_path)) == ["0098", "0099", "0100"]
    wide = tmp_path / "w.pdf"
    assert xuncha("ballots", "satisfaction", "--count", "2", "--first", "9999", "--per-page",
                  "1", "--out", str(wide)).returncode == 0
    assert "编号：10000" in pdf_text(wide) and page_count(wide) == 2


def test_cli_refusals(tmp_path: Path) -> None:
    existing = tmp_path / "b.pdf"
    existing.write_bytes(b"x")
    assert "已有文件" in one_line_error(xuncha("ballots", "satisfaction", "--count", "2",
                                             "--out", str(existing)))
    folder = unwritable_folder(tmp_path)
    assert "Cannot write here" in one_line_error(xuncha(
        "ballots", "satisfaction", "--count", "2", "--out", str(folder / "b.pdf"), lang="en"))
    for args in (("--count", "0"), ("--count", "2", "--per-page", "3"),
                 ("--count", "2", "--date", "2026-02-30")):
        one_line_error(xuncha("ballots", "satisfaction", *args, "--out",
                              str(tmp_path / "n.pdf")), 2)
    assert "没有测评表" in one_line_error(xuncha("ballots", "nope", "--count", "1", "--out",
                                              str(tmp_path / "n.pdf")))
    assert not (tmp_path / "n.pdf").exists()
    help_ = xuncha("ballots", "--help")
    assert help_.returncode == 0 and "二维码" in help_.stdout and "--per-page" in help_.stdout


def test_cli_font_problems_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "font.ttf"
    bad.write_bytes(b"not a font")
    message = one_line_error(xuncha("ballots", "satisfaction", "--count", "1", "--out",
                                    str(tmp_path / "b.pdf"), XUNCHA_PDF_FONT=str(bad)))
    assert "字体" in message and str(bad) in message

