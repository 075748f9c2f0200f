"""Every page carries a strict Content-Security-Policy that the site's own scripts satisfy,
and that stops a script that got into a page from running."""

from __future__ import annotations

import re

import pytest

from conftest import PHONE

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_every_page_has_the_policy(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue  # the tiny redirect pages of renamed guides run no script
        if page.parent.name == "lite":
            continue  # lite pages run no script at all: their policy in tests/test_lite.py
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">',
                           text)
        assert policy, page
        assert "script-src 'self' 'sha256-" in policy.group(1)
        assert "'unsafe-inline'" not in policy.group(1)
        assert text.index("Content-Security-Policy") < text.index("<script")


@pytest.mark.parametrize("path", ["", "testing-guide/", "volunteer-shift-checklist/",
                                  "wuu/testing-guide/", "en/volunteer-tips/"])
def test_the_sites_own_scripts_satisfy_it(browser, server, path):
    context = browser.new_context(**PHONE)
    context.add_init_script(WATCH)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: "Content Security Policy" in m.text and errors.append(m.text))
    page.goto(server + path)
    page.click("[data-sw-care]")
    if page.locator(".sw-task").count():
        page.locator(".sw-task").first.click()
    page.click("label[for=__search]")
    page.keyboard.insert_text("核酸" if not path.startswith("en/") else "testing")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.reload()
    assert page.evaluate("window.__violations") == []
    assert errors == []
    context.close()


def test_a_script_that_slipped_into_a_page_does_not_run(browser, server):
    context = browser.new_context(**PHONE)
    context.add_init_script(WATCH)
    page = context.new_page()
    page.goto(server + "testing-guide/")
    page.evaluate("""() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 1';
      document.body.appendChild(s);
      const img = document.createElement('img');
      img.src = 'https://example.com/track.png';
      document.body.appendChild(img);
    }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    violations = page.evaluate("window.__violations")
    assert any(v.startswith("script-src") for v in violations)
    assert any("example.com" in v for v in violations)
    context.close()
