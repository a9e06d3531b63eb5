import type { AnalysisMeta } from "../AnalysisMeta.js"
import { html } from "../Html.js"
import type { DraftItem, ResolvedDraft } from "../RegisterDraft.js"
import type { RegisterEntry } from "../RegisterModel.js"
import { fileUrl } from "./AnalysisPage.js"
import { formatWhen } from "./Format.js"
import { layout } from "./Layout.js"

// `/analyser/:id/anbefalinger`: the administration edits the draft recommendations before they
// go out: rewords each, merges two or more, drops one (and takes it back), then sends them to
// the register. The Word draft is made with the edited wording. One form, so typed wording is
// never lost whichever button is pressed.

export interface DraftPageOptions {
  readonly meta: AnalysisMeta
  readonly draft: ResolvedDraft
  readonly edited: boolean
  readonly sentAt: string | undefined
  readonly entries: ReadonlyArray<RegisterEntry>
  readonly notice?: string
  readonly error?: string
}

const support = (item: DraftItem) =>
  item.supporters !== undefined
    ? `foreslået af ${item.supporters} deltagere · ${item.statementCount} udsagn`
    : `${item.statementCount} udsagn`

const itemBlock = (item: DraftItem, i: number) =>
  html`<fieldset class="draft-item" data-item="${i}">
<legend>${i + 1}. ${item.themeLabel}${item.subTopic !== undefined ? html` – ${item.subTopic}` : ""}</legend>
<p class="meta">${support(item)}${item.sources.length > 1 ? html` · lagt sammen af ${item.sources.length} anbefalinger` : ""}</p>
<input type="hidden" name="kilde-${i}" value="${item.sources[0]!.key}">
<label for="tekst-${i}">Anbefalingens tekst</label>
<textarea id="tekst-${i}" name="tekst-${i}" rows="3" maxlength="2000">${item.text}</textarea>
<div class="item-actions">
<label class="check"><input type="checkbox" name="saml" value="${i}"> Vælg til sammenlægning</label>
<button type="submit" name="handling" value="fjern-${i}">Fjern anbefalingen</button>
${item.sources.length > 1 ? html`<button type="submit" name="handling" value="del-${i}">Del op igen</button>` : ""}
</div>
</fieldset>`

export const draftPage = (o: DraftPageOptions) => {
  const { meta, draft } = o
  const id = meta.id
  const hasDocx = meta.files.includes("recommendations.docx")
  return layout(
    { title: `Anbefalinger – ${meta.title}` },
    html`<p class="crumbs"><a href="/">Forside</a> › <a href="/analyser/${id}">${meta.title}</a> › Anbefalinger</p>
<h1>Rediger anbefalingerne</h1>
<p class="lead">Ret ordlyden, læg anbefalinger, der siger det samme, sammen, og fjern dem, der ikke skal videre. Word-udkastet laves med din tekst. Send dem til sidst til registret, hvor udvalgets behandling følges.</p>
${o.notice !== undefined ? html`<p class="notice" role="status">${o.notice}</p>` : ""}
${o.error !== undefined ? html`<div class="error" role="alert"><p>${o.error}</p></div>` : ""}
<p class="muted">${o.sentAt !== undefined
      ? html`Sendt til registret ${formatWhen(o.sentAt)} (${o.entries.length} anbefalinger i registret). Sender du igen, opdateres de; status og noter bevares.`
      : "Ikke sendt til registret endnu."}${o.edited ? " Teksten er redigeret." : ""}</p>
${draft.items.length === 0 && draft.dropped.length === 0
      ? html`<p>Analysen har ingen anbefalinger at redigere.</p>`
      : html`<form method="post" action="/analyser/${id}/anbefalinger" class="draft">
${draft.items.map(itemBlock)}
<div class="savebar">
<button type="submit" name="handling" value="send" class="primary">Gem og send til registret</button>
<button type="submit" name="handling" value="gem">Gem teksten</button>
<button type="submit" name="handling" value="saml">Læg de valgte sammen</button>
${o.edited ? html`<button type="submit" name="handling" value="nulstil">Start forfra med udkastet</button>` : ""}
</div>
${draft.dropped.length > 0
        ? html`<h2>Fjernede anbefalinger</h2><ul class="dropped">${draft.dropped.map((s) =>
          html`<li>${s.themeLabel}${s.subTopic !== undefined ? html` – ${s.subTopic}` : ""}: »${s.text}« <button type="submit" name="handling" value="tilbage-${s.key}">Tag med igen</button></li>`
        )}</ul>`
        : ""}
</form>`}
<div class="actions">
${hasDocx ? html`<a class="button" href="${fileUrl(id, "recommendations.docx")}" download>Hent Word-udkastet med denne tekst</a>` : ""}
<a class="button" href="/anbefalinger?begivenhed=${id}">Se analysens anbefalinger i registret</a>
</div>`
  )
}
