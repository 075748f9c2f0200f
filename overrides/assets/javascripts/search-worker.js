/* Answers Material's search UI from the sharded index that guides/search_shards.py writes.

   Material's own worker downloads the whole index before the first result; this one reads
   search/search_index.json (a stub: Material's config plus where the shards are) and then,
   per query, only the shards holding the query's terms, the page list, and the entries of
   the first pages shown. It speaks Material's worker protocol (SETUP 0, READY 1, QUERY 2,
   RESULT 3), so the search box, results and their texts are Material's.

   Tokenising and sharding must match guides/search_shards.py exactly. */
"use strict";
var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
var TOKEN = new RegExp("[" + HAN + "]+|[0-9a-z\u00c0-\u024f]+", "g");
var IS_HAN = new RegExp("^[" + HAN + "]");
var FULL_RESULTS = 10; // pages shown with their sections; the rest by title
var base = new URL("../../search/", self.location.href).href;
var info = null, cache = {}, latest = 0;

function fetchJSON(name) {
  if (!cache[name]) {
    cache[name] = fetch(base + info.version + "/" + name).then(function (response) {
      if (!response.ok) throw new Error(name + ": " + response.status);
      return response.json();
    });
    cache[name].catch(function () { delete cache[name]; });
  }
  return cache[name];
}

function fnv1a(text) {
  var value = 2166136261;
  for (var i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 16777619) >>> 0;
  }
  return value;
}

function shardOf(term) {
  var key = IS_HAN.test(term) ? term[0] : term.slice(0, 2);
  return fnv1a(key) % info.shards;
}

/* English query words lose a plural or verb ending and are then matched as a prefix:
   "volunteering" finds "volunteer" and "volunteers", "guides" finds "guide". */
function stem(word) {
  var m = /^(.{3,}?)(ing|ed|es|s)$/.exec(word);
  return word.length > 4 && m ? m[1] : word;
}

/* Query terms: each run of Chinese characters, and each other word (at least 2 letters). */
function queryTerms(query) {
  var text = query.normalize("NFKC").toLowerCase().replace(/\u200b/g, "");
  var found = [];
  (text.match(TOKEN) || []).forEach(function (token) {
    var han = IS_HAN.test(token);
    if (!han) token = stem(token);
    if ((han || token.length >= 2) && found.indexOf(token) < 0) found.push(token);
  });
  return found;
}

function decode(deltas) {
  var out = [], value = 0;
  for (var i = 0; i < deltas.length; i++) { value += deltas[i]; out.push(value); }
  return out;
}

/* Entries holding a term, as a map entry -> weight (a match in a title counts more): for
   a word, every indexed word it begins; for one Chinese character, every pair it begins
   and its place at the end of a run. (Longer Chinese runs: lookupRun.) */
function lookup(term) {
  return fetchJSON(shardOf(term) + ".json").then(function (shard) {
    var hits = {};
    Object.keys(shard).forEach(function (key) {
      if (key.indexOf(term) !== 0) return;
      decode(shard[key]).forEach(function (v) {
        var entry = v >> 1, weight = v & 1 ? 5 : 1;
        hits[entry] = Math.max(hits[entry] || 0, weight);
      });
    });
    return hits;
  });
}

/* A run of Chinese characters: entries holding every one of its character pairs. */
function lookupRun(term) {
  var pairs = [];
  for (var i = 0; i + 1 < term.length; i++) if (pairs.indexOf(term.substr(i, 2)) < 0) pairs.push(term.substr(i, 2));
  return Promise.all(pairs.map(function (pair) {
    return fetchJSON(shardOf(pair) + ".json").then(function (shard) { return shard[pair] || []; });
  })).then(function (lists) {
    var hits = null;
    lists.forEach(function (values) {
      var next = {};
      decode(values).forEach(function (v) {
        var entry = v >> 1, weight = v & 1 ? 5 : 1;
        if (hits === null || entry in hits)
          next[entry] = Math.min(hits === null ? weight : hits[entry], weight);
      });
      hits = next;
    });
    return hits || {};
  });
}

function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

