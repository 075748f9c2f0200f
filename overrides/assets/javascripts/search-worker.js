/* Answers Material's search UI from the sharded index that guides/search_shards.py writes.

   Material's own worker downloads the whole index before the first result; this one reads
   search/search_index.json (a stub: Material's config, where the files are, the synonym
   groups) and then, per query, only the shards holding the query's terms, the page-list
   files of the pages shown and the entries of the first pages. It speaks Material's
   worker protocol (SETUP 0, READY 1, QUERY 2, RESULT 3), so the search box and results
   are Material's; a RESULT also carries `shouwang: {notice, exact}` for the notice above
   the results (partials/sw-lazy-search.html).

   Ranking: residents type questions, not keywords. The query's Chinese runs lose their
   question words and particles (STOP), the rest is read as character pairs; English words
   lose stopwords and endings. Each pair or word is a "unit", satisfied by itself or by a
   synonym; a page scores the rarity (idf) of every unit it holds, more in a title or a
   heading, plus a bonus for units found together in one section. Pages holding every
   unit come first (those holding the words as typed before those holding only
   synonyms); when none does, the closest ones, with a notice. A pair the index
   does not hold at all (a pair across two words, 酸结 in 核酸结果) asks nothing.
   s-rank2: among pages holding every unit, those holding more of the query (its small
   words too) come first, then those holding the words as typed (an English word as typed
   before other forms of its stem), then by score; tests/test_search_ranking.py has the rules.

   Tokenising and sharding must match guides/search_shards.py exactly. */
"use strict";
var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
var TOKEN = new RegExp("[" + HAN + "]+|[0-9a-z\u00c0-\u024f]+", "g");
var IS_HAN = new RegExp("^[" + HAN + "]");
var WORD = "0-9a-z\u00c0-\u024f";
var FULL_RESULTS = 10; // pages shown with their sections and matching sentence
var MAX_RESULTS = 20;  // pages shown at all (past FULL_RESULTS by title)
var TITLE = 2.5, HEADING = 1.5; // a term in the page's title, in a section's heading
var TF_K = 1.2;       // s-rank2: BM25's k1, how fast more entries holding a unit stop counting
var CLOSE = 0.2;       // partial results scoring under this share of the best are left out
/* Question words and particles (Mandarin, Suzhou dialect): they weigh nothing. Longest
   first where one holds another. */
var STOP = ("怎么办 怎么样 怎么弄 为什么 是不是 能不能 可不可以 要不要 有没有 会不会 哪能办 哪能 " +
  "哪哼办 哪哼 啥人 点啥 几化 阿好 阿会 阿够 谁 " + // s-questions: Suzhou question words, 谁
  "多少 没有 自己 能 " + // s-rank2: 多少 is Mandarin for 几化; 没有, 自己 (HIT's stop list) and 能 (as 会) carry no topic
  "怎么 怎样 如何 什么 哪里 哪儿 哪些 请问 可以 需要 应该 我们 你们 他们 自家 一下 一些 " +
  "啥个 啥 阿是 阿要 阿有 吗 呢 啊 吧 呀 哦 嘛 么 的 了 地 得 我 你 他 她 要 会 想 " +
  "哉 个 伐 呃 咯 格 喔 嗯 还 和 与 或 在 是 有 就 都 也 很 太 非常 特别 老是 总是").split(" ");
var EN_STOP = ("a an the and or of to in on at for with by from is are am was were be been do " +
  "does did can could should would will shall may might must i me my we our you your he " +
  "she it its they them their this that these those there here how what where when which " +
  "who whom why if please tell need want get got have has had any some about into " +
  /* s-rank2: adverbs and indefinite pronouns that carry no topic (as 还 and 有人 do not):
     "do i still need", "someone fainted" (from the SMART stop list) */
  "still also just yet already now really someone somebody anyone anybody something " +
  "anything everyone everybody while during because").split(" ");
var base = new URL("../../search/", self.location.href).href;
var info = null, cache = {}, latest = 0, groups = [];

function OfflineError(name) { this.name = "OfflineError"; this.message = name; }

