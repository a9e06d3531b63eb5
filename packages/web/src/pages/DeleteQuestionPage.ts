import type { AnalysisMeta } from "../AnalysisMeta.js"
import { html } from "../Html.js"
import { layout } from "./Layout.js"

// Deleting an analysis whose recommendations are in the register: asked before anything goes,
// whether they stay in the register (the committee may have decided on them) or go too.

export const deleteQuestionPage = (meta: AnalysisMeta, count: number, error?: string) =>
  layout(
    { title: `Slet ${meta.title}` },
    html`<p class="crumbs"><a href="/">Forside</a> › <a href="/analyser/${meta.id}">${meta.title}</a> › Slet</p>
<h1>Skal anbefalingerne blive i registret?</h1>
${error !== undefined ? html`<div class="error" role="alert"><p>${error}</p></div>` : ""}
<p class="lead">»${meta.title}« har ${count} ${count === 1 ? "anbefaling" : "anbefalinger"} i <a href="/anbefalinger?begivenhed=${meta.id}">registret</a>.
Analysen, dens filer og den uploadede fil slettes under alle omstændigheder.</p>
<form method="post" action="/analyser/${meta.id}/slet" data-busy="Sletter …">
<input type="hidden" name="bekraeft" value="ja">
<fieldset><legend>Anbefalingerne i registret</legend>
<div class="check"><input type="radio" id="behold" name="anbefalinger" value="behold" required><label for="behold">Behold dem i registret med status og noter (udsagnene bag dem kan ikke længere ses)</label></div>
<div class="check"><input type="radio" id="fjern" name="anbefalinger" value="fjern" required><label for="fjern">Fjern dem fra registret</label></div>
</fieldset>
<p><button type="submit" class="danger">Slet analysen</button> <a href="/analyser/${meta.id}">Fortryd</a></p>
</form>`
  )
