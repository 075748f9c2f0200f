/* Shouwang Guides on the page: care mode, read aloud, "updated since you last came",
   checklists that remember their ticks, and the offline service worker. Hooked to Material's document$ so it survives
   instant navigation, were that ever turned on. */
(function () {
  "use strict";
  var SPEECH_LANG = { zh: "zh", en: "en", wuu: null };  // no engine speaks Suzhou dialect
  var FILL_DELAY_MS = 5000;  // offline copies are fetched after the page has settled

  function store(key, value) {
    try {
      if (value === undefined) return localStorage.getItem(key);
      localStorage.setItem(key, value);
    } catch (e) { return null; }
    return value;
  }

  function setupCare(toolbar) {
    var button = toolbar.querySelector("[data-sw-care]");
    var root = document.documentElement;
    button.setAttribute("aria-pressed", String(root.classList.contains("sw-care")));
    button.addEventListener("click", function () {
      var on = !root.classList.contains("sw-care");
      root.classList.toggle("sw-care", on);
      button.setAttribute("aria-pressed", String(on));
      store("sw-care", on ? "on" : "off");
    });
  }

  function articleText() {
    var article = document.querySelector(".md-content__inner");
    if (!article) return [];
    var copy = article.cloneNode(true);
    copy.querySelectorAll(".sw-languages, .sw-lite, .sw-toolbar, .sw-audio, .sw-print, .sw-checklist-tools, " +
                          ".sw-progress, .headerlink, script, style")
      .forEach(function (node) { node.remove(); });
    // the time context (issue 12) is read right after the title, not before it
    var context = copy.querySelector(".sw-context");
    if (context) context.remove();
    var parts = blocks(copy);
    if (context) {
      var title = copy.querySelector("h1") ? 1 : 0;
      parts.splice.apply(parts, [title, 0].concat(blocks(context)));
    }
    return parts;
  }

  function blocks(root) {
    var parts = [];
    root.querySelectorAll("h1, h2, h3, h4, p, li, td, th, .admonition-title").forEach(function (node) {
      if (node.querySelector("p, li")) return;  // read the innermost blocks only
      var text = node.textContent.replace(/\s+/g, " ").trim();
      if (text) parts.push(text);
    });
    return parts;
  }

  function findVoice(prefix) {
    var voices = window.speechSynthesis.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang.toLowerCase().replace("_", "-").indexOf(prefix) === 0) return voices[i];
    }
    return null;
  }

  function setupReading(toolbar) {
    var read = toolbar.querySelector("[data-sw-read]");
    var pause = toolbar.querySelector("[data-sw-pause]");
    var stop = toolbar.querySelector("[data-sw-stop]");
    var status = toolbar.querySelector(".sw-toolbar__status");
    var pauseLabel = pause.textContent;
    var prefix = SPEECH_LANG[toolbar.getAttribute("data-sw-lang")];
    var synth = window.speechSynthesis;

    function say(message) {
      status.hidden = !message;
      status.textContent = message || "";
      var recording = status.getAttribute("data-recording");
      if (message && recording) {
        var link = document.createElement("a");
        link.href = "#sw-audio";
        link.textContent = recording;
        status.appendChild(document.createTextNode(" "));
        status.appendChild(link);
      }
    }
    function idle() {
      read.hidden = false; pause.hidden = true; stop.hidden = true;
      pause.textContent = pauseLabel;
    }
    function start(voice) {
      synth.cancel();
      var parts = articleText();
      parts.forEach(function (text, index) {
        var utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = voice.lang;
        utterance.voice = voice;
        if (index === parts.length - 1) utterance.onend = idle;
        synth.speak(utterance);
      });
      read.hidden = true; pause.hidden = false; stop.hidden = false;
    }
    read.addEventListener("click", function () {
      if (!synth || !prefix) { say(status.getAttribute("data-novoice")); return; }
      var voice = findVoice(prefix);
      if (voice) { say(""); start(voice); return; }
      var done = false;  // voices load late in some browsers
      var retry = function () {
        if (done) return;
        done = true;
        var late = findVoice(prefix);
        if (late) { say(""); start(late); } else { say(status.getAttribute("data-novoice")); }
      };
      synth.addEventListener("voiceschanged", retry, { once: true });
      setTimeout(retry, 800);
    });
    pause.addEventListener("click", function () {
      if (synth.paused) { synth.resume(); pause.textContent = pauseLabel; }
      else { synth.pause(); pause.textContent = pause.getAttribute("data-resume"); }
    });
    stop.addEventListener("click", function () { synth.cancel(); idle(); });
    window.addEventListener("pagehide", function () { if (synth) synth.cancel(); });
  }

  function setupUpdated(toolbar) {
    var id = toolbar.getAttribute("data-sw-id");
    var version = parseInt(toolbar.getAttribute("data-sw-version"), 10);
    if (!id || !version) return;
    var key = "sw-seen:" + toolbar.getAttribute("data-sw-lang") + ":" + id;
    var seen = parseInt(store(key), 10);
    var notice = toolbar.querySelector(".sw-updated");
    if (seen && seen < version) {
      notice.textContent = notice.getAttribute("data-text")
        .replace("{version}", version).replace("{updated}", toolbar.getAttribute("data-sw-updated"));
      notice.hidden = false;
    }
    store(key, String(version));
  }

  function setupOffline(toolbar) {
    if (!("serviceWorker" in navigator)) return;
    var root = new URL(toolbar.getAttribute("data-sw-root"), location.href);
    var register = function () {
      navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
        .then(function (registration) {
          setTimeout(function () {
            var worker = registration.active || registration.waiting || registration.installing;
            if (worker) worker.postMessage({ type: "fill" });
          }, FILL_DELAY_MS);
        })
        .catch(function () {});
    };
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
  }

  function setupChecklist(toolbar) {
    var body = document.querySelector(".sw-kind-checklist");
    var tools = document.querySelector(".sw-checklist-tools");
    if (!body || !tools) return;
    var lang = toolbar.getAttribute("data-sw-lang"), id = toolbar.getAttribute("data-sw-id");
    var version = toolbar.getAttribute("data-sw-version");
    var prefix = "sw-check:" + lang + ":" + id + ":";
    var key = prefix + version;
    var boxes = Array.prototype.slice.call(body.querySelectorAll(".sw-task input[type=checkbox]"));
    var notice = tools.querySelector(".sw-checklist-tools__notice");
    var renewed = false;
    try {  // ticks of an older version of this checklist: drop them, and say why
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var name = localStorage.key(i);
        if (name && name.indexOf(prefix) === 0 && name !== key) {
          localStorage.removeItem(name);
          renewed = true;
        }
      }
    } catch (e) {}
    if (renewed) {
      notice.textContent = tools.getAttribute("data-renewed").replace("{version}", version);
      notice.hidden = false;
    }
    var saved = [];
    try { saved = JSON.parse(store(key) || "[]"); } catch (e) { saved = []; }
    var sections = Array.prototype.slice.call(body.querySelectorAll(".sw-section"));
    var lines = sections.map(function (section) {
      var line = document.createElement("p");
      line.className = "sw-progress";
      line.setAttribute("aria-live", "polite");
      var heading = section.querySelector("h2");
      heading.insertAdjacentElement("afterend", line);
      return line;
    });
    function update() {
      var ticked = [];
      boxes.forEach(function (box, index) { if (box.checked) ticked.push(index); });
      store(key, JSON.stringify(ticked));
      sections.forEach(function (section, index) {
        var all = section.querySelectorAll(".sw-task input[type=checkbox]");
        var done = section.querySelectorAll(".sw-task input[type=checkbox]:checked").length;
        var phase = section.querySelector("h2").textContent.trim();
        lines[index].textContent = tools.getAttribute("data-progress")
          .replace("{phase}", phase).replace("{done}", done).replace("{total}", all.length);
        section.classList.toggle("sw-section--done", all.length > 0 && done === all.length);
      });
    }
    boxes.forEach(function (box, index) {
      box.disabled = false;
      box.checked = saved.indexOf(index) >= 0;
      box.addEventListener("change", update);
    });
    var reset = tools.querySelector("[data-sw-reset]");
    var confirm = tools.querySelector(".sw-checklist-tools__confirm");
    reset.addEventListener("click", function () { reset.hidden = true; confirm.hidden = false; });
    tools.querySelector("[data-sw-reset-no]").addEventListener("click", function () {
      confirm.hidden = true; reset.hidden = false;
    });
    tools.querySelector("[data-sw-reset-yes]").addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      update();
      confirm.hidden = true; reset.hidden = false;
    });
    update();
  }

  // w-text (issue 14): the Share panel's code loads on the first tap (share.js).
  function setupShare() {
    var box = document.querySelector("[data-sw-share]"), button = box && box.firstElementChild;
    if (!button || !button.hidden) return;
    button.hidden = false;
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function () {
      if (window.swShare) return window.swShare(box);
      var script = document.createElement("script");
      script.src = box.getAttribute("data-sw-share");
      script.onload = function () { window.swShare(box); };
      document.head.appendChild(script);
    });
  }

  /* light3 (issue 17): the drawer's page list is one file for the whole language
     (guides/navmenu.py); the page keeps the home page's item and its own. The list comes
     back on the reader's first touch, click, key or focus, when the menu opens, and at once
     where the sidebar shows. Its links are relative to the file. */
  var WIDE = "(min-width: 76.25em)";  // Material's breakpoint for the sidebar
  function setupNav() {
    var list = document.querySelector("[data-sw-nav]");
    if (!list || list.getAttribute("data-sw-nav-state")) return;
    list.setAttribute("data-sw-nav-state", "waiting");
    var EVENTS = ["pointerdown", "touchstart", "mousedown", "keydown", "focusin"];
    var wide = window.matchMedia ? window.matchMedia(WIDE) : null;
    var drawer = document.getElementById("__drawer");
    function fill(html, src) {
      var own = {};
      Array.prototype.forEach.call(list.children, function (item) {
        var link = item.querySelector(":scope > a.md-nav__link");
        if (link) own[link.href.split("#")[0]] = item;
      });
      var box = document.createElement("template");
      box.innerHTML = html;
      var items = Array.prototype.map.call(box.content.children, function (item) {
        var link = item.querySelector(":scope > a.md-nav__link");
        if (!link) return item;
        var href = new URL(link.getAttribute("href"), src).href;
        if (own[href]) return own[href];  // the page's own item, with its contents
        link.setAttribute("href", href);
        return item;
      });
      items.forEach(function (item) { list.appendChild(item); });
      list.setAttribute("data-sw-nav-state", "done");
    }
    function load() {
      if (list.getAttribute("data-sw-nav-state") !== "waiting") return;
      list.setAttribute("data-sw-nav-state", "loading");
      EVENTS.forEach(function (name) { document.removeEventListener(name, load, true); });
      var script = document.createElement("script");
      script.src = new URL(list.getAttribute("data-sw-nav"), location.href).href;
      window.swNav = function (html) { fill(html, script.src); };
      script.onerror = function () {  // offline and never cached: again when the menu opens
        list.setAttribute("data-sw-nav-state", "waiting");
        script.remove();
      };
      document.body.appendChild(script);
    }
    EVENTS.forEach(function (name) {
      document.addEventListener(name, load, { capture: true, passive: true });
    });
    if (drawer) drawer.addEventListener("change", load);
    if (wide && wide.addEventListener) wide.addEventListener("change", load);
    if ((wide && wide.matches) || (drawer && drawer.checked)) load();
  }

  function setup() {
    setupNav();
    setupShare();
    var toolbar = document.querySelector(".sw-toolbar");
    if (!toolbar || toolbar.getAttribute("data-sw-ready")) return;
    toolbar.setAttribute("data-sw-ready", "1");
    setupCare(toolbar);
    setupReading(toolbar);
    setupUpdated(toolbar);
    setupChecklist(toolbar);
    setupOffline(toolbar);
  }

  /* Material's bundle (issue 17): reading needs none of it (the menu opens with CSS), so
     the build moved it from the page to data-sw-bundle on this script's tag, and it is
     fetched on the reader's first touch, click, key or focus; at once when the search or
     the menu is already open, or when instant navigation is on (it needs the bundle).
     `hook` (data-sw-hook): the search hook the build moved out of the page
     (partials/sw-lazy-search.html) and Material's storage helpers, run just before the bundle. */
  function deferMaterial(src, hook) {
    var EVENTS = ["pointerdown", "touchstart", "mousedown", "keydown", "focusin"];
    var started = false, printing = [];
    function start() {
      if (started) return;
      started = true;
      EVENTS.forEach(function (name) { document.removeEventListener(name, start, true); });
      // Material starts on DOMContentLoaded, which has passed: the listeners it adds while
      // it runs are kept and called once it has run
      var ready = [], add = document.addEventListener;
      document.addEventListener = function (type, listener) {
        if (type === "DOMContentLoaded") { ready.push(listener); return undefined; }
        return add.apply(this, arguments);
      };
      if (hook) {  // scripts added with async = false run in the order they were added
        var first = document.createElement("script");
        first.src = hook;
        first.async = false;
        document.body.appendChild(first);
      }
      var script = document.createElement("script");
      script.src = src;
      script.async = false;
      script.onload = script.onerror = function () {
        document.addEventListener = add;
        var event = new Event("DOMContentLoaded");
        ready.forEach(function (listener) {
          if (typeof listener === "function") listener.call(document, event);
          else if (listener && listener.handleEvent) listener.handleEvent(event);
        });
        // what the reader typed into search before the bundle arrived is searched for
        var query = document.querySelector("[data-md-component=search-query]");
        if (query && query.value) query.dispatchEvent(new KeyboardEvent("keyup", { key: "End" }));
      };
      document.body.appendChild(script);
    }
    var features = [];
    try { features = JSON.parse(document.getElementById("__config").textContent).features || []; }
    catch (e) {}
    var open = document.querySelector("#__search:checked, #__drawer:checked");
    if (features.indexOf("navigation.instant") >= 0 || open) { start(); return; }
    EVENTS.forEach(function (name) {
      document.addEventListener(name, start, { capture: true, passive: true });
    });
    // until the bundle runs: opening search puts the cursor in its box, and printing
    // opens folded sections, as Material would
    document.addEventListener("change", function (event) {
      if (started && window.document$) return;
      if (event.target && event.target.id === "__search" && event.target.checked) {
        var query = document.querySelector("[data-md-component=search-query]");
        if (query) query.focus();
      }
    });
    window.addEventListener("beforeprint", function () {
      if (started) return;
      printing = Array.prototype.filter.call(document.querySelectorAll("details"),
        function (details) { return !details.open; });
      printing.forEach(function (details) { details.open = true; });
    });
    window.addEventListener("afterprint", function () {
      printing.forEach(function (details) { details.open = false; });
      printing = [];
    });
  }

  var self = document.currentScript;
  var bundle = self && self.getAttribute("data-sw-bundle");
  if (bundle) deferMaterial(bundle, self.getAttribute("data-sw-hook"));

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else setup();
})();