function fetchJSON(name) {
  if (!cache[name]) {
    cache[name] = fetch(base + info.version + "/" + name).then(function (response) {
      if (!response.ok) throw new Error(name + ": " + response.status);
      return response.json();
    }, function () { throw new OfflineError(name); }); // no answer at all: the network
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
  var key = IS_HAN.test(term) ? term : term.slice(0, 2);
  return fnv1a(key) % info.shards;
}

/* English query words lose a plural or verb ending and are then matched as a prefix:
   "volunteering" finds "volunteer" and "volunteers", "guides" finds "guide". */
function stem(word) {
  var m = /^(.{3,}?)(ing|ed|es|s)$/.exec(word);
  return word.length > 4 && m ? m[1] : word;
}

function normal(text) {
  return text.normalize("NFKC").toLowerCase().replace(/\u200b/g, "");
}

/* A word's terms: its character pairs (a one-character word: itself, as a prefix), or
   the stems of its English words. */
function termsOf(word) {
  var out = [];
  (normal(word).match(TOKEN) || []).forEach(function (token) {
    if (IS_HAN.test(token)) {
      if (token.length === 1) out.push(token);
      for (var i = 0; i + 1 < token.length; i++) out.push(token.substr(i, 2));
    } else if (token.length >= 2) out.push(stem(token));
  });
  return out.filter(function (t, i) { return out.indexOf(t) === i; });
}

/* The synonyms of a word: the terms of every other word of every group holding it. */
function synonymsOf(word) {
  var alts = [];
  groups.forEach(function (group) {
    var hit = group.some(function (w) { return w === word || (!IS_HAN.test(w) && stem(w) === word); });
    if (!hit) return;
    group.forEach(function (w) {
      if (w === word) return;
      var terms = termsOf(w);
      if (terms.length && !alts.some(function (a) { return a.join() === terms.join(); })) alts.push(terms);
    });
  });
  return alts;
}

/* Which characters of a Chinese run are question words or particles. */
function stopMask(run) {
  var mask = [], i = 0;
  while (i < run.length) {
    var len = 0;
    for (var s = 0; s < STOP.length; s++) {
      if (STOP[s].length > len && run.substr(i, STOP[s].length) === STOP[s]) len = STOP[s].length;
    }
    for (var k = 0; k < Math.max(len, 1); k++) mask.push(len > 0);
    i += Math.max(len, 1);
  }
  return mask;
}

/* A word an editor lists in synonyms.yml is a word: a particle inside it (会 in 社会组织,
   能 in 智能手机, 想 in 想吐) does not split it. */
function wordsKept(token, mask) {
  groups.forEach(function (group) {
    group.forEach(function (word) {
      if (!IS_HAN.test(word) || word.length < 2 || STOP.indexOf(word) >= 0) return;
      for (var at = token.indexOf(word); at >= 0; at = token.indexOf(word, at + 1)) {
        for (var k = at; k < at + word.length; k++) mask[k] = false;
      }
    });
  });
  return mask;
}

/* The query as units: {key (the words shown as "missing"), weight, alts: [[term...]]}. */
function understand(query) {
  var tokens = normal(query).match(TOKEN) || [], units = [];
  var english = tokens.filter(function (t) { return !IS_HAN.test(t) && t.length >= 2; });
  var keepStops = english.every(function (t) { return EN_STOP.indexOf(t) >= 0; });
  var pieces = [];
  tokens.forEach(function (token) {
    if (!IS_HAN.test(token)) {
      if (token.length >= 2 && (keepStops || EN_STOP.indexOf(token) < 0)) pieces.push(token);
      return;
    }
    var mask = wordsKept(token, stopMask(token)), piece = "";
    var all = mask.every(Boolean);
    for (var i = 0; i <= token.length; i++) {
      if (i < token.length && (all || !mask[i])) { piece += token[i]; continue; }
      if (piece) pieces.push(piece);
      piece = "";
    }
  });
  pieces.forEach(function (piece) {
    if (!IS_HAN.test(piece)) {
      var word = stem(piece), alts = [[word]];
      synonymsOf(piece).concat(piece === word ? [] : synonymsOf(word)).forEach(function (a) {
        if (!alts.some(function (b) { return b.join() === a.join(); })) alts.push(a);
      });
      /* s-rank2: the word as typed ("guides") is looked up too, so pages holding it rank
         above those holding only another form of its stem ("guide") */
      units.push({ key: piece, weight: 1, alts: alts, typed: piece === word ? "" : piece });
      return;
    }
    if (piece.length === 1) {
      units.push({ key: piece, weight: 0.5, alts: [[piece]].concat(synonymsOf(piece)) });
      return;
    }
    /* synonyms found inside the piece: their pairs make one unit, the others one each */
    var covered = [];
    groups.forEach(function (group) {
      group.forEach(function (word) {
        if (!IS_HAN.test(word) || word.length < 2) return;
        for (var at = piece.indexOf(word); at >= 0; at = piece.indexOf(word, at + 1)) {
          covered.push({ at: at, word: word });
        }
      });
    });
    covered.sort(function (a, b) { return b.word.length - a.word.length || a.at - b.at; });
    var taken = [], spans = [];
    covered.forEach(function (c) {
      for (var k = c.at; k < c.at + c.word.length; k++) if (taken[k]) return;
      for (k = c.at; k < c.at + c.word.length; k++) taken[k] = true;
      spans.push(c);
    });
    spans.forEach(function (c) {
      units.push({ key: piece, weight: c.word.length - 1, alts: [termsOf(c.word)].concat(synonymsOf(c.word)),
                   span: [c.at, c.at + c.word.length] });
    });
    for (var i = 0; i + 1 < piece.length; i++) {
      if (taken[i] && taken[i + 1]) continue;
      units.push({ key: piece, weight: taken[i] || taken[i + 1] ? 0.5 : 1, alts: [[piece.substr(i, 2)]],
                   span: [i, i + 2] });
    }
  });
  return units;
}

function mix(h) { // MurmurHash3's finaliser, as guides/search_shards.py
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  return (h ^ h >>> 16) >>> 0;
}

/* s-speed: is a Chinese term one with a file of its own? The stub's Bloom filter of them
   (guides/search_shards.py, `bloom`): false for every term not listed, true for about 1 %. */
function common(term) {
  var bits = info.common || "", m = bits.length * 4;
  if (!m || !IS_HAN.test(term)) return false;
  var h = fnv1a(term), h1 = mix(h), h2 = mix((h ^ 0x9e3779b9) >>> 0) | 1;
  for (var i = 0; i < info.hashes; i++) {
    var j = ((h1 + Math.imul(i, h2)) >>> 0) % m;
    if (!(parseInt(bits.charAt(j >> 2), 16) >> (j & 3) & 1)) return false;
  }
  return true;
}

/* The lists of a term from its shard: for a word, every indexed word it begins; for a
   Chinese pair or character, its own. A common term's list is in a file of its own,
   which its shard names. */
function fromShard(term) {
  return fetchJSON(shardOf(term) + ".json").then(function (shard) {
    var keys = IS_HAN.test(term) ? (shard[term] ? [term] : []) : Object.keys(shard).filter(function (key) {
      return key.indexOf(term) === 0;
    });
    return Promise.all(keys.map(function (key) {
      if (typeof shard[key] !== "string") return shard[key];
      return fetchJSON(shard[key]).then(function (own) { return own[key]; });
    }));
  });
}

/* Entries holding a term, as a map entry -> 1 (text) or 2 (a title). s-speed: a common
   Chinese term's own file is fetched at once, without its shard; when the filter was
   wrong (no such file, or the file lacks the term) the shard is read after all. */
function lookup(term) {
  var lists = !common(term) ? fromShard(term) :
    fetchJSON("w/" + ("0000000" + fnv1a(term).toString(16)).slice(-8) + ".json").then(function (own) {
      return own[term] ? [own[term]] : fromShard(term);
    }, function (error) {
      if (error instanceof OfflineError) throw error;
      return fromShard(term);
    });
  return lists.then(function (lists) {
    var hits = {};
    lists.forEach(function (list) { // deltas of entry * 2 + (in a title), read in place
      for (var i = 0, v = 0; i < list.length; i++) {
        v += list[i];
        var entry = v >> 1, where = v & 1 ? 2 : 1;
        if (!(hits[entry] >= where)) hits[entry] = where;
      }
    });
    return hits;
  });
}

/* Traditional characters the index does not hold, read as simplified (OpenCC's table,
   in buckets: only the buckets of characters not found are fetched). */
function simplify(query, missing) {
  if (!info.t2s || !missing.length) return Promise.resolve(query);
  var names = {};
  missing.forEach(function (c) { names["t/" + fnv1a(c) % info.t2s + ".json"] = true; });
  return Promise.all(Object.keys(names).map(function (name) {
    return fetchJSON(name).catch(function () { return {}; });
  })).then(function (tables) {
    var table = {};
    tables.forEach(function (t) { Object.keys(t).forEach(function (k) { table[k] = t[k]; }); });
    return query.replace(/[\s\S]/g, function (c) { return table[c] || c; });
  });
}

function score(units, found) {
  /* found: term -> {entry: 1 text, 2 title}. Per page: the units it holds (for each unit
     and alternative, its terms with their place), its entries' scores, and its score. */
  var stride = info.stride, total = info.pages || 1, pages = {}, dfs = {};
  Object.keys(found).forEach(function (term) {
    var seen = {}, df = 0;
    Object.keys(found[term]).forEach(function (e) {
      var p = Math.floor(e / stride);
      if (!seen[p]) { seen[p] = true; df++; }
    });
    dfs[term] = df;
  });
  /* s-rank2: a unit's rarity is its meaning's, not its rarest synonym's: the page count of
     its most common alternative (a word: its rarest pair), as Lucene's SynonymQuery does.
     A rare synonym (a file name "hotlines.yml" for 电话) no longer outweighs the word typed. */
  units.forEach(function (unit) {
    var df = 0;
    unit.alts.forEach(function (alt) {
      var least = Infinity;
      alt.forEach(function (t) { least = Math.min(least, dfs[t] || 0); });
      df = Math.max(df, least);
    });
    unit.idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
  });
  function held(term) { return Object.keys(found[term]).length > 0; }
  units.forEach(function (unit) {
    unit.asks = unit.alts.slice(0, unit.alts.length - (unit.lone || 0)).some(function (alt) { return alt.every(held); });
  });
  /* a pair the index lacks is a pair across two words, unless the index lacks every pair
     of the word typed: then the word itself is missing, and no page holds the query */
  units.forEach(function (unit) {
    if (!units.some(function (other) { return other.key === unit.key && other.asks; })) unit.missing = true;
  });
  units.forEach(function (unit) { if (unit.missing) unit.asks = true; });
  units.forEach(function (unit, u) {
    unit.alts.forEach(function (alt, a) {
      var factor = a === 0 ? 1 : 0.8; // a synonym counts a little less than the word typed
      alt.forEach(function (term) {
        Object.keys(found[term]).forEach(function (key) {
          var entry = +key, p = Math.floor(entry / stride), local = entry % stride;
          var where = found[term][key] === 2 ? (local === 0 ? TITLE : HEADING) : 1;
          var page = pages[p] || (pages[p] = { units: {}, entries: {}, score: 0 });
          var mine = page.units[u] || (page.units[u] = {});
          var alts = mine[a] || (mine[a] = {});
          alts[term] = Math.max(alts[term] || 0, where * factor);
          var e = page.entries[entry] || (page.entries[entry] = { units: {}, alts: {}, score: 0 });
          var ea = e.alts[u] || (e.alts[u] = {});  // s-rank2: the best alternative, not their sum
          ea[a] = (ea[a] || 0) + unit.idf * where * factor * unit.weight / alt.length;
          e.units[u] = Math.max(e.units[u] || 0, ea[a]);
        });
      });
    });
  });
  units.forEach(function (unit) { // s-rank2: the pages holding an English word as typed
    if (!unit.typed || !unit.asks) return;
    unit.typedPages = {};
    Object.keys(found[unit.typed] || {}).forEach(function (e) { unit.typedPages[Math.floor(e / stride)] = true; });
  });
  Object.keys(pages).forEach(function (p) {
    var page = pages[p], full = true, literal = true, best = 0, held = {}, cover = 0;
    /* s-rank2: in how many of the page's entries (its text, its sections) each unit is,
       counted with BM25's saturation: a page about the query says it more than once */
    Object.keys(page.entries).forEach(function (e) {
      Object.keys(page.entries[e].units).forEach(function (u) { held[u] = (held[u] || 0) + 1; });
    });
    units.forEach(function (unit, u) {
      var mine = page.units[u] || {}, value = 0, whole = false, holds = false;
      unit.alts.forEach(function (alt, a) {
        var terms = mine[a] || {}, sum = 0, n = 0;
        alt.forEach(function (t) { if (terms[t]) { sum += terms[t]; n++; } });
        if (n === alt.length && a < unit.alts.length - (unit.lone || 0)) whole = true;
        if (n === alt.length) holds = true;
        if (a === 0 && n < alt.length && unit.weight >= 1 && unit.asks) literal = false;
        value = Math.max(value, unit.idf * (sum / alt.length));
      });
      var tf = held[u] || 1;
      page.score += unit.weight * value * (TF_K + 1) * tf / (TF_K + tf); // 1 when tf is 1
      if (unit.weight >= 1 && unit.asks && !whole) full = false;
      if (unit.asks && holds) cover += unit.weight;
    });
    page.cover = cover; // s-rank2: how much of the query it holds, the small words too
    /* s-rank2: an English word as typed, not only another form of its stem */
    units.forEach(function (unit) { if (unit.typedPages && !unit.typedPages[p]) literal = false; });
    page.literal = full && literal; // the words as typed, not only their synonyms
    Object.keys(page.entries).forEach(function (e) {
      var entry = page.entries[e];
      Object.keys(entry.units).forEach(function (u) { entry.score += entry.units[u]; });
      best = Math.max(best, entry.score);
    });
    page.score += 0.7 * best;  // the query's words together in one section
    page.full = full;
  });
  return pages;
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* Which characters of a text the query's terms cover (Chinese pairs and single
   characters where they stand, English words from where a word starts). */
function coverage(text, terms) {
  var lower = normal(text), marks = new Array(text.length);
  if (lower.length !== text.length) lower = text.toLowerCase(); // NFKC changed the length
  terms.forEach(function (term) {
    if (IS_HAN.test(term)) {
      for (var at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        for (var k = 0; k < term.length; k++) marks[at + k] = true;
      }
    } else {
      var re = new RegExp("(^|[^" + WORD + "])(" + term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") +
                          "[" + WORD + "]*)", "g"), m;
      while ((m = re.exec(lower))) {
        for (k = 0; k < m[2].length; k++) marks[m.index + m[1].length + k] = true;
      }
    }
  });
  return marks;
}

/* Escaped text with the covered characters inside <mark>: nothing else is markup. */
function marked(text, terms) {
  var marks = coverage(text, terms), out = "", open = false;
  for (var i = 0; i < text.length; i++) {
    if (marks[i] && !open) { out += "<mark>"; open = true; }
    if (!marks[i] && open) { out += "</mark>"; open = false; }
    out += escapeHTML(text[i]);
  }
  return out + (open ? "</mark>" : "");
}

/* The sentence of an entry's text that holds most of the query, cut around its first
   match when long. */
function sentence(text, terms) {
  var parts = text.split(/(?<=[。！？!?；;\n])/), best = "", most = -1;
  parts.forEach(function (part) {
    var marks = coverage(part, terms), n = 0;
    for (var i = 0; i < marks.length; i++) if (marks[i]) n++;
    if (n > most) { most = n; best = part; }
  });
  best = best.trim();
  if (best.length > 120) {
    var first = coverage(best, terms).indexOf(true), from = Math.max(0, first - 30);
    best = (from ? "…" : "") + best.slice(from, from + 110) + "…";
  }
  return most > 0 ? best : "";
}

function search(query) {
  var units = understand(query);
  if (!units.length) return Promise.resolve({ items: [], suggest: [] });
  var terms = [];
  units.forEach(function (u) { u.alts.forEach(function (a) { a.forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); }); }); });
  /* s-rank2: an English word as typed shares its stem's shard: no extra file */
  units.forEach(function (u) { if (u.typed && terms.indexOf(u.typed) < 0) terms.push(u.typed); });
  return Promise.all(terms.map(lookup)).then(function (hits) {
    var found = {};
    terms.forEach(function (t, i) { found[t] = hits[i]; });
    var more = orphans(units, found); // s-rank2
    return Promise.all(more.map(lookup)).then(function (extra) {
      more.forEach(function (t, i) { found[t] = extra[i]; terms.push(t); });
      return { units: units, terms: terms, found: found };
    });
  });
}

