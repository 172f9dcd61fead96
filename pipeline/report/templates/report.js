(function () {
  "use strict";
  // Data reaches this script only through the JSON blob. Text is only ever set with
  // textContent / createTextNode, never parsed as HTML.
  var dataEl = document.getElementById("driftcheck-data");
  var blob = JSON.parse(dataEl.textContent);
  dataEl.textContent = "";  // parsed once; the page file keeps it, the page's memory need not
  var report = blob.report;
  var segs = report.segments;
  var rows = blob.rows;
  var mode = report.mode;
  var docs = {};
  (report.documents || []).forEach(function (d) { docs[d.index] = d; });
  var manyDocs = (report.documents || []).length > 1;
  var LABELS = { ok: "OK", review: "Review", fail: "Fail" };
  var SEV = ["info", "minor", "major", "critical"];
  var DECISIONS = { confirmed: "Confirmed", false_alarm: "False alarm", fixed: "Fixed" };
  var LABEL_OF = { confirmed: "shifted", false_alarm: "ok", fixed: "shifted" };
  var SCORE_NAMES = { chrf: "chrF", bleu: "BLEU", ter: "TER", source_copy: "cos(source, translation)",
    forward_copy: "cos(forward translation, translation)", back_source: "cos(back-translation, source)",
    round_trips: "cos(original, round trip) via" };
  var KNOWN_SEG_KEYS = ["document", "id", "paragraph", "sentence", "line", "text", "source", "source_line",
    "meta", "split", "round_trips", "comparison", "drift", "flags", "verdict", "semantic", "evidence"];
  var KNOWN_FLAG_KEYS = ["check", "severity", "message", "spans", "baselined"];
  var BATCH = 40;  // rows rendered per batch: a screenful and some; more follow as the reader scrolls
  var ISSUE_BATCH = 500;
  var pickRegion = null;  // set by the drift strip: select the bin of a region given in the address
  var byAnchor = Object.create(null);  // no inherited names: #constructor is no sentence
  rows.forEach(function (r, i) { r.i = i; byAnchor[r.anchor] = r; });
  var $ = function (id) { return document.getElementById(id); };

  // ---- small DOM helpers ---------------------------------------------------------------
  // Bidirectional embeddings, overrides and isolates reorder what follows them on the line ("Trojan
  // Source": an id "U+202E evil" showed as "live"): named, as the terminal names them, never obeyed.
  function visible(text) {
    return String(text).replace(/[\u202a-\u202e\u2066-\u2069]/g, function (c) {
      return "[U+" + c.charCodeAt(0).toString(16).toUpperCase() + "]";
    });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = visible(text);
    return e;
  }
  function textNode(text) { return document.createTextNode(visible(text)); }
  function icon(verdict) {
    return $("icon-" + verdict).content.firstElementChild.cloneNode(true);
  }
  function docOf(seg) { return docs[seg.document] || { path: "document " + seg.document, lang: "" }; }
  function hasWords(text) { return /[\p{L}\p{N}]/u.test(text || ""); }

  // Offsets in the JSON count code points (Python's str); JavaScript strings count UTF-16 units,
  // two for an emoji or any character outside the BMP. `cut` slices by code points.
  var UNITS = new Map();
  function unitsOf(text) {  // code point offset -> UTF-16 index; null when the two agree
    var map = UNITS.get(text);
    if (map === undefined) {
      map = null;
      if (/[\uD800-\uDBFF]/.test(text)) {
        map = [0];
        for (var ch of text) map.push(map[map.length - 1] + ch.length);
      }
      UNITS.set(text, map);
    }
    return map;
  }
  function unit(text, n) { var m = unitsOf(text); return m ? m[Math.min(n, m.length - 1)] : n; }
  function cut(text, s, e) { return text.slice(unit(text, s), unit(text, e)); }
  function points(text) { var m = unitsOf(text); return m ? m.length - 1 : text.length; }
  // Text with the checks' marks: marks are [start, end, severity rank, ...] in field offsets.
  function markedInto(parent, text, from, to, marks) {
    var cuts = [from, to];
    (marks || []).forEach(function (m) {
      if (m[1] > from && m[0] < to) { cuts.push(Math.max(m[0], from), Math.min(m[1], to)); }
    });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i += 1) {
      var s = cuts[i], e = cuts[i + 1], rank = -1;
      (marks || []).forEach(function (m) { if (m[0] <= s && m[1] >= e && m[2] > rank) rank = m[2]; });
      var piece = cut(text, s, e);
      if (rank < 0) parent.appendChild(textNode(piece));
      else parent.appendChild(el("mark", "sev-" + SEV[rank], piece));
    }
    return parent;
  }
  function textBlock(tag, cls, text, marks, lang, missing) {
    var p = el(tag, cls);
    p.lang = lang || "";
    p.dir = "auto";
    markedInto(p, text, 0, points(text), marks);
    if (missing && !hasWords(text)) p.appendChild(el("span", "missing", missing));
    return p;
  }
  function isWordy(ch) { return !!ch && /[\p{L}\p{N}“‘"'(¿¡]/u.test(ch); }
  // A diff of `oldText` into `newText`: [op, start, end]*, op 0 kept / 1 added (offsets into
  // newText), 2 dropped (offsets into oldText).
  function diffInto(parent, oldText, newText, ops, oldMarks, newMarks) {
    for (var k = 0; k < ops.length; k += 3) {
      var op = ops[k], s = ops[k + 1], e = ops[k + 2];
      if (op === 2) {
        var prev = parent.lastChild ? parent.textContent.slice(-1) : "";
        if (prev && !/\s/.test(prev) && isWordy(cut(oldText, s, s + 1))) parent.appendChild(document.createTextNode(" "));
        parent.appendChild(markedInto(el("del"), oldText, s, e, oldMarks));
        var next = k + 3 < ops.length ? cut(newText, ops[k + 4], ops[k + 4] + 1) : "";
        if (next && !/\s/.test(next) && isWordy(next)) parent.appendChild(document.createTextNode(" "));
      } else if (op === 1) {
        parent.appendChild(markedInto(el("ins"), newText, s, e, newMarks));
      } else {
        markedInto(parent, newText, s, e, newMarks);
      }
    }
    return parent;
  }
  function fmt(v) {
    if (typeof v !== "number") return String(v);
    return Math.abs(v) <= 1 && v !== 0 && v !== 1 ? v.toFixed(2) : v.toFixed(1);
  }
  // Any score-like object: whatever keys it has (chrF/BLEU/TER, cosines, probabilities...).
  function scoreLine(obj, prefix) {
    var p = el("p", "scores");
    (function walk(o, pre) {
      Object.keys(o).forEach(function (k) {
        var v = o[k], name = pre + (SCORE_NAMES[k] || k);
        if (v && typeof v === "object" && !Array.isArray(v)) { walk(v, name + " "); return; }
        var s = el("span", "score", name + " ");
        s.appendChild(el("b", "", Array.isArray(v) ? v.map(fmt).join(", ") : fmt(v)));
        p.appendChild(s);
      });
    })(obj, prefix || "");
    return p;
  }

  // ---- review decisions (kept in this browser, keyed by the report) --------------------
  var storeKey = "driftcheck:decisions:" + blob.key;
  var decisions = {};
  try { decisions = JSON.parse(localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { decisions = {}; }
  function saveDecisions() {
    try { localStorage.setItem(storeKey, JSON.stringify(decisions)); } catch (e) { /* kept in memory */ }
  }
  function decisionOf(r) {
    var d = decisions[r.anchor], seg = segs[r.i];
    if (!d) return null;
    var source = seg.source === undefined ? null : seg.source;
    return d.text === seg.text && (d.source === undefined ? null : d.source) === source ? d : null;
  }
  var flaggedTotal = rows.filter(function (r) { return r.verdict !== "ok"; }).length;
  function updateProgress() {
    var done = 0, other = 0;
    rows.forEach(function (r) {
      if (decisionOf(r)) { if (r.verdict !== "ok") done += 1; else other += 1; }
    });
    $("progress").textContent = done + " of " + flaggedTotal + " flagged sentence" + (flaggedTotal === 1 ? "" : "s") +
      " reviewed" + (other ? " (+" + other + " OK sentence" + (other === 1 ? "" : "s") + ")" : "");
  }
  function decide(r, value) {
    var seg = segs[r.i];
    if (value && DECISIONS[value]) {
      decisions[r.anchor] = { decision: value, text: seg.text, source: seg.source === undefined ? null : seg.source,
        at: new Date().toISOString() };
    } else {
      delete decisions[r.anchor];
    }
    saveDecisions();
    updateProgress();
    var art = document.getElementById(r.anchor);
    if (art) paintDecision(r, art);
  }
  function paintDecision(r, art) {
    var d = decisionOf(r), badge = art.querySelector(".decision");
    badge.textContent = d ? DECISIONS[d.decision] : "";
    badge.className = "decision" + (d ? " dec-" + d.decision : "");
    badge.hidden = !d;
    art.querySelectorAll("input[type=radio]").forEach(function (input) { input.checked = !!d && input.value === d.decision; });
  }
  function exportDecisions() {
    var out = [];
    rows.forEach(function (r) {
      var d = decisionOf(r);
      if (!d) return;
      var seg = segs[r.i], doc = docOf(seg);
      out.push({
        document: doc.path, id: seg.id, anchor: r.anchor, source: seg.source === undefined ? null : seg.source,
        translation: seg.text, source_lang: doc.source_lang || null, lang: doc.lang || null,
        decision: d.decision, label: LABEL_OF[d.decision], checks: r.checks, verdict: r.verdict, decided_at: d.at
      });
    });
    var file = { tool: "driftcheck", kind: "decisions", version: 1,
      report: { key: blob.key, mode: mode, signature: report.signature }, decisions: out };
    download("driftcheck-decisions-" + blob.key + ".json", JSON.stringify(file, null, 2) + "\n", "application/json");
  }
  function download(name, text, type) {
    var a = el("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  // ---- the view: filters, sort and search, kept in the URL -------------------------------
  var state;
  function fresh() {
    return { verdicts: { ok: true, review: true, fail: true }, flagged: false, check: "", review: "", q: "",
      sort: "order", band: null, region: null, row: null };
  }
  state = fresh();
  var hay = null;
  function haystack(r) {
    if (!hay) {
      hay = segs.map(function (s) { return (s.id + "\n" + (s.source || "") + "\n" + s.text).toLowerCase(); });
    }
    return hay[r.i];
  }
  function bandOf(r) { return r.chrf === null ? null : Math.min(Math.floor(r.chrf / 10), 9) * 10; }
  function matches(r) {
    if (!state.verdicts[r.verdict]) return false;
    if (state.flagged && r.verdict === "ok") return false;
    if (state.check && r.checks.indexOf(state.check) === -1) return false;
    if (state.review) {
      var d = decisionOf(r);
      if (state.review === "none" ? d : (!d || d.decision !== state.review)) return false;
    }
    if (state.band !== null && bandOf(r) !== state.band) return false;
    if (state.region && (r.order < state.region[0] || r.order >= state.region[1])) return false;
    if (state.q && haystack(r).indexOf(state.q.toLowerCase()) === -1) return false;
    return true;
  }
  var SORTS = {
    drift: function (a, b) { return b.drift - a.drift || a.order - b.order; },
    chrf: function (a, b) { return (a.chrf === null ? 999 : a.chrf) - (b.chrf === null ? 999 : b.chrf) || a.order - b.order; }
  };
  function toHash() {
    var p = new URLSearchParams();
    var off = Object.keys(state.verdicts).filter(function (v) { return state.verdicts[v]; });
    if (off.length !== 3) p.set("verdict", off.join(","));
    if (state.flagged) p.set("flagged", "1");
    if (state.check) p.set("check", state.check);
    if (state.review) p.set("review", state.review);
    if (state.q) p.set("q", state.q);
    if (state.sort !== "order") p.set("sort", state.sort);
    if (state.band !== null) p.set("chrf", String(state.band));
    if (state.region) p.set("region", state.region[0] + "-" + state.region[1]);
    var s = p.toString();
    if (!s) return state.row ? "#" + state.row : "";
    if (state.row) s += "&row=" + encodeURIComponent(state.row);
    return "#" + s;
  }
  function decoded(text) {  // a malformed escape (`#100%`) is read as written
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }
  function fromHash(hash) {
    var h = hash.replace(/^#/, "");
    var next = fresh();
    if (h.indexOf("=") === -1) { next.row = h ? decoded(h) : null; return next; }
    var p = new URLSearchParams(h);
    if (p.has("verdict")) {
      var on = p.get("verdict").split(",");
      Object.keys(next.verdicts).forEach(function (v) { next.verdicts[v] = on.indexOf(v) !== -1; });
    }
    next.flagged = p.get("flagged") === "1";
    next.check = p.get("check") || "";
    next.review = p.get("review") || "";
    next.q = p.get("q") || "";
    next.sort = Object.prototype.hasOwnProperty.call(SORTS, p.get("sort")) ? p.get("sort") : "order";
    var band = parseInt(p.get("chrf"), 10);
    next.band = isNaN(band) ? null : band;
    var region = /^(\d+)-(\d+)$/.exec(p.get("region") || "");
    next.region = region ? [parseInt(region[1], 10), parseInt(region[2], 10)] : null;
    next.row = p.get("row") || null;
    return next;
  }
  function writeHash() {
    var h = toHash();
    if (h !== location.hash && !(h === "" && !location.hash)) {
      history.replaceState(null, "", h || location.pathname + location.search);
    }
  }
  function syncControls() {
    verdictBoxes.forEach(function (box) { box.checked = !!state.verdicts[box.getAttribute("data-filter-verdict")]; });
    $("flagged-only").checked = state.flagged;
    $("check-filter").value = state.check;
    $("review-filter").value = state.review;
    $("sort").value = state.sort;
    if ($("search").value !== state.q) $("search").value = state.q;
    chips.forEach(function (c) { c.setAttribute("aria-pressed", c.getAttribute("data-check") === state.check ? "true" : "false"); });
    bins.forEach(function (b) { b.setAttribute("aria-pressed", String(parseInt(b.getAttribute("data-band"), 10) === state.band)); });
    var active = [];
    if (state.band !== null) active.push("chrF " + state.band + "–" + (state.band + 10));
    if (state.region) active.push("sentences " + (state.region[0] + 1) + "–" + state.region[1]);
    $("active-filters").textContent = active.join(" · ");
    $("clear-filters").hidden = JSON.stringify(Object.assign({}, state, { row: null })) === JSON.stringify(fresh());
  }

  // ---- the list: rendered in batches from the blob ---------------------------------------
  var list = $("list"), more = $("more"), empty = $("empty"), shown = $("shown");
  var view = [], rendered = 0, pinned = null, expandAll = false, current = null;
  var lastDoc = null, lastPara = null, lastParaKey = null;
  var orders = Object.create(null);
  orders.order = rows;
  function ordered() {  // each order is sorted once, then filtered on every change
    if (!orders[state.sort]) orders[state.sort] = rows.slice().sort(SORTS[state.sort]);
    return orders[state.sort];
  }
  function apply(keepScroll) {
    pinned = state.row && byAnchor[state.row] && !matches(byAnchor[state.row]) ? byAnchor[state.row] : null;
    // a linked sentence stays visible without undoing the filters
    var matched = ordered().filter(function (r) { return r === pinned || matches(r); });
    view = matched;
    var above = !keepScroll && window.scrollY > list.offsetTop;  // read layout before changing it
    shown.textContent = (matched.length - (pinned ? 1 : 0)) + " of " + rows.length + " sentences" + (pinned ? " (+1 linked)" : "");
    empty.hidden = matched.length !== 0;
    list.textContent = "";
    list.className = "list" + (state.sort === "order" ? "" : " sorted");
    rendered = 0; lastDoc = null; lastPara = null; lastParaKey = null;
    renderMore(BATCH);
    syncControls();
    writeHash();
    if (!issuesSection.classList.contains("off")) buildIssues(false);
    if (above) window.scrollTo(0, Math.max(0, list.offsetTop - 140));
  }
  function containerFor(r, frag) {
    if (state.sort !== "order") return frag;
    var seg = segs[r.i];
    if (lastDoc === null || lastDoc.getAttribute("data-doc") !== String(seg.document)) {
      lastDoc = el("section", "doc");
      lastDoc.setAttribute("data-doc", String(seg.document));
      if (!document.getElementById("d" + seg.document)) lastDoc.id = "d" + seg.document;
      lastDoc.setAttribute("aria-label", docOf(seg).path);
      if (manyDocs) { var h = el("h2", "doc-title", docOf(seg).path); h.dir = "auto"; lastDoc.appendChild(h); }
      frag.appendChild(lastDoc);
      lastPara = null;
    }
    var key = seg.document + ":" + seg.paragraph;
    if (lastPara === null || lastParaKey !== key) {
      lastPara = el("div", "para");
      lastPara.setAttribute("data-paragraph", String(seg.paragraph));
      lastDoc.appendChild(lastPara);
      lastParaKey = key;
    }
    return lastPara;
  }
  function renderMore(n) {
    var end = Math.min(view.length, rendered + n);
    var frag = document.createDocumentFragment();
    if (lastDoc && lastDoc.parentNode === list) frag = list;  // keep filling the open paragraph
    for (; rendered < end; rendered += 1) containerFor(view[rendered], frag).appendChild(rowEl(view[rendered]));
    if (frag !== list) list.appendChild(frag);
    more.hidden = rendered >= view.length;
    $("show-more").textContent = "Show more (" + (view.length - rendered) + " left)";
  }
  function ensureRendered(r) {
    var at = view.indexOf(r);
    if (at === -1) return false;
    if (at >= rendered) renderMore(at - rendered + BATCH);
    return true;
  }

  function absentChips(seg, r, side) {
    // A flag that points at one side only: say on the other side what has no counterpart.
    var out = [];
    r.primary.forEach(function (i) {
      var f = seg.flags[i], here = [], there = [];
      (f.spans || []).forEach(function (sp) {
        if (sp.field === side) here.push(sp);
        else if (sp.field === (side === "text" ? "source" : "text")) there.push(sp);
      });
      if (here.length || !there.length || ["empty", "omission", "addition"].indexOf(f.check) !== -1) return;
      var other = side === "text" ? seg.source || "" : seg.text || "";
      var words = there.map(function (sp) { return cut(other, sp.start, sp.end); }).join(", ");
      if (words.length > 40) return;
      out.push(el("span", "absent sev-" + f.severity, (side === "text" ? "no “" : "not in the source: “") + words + "”"));
    });
    return out;
  }
  function rowEl(r) {
    var seg = segs[r.i], doc = docOf(seg);
    var art = el("article", "seg v-" + r.verdict + (r.kind === "note" ? " noted" : "") + (r === pinned ? " pinned" : ""));
    art.id = r.anchor;
    art.setAttribute("data-verdict", r.verdict);
    art.tabIndex = -1;
    var head = el("div", "seg-head");
    var btn = el("button", "seg-toggle");
    btn.type = "button";
    btn.setAttribute("aria-expanded", "false");
    btn.setAttribute("aria-controls", r.anchor + "-panel");
    btn.setAttribute("aria-label", LABELS[r.verdict] + ": sentence " + seg.id + ", show details");
    btn.appendChild(icon(r.verdict));
    btn.appendChild(el("span", "badge-label", LABELS[r.verdict]));
    head.appendChild(btn);
    var body = el("div", "seg-body");
    if (r === pinned) body.appendChild(el("p", "pin-note", "Linked sentence: it does not match the filters."));
    if (r.reason) {
      var reason = el("p", "reason tone-" + r.tone + (r.kind === "note" ? " note" : ""));
      if (r.kind === "note") reason.appendChild(el("span", "note-tag", "note"));
      reason.appendChild(el("span", "reason-text", r.reason));
      if (r.primary.length > 1) reason.appendChild(el("span", "more-flags", "+" + (r.primary.length - 1) + " more"));
      if (r.implied.length) reason.appendChild(el("span", "implied", "+" + r.implied.length + " implied"));
      body.appendChild(reason);
    }
    if (seg.source !== undefined && seg.source !== null) {
      var pair = el("div", "pair");
      var src = textBlock("p", "seg-src", seg.source, r.marks.source, doc.source_lang, "no source sentence");
      absentChips(seg, r, "source").forEach(function (c) { src.appendChild(c); });
      var txt = textBlock("p", "seg-text", seg.text, r.marks.text, doc.lang, "no translation");
      absentChips(seg, r, "text").forEach(function (c) { txt.appendChild(c); });
      pair.appendChild(src);
      pair.appendChild(txt);
      body.appendChild(pair);
    } else {
      body.appendChild(textBlock("p", "seg-text", seg.text, r.marks.text, doc.lang, "empty sentence"));
    }
    head.appendChild(body);
    var aside = el("p", "seg-aside");
    var badge = el("span", "decision");
    badge.hidden = true;
    aside.appendChild(badge);
    var drift = el("span", "drift", "drift " + r.drift.toFixed(2));
    drift.title = "drift: 0 = unchanged, 1 = likely shifted";
    aside.appendChild(drift);
    var link = el("a", "permalink", (manyDocs ? doc.path + ":" : "") + (seg.line ? "line " + seg.line : seg.id));
    link.href = "#" + r.anchor;
    link.title = "Link to this sentence";
    aside.appendChild(link);
    head.appendChild(aside);
    art.appendChild(head);
    var panel = el("div", "panel");
    panel.id = r.anchor + "-panel";
    art.appendChild(panel);
    paintDecision(r, art);
    if (expandAll || r.open) setOpen(r, art, true);
    if (current === r) art.classList.add("current");
    return art;
  }

  // ---- the detail panel, built when a sentence is opened ---------------------------------
  function flagItem(seg, f) {
    var li = el("li", "flag sev-" + f.severity + (f.baselined ? " baselined" : ""));
    li.appendChild(el("span", "sev", f.severity));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("code", "check", f.check));
    li.appendChild(document.createTextNode(" "));
    var msg = el("span", "message", f.message);
    msg.dir = "auto";
    li.appendChild(msg);
    if (f.baselined) li.appendChild(el("span", "tag", "baselined"));
    var doc = docOf(seg);
    var fields = seg.source !== undefined && seg.source !== null
      ? [["source", "in the source", seg.source, doc.source_lang], ["text", "in the translation", seg.text, doc.lang]]
      : [["text", "in the original", seg.text, doc.lang],
        ["back", "in the round trip", (seg.round_trips || []).length === 1 ? seg.round_trips[0].back : null, doc.lang]];
    fields.forEach(function (fd) {
      var marks = (f.spans || []).filter(function (sp) { return sp.field === fd[0]; })
        .map(function (sp) { return [sp.start, sp.end, SEV.indexOf(f.severity)]; });
      if (!marks.length || fd[2] === null) return;
      var p = el("p", "excerpt");
      p.appendChild(el("span", "muted", fd[1] + ": "));
      p.appendChild(textBlock("span", "", fd[2], marks, fd[3]));
      li.appendChild(p);
    });
    var extra = Object.keys(f).filter(function (k) { return KNOWN_FLAG_KEYS.indexOf(k) === -1; });
    if (extra.length) {
      var ev = {};
      extra.forEach(function (k) { ev[k] = f[k]; });
      li.appendChild(evidence(ev));
    }
    return li;
  }
  function evidence(obj) {
    var dl = el("dl", "evidence");
    Object.keys(obj).forEach(function (k) {
      dl.appendChild(el("dt", "", k));
      var v = obj[k];
      var dd = el("dd");
      if (v && typeof v === "object" && !Array.isArray(v)) dd.appendChild(scoreLine(v));
      else dd.textContent = visible(Array.isArray(v) ? v.map(function (x) { return typeof x === "object" ? JSON.stringify(x) : fmt(x); }).join(", ") : fmt(v));
      dl.appendChild(dd);
    });
    return dl;
  }
  function cellEl(label, note, lang, fill, scores) {
    var c = el("div", "cell");
    var l = el("p", "cell-label", label);
    if (note) { l.appendChild(document.createTextNode(" ")); l.appendChild(el("span", "muted", note)); }
    c.appendChild(l);
    var t = el("p", "cell-text");
    t.lang = lang || "";
    t.dir = "auto";
    fill(t);
    c.appendChild(t);
    if (scores) c.appendChild(scoreLine(scores));
    return c;
  }
  function cmpSection(title, cells, quiet) {
    var s = el("section", "cmp" + (quiet ? " quiet" : ""));
    s.appendChild(el("h3", "", title));
    var box = el("div", "cells");
    cells.forEach(function (c) { box.appendChild(c); });
    s.appendChild(box);
    return s;
  }
  function legend() {
    var p = el("p", "legend-line");
    p.appendChild(el("del", "", "struck"));
    p.appendChild(document.createTextNode(" dropped · "));
    p.appendChild(el("ins", "", "underlined"));
    p.appendChild(document.createTextNode(" added · marked: "));
    ["critical", "major", "minor"].forEach(function (s) { p.appendChild(el("mark", "sev-" + s, s)); p.appendChild(document.createTextNode(" ")); });
    p.appendChild(document.createTextNode("· case and article changes are not marked"));
    return p;
  }
  function decisionBox(r) {
    var fs = el("fieldset", "decide");
    fs.appendChild(el("legend", "", "Your review"));
    Object.keys(DECISIONS).forEach(function (value) {
      var label = el("label", "dec dec-" + value);
      var input = el("input");
      input.type = "radio";
      input.name = r.anchor + "-decision";
      input.value = value;
      input.addEventListener("change", function () { decide(r, value); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + DECISIONS[value]));
      fs.appendChild(label);
    });
    var clear = el("button", "small", "Clear");
    clear.type = "button";
    clear.addEventListener("click", function () { decide(r, null); });
    fs.appendChild(clear);
    return fs;
  }
  function fillPanel(r, panel) {
    if (panel.getAttribute("data-filled")) return;
    panel.setAttribute("data-filled", "1");
    var seg = segs[r.i], doc = docOf(seg), lang = doc.lang, slang = doc.source_lang || "";
    panel.appendChild(decisionBox(r));
    if ((seg.flags || []).length) {
      var ul = el("ul", "flags");
      r.primary.forEach(function (i) { ul.appendChild(flagItem(seg, seg.flags[i])); });
      panel.appendChild(ul);
      if (r.implied.length) {
        var det = el("details", "implied-list");
        det.appendChild(el("summary", "", r.implied.length + " more implied by " + seg.flags[r.primary[0]].check));
        var ul2 = el("ul", "flags");
        r.implied.forEach(function (i) { ul2.appendChild(flagItem(seg, seg.flags[i])); });
        det.appendChild(ul2);
        panel.appendChild(det);
      }
      var rest = seg.flags.map(function (f, i) { return i; }).filter(function (i) { return r.primary.indexOf(i) === -1 && r.implied.indexOf(i) === -1; });
      if (rest.length) {
        var ul3 = el("ul", "flags");
        rest.forEach(function (i) { ul3.appendChild(flagItem(seg, seg.flags[i])); });
        panel.appendChild(ul3);
      }
    }
    if ((seg.evidence || []).length) {  // calibrated verdicts: what weighed most
      var evp = el("p", "evidence");
      evp.appendChild(el("span", "muted", "Weighed most (estimated " + Math.round(seg.drift * 100) + "% likely shifted): "));
      evp.appendChild(textNode(seg.evidence.map(function (e) { return e.label || e.feature; }).join(", ")));
      panel.appendChild(evp);
    }
    panel.appendChild(legend());
    var m = r.marks;
    if (seg.comparison) {
      var c = seg.comparison;
      panel.appendChild(cmpSection("Source and translation", [
        cellEl("Source (" + slang + ")", "", slang, function (t) { markedInto(t, seg.source || "", 0, (seg.source || "").length, m.source); }),
        cellEl("Translation (" + lang + ")", "", lang, function (t) { markedInto(t, seg.text, 0, points(seg.text), m.text); }),
        cellEl("Back-translation (" + lang + "→" + slang + ")", "compared with the source", slang,
          function (t) { diffInto(t, seg.source || "", c.back, r.diffs.back, m.source, []); }, c.back_scores),
        cellEl("Forward translation (" + slang + "→" + lang + ")", "compared with the translation", lang,
          function (t) { diffInto(t, seg.text, c.forward, r.diffs.forward, m.text, []); }, c.forward_scores)
      ]));
      panel.appendChild(cmpSection("Engine noise: the source taken through the engine and back (never gated)", [
        cellEl("Source round trip (" + slang + ")", "", slang,
          function (t) { diffInto(t, seg.source || "", c.source_round_trip, r.diffs.source_round_trip, m.source, []); },
          c.source_round_trip_scores)
      ], true));
    }
    (seg.round_trips || []).forEach(function (rt, k) {
      var back = (m.back || []).filter(function (x) { return x[3] === k || x[3] === -1; });
      panel.appendChild(cmpSection("Round trip via " + rt.pivot, [
        cellEl("Original (" + lang + ")", "", lang, function (t) { markedInto(t, seg.text, 0, points(seg.text), m.text); }),
        cellEl("Pivot text (" + rt.pivot + ")", "", rt.pivot, function (t) { t.textContent = visible(rt.forward); }),
        cellEl("Round trip (" + lang + ")", "compared with the original", lang,
          function (t) { diffInto(t, seg.text, rt.back, r.diffs.round_trips[k], m.text, back); }, rt.scores)
      ]));
    });
    if (seg.semantic && typeof seg.semantic === "object") {
      var sem = el("section", "cmp");
      sem.appendChild(el("h3", "", "Semantic similarity"));
      sem.appendChild(scoreLine(seg.semantic));
      panel.appendChild(sem);
    }
    var other = {};
    Object.keys(seg).forEach(function (k) { if (KNOWN_SEG_KEYS.indexOf(k) === -1) other[k] = seg[k]; });
    if (Object.keys(other).length) {
      var ev = el("section", "cmp");
      ev.appendChild(el("h3", "", "Other evidence"));
      ev.appendChild(evidence(other));
      panel.appendChild(ev);
    }
    var foot = el("p", "seg-foot muted", "sentence " + seg.id + (seg.paragraph ? " · paragraph " + seg.paragraph : "") +
      (seg.line ? " · line " + seg.line : "") + (seg.source_line ? " · source line " + seg.source_line : "") +
      (seg.split ? " · split to fit the model" : ""));
    Object.keys(seg.meta || {}).sort().forEach(function (k) { foot.appendChild(textNode(" · " + k + ": " + seg.meta[k])); });
    panel.appendChild(foot);
  }
  function setOpen(r, art, open) {
    r.open = open;
    if (open) fillPanel(r, art.querySelector(".panel"));
    art.classList.toggle("open", open);
    art.querySelector(".seg-toggle").setAttribute("aria-expanded", open ? "true" : "false");
  }
  function reveal(art) {
    // Show the opened sentence with as much of its panel as fits, below the sticky controls.
    var nav = document.querySelector(".controls").getBoundingClientRect();
    var top = Math.max(0, nav.bottom) + 8;
    var box = art.getBoundingClientRect();
    if (box.top < top) window.scrollBy(0, box.top - top);
    else if (box.bottom > window.innerHeight) window.scrollBy(0, Math.min(box.top - top, box.bottom - window.innerHeight + 8));
  }
  function setCurrent(r) {
    if (current && current !== r) {
      var old = document.getElementById(current.anchor);
      if (old) old.classList.remove("current");
    }
    current = r;
    var art = document.getElementById(r.anchor);
    if (art) art.classList.add("current");
  }
  function focusRow(r) {
    ensureRendered(r);
    var art = document.getElementById(r.anchor);
    if (!art) return;
    setCurrent(r);
    art.querySelector(".seg-toggle").focus({ preventScroll: true });
    reveal(art);
  }
  function rowOf(node) {
    var art = node && node.closest ? node.closest("article.seg") : null;
    return art ? byAnchor[art.id] : null;
  }

  // ---- the issue table and CSV -------------------------------------------------------------
  var issuesSection = $("issues");
  function spanText(seg, f, fields) {
    var out = [];
    (f.spans || []).forEach(function (sp) {
      if (fields.indexOf(sp.field) === -1) return;
      var text = sp.field === "source" ? seg.source || "" : sp.field === "back"
        ? ((seg.round_trips || []).filter(function (rt) { return !sp.pivot || rt.pivot === sp.pivot; })[0] || { back: "" }).back
        : seg.text;
      var piece = cut(text, sp.start, sp.end).replace(/\s+/g, " ").trim();
      if (piece) out.push(piece);
    });
    return out.join(" · ");
  }
  function issueList() {
    var groups = {};
    view.forEach(function (r) {
      var seg = segs[r.i], src = seg.source !== undefined && seg.source !== null;
      (seg.flags || []).forEach(function (f, i) {
        (groups[f.check] = groups[f.check] || []).push({ r: r, seg: seg, f: f, implied: r.implied.indexOf(i) !== -1,
          source: src ? spanText(seg, f, ["source"]) : "", text: spanText(seg, f, src ? ["text"] : ["text", "back"]) });
      });
    });
    return Object.keys(groups).sort().map(function (k) { return [k, groups[k]]; });
  }
  function buildIssues(all) {
    var table = $("issue-table");
    table.querySelectorAll("tbody").forEach(function (t) { t.remove(); });
    var groups = issueList(), n = 0, total = 0;
    groups.forEach(function (g) { total += g[1].length; });
    groups.forEach(function (g) {
      if (!all && n >= ISSUE_BATCH) return;
      var tb = el("tbody");
      var hr = el("tr", "group"), th = el("th", "", g[0] + " ");
      th.scope = "rowgroup";
      th.colSpan = 6;
      th.appendChild(el("span", "muted", g[1].length + " flag" + (g[1].length === 1 ? "" : "s")));
      hr.appendChild(th);
      tb.appendChild(hr);
      g[1].forEach(function (it) {
        if (!all && n >= ISSUE_BATCH) return;
        n += 1;
        var tr = el("tr", "sev-" + it.f.severity + (it.implied ? " implied-row" : ""));
        var a = el("a", "", (manyDocs ? docOf(it.seg).path + ":" : "") + it.seg.id);
        a.href = "#" + it.r.anchor;
        var td = el("td");
        td.appendChild(a);
        tr.appendChild(td);
        tr.appendChild(el("td", "v-" + it.r.verdict, LABELS[it.r.verdict]));
        var ck = el("td");
        ck.appendChild(el("code", "", it.f.check));
        ck.appendChild(document.createTextNode(" "));
        ck.appendChild(el("span", "sev", it.f.severity + (it.implied ? " · implied" : "")));
        tr.appendChild(ck);
        [it.f.message, it.source, it.text].forEach(function (t) { var c = el("td", "", t); c.dir = "auto"; tr.appendChild(c); });
        tb.appendChild(tr);
      });
      table.appendChild(tb);
    });
    $("issue-count").textContent = (n < total ? n + " of " : "") + total + " flag" + (total === 1 ? "" : "s");
    $("issues-more").hidden = n >= total;
  }
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not run it as a formula
    return '"' + s.replace(/"/g, '""') + '"';
  }
  function downloadCsv() {
    var lines = [["document", "id", "verdict", "check", "severity", "implied", "baselined", "message",
      "source_span", "translation_span", "decision"].map(csvCell).join(",")];
    issueList().forEach(function (g) {
      g[1].forEach(function (it) {
        var d = decisionOf(it.r);
        lines.push([docOf(it.seg).path, it.seg.id, it.r.verdict, it.f.check, it.f.severity, it.implied ? "yes" : "",
          it.f.baselined ? "yes" : "", it.f.message, it.source, it.text, d ? d.decision : ""].map(csvCell).join(","));
      });
    });
    download("driftcheck-issues.csv", lines.join("\r\n") + "\r\n", "text/csv");
  }
  function showIssues(on) {
    issuesSection.classList.toggle("off", !on);
    $("sentences").hidden = on;
    $("view-issues").setAttribute("aria-pressed", on ? "true" : "false");
    if (on) buildIssues(false);
  }

  // ---- wiring ------------------------------------------------------------------------------
  var verdictBoxes = Array.prototype.slice.call(document.querySelectorAll("[data-filter-verdict]"));
  var chips = Array.prototype.slice.call(document.querySelectorAll(".chips .chip"));
  var bins = Array.prototype.slice.call(document.querySelectorAll(".hist .hbin"));
  function change(fn) { return function (e) { fn(e); state.row = null; apply(); }; }
  verdictBoxes.forEach(function (box) {
    box.addEventListener("change", change(function () { state.verdicts[box.getAttribute("data-filter-verdict")] = box.checked; }));
  });
  $("flagged-only").addEventListener("change", change(function (e) { state.flagged = e.target.checked; }));
  $("check-filter").addEventListener("change", change(function (e) { state.check = e.target.value; }));
  $("review-filter").addEventListener("change", change(function (e) { state.review = e.target.value; }));
  $("sort").addEventListener("change", change(function (e) { state.sort = e.target.value; }));
  $("search").addEventListener("input", change(function (e) { state.q = e.target.value.trim(); }));
  $("clear-filters").addEventListener("click", change(function () { state = fresh(); }));
  chips.forEach(function (chip, i) {
    chip.addEventListener("click", change(function () {
      var name = chip.getAttribute("data-check");
      state.check = state.check === name ? "" : name;
    }));
    chip.addEventListener("keydown", function (e) {  // one tab stop: arrows move inside the toolbar
      var step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (!step) return;
      var next = chips[(i + step + chips.length) % chips.length];
      chips.forEach(function (c) { c.tabIndex = -1; });
      next.tabIndex = 0;
      next.focus();
      e.preventDefault();
    });
  });
  bins.forEach(function (b) {
    b.querySelector(".hbar").style.height = Math.max(parseFloat(b.querySelector(".hbar").getAttribute("data-pct")), 1) + "%";
    b.addEventListener("click", change(function () {
      var band = parseInt(b.getAttribute("data-band"), 10);
      state.band = state.band === band ? null : band;
    }));
  });
  var strip = $("strip");
  if (strip) {
    var stripBins = Array.prototype.slice.call(strip.querySelectorAll("rect.bar"));
    var perSentence = stripBins.length === rows.length;
    var sel = 0;
    var range = function (i) {
      return [Math.floor(i * rows.length / stripBins.length), Math.floor((i + 1) * rows.length / stripBins.length)];
    };
    var pick = function (i) {
      sel = Math.max(0, Math.min(stripBins.length - 1, i));
      stripBins.forEach(function (b, k) { b.classList.toggle("sel", k === sel); });
      var rg = range(sel), flagged = 0, worst = 0;
      for (var k = rg[0]; k < rg[1]; k += 1) { if (rows[k].verdict !== "ok") flagged += 1; worst = Math.max(worst, rows[k].drift); }
      strip.setAttribute("aria-valuenow", String(sel + 1));
      strip.setAttribute("aria-valuetext", perSentence
        ? "sentence " + segs[rg[0]].id + ", " + LABELS[rows[rg[0]].verdict] + ", drift " + worst.toFixed(2)
        : "sentences " + (rg[0] + 1) + " to " + rg[1] + ": " + flagged + " flagged, worst drift " + worst.toFixed(2));
    };
    var go = function () {
      var rg = range(sel);
      if (perSentence) { openAnchor(rows[rg[0]].anchor); return; }
      state.region = state.region && state.region[0] === rg[0] ? null : rg;
      state.row = null;
      apply();
    };
    strip.addEventListener("keydown", function (e) {
      var keys = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
      if (keys[e.key]) { pick(sel + keys[e.key]); e.preventDefault(); }
      else if (e.key === "Home") { pick(0); e.preventDefault(); }
      else if (e.key === "End") { pick(stripBins.length - 1); e.preventDefault(); }
      else if (e.key === "Enter" || e.key === " ") { go(); e.preventDefault(); }
    });
    strip.addEventListener("click", function (e) {
      var box = strip.getBoundingClientRect();
      pick(Math.floor((e.clientX - box.left) / box.width * stripBins.length));
      go();
    });
    pick(0);
    pickRegion = function (start) {  // a region from the address: its bin, not the first
      for (var i = 0; i < stripBins.length; i += 1) { if (range(i)[0] === start) { pick(i); return; } }
    };
  }
  $("show-more").addEventListener("click", function () { renderMore(BATCH); });
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; }) && rendered < view.length) renderMore(BATCH);
    }, { rootMargin: "600px" }).observe(more);
  }
  $("expand-all").addEventListener("click", function () {
    expandAll = true;
    list.querySelectorAll("article.seg").forEach(function (art) { setOpen(byAnchor[art.id], art, true); });
  });
  $("collapse-all").addEventListener("click", function () {
    expandAll = false;
    rows.forEach(function (r) { r.open = false; });
    list.querySelectorAll("article.seg").forEach(function (art) { setOpen(byAnchor[art.id], art, false); });
  });
  $("view-issues").addEventListener("click", function () { showIssues(issuesSection.classList.contains("off")); });
  $("download-csv").addEventListener("click", downloadCsv);
  $("issues-show-all").addEventListener("click", function () { buildIssues(true); });
  $("print-issues").addEventListener("click", function () { buildIssues(true); window.print(); });
  window.addEventListener("beforeprint", function () { buildIssues(true); });
  $("export-decisions").addEventListener("click", exportDecisions);

  list.addEventListener("click", function (event) {
    var r = rowOf(event.target);
    if (!r || !event.target.closest(".seg-head") || event.target.closest("a")) return;
    var selection = window.getSelection();
    if (selection && String(selection).length && !event.target.closest("button")) return;
    var art = document.getElementById(r.anchor);
    setOpen(r, art, !art.classList.contains("open"));
    setCurrent(r);
    if (art.classList.contains("open")) reveal(art);
  });

  function typing(target) {
    var tag = target.tagName;
    if (tag === "SELECT" || tag === "TEXTAREA" || target.isContentEditable) return true;
    return tag === "INPUT" && ["checkbox", "radio", "button"].indexOf(target.type) === -1;
  }
  function move(step, from) {  // from the focused sentence, else the current one
    if (!view.length) return;
    if (from) current = from;
    var i = current ? view.indexOf(current) : -1;
    if (i === -1 && current) {  // the current sentence was filtered away: continue from its place
      var pos = current.order;
      i = step > 0 ? -1 : view.length;
      for (var k = 0; k < view.length; k += 1) {
        var before = state.sort === "order" ? view[k].order < pos : false;
        if (before) i = step > 0 ? k : k + 1;
      }
    } else if (i === -1) {
      i = step > 0 ? -1 : view.length;
    }
    var next = view[Math.max(0, Math.min(view.length - 1, i + step))];
    if (next) focusRow(next);
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var r = rowOf(document.activeElement) || current;
    if (event.key === "j") { move(1, rowOf(document.activeElement)); event.preventDefault(); }
    else if (event.key === "k") { move(-1, rowOf(document.activeElement)); event.preventDefault(); }
    else if (event.key === "/") { $("search").focus(); event.preventDefault(); }
    else if (r && (event.key === "c" || event.key === "f" || event.key === "x")) {
      decide(r, { c: "confirmed", f: "false_alarm", x: "fixed" }[event.key]);
    } else if (event.key === "Escape" && r) {
      var a = document.getElementById(r.anchor);
      if (a) setOpen(r, a, false);
    } else if (event.key === "Enter" && r && (event.target.id === r.anchor || event.target.classList.contains("seg-toggle"))) {
      var art = document.getElementById(r.anchor);
      setOpen(r, art, !art.classList.contains("open"));
      setCurrent(r);
      if (art.classList.contains("open")) reveal(art);
      event.preventDefault();
    }
  });

  function openAnchor(anchor) {
    var r = byAnchor[anchor];
    if (!r) return;
    if ($("sentences").hidden) showIssues(false);  // a sentence linked from the issue table
    state.row = anchor;
    if (!matches(r) || view.indexOf(r) === -1) apply(true); else writeHash();
    ensureRendered(r);
    var art = document.getElementById(anchor);
    if (!art) return;
    setOpen(r, art, true);
    focusRow(r);
    art.scrollIntoView({ block: "start" });
    reveal(art);
  }
  // A document of the index: its first sentence in the list as it is (sorted or filtered), or
  // the document from its start once the filters are cleared; the filters stay in the address.
  function jumpToDoc(n) {
    var first = function () { return view.filter(function (r) { return segs[r.i].document === n; })[0]; };
    var r = first();
    if (!r) { state = fresh(); apply(true); r = first(); }
    if (!r) return;
    ensureRendered(r);
    var target = (state.sort === "order" && document.getElementById("d" + n)) || document.getElementById(r.anchor);
    writeHash();
    if (target) { target.scrollIntoView({ block: "start" }); setCurrent(r); }
  }
  var DOC_HASH = /^#d(\d+)$/;
  window.addEventListener("hashchange", function () {
    var doc = DOC_HASH.exec(location.hash);
    if (doc) { jumpToDoc(parseInt(doc[1], 10)); return; }
    var next = fromHash(location.hash);
    if (next.row && byAnchor[next.row] && location.hash.indexOf("=") === -1) { openAnchor(next.row); return; }
    if (!byAnchor[next.row] && location.hash.indexOf("=") === -1) return;  // #d0, #sentences: plain jumps
    state = next;
    apply();
    if (state.row) openAnchor(state.row);
  });

  var initial = fromHash(location.hash);
  if (initial.row && !byAnchor[initial.row]) initial.row = null;
  state = initial;
  if (state.region && pickRegion) pickRegion(state.region[0]);
  updateProgress();
  apply(true);
  if (state.row) openAnchor(state.row);
  else if (DOC_HASH.test(location.hash)) jumpToDoc(parseInt(DOC_HASH.exec(location.hash)[1], 10));
  document.documentElement.setAttribute("data-ready", "1");
  if (window.performance && performance.mark) performance.mark("driftcheck-ready");
})();
