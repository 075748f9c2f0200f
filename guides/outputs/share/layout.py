"""The pages Chromium turns into long images and posters: plain HTML and CSS made for the
purpose from a SharedPage, large type, black on white with the site's navy for rules only
nothing loaded from anywhere but the guide's own folder (its images)."""

from __future__ import annotations

import html

from guides.outputs.share.pages import SharedPage
from guides.outputs.share.strings import strings

FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", '
         '"PingFang SC", "Microsoft YaHei", sans-serif')
# As the printed page (shouwang.css): a CJK font with TrueType outlines, which PDFs embed
# as a real subset font (Noto CJK's CFF outlines would become Type 3 glyph drawings).
PRINT_FONTS = f'"WenQuanYi Micro Hei", {FONTS}'

# One CSS pixel is one image pixel (1080 wide): the smallest text is 36 px.
LONG_CSS = """
* { box-sizing: border-box; }
::-webkit-scrollbar { display: none; }
html { background: #fff; }
body { margin: 0; width: 1080px; font: 42px/1.5 $FONTS; color: #000; background: #fff;
       -webkit-font-smoothing: antialiased; }
header { padding: 44px 64px 36px; border-top: 24px solid #1a237e;
         border-bottom: 8px solid #1a237e; }
header .site { margin: 0 0 12px; font-size: 36px; font-weight: 700; color: #1a237e;
               display: flex; justify-content: space-between; }
header .part { color: #000; font-size: 40px; }
header h1 { margin: 0; font-size: 64px; line-height: 1.3; font-weight: 700; }
main { padding: 24px 64px 8px; }
h2 { font-size: 52px; line-height: 1.3; margin: 44px 0 16px; padding-left: 20px;
     border-left: 12px solid #1a237e; }
h3, h4 { font-size: 46px; margin: 32px 0 12px; }
p { margin: 0 0 24px; }
ul, ol { margin: 0 0 24px; padding-left: 1.6em; }
li { margin: 0 0 14px; padding-left: 0.2em; }
li::marker { font-weight: 700; }
a { color: inherit; text-decoration: none; }
a[href^="tel:"], .sw-tel { font-weight: 700; text-decoration: underline; }
strong, b { font-weight: 700; }
img, svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 0 0 24px; font-size: 38px; }
th, td { border: 2px solid #000; padding: 8px 12px; text-align: left; vertical-align: top; }
.admonition, details { border: 3px solid #1a237e; background: #fff; padding: 16px 24px;
                       margin: 24px 0; }
.admonition-title, summary { font-weight: 700; margin: 0 0 8px; list-style: none; }
summary::-webkit-details-marker { display: none; }
.notes .admonition { border-color: #000; background: #fff8e1; }
.notes a { text-decoration: underline; }
.task-list-item { list-style: none; }
.task-list-item input { width: 36px; height: 36px; margin: 0 16px 0 -1.4em;
                        vertical-align: -4px; }
.sw-section { margin: 0; }
.more { font-weight: 700; border-top: 4px solid #000; padding-top: 16px; }
footer { padding: 8px 64px 56px; border-top: 8px solid #1a237e; margin-top: 16px; }
footer h2 { margin-top: 32px; }
.hotlines { list-style: none; padding: 0; margin: 0 0 24px; }
.hotlines li { display: flex; gap: 28px; align-items: baseline; margin: 0 0 16px; }
.hotlines .number { font-size: 56px; font-weight: 700; min-width: 230px; }
.hotlines .name { font-size: 40px; line-height: 1.35; }
.hotlines small { display: block; font-size: 36px; color: #222; }
.qr { display: flex; gap: 36px; align-items: center; margin-top: 24px; }
.qr .code { width: 340px; flex: none; }
.qr .code svg { display: block; width: 340px; height: 340px; }
.qr p { margin: 0; font-size: 36px; line-height: 1.45; overflow-wrap: anywhere; }
.qr .url { font-weight: 700; }
""".replace("$FONTS", FONTS)