/* s-rank2: a pair the index lacks is a pair across two words (药找 in 买药找谁); a character
   of it that no pair or synonym the index holds covers (找) then asks as itself, as a
   one-character piece does: so 买药找谁 still asks for 找. The characters to look up. */
function orphans(units, found) {
  function held(alt) { return alt.every(function (t) { return Object.keys(found[t] || {}).length > 0; }); }
  var covered = {}, asked = [];
  units.forEach(function (unit) {
    if (unit.span && unit.alts.some(held)) {
      for (var k = unit.span[0]; k < unit.span[1]; k++) covered[unit.key + "\u0000" + k] = true;
    }
  });
  units.forEach(function (unit) {
    if (!unit.span || unit.alts.length !== 1 || unit.alts[0][0].length !== 2 || held(unit.alts[0])) return;
    /* the rest of the word typed is in the index (else the word itself is missing) */
    if (!units.some(function (o) { return o !== unit && o.key === unit.key && o.alts.some(held); })) return;
    for (var k = unit.span[0]; k < unit.span[1]; k++) {
      var c = unit.key[k];
      if (covered[unit.key + "\u0000" + k] || STOP.indexOf(c) >= 0) continue;
      unit.alts.push([c]);
      unit.lone = (unit.lone || 0) + 1; // at the end of alts: they score, never make it whole
      if (asked.indexOf(c) < 0 && !found[c]) asked.push(c);
    }
  });
  return asked;
}

