"""Volunteers: checklists that keep their ticks, printing with a QR code, and PDFs.

Browser parts use Debian's Chromium; the QR code is decoded with zbarimg (Debian's
zbar-tools) from a screenshot of the printed page, and PDFs are read with pdftotext
(poppler-utils): all installed by scripts/dev.py test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PHONE, REPO, SITE_URL, Tree, build_site, serving
from guides.outputs.printing import qr_svg, wrap_sections

CHECKLIST = """
## 上岗前 {#before}
- [ ] 测体温
- [ ] 穿好防护服
- [ ] 检查口罩
## 下岗后 {#after}
- [ ] 洗手
- [ ] 换衣服
"""


def checklist_site(root: Path, version: int) -> Path:
    tree = Tree(root)
    tree.guide("home", title="首页")
    tree.guide("list", kind="checklist", title="值班清单", version=version, body=CHECKLIST)
    return build_site(tree)


def boxes(page) -> list[bool]:
    return page.eval_on_selector_all(".sw-task input", "els => els.map(e => e.checked)")


def test_wrap_sections_keeps_each_phase_together():
    html = "<p>intro</p><h2 id='a'>A</h2><ul><li>1</li></ul><h2 id='b'>B</h2><p>2</p>"
    assert wrap_sections(html) == (
        '<p>intro</p><section class="sw-section"><h2 id=\'a\'>A</h2><ul><li>1</li></ul>'
        '</section><section class="sw-section"><h2 id=\'b\'>B</h2><p>2</p></section>')
    assert wrap_sections("<p>no headings</p>") == "<p>no headings</p>"


def test_checklist_ticks_survive_reload_and_reset_with_confirmation(browser, tmp_path):
    with serving(checklist_site(tmp_path, 1)) as url:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(url + "list/")
        assert boxes(page) == [False] * 5
        page.get_by_text("测体温").click()  # the whole line is the target
        page.get_by_text("洗手").click()
        assert boxes(page) == [True, False, False, True, False]
        progress = page.locator(".sw-progress")
        assert progress.all_inner_texts() == ["上岗前：已完成 1/3", "下岗后：已完成 1/2"]
        page.reload()
        assert boxes(page) == [True, False, False, True, False]
        page.click("[data-sw-reset]")
        assert boxes(page) == [True, False, False, True, False]  # nothing yet: asks first
        page.click("[data-sw-reset-no]")
        assert boxes(page) == [True, False, False, True, False]
        page.click("[data-sw-reset]")
        page.click("[data-sw-reset-yes]")
        assert boxes(page) == [False] * 5
        page.reload()
        assert boxes(page) == [False] * 5
        context.close()


def test_a_new_version_starts_clean_and_says_why(browser, tmp_path):
    first = checklist_site(tmp_path / "v1", 1)
    time.sleep(1.1)
    second = checklist_site(tmp_path / "v2", 2)
    live = tmp_path / "live"
    os.symlink(first, live)
    with serving(live) as url:
        context = browser.new_context(**PHONE, service_workers="block")
        page = context.new_page()
        page.goto(url + "list/")
        page.get_by_text("穿好防护服").click()
        page.reload()
        assert boxes(page) == [False, True, False, False, False]
        assert page.locator(".sw-checklist-tools__notice").is_hidden()
        os.unlink(live)
        os.symlink(second, live)
        page.reload()
        assert boxes(page) == [False] * 5
        notice = page.locator(".sw-checklist-tools__notice")
        assert notice.inner_text() == "清单已经更新到第 2 版，原来的勾选已经清空，请重新勾选。"
        page.reload()  # said once
        assert notice.is_hidden()
        context.close()


def test_without_javascript_a_checklist_is_a_plain_list(browser, server):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "volunteer-shift-checklist/")
    assert page.locator(".sw-task").count() >= 15
    assert page.locator(".sw-checklist-tools").is_hidden()
    assert page.locator(".sw-toolbar").is_hidden()
    assert page.locator(".sw-task span").first.inner_text().startswith("量体温")
    context.close()


def test_print_hides_navigation_and_shows_the_qr_code(browser, server, tmp_path):
    context = browser.new_context(viewport={"width": 794, "height": 1123},
                                  device_scale_factor=2)
    page = context.new_page()
    page.goto(server + "testing-guide/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".sw-languages", ".sw-toolbar",
                   ".md-search"):
        assert page.locator(hidden).first.is_hidden(), hidden
    qr = page.locator(".sw-print .sw-qr__code")
    assert qr.is_visible()
    assert re.search(r"第 \d+ 版", page.locator(".sw-print").inner_text())
    png = tmp_path / "qr.png"
    qr.screenshot(path=str(png))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True,
                             text=True, check=True).stdout.strip()
    assert decoded == SITE_URL + "testing-guide/"
    page.emulate_media(media="screen")
    assert qr.is_hidden()
    context.close()


def test_the_qr_code_svg_decodes_to_its_url(browser, tmp_path):
    url = SITE_URL + "en/volunteer-tips/"
    page = browser.new_page()
    page.set_content(f"<body style='margin:0;background:#fff'>{qr_svg(url, 'QR')}</body>")
    png = tmp_path / "qr.png"
    page.locator("svg").screenshot(path=str(png))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True,
                             text=True, check=True).stdout.strip()
    assert decoded == url
    page.close()


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory) -> Path:
    """The repository's site built by `guides pdf` (the real command)."""
    out = tmp_path_factory.mktemp("pdf") / "site"
    result = subprocess.run([sys.executable, "-m", "guides", "pdf", "-d", str(out)], cwd=REPO,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return out


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def test_pdfs_have_real_chinese_text_and_stay_small(pdf_site):
    pdfs = sorted(pdf_site.rglob("*.pdf"))
    assert len(pdfs) >= 18
    for pdf in pdfs:
        assert pdf.stat().st_size <= 1024 * 1024, pdf
    text = pdf_text(pdf_site / "testing-guide/testing-guide.pdf")
    for heading in ("居民核酸检测五项指南", "现在就做", "核酸等候", "求助电话"):
        assert heading in text
    assert SITE_URL + "testing-guide/" in text.replace("\n", "")
    fonts = subprocess.run(["pdffonts", str(pdf_site / "testing-guide/testing-guide.pdf")],
                           capture_output=True, text=True, check=True).stdout
    # a real font, embedded as a subset (not glyphs drawn as Type 3 procedures)
    assert re.search(r"\+WenQuanYiMicroHei\s+CID TrueType\s+Identity-H\s+yes yes yes", fonts)
    dialect = pdf_text(pdf_site / "wuu/testing-guide/testing-guide.pdf")
    assert "马上就要做格" in dialect


def test_the_pdfs_qr_code_leads_to_the_live_page(pdf_site, tmp_path):
    pdf = pdf_site / "en/ngo-contingency-plan/ngo-contingency-plan.pdf"
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", "-f", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "page.png")],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert decoded == SITE_URL + "en/ngo-contingency-plan/"


def test_pdfs_show_the_time_context_sources_and_review(pdf_site):
    """Issue 12: on paper too, a guide says which time its measures belong to, what it
    follows and who reviewed it (the tip sheet still on its one page, checked below)."""
    for path, words in [
        ("testing-guide/testing-guide.pdf", ("当时的做法", "今天请先按当地现行的规定做", "依据",
                                             "新型冠状病毒肺炎防控方案", "内容审核")),
        ("en/volunteer-tips/volunteer-tips.pdf", ("Measures from their time", "Sources",
                                                  "Content review")),
        ("wuu/testing-guide/testing-guide.pdf", ("当时格做法", "依据")),
    ]:
        text = pdf_text(pdf_site / path).replace("\n", "")
        for word in words:
            assert word in text, (path, word)


def test_tip_sheets_print_on_one_page_and_pages_link_their_pdf(pdf_site):
    for root in ("", "en/"):
        assert pdf_pages(pdf_site / root / "volunteer-tips/volunteer-tips.pdf") == 1
    page = (pdf_site / "volunteer-shift-checklist/index.html").read_text(encoding="utf-8")
    assert '<a href="volunteer-shift-checklist.pdf" download>' in page
    home = (pdf_site / "index.html").read_text(encoding="utf-8")
    assert 'name="shouwang:pdf"' not in home
    assert not (pdf_site / "en/volunteer-shift-checklist/volunteer-shift-checklist.pdf").exists()
