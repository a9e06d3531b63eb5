import { escapeHtml as escapeReport, html as reportHtml, type Interpolation } from "@udsagn/report/Html"

// The pages use the report's `html` tag: one tag for all of udsagn's markup, escaping
// & < > " ' and backticks in every interpolated value unless it is `raw` (our own markup).
// The web's own wrapper also drops bidi controls from audience text (below).
export { type Interpolation, raw, Raw } from "@udsagn/report/Html"

/**
 * Bidirectional controls (embeddings, overrides, isolates, LRM/RLM): in a statement they can
 * make text read differently from what it is (U+202E turns the rest of a line around).
 */
export const bidiControls = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

export const stripBidi = (text: string) => text.replace(bidiControls, "")

const clean = (value: Interpolation): Interpolation =>
  typeof value === "string" ? stripBidi(value) : Array.isArray(value) ? value.map(clean) : value

export const escapeHtml = (text: string) => escapeReport(stripBidi(text))

export const html = (strings: TemplateStringsArray, ...values: ReadonlyArray<Interpolation>) =>
  reportHtml(strings, ...values.map(clean))
