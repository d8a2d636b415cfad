(function () {
  "use strict";
  var active = [];
  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function clear() { active.forEach(function (el) { el.classList.remove("cx-active"); }); active = []; }
  function quantities(id) { return all('.cx-q[data-claims~="' + CSS.escape(id) + '"]'); }
  function select(row, scrollToText) {
    clear();
    var id = row.getAttribute("data-claim"), sent = row.getAttribute("data-sent");
    var marked = [row].concat(quantities(id));
    if (sent) { marked = marked.concat(all('.cx-sent[data-sent="' + CSS.escape(sent) + '"]')); }
    marked.forEach(function (el) { el.classList.add("cx-active"); });
    active = marked;
    if (scrollToText && marked.length > 1) { marked[1].scrollIntoView({block: "center"}); }
  }
  function rowOf(q) {
    var id = (q.getAttribute("data-claims") || "").split(" ")[0];
    return id ? document.querySelector('tr[data-claim="' + CSS.escape(id) + '"]') : null;
  }
  document.addEventListener("click", function (ev) {
    var row = ev.target.closest("tr[data-claim]");
    if (row) { select(row, true); return; }
    var q = ev.target.closest(".cx-q");
    if (q) { var r = rowOf(q); if (r) { select(r, false); r.scrollIntoView({block: "nearest"}); } }
  });
  document.addEventListener("keydown", function (ev) {
    var row = ev.target.closest && ev.target.closest("tr[data-claim]");
    if (row && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); select(row, true); }
  });
  function hover(ev, on) {
    var q = ev.target.closest && ev.target.closest(".cx-q");
    if (!q) { return; }
    (q.getAttribute("data-claims") || "").split(" ").forEach(function (id) {
      if (!id) { return; }
      all('tr[data-claim="' + CSS.escape(id) + '"]').forEach(function (r) { r.classList.toggle("cx-hover", on); });
    });
  }
  document.addEventListener("mouseover", function (ev) { hover(ev, true); });
  document.addEventListener("mouseout", function (ev) { hover(ev, false); });
  document.documentElement.setAttribute("data-cx-ready", "1");
})();
