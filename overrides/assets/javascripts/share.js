/* Shouwang Guides: the Share panel (issue 14). Loaded on the first tap on 分享/Share
   (shouwang.js), never with the page. It offers only what the page's share/share.json
   lists (written by `guides share`): the long images, the broadcast text to copy, the
   poster; the QR code is the page's own (drawn for print). Everything comes from the
   site itself; the service worker keeps it for offline use. No third-party SDK. */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function json(url) {
    if (!url) return Promise.resolve(null);
    return fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  function copyText(text, field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(field); });
    }
    return legacyCopy(field);
  }

  function legacyCopy(field) {  // WeChat's older browsers: select, then the copy command
    field.focus();
    field.select();
    field.setSelectionRange(0, field.value.length);
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    return done ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function copier(panel, t, text, label) {
    var field = el("textarea", { readonly: "", rows: "10", "class": "sw-share__text" });
    field.value = text;
    var button = el("button", { type: "button", "class": "sw-button", "data-sw-copy": "" }, label);
    var status = el("p", { role: "status", "aria-live": "polite", "class": "sw-share__status" });
    button.addEventListener("click", function () {
      copyText(text, field).then(function () { status.textContent = t.copied; },
                                 function () { status.textContent = t.manual; });
    });
    panel.appendChild(field);
    panel.appendChild(button);
    panel.appendChild(status);
  }

  function build(box, t, data, base) {
    var panel = el("section", { "class": "sw-share__panel", tabindex: "-1",
                                "aria-label": t.title || "" });
    panel.appendChild(el("h2", {}, t.title));
    if (data && typeof data.broadcast === "string") {
      copier(panel, t, data.broadcast, t.copy);
    } else {
      var canonical = document.querySelector("link[rel=canonical]");
      copier(panel, t, canonical ? canonical.href : location.href, t.link);
    }
    var images = data && Array.isArray(data.images) ? data.images : [];
    if (images.length) {
      panel.appendChild(el("p", {}, t.images));
      images.forEach(function (name, index) {
        var href = new URL(name, base).href;
        var label = t.save + (images.length > 1 ? " " + (index + 1) : "");
        var figure = el("figure", { "class": "sw-share__image" });
        figure.appendChild(el("img", { src: href, alt: label, loading: "lazy" }));
        figure.appendChild(el("a", { href: href, download: "", "class": "sw-button" }, label));
        panel.appendChild(figure);
      });
    }
    var qr = document.querySelector(".sw-print .sw-qr svg");
    if (qr) {
      var code = el("figure", { "class": "sw-share__qr" });
      code.appendChild(qr.cloneNode(true));
      code.appendChild(el("figcaption", {}, t.qr));
      panel.appendChild(code);
    }
    if (data && typeof data.poster === "string") {
      panel.appendChild(el("p", {})).appendChild(
        el("a", { href: new URL(data.poster, base).href, download: "", "class": "sw-button" },
           t.poster));
    }
    if (!data && box.hasAttribute("data-json") && !navigator.onLine) {
      panel.appendChild(el("p", { "class": "sw-share__status" }, t.offline));
    }
    var close = el("button", { type: "button", "class": "sw-button" }, t.close);
    close.addEventListener("click", function () { toggle(box, false); });
    panel.appendChild(close);
    box.appendChild(panel);
    return panel;
  }

  function toggle(box, open) {
    var button = box.querySelector("button[aria-expanded]");
    var panel = box.querySelector(".sw-share__panel");
    if (panel) panel.hidden = !open;
    if (button) {
      button.setAttribute("aria-expanded", String(open));
      if (!open) button.focus();
    }
    if (open && panel) panel.focus();
  }

  function styles(script) {  // share.css, next to this script's folder, once
    if (document.querySelector("link[data-sw-share-css]")) return;
    var css = el("link", { rel: "stylesheet", "data-sw-share-css": "",
                           href: new URL("../stylesheets/share.css", script).href });
    document.head.appendChild(css);
  }

  window.swShare = function (box) {
    var panel = box.querySelector(".sw-share__panel");
    if (panel) return toggle(box, panel.hidden);
    if (box.getAttribute("data-loading")) return;
    box.setAttribute("data-loading", "1");
    var script = new URL(box.getAttribute("data-sw-share"), location.href).href;
    styles(script);
    var source = box.hasAttribute("data-json") ? "share/share.json" : null;
    var base = new URL(source || "", location.href).href;
    Promise.all([json(new URL("share-strings.json", script).href), json(source)])
      .then(function (got) {
        box.removeAttribute("data-loading");
        build(box, got[0] || {}, got[1], base);
        toggle(box, true);
      });
  };
})();
