"""The local web page's first screen: drop published reports (or click to choose them) to have them checked."""

from __future__ import annotations

from collections.abc import Iterable

from .assets import STYLE
from .safe import escape

WORDS = {
    "zh": {
        "title": "检查政府信息公开工作年度报告",
        "lead": "把年度报告文件拖到这里，或点击选择文件",
        "kinds": "可以检查：{kinds}（可一次选多份）。文件只在本机检查，不会上传到任何网站。",
        "choose": "选择文件",
        "busy": "正在检查 {name} …",
        "failed": "{name}：{error}",
        "sub": "本机检查",
    },
    "en": {
        "title": "Check an annual information-disclosure report",
        "lead": "Drop report files here, or click to choose them",
        "kinds": "Accepted: {kinds} (several at once are fine). Files are checked on this computer only; nothing is sent anywhere.",
        "choose": "Choose files",
        "busy": "Checking {name} …",
        "failed": "{name}: {error}",
        "sub": "checked on this computer",
    },
}

DROP_STYLE = """
.drop { max-width: 46em; margin: 4em auto; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.12);
  padding: 2em 2.5em; text-align: center; }
.drop h1 { font-size: 1.4em; margin: 0 0 1em; }
.zone { display: block; border: 2px dashed #9aa7b4; border-radius: 8px; padding: 3em 1em; cursor: pointer;
  color: #3a4d60; background: #f7f9fb; }
.zone.over { border-color: #1a5fa8; background: #e9f0f6; }
.zone strong { display: block; font-size: 1.15em; margin-bottom: 0.6em; }
.zone .button { display: inline-block; background: #1a5fa8; color: #fff; border-radius: 4px; padding: 0.4em 1.2em; }
.zone input { display: none; }
.hint { color: #5c6670; margin-top: 1em; }
#status { margin-top: 1em; min-height: 1.6em; }
#status .error { color: #c62828; }
"""

# Each file is sent as the body of its own request (no multipart parsing needed on the server);
# the header makes a cross-site page's request need a preflight the server never grants.
DROP_SCRIPT = """
(function () {
  var zone = document.getElementById('zone'), input = document.getElementById('files');
  var status = document.getElementById('status');
  var words = JSON.parse(document.getElementById('words').textContent);
  function say(text, bad) {
    var line = document.createElement('div');
    line.textContent = text;
    if (bad) line.className = 'error';
    status.appendChild(line);
  }
  async function send(files) {
    status.textContent = '';
    var ids = [];
    for (var i = 0; i < files.length; i++) {
      var file = files[i];
      say(words.busy.replace('{name}', file.name));
      try {
        var response = await fetch('/check?name=' + encodeURIComponent(file.name), {
          method: 'POST', body: file, headers: {'X-Disclosure-Lint': 'desk'}});
        var answer = await response.json();
        if (!response.ok) { say(words.failed.replace('{name}', file.name).replace('{error}', answer.error), true); continue; }
        ids.push(answer.id);
      } catch (error) {
        say(words.failed.replace('{name}', file.name).replace('{error}', String(error)), true);
      }
    }
    if (ids.length) window.location.href = '/view?ids=' + ids.join(',');
  }
  input.addEventListener('change', function () { if (input.files.length) send(input.files); });
  ['dragenter', 'dragover'].forEach(function (name) {
    document.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add('over'); });
  });
  document.addEventListener('dragleave', function (e) { if (!e.relatedTarget) zone.classList.remove('over'); });
  document.addEventListener('drop', function (e) {
    e.preventDefault(); zone.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length) send(e.dataTransfer.files);
  });
})();
"""


def drop_page(lang: str, suffixes: Iterable[str]) -> str:
    w = WORDS["en" if lang == "en" else "zh"]
    kinds = "、".join(sorted(suffixes)) if lang != "en" else ", ".join(sorted(suffixes))
    accept = ",".join(sorted(suffixes))
    import json

    script_words = json.dumps({"busy": w["busy"], "failed": w["failed"]}, ensure_ascii=False).replace(
        "<", "\\u003c"
    )
    return f"""<!DOCTYPE html>
<html lang="{"en" if lang == "en" else "zh-CN"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:">
<title>{escape(w["title"])} · disclosure-lint</title>
<style>
{STYLE}
{DROP_STYLE}
</style>
</head>
<body>
<header class="bar"><span class="brand">disclosure-lint</span><span class="sub">{escape(w["sub"])}</span></header>
<main class="drop">
<h1>{escape(w["title"])}</h1>
<label class="zone" id="zone"><strong>{escape(w["lead"])}</strong>
<span class="button">{escape(w["choose"])}</span>
<input id="files" type="file" multiple accept="{escape(accept)}"></label>
<p class="hint">{escape(w["kinds"].format(kinds=kinds))}</p>
<div id="status" role="status" aria-live="polite"></div>
</main>
<script type="application/json" id="words">{script_words}</script>
<script>{DROP_SCRIPT}</script>
</body>
</html>
"""
