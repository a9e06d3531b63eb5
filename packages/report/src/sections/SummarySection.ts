import type { MaskCounts, SkippedCells } from "@udsagn/domain/Ledger"
import { formatDate, formatInt, formatShare } from "@udsagn/danish/Format"
import type { CategorizedResult, Summary, ThemeSummary } from "@udsagn/domain"
import { count, listAnd, quoted } from "../Format.js"
import { html, type Raw } from "../Html.js"
import { representativeOf } from "../Recommendations.js"
import { languageOf, mainThemes } from "../ReportModel.js"
import { notDanishWarning } from "./Parts.js"

// "Sammenfatning": the facts, the biggest themes, the questions, and how the answers were counted.

const themeSentence = (result: CategorizedResult, t: ThemeSummary, rank: number, alone: boolean): Raw => {
  const terms = t.keyTerms.slice(0, 3).map((k) => quoted(k.term))
  const quote = [...representativeOf(result, t, 3)].sort((a, b) => a.statement.text.length - b.statement.text.length)[0]
  // A tie at the top is said as a tie, as the drafts' headlines do.
  const opening = rank === 0
    ? html`<strong>${t.label}</strong> er ${alone ? "det største tema" : "et af de største temaer"}: ${count(t.count, "udsagn", "udsagn")} (${formatShare(t.share)}).`
    : html`<strong>${t.label}</strong>: ${count(t.count, "udsagn", "udsagn")} (${formatShare(t.share)}).`
  return html`<li>${opening}${terms.length > 0 ? html` Ord der går igen: ${listAnd(terms)}.` : ""}${
    quote ? html` Fx »${quote.statement.text}« <span class="sid">(${quote.statement.id})</span>.` : ""
  }</li>`
}

const MASK_WORDS = {
  cpr: ["CPR-nummer", "CPR-numre"],
  phone: ["telefonnummer", "telefonnumre"],
  email: ["e-mailadresse", "e-mailadresser"],
  handle: ["brugernavn (@…)", "brugernavne (@…)"],
  profile: ["link til en profil på sociale medier", "links til profiler på sociale medier"]
} as const
const MASK_KINDS = ["cpr", "phone", "email", "handle", "profile"] as const

/** What masking found in this file, counted and named ("1 CPR-nummer", "2 telefonnumre"), in a fixed order. */
export const maskedFinds = (masked: MaskCounts): ReadonlyArray<string> =>
  MASK_KINDS.filter((k) => masked[k] > 0).map((k) => count(masked[k], MASK_WORDS[k][0], MASK_WORDS[k][1]))

const ledgerText = (result: CategorizedResult, summary: Summary): Raw => {
  const l = result.ledger
  const excludedTotal = l.excluded.reduce((n, e) => n + e.count, 0)
  const masked = maskedFinds(l.masked)
  const maskedTotal = masked.length
  return html`<p>Filen <span class="file">${l.source}</span> indeholdt ${count(l.read, "svar", "svar")} på de åbne spørgsmål. ${
    formatInt(l.kept)
  } er med i analysen${
    excludedTotal > 0
      ? html`, og ${formatInt(excludedTotal)} er sorteret fra, fordi de ikke var egentlige udsagn:`
      : html`; intet er sorteret fra.`
  }</p>
${
    l.unread.length > 0
      ? html`<p>${
        l.unread.map((u) =>
          html`Kolonnen ${quoted(u.column)} (ark ${quoted(u.sheet)}, ${count(u.filled, "felt", "felter")} med tekst) er ikke læst, fordi en anden kolonne blev taget som svarene. `
        )
      }Er det den, der holder svarene, så vælg den som svarkolonne (i kommandolinjen: <code>--text-column</code>).</p>`
      : ""
  }
${skippedCells(l.skipped)}
${
    excludedTotal > 0
      ? html`<ul class="excluded">${
        l.excluded.filter((e) => e.count > 0).map((e) =>
          html`<li>${e.label}: ${formatInt(e.count)}${
            // Some labels already give examples ("Testsvar (fx "test" eller "hej")").
            e.examples.length > 0 && !/\bfx\b/.test(e.label)
              ? html` (fx ${listAnd(e.examples.slice(0, 3).map((x) => quoted(x)))})`
              : ""
          }</li>`
        )
      }</ul>`
      : ""
  }
<p>${
    maskedTotal > 0
      ? html`Personoplysninger er skjult, før svarene blev analyseret: ${listAnd(masked)} er erstattet med en markering som [CPR], [telefon] eller [e-mail].`
      : html`Der blev ikke fundet CPR-numre, telefonnumre, e-mailadresser, brugernavne eller profil-links i svarene.`
  }${
    l.duplicates > 0
      ? html` ${count(l.duplicates, "udsagn gentager", "udsagn gentager")} et andet ord for ord; de tæller med i tallene, men vises kun én gang med antallet i parentes, fx (×2).`
      : ""
  }${
    l.closedQuestions > 0
      ? html` Desuden var der ${count(l.closedQuestions, "lukket spørgsmål", "lukkede spørgsmål")} (afstemninger og skalaer), som er vist for sig til sidst.`
      : ""
  } I alt ${count(summary.statements, "udsagn", "udsagn")}, heraf ${formatInt(summary.distinctStatements)} forskellige.</p>`
}