# Cuts the guide into parts of at most `height` pixels between blocks (a list is cut
# between its items), never right after a heading; then `swShowPart(n)` shows part n.
SPLIT_SCRIPT = """
({height, most}) => {
  const body = document.querySelector(".body");
  const units = [];
  const visit = (el) => {
    if (el.matches("section")) { for (const c of el.children) visit(c); return; }
    if (el.matches("ul, ol") && el.children.length > 1) {
      for (const li of el.children) units.push(li); return;
    }
    units.push(el);
  };
  for (const child of body.children) visit(child);
  const top = (el) => el.getBoundingClientRect().top + window.scrollY;
  const end = top(document.querySelector(".body-end"));
  const tops = units.map(top);
  const sizes = units.map((u, i) => (i + 1 < units.length ? tops[i + 1] : end) - tops[i]);
  const fixed = document.querySelector("header").offsetHeight
      + document.querySelector("footer").offsetHeight + 120;
  const notes = document.querySelector(".notes").offsetHeight;
  const heading = (u) => /^H[2-6]$/.test(u.tagName);
  // a part that starts inside a section shows that section's heading again
  const sectionHeading = (u) => {
    const section = u.closest("section");
    const h = section && section.querySelector(":scope > h2");
    return h && h !== u ? h : null;
  };
  const parts = [[]];
  const repeated = [null];
  let used = notes;
  units.forEach((unit, i) => {
    const room = height - fixed;
    if (parts[parts.length - 1].length && used + sizes[i] > room) {
      const last = parts[parts.length - 1];
      const carried = [];
      while (last.length > 1 && heading(last[last.length - 1])) carried.unshift(last.pop());
      parts.push(carried);
      used = carried.reduce((sum, u) => sum + sizes[units.indexOf(u)], 0);
      const again = carried.length ? null : sectionHeading(unit);
      repeated.push(again);
      if (again) used += sizes[units.indexOf(again)];
    }
    parts[parts.length - 1].push(unit);
    used += sizes[i];
  });
  const cut = parts.length > most;
  const kept = parts.slice(0, most);
  window.swShowPart = (n) => {
    const shown = new Set(kept[n]);
    if (repeated[n]) shown.add(repeated[n]);
    for (const unit of units) unit.style.display = shown.has(unit) ? "" : "none";
    for (const list of body.querySelectorAll("ol")) {
      const items = Array.from(list.children);
      const first = items.findIndex((li) => shown.has(li));
      list.start = first > 0 ? first + 1 : 1;
    }
    for (const box of body.querySelectorAll("section, ul, ol")) {
      const any = Array.from(box.querySelectorAll("*")).some((u) => shown.has(u));
      box.style.display = any || shown.has(box) ? "" : "none";
    }
    document.querySelector(".notes").style.display = n === 0 ? "" : "none";
    document.querySelector(".part").textContent = kept.length > 1 ? `${n + 1}/${kept.length}` : "";
    document.querySelector(".more").hidden = !(cut && n === kept.length - 1);
  };
  window.swShowPart(0);
  return kept.length;
}
"""


def _breakable(url: str) -> str:
    """An address that wraps after its slashes, not inside a word."""
    return "/<wbr>".join(html.escape(part) for part in url.split("/"))


def _hotlines(shared: SharedPage) -> str:
    rows = "".join(
        f'<li><span class="number">{html.escape(h.number)}</span><span class="name">'
        f"{html.escape(h.name)}" + (f"<small>{html.escape(h.note)}</small>" if h.note else "")
        + "</span></li>" for h in shared.hotlines)
    return f'<ul class="hotlines">{rows}</ul>' if rows else ""


def long_image_html(shared: SharedPage) -> str:
    words = strings(shared.lang)
    hotlines = _hotlines(shared)
    heading = f"<h2>{html.escape(words['hotlines'])}</h2>" if hotlines else ""
    return f"""<!doctype html>
<html lang="{html.escape(shared.lang)}"><head><meta charset="utf-8">
<base href="{shared.folder.resolve().as_uri()}/">
<style>{LONG_CSS}</style></head><body>
<header><p class="site"><span>{html.escape(shared.site_name)}</span><span class="part"></span></p>
<h1>{html.escape(shared.title)}</h1></header>
<main><div class="notes">{"".join(shared.notes)}</div>
<div class="body">{shared.body}</div><div class="body-end"></div>
<p class="more" hidden>{html.escape(words['more'])}</p></main>
<footer>{heading}{hotlines}
<div class="qr"><div class="code">{shared.qr_svg}</div>
<p>{html.escape(shared.scan)}<br><span class="url">{_breakable(shared.url)}</span><br>
{html.escape(shared.meta_line)}</p></div></footer>
</body></html>
"""


