(function () {
  "use strict";
  // Data reaches this script only through the JSON blob; text is never written as HTML here.
  var blob = JSON.parse(document.getElementById("driftcheck-data").textContent);
  var rows = blob.rows.map(function (row) {
    var el = document.getElementById(row.anchor);
    return { row: row, el: el, home: el && el.parentNode, button: el && el.querySelector(".seg-toggle") };
  }).filter(function (r) { return r.el; });
  var byAnchor = {};
  rows.forEach(function (r) { byAnchor[r.row.anchor] = r; });

  var verdictBoxes = Array.prototype.slice.call(document.querySelectorAll("[data-filter-verdict]"));
  var flaggedOnly = document.getElementById("flagged-only");
  var checkFilter = document.getElementById("check-filter");
  var sortSelect = document.getElementById("sort");
  var sorted = document.getElementById("sorted");
  var empty = document.getElementById("empty");
  var shown = document.getElementById("shown");
  var docs = Array.prototype.slice.call(document.querySelectorAll("main .doc"));
  var paras = Array.prototype.slice.call(document.querySelectorAll("main .para"));

  function visibleRows() {
    return rows.filter(function (r) { return !r.el.hidden; });
  }

  function matches(r) {
    var verdicts = {};
    verdictBoxes.forEach(function (box) { verdicts[box.getAttribute("data-filter-verdict")] = box.checked; });
    if (!verdicts[r.row.verdict]) return false;
    if (flaggedOnly.checked && r.row.verdict === "ok") return false;
    var check = checkFilter.value;
    return !check || r.row.checks.indexOf(check) !== -1;
  }

  function applyFilters() {
    var n = 0;
    rows.forEach(function (r) {
      r.el.hidden = !matches(r);
      if (!r.el.hidden) n += 1;
    });
    paras.forEach(function (p) { p.hidden = !p.querySelector(".seg:not([hidden])"); });
    docs.forEach(function (d) { d.hidden = sortSelect.value === "drift" || !d.querySelector(".seg:not([hidden])"); });
    empty.hidden = n !== 0;
    shown.textContent = n + " of " + rows.length + " sentences";
  }

  function applySort() {
    if (sortSelect.value === "drift") {
      rows.slice().sort(function (a, b) {
        return b.row.drift - a.row.drift || a.row.order - b.row.order;
      }).forEach(function (r) { sorted.appendChild(r.el); });
      sorted.hidden = false;
    } else {
      rows.forEach(function (r) { r.home.appendChild(r.el); });
      sorted.hidden = true;
    }
    applyFilters();
  }

  function setOpen(r, open) {
    r.el.classList.toggle("open", open);
    r.button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function focusRow(r) {
    rows.forEach(function (o) { o.el.classList.remove("current"); });
    r.el.classList.add("current");
    r.button.focus({ preventScroll: true });
    r.el.scrollIntoView({ block: "nearest" });
  }

  function currentIndex(list) {
    var active = document.activeElement;
    for (var i = 0; i < list.length; i += 1) {
      if (list[i].el.contains(active)) return i;
    }
    for (var j = 0; j < list.length; j += 1) {
      if (list[j].el.classList.contains("current")) return j;
    }
    return -1;
  }

  function ordered(list) {
    if (sortSelect.value !== "drift") return list;
    return list.slice().sort(function (a, b) { return b.row.drift - a.row.drift || a.row.order - b.row.order; });
  }

  // j/k: the next or previous visible sentence, counted from the current one even when a filter hid it.
  function move(step) {
    var list = ordered(rows);
    var i = currentIndex(list);
    if (i === -1) i = step > 0 ? -1 : list.length;
    for (var k = i + step; k >= 0 && k < list.length; k += step) {
      if (!list[k].el.hidden) { focusRow(list[k]); return; }
    }
  }

  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var r = byAnchor[id];
    if (!r) return;
    if (r.el.hidden) {
      verdictBoxes.forEach(function (box) { box.checked = true; });
      flaggedOnly.checked = false;
      checkFilter.value = "";
      applyFilters();
    }
    setOpen(r, true);
    focusRow(r);
  }

  rows.forEach(function (r) {
    r.el.querySelector(".seg-head").addEventListener("click", function (event) {
      if (event.target.closest("a")) return;
      var selection = window.getSelection();
      if (selection && String(selection).length && !event.target.closest("button")) return;
      setOpen(r, !r.el.classList.contains("open"));
      rows.forEach(function (o) { o.el.classList.remove("current"); });
      r.el.classList.add("current");
    });
  });

  verdictBoxes.concat([flaggedOnly, checkFilter]).forEach(function (control) {
    control.addEventListener("change", applyFilters);
  });
  sortSelect.addEventListener("change", applySort);
  document.getElementById("expand-all").addEventListener("click", function () {
    visibleRows().forEach(function (r) { setOpen(r, true); });
  });
  document.getElementById("collapse-all").addEventListener("click", function () {
    rows.forEach(function (r) { setOpen(r, false); });
  });

  function typing(target) {
    var tag = target.tagName;
    if (tag === "SELECT" || tag === "TEXTAREA" || target.isContentEditable) return true;
    return tag === "INPUT" && ["checkbox", "radio", "button"].indexOf(target.type) === -1;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var i = currentIndex(rows);
    if (event.key === "j") { move(1); event.preventDefault(); }
    else if (event.key === "k") { move(-1); event.preventDefault(); }
    else if (event.key === "Escape" && i !== -1) { setOpen(rows[i], false); }
    else if (event.key === "Enter" && i !== -1 && event.target === rows[i].el) {
      setOpen(rows[i], !rows[i].el.classList.contains("open"));  // a sentence focused by its permalink
      event.preventDefault();
    }
  });

  window.addEventListener("hashchange", openFromHash);
  applySort();
  if (location.hash) openFromHash();
})();