function answer(query, converted) {
  return search(query).then(function (asked) {
    if (!asked.units) return asked;
    var missing = [];
    asked.units.forEach(function (unit) {
      unit.alts[0].forEach(function (t) {
        if (IS_HAN.test(t) && !Object.keys(asked.found[t]).length) {
          for (var i = 0; i < t.length; i++) if (missing.indexOf(t[i]) < 0) missing.push(t[i]);
        }
      });
    });
    if (missing.length && !converted) {
      return simplify(query, missing).then(function (simple) {
        return simple !== query ? answer(simple, true) : rank(asked);
      });
    }
    return rank(asked);
  });
}

/* s-rank2: stations publish their own copies of a guide under its title. Among the pages
   shown in full, a page whose title an earlier one already has goes after the others of its
   tier (whole query / as typed), so the first results show different guides, as search
   engines fold near-duplicates; the copies stay in the list. Returns the new order. */
function unrepeated(shown, details, pages) {
  var seen = {}, repeat = shown.map(function (p, i) {
    var title = details[i][0][1], again = !!seen[title];
    seen[title] = true;
    return again;
  });
  function tier(i) { var page = pages[shown[i]]; return [page.full, page.cover, page.literal]; }
  return shown.map(function (p, i) { return i; }).sort(function (a, b) {
    var x = tier(a), y = tier(b);
    return (y[0] - x[0]) || (y[1] - x[1]) || (y[2] - x[2]) || (repeat[a] - repeat[b]) || a - b;
  });
}