# The poster: the printed page's parts (title, the QR code and version line of
# sw-print.html) on one A4 sheet in large type for a notice board or a door: the guide's
# first section, the hotlines, and the QR code back to the live page.
POSTER_CSS = """
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; background: #fff; }
body { width: 210mm; font: 26pt/1.4 $FONTS; color: #000; }
html[lang="en"] body { font-family: "Liberation Sans", Arial, $FONTS; }
.sheet { width: 210mm; height: 297mm; padding: 14mm 15mm 12mm; display: flex;
         flex-direction: column; overflow: hidden; }
header { border-bottom: 2.5mm solid #1a237e; padding-bottom: 4mm; margin-bottom: 5mm; }
header .site { margin: 0 0 2mm; font-size: 14pt; color: #1a237e; font-weight: 700; }
h1 { margin: 0; font-size: 2em; line-height: 1.2; }
.first { flex: 1 1 auto; overflow: hidden; }
.first h2 { font-size: 1.3em; margin: 0 0 3mm; }
.first p { margin: 0 0 3mm; }
.first ul, .first ol { margin: 0 0 3mm; padding-left: 1.5em; }
.first li { margin: 0 0 2mm; }
.first li::marker { font-weight: 700; }
a { color: inherit; text-decoration: none; }
a[href^="tel:"] { font-weight: 700; }
img, svg { max-width: 100%; height: auto; }
.notes .admonition { border: 0.6mm solid #000; padding: 2mm 4mm; margin: 0 0 4mm;
                     font-size: max(12pt, 0.6em); background: #fff8e1; }
.notes .admonition-title { font-weight: 700; margin: 0; }
.notes p { margin: 0; }
.more { font-weight: 700; font-size: 0.8em; }
footer { flex: none; display: flex; gap: 8mm; align-items: flex-start;
         border-top: 1mm solid #000; padding-top: 5mm; }
.hotlines { flex: 1; list-style: none; padding: 0; margin: 0; font-size: 14pt;
            line-height: 1.25; }
.hotlines h2 { font-size: 16pt; margin: 0 0 2mm; }
.hotlines li { display: flex; gap: 4mm; align-items: baseline; margin: 0 0 2mm; }
.hotlines .number { font-size: 20pt; font-weight: 700; min-width: 25mm; }
.hotlines small { display: none; }
.qr { flex: none; width: 62mm; font-size: 11pt; line-height: 1.3; }
.qr svg { display: block; width: 62mm; height: 62mm; }
.qr p { margin: 2mm 0 0; overflow-wrap: anywhere; }
.qr .url { font-weight: 700; }
""".replace("$FONTS", PRINT_FONTS)

# Shrinks the type from 26 pt until the sheet holds the first section (down to 16 pt),
# then leaves out its last blocks or list items, saying that there is more.
FIT_SCRIPT = """
() => {
  const first = document.querySelector(".first");
  const over = () => first.scrollHeight > first.clientHeight + 1;
  let size = 26;
  while (over() && size > 16) { size -= 1; document.body.style.fontSize = size + "pt"; }
  if (!over()) return size;
  document.querySelector(".more").hidden = false;
  const units = Array.from(first.querySelectorAll(
    ".body > :not(section), .body section > *, .body li"));
  for (let i = units.length - 1; i > 0 && over(); i--) units[i].remove();
  return size;
}
"""


def first_section(body: str) -> str:
    """The guide's first section (a resident guide's "what to do now"): the first <h2>
    with what follows it; the whole body when it has no sections."""
    start = body.find('<section class="sw-section">')
    if start < 0:
        return body
    end = body.find("</section>", start)
    return body[start:end + len("</section>")] if end > 0 else body[start:]


def poster_html(shared: SharedPage) -> str:
    words = strings(shared.lang)
    hotlines = "".join(
        f'<li><span class="number">{html.escape(h.number)}</span>'
        f"<span>{html.escape(h.name)}</span></li>" for h in shared.hotlines)
    hotlines_block = (f'<div class="hotlines"><h2>{html.escape(words["hotlines"])}</h2>'
                      f'<ul class="hotlines">{hotlines}</ul></div>') if hotlines else \
        '<div class="hotlines"></div>'
    return f"""<!doctype html>
<html lang="{html.escape(shared.lang)}"><head><meta charset="utf-8">
<base href="{shared.folder.resolve().as_uri()}/">
<title>{html.escape(shared.title)}</title>
<style>{POSTER_CSS}</style></head><body><div class="sheet">
<header><p class="site">{html.escape(shared.site_name)}</p>
<h1>{html.escape(shared.title)}</h1></header>
<div class="first"><div class="notes">{"".join(shared.notes)}</div>
<div class="body">{first_section(shared.body)}</div>
<p class="more" hidden>{html.escape(words['more'])}</p></div>
<footer>{hotlines_block}
<div class="qr">{shared.qr_svg}
<p>{html.escape(shared.scan)}<br><span class="url">{_breakable(shared.url)}</span><br>
{html.escape(shared.meta_line)}</p></div></footer>
</div></body></html>
"""