function highlighter(terms) {
  if (!terms.length) return function (html) { return html; };
  var re = new RegExp(terms.map(function (term) {
    return IS_HAN.test(term) ? escapeRegExp(term)
                             : "(?<![0-9a-z\u00c0-\u024f])" + escapeRegExp(term) + "[0-9a-z\u00c0-\u024f]*";
  }).join("|"), "gi");
  return function (html) {
    return html.split(/(<[^>]*>|&[#0-9a-z]+;)/i).map(function (part, i) {
      return i % 2 ? part : part.replace(re, "<mark>$&</mark>");
    }).join("");
  };
}

function search(query) {
  var terms = queryTerms(query);
  if (!terms.length) return Promise.resolve({ items: [], suggest: [] });
  return Promise.all([fetchJSON("pages.json")].concat(terms.map(function (term) {
    return IS_HAN.test(term) && term.length > 1 ? lookupRun(term) : lookup(term);
  }))).then(function (loaded) {
    var pages = loaded[0], hits = loaded.slice(1);
    var starts = [], at = 0;
    pages.forEach(function (page) { starts.push(at); at += page[2]; });
    function pageOf(entry) {
      var lo = 0, hi = starts.length - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= entry) lo = mid; else hi = mid - 1; }
      return lo;
    }
    /* Per page: which terms it holds, and each matching entry's score. */
    var found = {};
    hits.forEach(function (entries, t) {
      var keys = Object.keys(entries), idf = Math.log(1 + info.entries / (keys.length || 1));
      keys.forEach(function (key) {
        var entry = +key, p = pageOf(entry);
        var page = found[p] || (found[p] = { terms: {}, entries: {}, score: 0 });
        page.terms[t] = true;
        var e = page.entries[entry] || (page.entries[entry] = { score: 0, terms: {} });
        e.score += idf * entries[key] * (entry === starts[p] ? 1.5 : 1);
        e.terms[t] = true;
      });
    });
    /* Pages holding every term come first; without any, the ones holding the most. */
    var ids = Object.keys(found).map(Number), most = 0;
    ids.forEach(function (p) { most = Math.max(most, Object.keys(found[p].terms).length); });
    ids = ids.filter(function (p) { return Object.keys(found[p].terms).length === most; });
    ids.forEach(function (p) {
      var page = found[p];
      Object.keys(page.entries).forEach(function (e) { page.score = Math.max(page.score, page.entries[e].score); });
    });
    ids.sort(function (a, b) { return found[b].score - found[a].score || a - b; });
    var mark = highlighter(terms);
    return Promise.all(ids.slice(0, FULL_RESULTS).map(function (p) {
      return fetchJSON("d/" + p + ".json");
    })).then(function (details) {
      var items = ids.map(function (p, rank) {
        var page = found[p], location = pages[p][0];
        function item(entry, title, text) {
          var e = page.entries[entry], matched = {};
          terms.forEach(function (term, t) { matched[term] = !!(e && e.terms[t]); });
          return { location: location + (entry === starts[p] ? "" : title[0]),
                   title: mark(title[1]), text: mark(text), score: e ? e.score : 0,
                   terms: matched };
        }
        if (rank >= FULL_RESULTS) {
          return [item(starts[p], ["", pages[p][1]], "")];
        }
        var group = [];
        details[rank].forEach(function (row, i) {
          var entry = starts[p] + i;
          if (i === 0 || page.entries[entry]) group.push(item(entry, row, row[2]));
        });
        return group.sort(function (a, b) { return b.score - a.score; });
      });
      return { items: items, suggest: [] };
    });
  });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === 0) {
    info = (message.data && message.data.config && message.data.config.shouwang) || null;
    if (info) fetchJSON("pages.json").catch(function () {}); // every query needs it
    self.postMessage({ type: 1 });
  } else if (message.type === 2) {
    var ticket = ++latest;
    var answer = info ? search(String(message.data || "")) : Promise.resolve({ items: [] });
    answer.catch(function () { return { items: [] }; }).then(function (data) {
      if (ticket === latest) self.postMessage({ type: 3, data: data });
    });
  }
});