/* s-fold: stations' copies of one guide are one family (guides/search_families.py finds
   them by their text; the build numbers a family's pages one after another and the stub
   lists them as [gap, size, ...]). A page's family: the number of its first page. */
function familyOf(p) {
  if (!info.family) {
    var head = info.family = {}, runs = info.families || [], at = 0;
    for (var i = 0; i + 1 < runs.length; i += 2) {
      at += runs[i];
      for (var k = 0; k < runs[i + 1]; k++) head[at + k] = [at, runs[i + 1]];
      at += runs[i + 1];
    }
  }
  return info.family[p] || [p, 1];
}

/* s-fold: one result a family, its best copy (the first in `ids`, best first), wherever
   the others are in the list: the first results show different guides, not three
   stations' copies of one. */
function folded(ids) {
  var seen = {};
  return ids.filter(function (p) {
    var head = familyOf(p)[0];
    if (seen[head]) return false;
    return (seen[head] = true);
  });
}

/* s-fold: "N other stations have this page", in the site's language (the stub's strings,
   from partials/languages/*.html), after the title; escaped, as the title is. */
function copiesNote(n) {
  var strings = info.strings || {}, text = (n === 1 && strings["copies.one"]) || strings.copies;
  return n > 0 && text ? ' <small class="sw-copies">' + escapeHTML(text.replace("{n}", n)) + "</small>" : "";
}

