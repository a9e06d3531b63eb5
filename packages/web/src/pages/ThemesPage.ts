import { html, type Raw } from "../Html.js"
import { errorBox, layout } from "./Layout.js"
import type { ThemeDraft, ThemesDraft } from "./ThemesForm.js"

// The themes page (/temaer): the theme set new analyses use, as a form a person who has never
// seen a theme file can change: names, descriptions, words, words that rule a theme out, a new
// theme, example statements; plus download, upload and "back to the default themes".

export interface ThemeExamples {
  /** Theme id → a few statements, from the theme file and from the newest analysis. */
  readonly byTheme: ReadonlyMap<string, ReadonlyArray<string>>
  /** The analysis the statements come from. */
  readonly analysis?: { readonly id: string; readonly title: string }
}

export interface ThemesPageOptions {
  readonly draft: ThemesDraft
  /** The current set is the administration's own (not the default). */
  readonly custom: boolean
  readonly examples: ThemeExamples
  readonly notice?: string
  readonly error?: string
  /** The saved theme file could not be read (the default is used). */
  readonly warning?: string
}

const rowsFor = (text: string, min: number, max: number) => Math.min(max, Math.max(min, text.split("\n").length + 1))

const themeFields = (key: string, t: ThemeDraft, examples: ReadonlyArray<string>): Raw => {
  const isNew = key === "new"
  const count = t.terms.split("\n").filter((w) => w.trim().length > 0).length
  return html`<fieldset class="theme-edit" data-theme="${t.id}">
<legend>${isNew ? "Nyt tema" : t.label}</legend>
${isNew ? "" : html`<input type="hidden" name="id-${key}" value="${t.id}">`}
<label for="label-${key}">Navn</label>
<input type="text" id="label-${key}" name="label-${key}" value="${t.label}" maxlength="80" ${isNew ? "" : "required"}>
<label for="description-${key}">Beskrivelse <span class="muted">(hvad temaet dækker; står i rapporten)</span></label>
<textarea id="description-${key}" name="description-${key}" rows="${rowsFor(t.description, 2, 4)}">${t.description}</textarea>
<label for="terms-${key}">Ord, der peger på temaet <span class="muted">(ét ord eller udtryk pr. linje${isNew ? "" : html`; nu ${count}`})</span></label>
<textarea id="terms-${key}" name="terms-${key}" rows="${rowsFor(t.terms, 3, 8)}" aria-describedby="terms-help">${t.terms}</textarea>
<label for="exclusions-${key}">Ord, der udelukker temaet <span class="muted">(valgfrit; fx »videokonsultation« for visuel kommunikation)</span></label>
<textarea id="exclusions-${key}" name="exclusions-${key}" rows="${rowsFor(t.exclusions, 2, 5)}">${t.exclusions}</textarea>
<label for="synonyms-${key}">Ord, der betyder det samme <span class="muted">(valgfrit; til undertemaerne: ét sæt pr. linje, ordene adskilt af komma, fx »tidspres, travlhed, for travlt«)</span></label>
<textarea id="synonyms-${key}" name="synonyms-${key}" rows="${rowsFor(t.synonyms, 2, 6)}" aria-describedby="synonyms-help">${t.synonyms}</textarea>
${isNew ? "" : html`<p class="remove"><label><input type="checkbox" name="remove-${key}" value="1"${t.remove ? html` checked` : ""}> Fjern temaet</label></p>`}
${examples.length === 0 ? "" : html`<details><summary>Eksempler på udsagn (${examples.length})</summary>
<ul class="examples">${examples.map((e) => html`<li>${e}</li>`)}</ul></details>`}
</fieldset>`
}

export const themesPage = (o: ThemesPageOptions) =>
  layout(
    { title: "Temaer" },
    html`<p class="crumbs"><a href="/">Forside</a> › Temaer</p>
<h1>Temaer</h1>
<p class="lead">Her bestemmer du, hvilke temaer udsagnene sorteres i. Nye analyser bruger temaerne, som de er gemt her.
En analyse, der allerede er lavet, kan køres igen med dem: brug knappen »Kør igen med de nuværende temaer« på analysens side.</p>
${o.notice !== undefined ? html`<p class="notice" role="status">${o.notice}</p>` : ""}
${o.warning !== undefined ? html`<p class="warning" role="status">${o.warning}</p>` : ""}
${errorBox("Temaerne blev ikke gemt", o.error)}
<p>${o.custom ? "Temaerne er jeres egne (gemt her)." : "Det er standardtemaerne fra konferencen om organisatorisk sundhedskompetence."}
${o.examples.analysis !== undefined ? html` Eksemplerne er udsagn fra de nyeste analyser (fx <a href="/analyser/${o.examples.analysis.id}">${o.examples.analysis.title}</a>) og fra temafilen.` : ""}</p>
<p class="muted" id="terms-help">Et udsagn får et tema, når det bruger temaets ord (også bøjet, fx »kommunerne« for »kommune«, og i sammensatte ord).
Et tema, der er nyt, sorteres alene efter sine ord; de fire standardtemaer også efter de håndkodede udsagn, modellen er trænet på.</p>
<p class="muted" id="synonyms-help">Ord, der betyder det samme, bruges kun til at dele et temas udsagn i undertemaer (»Hvad handler det om?«):
udsagn, der bruger et af ordene i et sæt, kan samles under ét undertema, fx »tid«, »tidspres« og »travlhed«. De ændrer ikke, hvilket tema et udsagn får.</p>
<form method="post" action="/temaer" class="themes-form">
${o.draft.themes.map((t, i) => themeFields(String(i), t, o.examples.byTheme.get(t.id) ?? []))}
${themeFields("new", o.draft.added, [])}
<label for="otherLabel">Navn for udsagn uden tema</label>
<input type="text" id="otherLabel" name="otherLabel" value="${o.draft.otherLabel}" maxlength="80">
<p><button type="submit" class="primary">Gem temaerne</button></p>
</form>
<h2>Temafil</h2>
<p>Temaerne kan hentes som en fil (JSON) og lægges ind igen, fx fra en anden computer eller konference.</p>
<p><a class="button" href="/temaer/temaer.json" download>Hent temafilen</a></p>
<form method="post" action="/temaer/upload" enctype="multipart/form-data" class="theme-upload">
<label for="themes-file">Læg en temafil ind (.json)</label>
<input type="file" id="themes-file" name="themes" accept=".json,application/json" required>
<p><button type="submit">Brug temafilen</button></p>
</form>
${o.custom
      ? html`<h2>Standardtemaerne</h2>
<form method="post" action="/temaer/standard" class="theme-reset">
<p><label><input type="checkbox" name="confirm" value="1" required> Ja, slet de gemte temaer og brug standardtemaerne igen</label></p>
<p><button type="submit">Gå tilbage til standardtemaerne</button></p>
</form>`
      : ""}`
  )
