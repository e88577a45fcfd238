"""The page's style and its one small script, inlined so the page needs nothing from the network."""

from __future__ import annotations

STYLE = """
:root { --error: #c62828; --error-bg: #fdecea; --warning: #b06d00; --warning-bg: #fff3d6;
  --info: #4f6b85; --info-bg: #e9f0f6; --ok: #2e7d32; --line: #d8dce0; --ink: #1f2328; --muted: #5c6670; }
* { box-sizing: border-box; }
body { margin: 0; background: #eef0f2; color: var(--ink);
  font: 14px/1.6 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
a { color: #1a5fa8; }
.bar { display: flex; align-items: center; gap: 1em; padding: 0.6em 1.5em; background: #22313f; color: #fff;
  position: sticky; top: 0; z-index: 10; }
.bar .brand { font-weight: bold; letter-spacing: 0.02em; }
.bar .sub { color: #c5d0da; }
.bar .tools { margin-left: auto; display: flex; gap: 0.6em; }
.bar a, .bar button { color: #fff; background: #3a4d60; border: 0; border-radius: 4px; padding: 0.3em 0.8em;
  font: inherit; text-decoration: none; cursor: pointer; }
.page { max-width: 86em; margin: 0 auto; padding: 1.2em 1.5em 3em; }
.report { margin-bottom: 2.5em; }
.report-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4em 1em; margin: 0.4em 0 0.8em; }
.report-head h2 { font-size: 1.15em; margin: 0; word-break: break-all; }
.report-head .downloads { margin-left: auto; display: flex; gap: 0.5em; }
.report-head .downloads a { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 0.15em 0.7em;
  text-decoration: none; }
.counts { display: inline-flex; gap: 0.4em; }
.pill { border-radius: 999px; padding: 0.05em 0.7em; font-size: 0.9em; white-space: nowrap; }
.pill.error { background: var(--error-bg); color: var(--error); }
.pill.warning { background: var(--warning-bg); color: var(--warning); }
.pill.info { background: var(--info-bg); color: var(--info); }
.pill.ok { background: #e6f4e7; color: var(--ok); }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) 24em; gap: 1.2em; align-items: start; }
.doc { background: #fff; padding: 2.5em 3em; box-shadow: 0 1px 3px rgba(0,0,0,.12);
  font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 16px; line-height: 1.9; }
.doc h1 { font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 1.5em; text-align: center;
  margin: 0 0 1em; line-height: 1.5; }
.doc h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 1.08em; font-weight: normal;
  margin: 1.1em 0 0.3em; text-indent: 2em; }
.doc h3 { font-family: "KaiTi", "楷体", "STKaiti", serif; font-size: 1em; margin: 0.5em 0 0.2em; text-indent: 2em; }
.doc p { margin: 0; text-indent: 2em; text-align: justify; }
.doc p.signature { text-align: right; text-indent: 0; }
.doc p.signature.first { margin-top: 1.5em; }
.doc table { border-collapse: collapse; width: 100%; margin: 0.7em 0 0.4em; font-size: 13px; line-height: 1.45;
  font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; }
.doc th, .doc td { border: 1px solid #000; padding: 0.3em 0.35em; text-align: center; vertical-align: middle; }
.doc th { font-weight: normal; }
.doc td.label { text-align: left; }
.doc table.part4 td, .doc table.part4 th { padding: 0.3em 0.1em; }
td.mark { position: relative; font-weight: bold; }
td.lost { color: var(--muted); background: repeating-linear-gradient(135deg, #fff 0 5px, #eceff1 5px 10px); }
td.mark.sev-error { background: var(--error-bg); outline: 2px solid var(--error); outline-offset: -2px; }
td.mark.sev-warning { background: var(--warning-bg); outline: 2px solid #e0a100; outline-offset: -2px; }
td.mark.sev-info { background: var(--info-bg); outline: 2px dashed var(--info); outline-offset: -2px; }
td.mark .expect { display: block; font-size: 11px; font-weight: normal; color: var(--error); white-space: nowrap;
  font-family: "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.badge { display: inline-block; min-width: 1.5em; padding: 0 0.3em; border-radius: 999px; color: #fff;
  font: bold 11px/1.5 "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; text-align: center; text-indent: 0;
  text-decoration: none; vertical-align: super; margin-left: 0.15em; }
.badge.sev-error { background: var(--error); }
.badge.sev-warning { background: #d08c00; }
.badge.sev-info { background: var(--info); }
mark { background: none; padding: 0 0.1em; border-radius: 2px; color: inherit; }
mark.sev-error { background: var(--error-bg); box-shadow: inset 0 -2px 0 var(--error); }
mark.sev-warning { background: var(--warning-bg); box-shadow: inset 0 -2px 0 #e0a100; }
mark.sev-info { background: var(--info-bg); box-shadow: inset 0 -2px 0 var(--info); }
.notes { list-style: none; margin: 0.3em 0 0.8em; padding: 0; text-indent: 0;
  font: 13px/1.55 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; }
.notes li { margin: 0.25em 0; padding: 0.35em 0.6em; border-left: 4px solid; border-radius: 0 4px 4px 0; }
.notes li.sev-error { border-color: var(--error); background: var(--error-bg); }
.notes li.sev-warning { border-color: #e0a100; background: var(--warning-bg); }
.notes li.sev-info { border-color: var(--info); background: var(--info-bg); }
.notes .badge { vertical-align: baseline; margin-right: 0.3em; }
.expect-note { font-weight: bold; color: var(--error); margin-right: 0.4em; }
.doc h4.general { margin: 0 0 0.2em; font: bold 13px/1.5 "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: var(--muted); }
.code { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; font-size: 0.92em; color: var(--muted); }
.findings { position: sticky; top: 3.6em; max-height: calc(100vh - 4.4em); overflow: auto; background: #fff;
  box-shadow: 0 1px 3px rgba(0,0,0,.12); padding: 0.8em 1em; }
.findings h3 { margin: 0 0 0.5em; font-size: 1em; }
.findings ol { list-style: none; margin: 0; padding: 0; }
.findings li { padding: 0.45em 0; border-top: 1px solid var(--line); }
.findings li a.go { color: inherit; text-decoration: none; display: block; }
.findings li a.go:hover .msg { text-decoration: underline; }
.findings .where { color: var(--muted); font-size: 0.88em; }
.findings .none { color: var(--ok); }
:target { animation: flash 1.6s ease-out; scroll-margin-top: 4em; }
@keyframes flash { from { box-shadow: 0 0 0 4px #1a5fa8; } to { box-shadow: 0 0 0 4px transparent; } }
.overview { background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.12); padding: 1.2em 1.5em; margin-bottom: 1.5em; }
.overview h1 { font-size: 1.3em; margin: 0 0 0.6em; }
.stats { display: flex; flex-wrap: wrap; gap: 0.8em; margin-bottom: 1em; }
.stat { border: 1px solid var(--line); border-radius: 6px; padding: 0.4em 1em; min-width: 7em; }
.stat b { display: block; font-size: 1.5em; }
.stat.error b { color: var(--error); } .stat.warning b { color: var(--warning); } .stat.ok b { color: var(--ok); }
.chart h2, .summary-head h2 { font-size: 1em; margin: 0.8em 0 0.4em; }
.chart svg { max-width: 100%; height: auto; font: 12px "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
.summary-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.8em; }
.summary-head .filters { margin-left: auto; display: flex; gap: 0.5em; }
.summary-head input, .summary-head select { font: inherit; padding: 0.2em 0.5em; border: 1px solid #b8c0c8;
  border-radius: 4px; }
table.summary { border-collapse: collapse; width: 100%; }
table.summary th, table.summary td { border-bottom: 1px solid var(--line); padding: 0.4em 0.6em; text-align: left; }
table.summary th { background: #f5f6f7; cursor: pointer; user-select: none; white-space: nowrap; }
table.summary th[aria-sort="ascending"]::after { content: " ▲"; }
table.summary th[aria-sort="descending"]::after { content: " ▼"; }
table.summary td.nowrap { white-space: nowrap; }
table.summary td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.summary td.num.error { color: var(--error); font-weight: bold; }
table.summary td.num.warning { color: var(--warning); font-weight: bold; }
table.summary tr.hidden { display: none; }
.back { font-size: 0.9em; }
.empty { color: var(--muted); }
@media (max-width: 70em) { .columns { grid-template-columns: 1fr; } .findings { position: static; max-height: none; } }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { background: #fff; font-size: 12px; }
  .bar, .filters, .back, .downloads, .no-print { display: none !important; }
  .page { padding: 0; max-width: none; }
  .columns { display: block; }
  .doc, .findings, .overview { box-shadow: none; padding: 0; }
  .findings { position: static; max-height: none; overflow: visible; margin-top: 1em; }
  .report + .report { break-before: page; }
  tr, .notes li, .findings li { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()

# Sort the summary by a column (numbers as numbers), filter it by words and by what a report has.
SCRIPT = """
(function () {
  var table = document.querySelector('table.summary');
  if (!table) return;
  var body = table.tBodies[0];
  var heads = table.querySelectorAll('th');
  heads.forEach(function (th, column) {
    th.tabIndex = 0;
    function sort() {
      var down = th.getAttribute('aria-sort') === 'ascending';
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute('data-sort'), y = b.cells[column].getAttribute('data-sort');
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'zh-CN', {numeric: true});
        return down ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });
  });
  var words = document.getElementById('summary-filter');
  var show = document.getElementById('summary-show');
  function filter() {
    var needle = words.value.trim().toLowerCase(), kind = show.value;
    Array.prototype.forEach.call(body.rows, function (row) {
      var text = row.textContent.toLowerCase();
      var keep = (!needle || text.indexOf(needle) >= 0) &&
        (kind === 'all' || row.getAttribute('data-state').indexOf(kind) >= 0);
      row.classList.toggle('hidden', !keep);
    });
  }
  words.addEventListener('input', filter);
  show.addEventListener('change', filter);
})();
""".strip()