export const summarySection = (result: CategorizedResult, summary: Summary): Raw => {
  const e = result.event
  const top = [...mainThemes(summary)].filter((t) => t.count > 0).sort((a, b) => b.count - a.count).slice(0, 3)
  const multi = result.statements.filter((s) => s.themes.length > 1).length
  return html`<section id="sammenfatning" class="major">
<h2>Sammenfatning</h2>${notDanishWarning(languageOf(result))}
<dl class="facts">
<div><dt>Dato</dt><dd>${e.date !== undefined ? formatDate(e.date) : "ikke oplyst"}</dd></div>
<div><dt>Deltagere, der svarede</dt><dd>${e.participants !== undefined ? `mindst ${formatInt(e.participants)}` : "ikke oplyst"}</dd></div>
<div><dt>Udsagn</dt><dd>${formatInt(summary.statements)}</dd></div>
<div><dt>Spørgsmål</dt><dd>${formatInt(summary.questions.length)}</dd></div>
</dl>
<h3>De største temaer</h3>
<ul class="top">${top.map((t, i) => themeSentence(result, t, i, top[1]?.count !== t.count))}</ul>
${
    multi > 0
      ? html`<p class="note">Et udsagn kan handle om flere temaer (${count(multi, "udsagn gør", "udsagn gør")} det her), så procenterne kan tilsammen give mere end 100.</p>`
      : ""
  }
<h3>Spørgsmålene</h3>
<ul class="questions">${
    summary.questions.map((q) => html`<li>${quoted(q.title)}: ${count(q.count, "udsagn", "udsagn")}</li>`)
  }</ul>
<h3>Sådan er svarene talt</h3>
${ledgerText(result, summary)}
</section>`
}

const skipReason = (k: SkippedCells) =>
  k.reason === "above-header"
    ? html`over tabellens overskrifter i ark ${quoted(k.sheet)} (titel eller noter)`
    : k.reason === "other-column"
    ? html`i kolonnen ${quoted(k.column ?? "")} (ark ${quoted(k.sheet)}), som ikke er svar`
    : html`i arket ${quoted(k.sheet)}, hvor der ikke er en tabel med svar`

/** Every other cell with text the reader passed over, so nothing is left out without a word. */
const skippedCells = (skipped: ReadonlyArray<SkippedCells>) =>
  skipped.length > 0
    ? html`<p>Andre felter med tekst i filen, som ikke er læst som udsagn:</p><ul class="skipped">${
      skipped.map((k) => html`<li>${count(k.count, "felt", "felter")} ${skipReason(k)}</li>`)
    }</ul>`
    : ""
