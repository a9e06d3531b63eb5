// The page's only stylesheet and script, served from this server (CSP allows 'self' only).

export const styleCss = `
:root { --ink: #1b1b1b; --muted: #595959; --line: #c9c9c9; --bg: #ffffff; --soft: #f3f5f7;
  --accent: #00507a; --accent-ink: #ffffff; --ok: #1e6b35; --warn: #8a4b00; --bad: #a4161a; }
* { box-sizing: border-box; }
html { font-size: 112.5%; }
body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);
  background: var(--bg); line-height: 1.5; }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus, summary:focus, label.dropzone:focus-within {
  outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
header.site { background: var(--accent); color: var(--accent-ink); }
header.site .inner { display: flex; gap: 2rem; align-items: baseline; flex-wrap: wrap; }
header.site a { color: var(--accent-ink); text-decoration: none; }
header.site .brand { font-weight: 700; font-size: 1.25rem; }
header.site nav { display: flex; flex-wrap: wrap; row-gap: .2rem; }
header.site nav a { margin-right: 1.25rem; text-decoration: underline; }
.inner { max-width: 72rem; margin: 0 auto; padding: .9rem 1.25rem; }
main.inner { padding-top: 1.5rem; padding-bottom: 4rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .8rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; }
.lead { font-size: 1.1rem; max-width: 48rem; }
.muted { color: var(--muted); }
.crumbs { font-size: .95rem; margin: 0; }
.steps-intro { display: flex; gap: 1rem; flex-wrap: wrap; padding: 0; list-style: none; counter-reset: s; }
.steps-intro li { flex: 1 1 12rem; background: var(--soft); padding: .8rem 1rem; border-radius: 6px; counter-increment: s; }
.steps-intro li::before { content: counter(s) ". "; font-weight: 700; }
form.upload { border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem; max-width: 48rem; }
label.dropzone { display: block; border: 3px dashed var(--accent); border-radius: 8px; padding: 2rem 1rem;
  text-align: center; background: var(--soft); cursor: pointer; }
label.dropzone.over { background: #dcebf5; }
label.dropzone .big { display: block; font-size: 1.25rem; font-weight: 700; }
label.dropzone .pick { margin-top: .9rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.chosen { font-weight: 700; color: var(--ok); min-height: 1.5em; margin: .5rem 0 0; }
.chosen.too-big { color: var(--bad); }
details { margin: 1rem 0; } summary { cursor: pointer; color: var(--accent); }
button, .button { display: inline-block; font: inherit; font-weight: 600; padding: .6rem 1.2rem;
  border-radius: 6px; border: 2px solid var(--accent); background: #fff; color: var(--accent);
  cursor: pointer; text-decoration: none; }
button.primary, .button.primary { background: var(--accent); color: var(--accent-ink); }
button[disabled] { opacity: .6; cursor: progress; }
button.danger { border-color: var(--bad); color: var(--bad); }
.field { margin: .8rem 0; } .field label { display: block; font-weight: 600; }
.field input[type=text], .field textarea { width: 100%; max-width: 40rem; font: inherit; padding: .4rem; box-sizing: border-box; }
form .check { display: flex; align-items: center; gap: .4rem; }
.edits .check input { width: 1.2rem; height: 1.2rem; }
.tag.name { background: #fbeaea; color: var(--bad); } .tag.left-out { background: #eee; color: var(--ink); }
.actions { display: flex; gap: .8rem; flex-wrap: wrap; margin: 1rem 0 1.5rem; }
form.rerun { margin: 0; }
.notice { border-left: 6px solid var(--ok); background: #e9f5ec; padding: .8rem 1rem; margin: 1rem 0; }
.warning { border-left: 6px solid #b45309; background: #fdf3e6; padding: .8rem 1rem; margin: 1rem 0; }
.error { border-left: 6px solid var(--bad); background: #fbeaea; padding: .8rem 1rem; margin: 1rem 0; }
.error h2 { margin-top: 0; font-size: 1.15rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--soft); }
tbody th { font-weight: 600; }
caption { text-align: left; padding: .3rem 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
svg.bar { vertical-align: middle; margin-right: .4rem; }
svg.swatch { vertical-align: -2px; margin-right: .35rem; }
h2.first { margin-top: 0; }
td.change { white-space: nowrap; }
fieldset.theme-edit { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: .6rem 1rem 1rem; max-width: 48rem; min-width: 0; }
fieldset.theme-edit legend { font-size: 1.1rem; font-weight: 700; padding: 0 .3rem; }
fieldset.theme-edit > label, .themes-form > label, .theme-upload label { display: block; font-weight: 600; margin-top: .7rem; }
fieldset.theme-edit input[type=text], fieldset.theme-edit textarea, .themes-form > input[type=text] {
  display: block; width: 100%; max-width: 44rem; font: inherit; padding: .35rem; }
textarea:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
ul.examples { margin: .3rem 0; padding-left: 1.2rem; }
form.theme-upload input[type=file] { max-width: 100%; }
ol.progress { list-style: none; padding: 0; max-width: 36rem; }
ol.progress li { padding: .5rem .8rem; border-left: 4px solid var(--line); margin: .3rem 0; color: var(--muted); }
ol.progress li.done { border-color: var(--ok); color: var(--ink); }
ol.progress li.done::before { content: "✓ "; color: var(--ok); font-weight: 700; }
ol.progress li.current { border-color: var(--accent); color: var(--ink); font-weight: 700; background: var(--soft); }
ul.downloads { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: .6rem; }
ul.downloads li a { display: block; padding: .7rem .9rem; border: 1px solid var(--line); border-radius: 6px; text-decoration: none; }
ul.downloads li a:hover { border-color: var(--accent); background: var(--soft); }
ul.downloads .what { display: block; font-weight: 600; }
ul.downloads .file { display: block; font-size: .85rem; color: var(--muted); }
iframe.report { width: 100%; height: 80vh; border: 1px solid var(--line); border-radius: 6px; }
form.filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-end; background: var(--soft);
  padding: 1rem; border-radius: 8px; }
form.filters label { display: block; font-weight: 600; font-size: .9rem; }
form.filters select, form.filters input[type=search] { font: inherit; padding: .35rem; max-width: 22rem; }
form.filters .check { display: flex; align-items: center; gap: .4rem; font-weight: 600; }
form.filters .check input { width: 1.2rem; height: 1.2rem; }
fieldset.statement { border: 1px solid var(--line); border-radius: 8px; margin: .9rem 0; padding: .6rem 1rem .8rem; }
fieldset.statement.review { border-left: 6px solid var(--warn); }
fieldset.statement legend { font-size: 1.05rem; font-weight: 600; padding: 0 .3rem; max-width: 60rem; }
.meta { font-size: .9rem; color: var(--muted); margin: .2rem 0 .5rem; }
.tag { display: inline-block; font-size: .8rem; font-weight: 700; padding: 0 .45rem; border-radius: 4px; }
.tag.review { background: #fff1db; color: var(--warn); } .tag.fixed { background: #e9f5ec; color: var(--ok); }
.themes { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
.themes label { display: flex; align-items: center; gap: .35rem; cursor: pointer; padding: .15rem 0; }
.themes input { width: 1.2rem; height: 1.2rem; }
.evidence { font-size: .88rem; color: var(--muted); margin: .4rem 0 0; }
.evidence mark { background: #fff1a8; color: var(--ink); }
.savebar { background: #fff; padding: .8rem 0; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.savebar.top { position: sticky; top: 0; z-index: 2; border-bottom: 2px solid var(--accent); }
.savebar.bottom { border-top: 2px solid var(--accent); }
.savebar .dirty { color: var(--warn); font-weight: 700; }
nav.pager ul { list-style: none; padding: 0; margin: .8rem 0; display: flex; flex-wrap: wrap; gap: .3rem; }
nav.pager a { display: inline-block; min-width: 2.4rem; text-align: center; padding: .3rem .6rem; border: 1px solid var(--line); border-radius: 6px; text-decoration: none; }
nav.pager a[aria-current=page] { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); font-weight: 700; }
nav.pager .gap { padding: .3rem .2rem; color: var(--muted); }
/* A phone (400 px): nothing wider than the screen; a wide table scrolls inside itself. */
@media (max-width: 40rem) {
  .inner { padding-left: .8rem; padding-right: .8rem; }
  header.site .inner { gap: .3rem 1rem; }
  /* relative: a visually hidden label inside scrolls with the table instead of widening the page */
  table { display: block; overflow-x: auto; max-width: 100%; position: relative; }
  svg.bar { max-width: 22vw; }
  form.filters > div, .compare-pick > div { min-width: 0; max-width: 100%; }
  form.filters select, form.filters input[type=search], .compare-pick select { max-width: 100%; width: 100%; }
  fieldset.statement { min-width: 0; }
  iframe.report { height: 70vh; }
}
.compare-pick { display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-end; }
.compare-pick label { display: block; font-weight: 600; }
.compare-pick select { font: inherit; padding: .35rem; max-width: 28rem; }
article.rec { border: 1px solid var(--line); border-left: 6px solid var(--accent); border-radius: 8px; margin: .9rem 0; padding: .6rem 1rem; }
article.rec[data-status="besluttet"], article.rec[data-status="i gang"] { border-left-color: var(--ok); }
article.rec[data-status="afvist"] { border-left-color: var(--muted); }
.rec-meta { font-size: .9rem; color: var(--muted); margin: .2rem 0; overflow-wrap: anywhere; }
.rec-meta .status { font-weight: 700; color: var(--ink); }
.rec-meta .raised { color: var(--ok); }
.rec-text { font-size: 1.1rem; font-weight: 600; margin: .3rem 0; overflow-wrap: anywhere; }
form.rec-edit, fieldset.draft-item { display: grid; gap: .3rem; max-width: 48rem; }
form.rec-edit label, fieldset.draft-item > label { font-weight: 600; font-size: .9rem; }
form.rec-edit input, form.rec-edit select, textarea { font: inherit; padding: .35rem; width: 100%; }
fieldset.draft-item { border: 1px solid var(--line); border-radius: 8px; margin: .9rem 0; padding: .6rem 1rem .8rem; }
fieldset.draft-item legend { font-weight: 600; padding: 0 .3rem; }
.item-actions { display: flex; gap: .8rem; flex-wrap: wrap; align-items: center; }
.item-actions .check { display: flex; align-items: center; gap: .4rem; }
ul.suggestions { list-style: none; padding: 0; } ul.suggestions li { border: 1px dashed var(--line); border-radius: 8px; padding: .6rem 1rem; margin: .6rem 0; }
form.inline { display: flex; gap: .6rem; flex-wrap: wrap; }
.linked { background: var(--soft); padding: .4rem .8rem; border-radius: 6px; }
ul.statements .sid, .sid { font-size: .8rem; color: var(--muted); margin-right: .3rem; }
`

