// The pages use the report's `html` tag: one tag for all of udsagn's markup, escaping
// & < > " ' and backticks in every interpolated value unless it is `raw` (our own markup).
export { escapeHtml, html, type Interpolation, raw, Raw } from "@udsagn/report/Html"
