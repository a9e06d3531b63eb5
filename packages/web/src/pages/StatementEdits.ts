import { createHash } from "node:crypto"
import type { CategorizedStatement } from "@udsagn/domain/Categorization"
import { html } from "../Html.js"
import type { LeftOutStatement } from "../LeftOut.js"
import type { FormOverride } from "./ReviewForm.js"

// The review page's per-statement controls besides the themes: "Udelad" (leave the statement out
// of the report) and "Ret tekst" (the text shown everywhere, e.g. a name taken out), the
// "mulig person-navn" mark, and the statements left out earlier with a box to take them back.
// The fields are `udelad` (an id), `tekst:<id>` with `tekstfoer:<id>` (a digest of the text as
// shown, so the page does not carry every text twice) and `medtag` (an id);
// `readStatementEdits` reads them and `applyStatementEdits` merges them.

const tidy = (t: string) => t.replace(/\s+/g, " ").trim()

/** A short digest of a text as shown (spacing ignored), to tell a changed text from one left as it was. */
export const textDigest = (text: string) => createHash("sha256").update(tidy(text)).digest("hex").slice(0, 16)

/** The controls inside one statement's fieldset. */
export const statementEditControls = (s: CategorizedStatement, names: ReadonlyArray<string> | undefined) => {
  const id = s.id
  const flagged = names !== undefined && names.length > 0
  return html`<div class="edits">
${flagged
      ? html`<p class="names"><span class="tag name">Mulig person-navn</span> ${names.join(", ")}: ret teksten, så navnet ikke kommer med i rapporten.</p>`
      : ""}
<div class="check"><input type="checkbox" id="udelad-${id}" name="udelad" value="${id}"><label for="udelad-${id}">Udelad fra rapporten</label></div>
<details${flagged ? html` open` : ""}><summary>Ret tekst${s.redacted === true ? html` <span class="tag fixed">Tekst rettet</span>` : ""}</summary>
<div class="field"><label for="tekst-${id}">Teksten, som den skal stå i rapporten</label>
<textarea id="tekst-${id}" name="tekst:${id}" rows="2" maxlength="5000">${s.text}</textarea>
<input type="hidden" name="tekstfoer:${id}" value="${textDigest(s.text)}">
${s.redacted === true ? html`<span class="muted">Tøm feltet for at få den oprindelige tekst tilbage.</span>` : ""}</div>
</details>
</div>`
}

/** Statements left out earlier: shown so they can be taken back into the report. */
export const leftOutSection = (leftOut: ReadonlyArray<LeftOutStatement>) =>
  leftOut.length === 0
    ? ""
    : html`<details class="left-out" id="udeladte"><summary>Udeladte udsagn (${leftOut.length})</summary>
<p class="muted">Disse udsagn er ikke med i rapporten, diagrammerne eller anbefalingerne. Sæt flueben og gem for at tage dem med igen.</p>
${leftOut.map((s) =>
      html`<div class="check"><input type="checkbox" id="medtag-${s.id}" name="medtag" value="${s.id}"><label for="medtag-${s.id}"><span class="tag left-out">Udeladt</span> ${s.text} <span class="muted">(${s.question})</span></label></div>`
    )}
</details>`

export interface StatementEdits {
  readonly exclude: ReadonlySet<string>
  readonly restore: ReadonlySet<string>
  /** Texts changed in the form: id → the new text ("" gives the original back). */
  readonly texts: ReadonlyMap<string, string>
}

/** Reads `udelad`, `medtag`, `tekst:<id>` and `tekstfoer:<id>`; a text left as shown is no change. */
export const readStatementEdits = (body: Iterable<readonly [string, string]>): StatementEdits => {
  const exclude = new Set<string>()
  const restore = new Set<string>()
  const now = new Map<string, string>()
  const before = new Map<string, string>()
  for (const [key, value] of body) {
    if (key === "udelad") exclude.add(value)
    else if (key === "medtag") restore.add(value)
    else if (key.startsWith("tekst:")) now.set(key.slice(6), value)
    else if (key.startsWith("tekstfoer:")) before.set(key.slice(10), value)
  }
  const texts = new Map<string, string>()
  for (const [id, text] of now) {
    const shown = before.get(id)
    if (shown !== undefined && shown !== textDigest(text)) texts.set(id, tidy(text))
  }
  return { exclude, restore, texts }
}

/**
 * The corrections after the form's edits: a statement ticked "Udelad" gets `exclude`, one taken
 * back loses it; a changed text becomes `redact` (blank: the original text back). Only ids the
 * analysis has (shown, or left out earlier) are touched; an entry left with nothing to do goes.
 */
export const applyStatementEdits = (
  overrides: ReadonlyArray<FormOverride>,
  edits: StatementEdits,
  rows: ReadonlyArray<{ readonly id: string }>,
  leftOut: ReadonlyArray<Pick<LeftOutStatement, "id">>
): Array<FormOverride> => {
  const shown = new Set<string>(rows.map((r) => r.id))
  const out = new Map<string, FormOverride>()
  const textOnly: Array<FormOverride> = []
  for (const o of overrides) {
    if (o.id === "") textOnly.push(o)
    else out.set(o.id, { ...o })
  }
  const entry = (id: string) => out.get(id) ?? (out.set(id, { id }), out.get(id)!)
  for (const id of edits.exclude) if (shown.has(id)) entry(id).exclude = true
  for (const id of edits.restore) {
    if (leftOut.some((s) => s.id === id) && out.has(id)) delete entry(id).exclude
  }
  for (const [id, text] of edits.texts) {
    if (!shown.has(id)) continue
    if (text === "") delete entry(id).redact
    else entry(id).redact = text
  }
  const useful = [...out.values()].filter((o) => o.themes !== undefined || o.exclude === true || o.redact !== undefined)
  return [...useful, ...textOnly]
}
