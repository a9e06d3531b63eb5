import { formatInt, formatShare } from "@udsagn/danish/Format"
import type { CategorizedResult, ChartFile, ThemeSummary } from "@udsagn/domain"
import { OTHER } from "@udsagn/domain/Theme"
import { confidenceWord } from "../Confidence.js"
import { listAnd, quoted } from "../Format.js"
import { html, raw, type Raw, sanitizeSvg } from "../Html.js"
import type { LanguageCheck } from "@udsagn/danish/Language"
import { evidenceMatches, type EvidenceWords, matchRanges, type Shown, themeLabel } from "../ReportModel.js"

// Pieces several sections share: theme colours and anchors, statements, quotes, figures.

const SAFE_COLOR = /^#[0-9a-fA-F]{3,8}$/
export const colorOf = (theme: ThemeSummary) => (SAFE_COLOR.test(theme.color) ? theme.color : "#777777")
export const anchor = (theme: string) => `tema-${theme.replace(/[^a-z0-9-]/g, "")}`

/**
 * Statement text with the words that decided its theme marked: word-list hits in yellow,
 * words the model leaned on underlined. Every piece of text is escaped.
 */
export const highlightText = (text: string, words: EvidenceWords | ReadonlyArray<string>): Raw => {
  const { lexicon, model } = Array.isArray(words) ? { lexicon: words, model: [] } : (words as EvidenceWords)
  const strong = matchRanges(text, lexicon).map(([a, b]) => ({ a, b, cls: "" }))
  const weak = matchRanges(text, model)
    .filter(([a, b]) => !strong.some((r) => a < r.b && b > r.a))
    .map(([a, b]) => ({ a, b, cls: "model" }))
  const ranges = [...strong, ...weak].sort((x, y) => x.a - y.a)
  const parts: Array<Raw> = []
  let at = 0
  for (const r of ranges) {
    parts.push(html`${text.slice(at, r.a)}<mark${r.cls ? raw(` class="${r.cls}"`) : ""}>${text.slice(r.a, r.b)}</mark>`)
    at = r.b
  }
  parts.push(html`${text.slice(at)}`)
  return html`${parts}`
}

const times = (n: number) => (n > 1 ? html` <span class="times" title="Skrevet ${n} gange">(×${n})</span>` : "")

/**
 * Statement ids as a list; a text written thousands of times (a large export) shows its first
 * ID_LIMIT ids and how many more, so one item cannot fill the page.
 */
export const ID_LIMIT = 500
const ids = (list: ReadonlyArray<string>): string =>
  list.length <= ID_LIMIT
    ? list.join(", ")
    : `${list.slice(0, ID_LIMIT).join(", ")} … og ${formatInt(list.length - ID_LIMIT)} flere (alle i statements.xlsx)`

const idList = (shown: Shown) => ids(shown.ids)

export const statementItem = (result: CategorizedResult, shown: Shown, theme?: string, extra?: Raw): Raw => {
  const s = shown.statement
  const others = s.themes.filter((t) => t !== theme && t !== OTHER).map((t) => themeLabel(result, t))
  const c = confidenceWord(s.confidence)
  // A person's correction is not the program's guess: "rettet" instead of a confidence.
  const decided = s.overridden
    ? html`<span class="fixed">temaer rettet af en person</span>`
    : html`<span class="conf conf-${c}">sikkerhed ${formatShare(s.confidence)} (${c})</span>`
  return html`<li>
<p class="text">${highlightText(s.text, evidenceMatches(s, theme))}${times(shown.times)}</p>
<p class="meta"><span class="sid">${idList(shown)}</span> · ${quoted(s.question)} · ${decided}${
    others.length > 0 ? html` · ${theme === undefined ? "tema" : "også"}: ${listAnd(others)}` : ""
  }${s.redacted === true ? html` · <span class="fixed">tekst rettet af en person</span>` : ""}${extra ?? ""}</p>
</li>`
}

export const quoteBlock = (shown: Shown): Raw => {
  const s = shown.statement
  return html`<blockquote><p>»${s.text}«${times(shown.times)}</p><footer><span class="sid">${
    idList(shown)
  }</span> · ${quoted(s.question)}</footer></blockquote>`
}

// A question used as a title already ends a sentence ("… først?"); no "?." for screen readers.
const sentence = (text: string) => (/[.?!:…]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`)

export const figure = (chart: ChartFile): Raw =>
  html`<figure class="chart" role="group" aria-label="${chart.title}">
${raw(sanitizeSvg(chart.svg))}
<figcaption class="sr-only">${sentence(chart.title)} ${chart.description}</figcaption>
</figure>`

export const actionList = (items: ReadonlyArray<{ text: string; statementIds: ReadonlyArray<string> }>): Raw =>
  html`<ul class="actions">${
    items.map((a) => html`<li>${a.text} <span class="sid">(${ids(a.statementIds)})</span></li>`)
  }</ul>`

/**
 * The warning for answers that do not look Danish, in the opening and the method section (same
 * words in both, so the reader meets it wherever they start).
 */
export const notDanishWarning = (language: LanguageCheck): Raw =>
  language.warning
    ? html`
<p class="warning" role="note"><strong>Svarene ser ikke ud til at være på dansk</strong> (kun ${
      formatShare(language.danishShare)
    } af de ord, der røber sproget, er danske). Temaerne og træfsikkerhedstallene gælder danske udsagn, så sorteringen i denne rapport holder ikke for disse svar. Læs udsagnene selv.</p>`
    : html``
