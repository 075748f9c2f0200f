/* Runs overrides/assets/javascripts/search-worker.js under Node against a built language
   site, the way a browser would (its fetch reads the site's files), and prints the answers.

     node tests/search_query.js [--offline] SITE_DIR QUERY...
       ->  [{query, items: [[{location, title, text, score, terms}...]...], exact, notice}]

   `exact`: how many leading pages hold the whole query; `notice`: "partial" (no page
   holds it: the closest are shown), "offline" (a file it needed could not be fetched) or
   "". With --offline every fetch fails as a browser's does without a network.
   The tests use it to ask the real worker many questions without starting a browser. */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const args = process.argv.slice(2);
const offline = args[0] === "--offline";
const [site, ...queries] = offline ? args.slice(1) : args;
const code = fs.readFileSync(path.join(__dirname, "../overrides/assets/javascripts/search-worker.js"), "utf8");
const root = "http://site.test/";
let listener = null;
const posted = [];
const context = {
  URL, Promise, Math, JSON, Object, RegExp, String, Number, console,
  self: {
    location: { href: root + "assets/javascripts/search-worker.js" },
    addEventListener: (type, fn) => { listener = fn; },
    postMessage: (message) => posted.push(message),
  },
  fetch: async (url) => {
    if (offline) throw new TypeError("Failed to fetch");
    const file = path.join(site, decodeURIComponent(new URL(url).pathname));
    if (!fs.existsSync(file)) return { ok: false, status: 404 };
    const text = fs.readFileSync(file, "utf8");
    return { ok: true, status: 200, json: async () => JSON.parse(text) };
  },
};
vm.createContext(context);
vm.runInContext(code, context);

async function ask(query) {
  const before = posted.length;
  listener({ data: { type: 2, data: query } });
  while (posted.length === before) await new Promise((resolve) => setTimeout(resolve, 1));
  return posted[posted.length - 1].data;
}

(async () => {
  const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
  listener({ data: { type: 0, data: { config: index.config, docs: index.docs, options: {} } } });
  const out = [];
  for (const query of queries) {
    const result = await ask(query);
    out.push({ query, items: result.items.map((group) => group.map((item) => ({
      location: item.location, title: item.title, text: item.text, score: item.score,
      terms: item.terms, copies: item.copies }))),
      exact: (result.shouwang || {}).exact || 0, notice: (result.shouwang || {}).notice || "" });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => { console.error(error.stack || String(error)); process.exit(1); });
