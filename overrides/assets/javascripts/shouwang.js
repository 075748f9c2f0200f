/* Shouwang Guides on the page: care mode, read aloud, "updated since you last came",
   and the offline service worker. Hooked to Material's document$ so it survives
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
    copy.querySelectorAll(".sw-languages, .sw-toolbar, .sw-audio, .headerlink, script, style")
      .forEach(function (node) { node.remove(); });
    var parts = [];
    copy.querySelectorAll("h1, h2, h3, h4, p, li, td, th, .admonition-title").forEach(function (node) {
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

  function setup() {
    var toolbar = document.querySelector(".sw-toolbar");
    if (!toolbar || toolbar.getAttribute("data-sw-ready")) return;
    toolbar.setAttribute("data-sw-ready", "1");
    setupCare(toolbar);
    setupReading(toolbar);
    setupUpdated(toolbar);
    setupOffline(toolbar);
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else setup();
})();
