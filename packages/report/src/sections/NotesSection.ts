import type { CategorizedNote, CategorizedResult } from "@udsagn/domain"
import { OTHER } from "@udsagn/domain/Theme"
import { count } from "../Format.js"
import { html, type Raw } from "../Html.js"

// "Fra oplæg og drøftelser": the notes paragraphs (`--notes`) of a theme, under the theme's
// statements. They come from talks and table discussions, not from the participants' Menti
// answers, so they are shown apart and never counted in the theme's figures.

export const notesOfTheme = (result: CategorizedResult, theme: string): ReadonlyArray<CategorizedNote> =>
  result.notes.filter((n) => (n.themes as ReadonlyArray<string>).includes(theme))

const source = (n: CategorizedNote) => (n.label === n.file ? n.file : `${n.label} (${n.file})`)

const noteItem = (n: CategorizedNote): Raw =>
  html`<li><p class="text">${n.text}</p><p class="meta"><span class="sid">${n.id}</span> · ${source(n)}</p></li>`

/** The theme's notes paragraphs, or nothing when the analysis has none for it. */
export const notesBlock = (result: CategorizedResult, theme: string): Raw => {
  const notes = notesOfTheme(result, theme)
  if (notes.length === 0) return html``
  return html`<div class="notes-source">
<h3>Fra oplæg og drøftelser</h3>
<p class="note">${count(notes.length, "afsnit", "afsnit")} fra konferencens noter (oplæg og drøftelser ved bordene), sorteret i samme temaer. De er ikke deltagernes udsagn og tæller ikke med i tallene.</p>
<ul class="statements">${notes.map(noteItem)}</ul>
</div>`
}

/** The notes paragraphs that fit no theme, so none is left out of the report. */
export const otherNotesSection = (result: CategorizedResult): Raw => {
  const notes = notesOfTheme(result, OTHER)
  if (notes.length === 0) return html``
  return html`<section id="noter-uden-tema" class="major">
<h2>Fra oplæg og drøftelser uden tema</h2>
<p>${count(notes.length, "afsnit", "afsnit")} fra konferencens noter handler ikke om et af temaerne.</p>
<ul class="statements">${notes.map(noteItem)}</ul>
</section>`
}