function rank(asked) {
  var units = asked.units, pages = score(units, asked.found);
  var ids = Object.keys(pages).map(Number), exact = 0, top = 0;
  ids.sort(function (a, b) {
    return (pages[b].full - pages[a].full) || (pages[b].cover - pages[a].cover) ||
      (pages[b].literal - pages[a].literal) || (pages[b].score - pages[a].score) || a - b;
  });
  ids = folded(ids); // s-fold
  ids.forEach(function (p) { if (pages[p].full) exact++; top = Math.max(top, pages[p].score); });
  ids = ids.filter(function (p, i) { return pages[p].full || i < 3 || pages[p].score >= CLOSE * top; })
    .slice(0, MAX_RESULTS);
  /* the first pages' own files name them (their first row); the page list only the rest */
  var chunk = info.chunk, names = [];
  ids.slice(FULL_RESULTS).forEach(function (p) { var n = "p/" + Math.floor(p / chunk) + ".json"; if (names.indexOf(n) < 0) names.push(n); });
  var shown = ids.slice(0, FULL_RESULTS);
  /* s-speed: the first pages' files are asked first: they are shown first */
  var first = shown.map(function (p) { return fetchJSON("d/" + p + ".json"); });
  return Promise.all(names.map(fetchJSON).concat(first)).then(function (loaded) {
    var lists = {}, stride = info.stride;
    names.forEach(function (n, i) { lists[n] = loaded[i]; });
    var details = loaded.slice(names.length);
    var order = unrepeated(ids.slice(0, details.length), details, pages);
    ids = order.map(function (i) { return ids[i]; }).concat(ids.slice(details.length));
    details = order.map(function (i) { return details[i]; });
    var keys = [];
    units.forEach(function (u) { if (keys.indexOf(u.key) < 0) keys.push(u.key); });
    var items = ids.map(function (p, rank) {
      var page = pages[p], row = rank < FULL_RESULTS ? [details[rank][0][0], details[rank][0][1]]
                                                     : lists["p/" + Math.floor(p / chunk) + ".json"][p % chunk];
      function item(local, anchor, title, text) {
        var e = page.entries[p * stride + local], held = {};
        keys.forEach(function (key) {
          held[key] = units.every(function (unit, u) {
            return unit.key !== key || !unit.asks || !!(local === 0 ? page.units[u] : e && e.units[u]);
          });
        });
        var terms = asked.terms.filter(function (t) {
          return units.some(function (unit, u) {
            return unit.alts.some(function (alt) { return alt.indexOf(t) >= 0; }) &&
                   (local === 0 ? page.units[u] : e && e.units[u]);
          });
        });
        return { location: row[0] + anchor, title: marked(title, terms),
                 text: text ? marked(sentence(text, terms), terms) : "",
                 score: e ? e.score : 0,
                 terms: held };
      }
      var copies = familyOf(p)[1] - 1; // s-fold
      if (rank >= FULL_RESULTS) {
        var only = item(0, "", row[1], "");
        only.copies = copies;
        only.title += copiesNote(copies);
        return [only];
      }
      var group = [];
      details[rank].forEach(function (entry, i) {
        var local = Math.min(i, stride - 1);
        if (i === 0 || page.entries[p * stride + local]) group.push(item(local, i ? entry[0] : "", entry[1], entry[2]));
      });
      var first = group.shift();
      first.copies = copies; // s-fold
      first.title += copiesNote(copies);
      group.sort(function (a, b) { return b.score - a.score; });
      /* the page first; its text is the best section's sentence when its own holds none */
      if (!first.text && group.length) first.text = group[0].text;
      return [first].concat(group);
    });
    var notice = items.length && !exact ? "partial" : "";
    return { items: items, suggest: [], shouwang: { notice: notice, exact: exact } };
  });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === 0) {
    info = (message.data && message.data.config && message.data.config.shouwang) || null;
    groups = (info && info.synonyms) || [];
    self.postMessage({ type: 1 });
  } else if (message.type === 2) {
    var ticket = ++latest;
    var reply = info ? answer(String(message.data || ""), false) : Promise.resolve({ items: [] });
    reply.catch(function (error) {
      var offline = error instanceof OfflineError ||
        (typeof navigator !== "undefined" && navigator.onLine === false);
      return { items: [], suggest: [], shouwang: { notice: offline ? "offline" : "", exact: 0 } };
    }).then(function (data) {
      if (ticket === latest) self.postMessage({ type: 3, data: data });
    });
  }
});