export const appJs = `
(function () {
  // Drag and drop onto the upload box: hand the dropped file to the ordinary file input.
  document.querySelectorAll("label.dropzone").forEach(function (zone) {
    var input = zone.querySelector("input[type=file]");
    var shown = document.getElementById(zone.getAttribute("data-chosen"));
    function show() {
      if (shown && input.files && input.files.length) { shown.textContent = (input.files.length > 1 ? "Valgte filer: " : "Valgt fil: ") + Array.prototype.map.call(input.files, function (f) { return f.name; }).join(", "); shown.className = "chosen"; }
    }
    input.addEventListener("change", show);
    ["dragenter", "dragover"].forEach(function (t) {
      zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (t) {
      zone.addEventListener(t, function () { zone.classList.remove("over"); });
    });
    function take(e) {
      e.preventDefault();
      zone.classList.remove("over");
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; show(); }
    }
    zone.addEventListener("drop", function (e) { e.stopPropagation(); take(e); });
    // A file dropped beside the box would make the browser leave the page: take it too.
    document.addEventListener("dragover", function (e) { e.preventDefault(); });
    document.addEventListener("drop", take);
    // Say at once when the file is too big, instead of after uploading it.
    var max = Number(input.getAttribute("data-max-bytes"));
    var form = zone.closest("form");
    if (form && max) form.addEventListener("submit", function (e) {
      if (input.files && input.files.length && input.files[0].size > max) {
        e.preventDefault(); e.stopImmediatePropagation();
        if (shown) { shown.textContent = "Filen er for stor. Den må højst fylde " + Math.floor(max / 1048576) + " MB."; shown.className = "chosen too-big"; }
      }
    });
  });
  // Say that something is happening while a slow form is sent.
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) {
        b.disabled = true; b.textContent = form.getAttribute("data-busy");
      });
    });
  });
  // Unsaved corrections on a review page: counted in the save bar, and asked about before the
  // page is left (another page, a filter, a link, closing the tab) without saving them.
  document.querySelectorAll("form[data-unsaved]").forEach(function (form) {
    var question = form.getAttribute("data-unsaved");
    var status = form.querySelector("[data-unsaved-count]");
    var plain = status ? status.textContent : "";
    var leaving = false;
    function changedIn(set) {
      var found = false;
      set.querySelectorAll("input, textarea, select").forEach(function (c) {
        if (c.type === "hidden") return;
        if (c.type === "checkbox" || c.type === "radio") { if (c.checked !== c.defaultChecked) found = true; }
        else if (c.tagName === "SELECT") { c.querySelectorAll("option").forEach(function (o) { if (o.selected !== o.defaultSelected) found = true; }); }
        else if (c.value !== c.defaultValue) found = true;
      });
      return found;
    }
    function unsaved() {
      var n = 0;
      form.querySelectorAll("fieldset.statement").forEach(function (set) { if (changedIn(set)) n++; });
      return n;
    }
    function show() {
      if (!status) return;
      var n = unsaved();
      status.textContent = n === 0 ? plain : (n === 1 ? "1 udsagn" : n + " udsagn") + " med rettelser, der ikke er gemt.";
      status.className = n === 0 ? "muted" : "dirty";
    }
    form.addEventListener("change", function () { setTimeout(show, 0); });
    form.addEventListener("input", show);
    form.addEventListener("submit", function () { leaving = true; });
    window.addEventListener("beforeunload", function (e) {
      if (!leaving && unsaved() > 0) { e.preventDefault(); e.returnValue = question; return question; }
    });
    window.addEventListener("pageshow", function () { leaving = false; show(); });
    function ask(e) {
      if (leaving || unsaved() === 0) return;
      if (window.confirm(question)) leaving = true; else e.preventDefault();
    }
    document.addEventListener("click", function (e) {
      var a = e.target && e.target.closest ? e.target.closest("a[href]") : null;
      if (!a || a.hasAttribute("download") || a.getAttribute("target") === "_blank" || a.getAttribute("href").charAt(0) === "#") return;
      ask(e);
    });
    document.querySelectorAll("form").forEach(function (other) {
      if (other !== form) other.addEventListener("submit", ask);
    });
  });
  // "Andet" never goes with another theme: ticking one clears the other.
  document.querySelectorAll("fieldset.statement").forEach(function (set) {
    set.addEventListener("change", function (e) {
      var box = e.target;
      if (!box || box.type !== "checkbox" || !box.checked || !/^tema:/.test(box.name)) return;
      var isOther = box.getAttribute("data-other") === "1";
      set.querySelectorAll("input[type=checkbox][name^='tema:']").forEach(function (b) {
        if (b !== box && (isOther || b.getAttribute("data-other") === "1")) b.checked = false;
      });
    });
  });
})();
`
