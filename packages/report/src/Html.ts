/**
 * The one escape function for everything that goes into report.html and the web pages (the
 * web re-exports this module), and into statements.xlsx's XML (its entities are XML's too):
 * element text and quoted attribute values alike. Statement
 * texts come from the audience, so nothing in them may become markup. The backtick too:
 * old browsers ended an unquoted attribute on it.
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c)

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "\"": "&quot;",
  "'": "&#39;",
  "`": "&#96;"
}

/** Markup that is already safe (our own, or escaped by `html`); `html` inserts it as it is. */
export class Raw {
  constructor(readonly html: string) {}
  toString() {
    return this.html
  }
}

/** What `html` accepts between `${}`: text and numbers are escaped, nothing-ish values vanish. */
export type Interpolation = Raw | string | number | undefined | null | false | ReadonlyArray<Interpolation>

const render = (value: Interpolation): string => {
  if (value === undefined || value === null || value === false) return ""
  if (value instanceof Raw) return value.html
  if (Array.isArray(value)) return value.map(render).join("")
  return escapeHtml(String(value))
}

/** Tagged template that escapes every interpolated value unless it is already `Raw` markup. */
export const html = (strings: TemplateStringsArray, ...values: ReadonlyArray<Interpolation>): Raw => {
  let out = strings[0] ?? ""
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? "")
  })
  return new Raw(out)
}

/** Marks trusted markup (never user text) as safe. */
export const raw = (markup: string): Raw => new Raw(markup)

/**
 * Charts are our own renderer's SVG, but their labels come from the export (question
 * titles), so strip anything that could run or load: scripts, foreignObject, event
 * handlers, external references. The page's CSP blocks these too; this is the second wall.
 */
export const sanitizeSvg = (svg: string): string => {
  let out = svg.replace(/<\?xml[^>]*>/gi, "").replace(/<!DOCTYPE[^>]*>/gi, "")
  out = out.replace(/<(script|foreignObject|iframe|object|embed|style)\b[\s\S]*?<\/\1\s*>/gi, "")
  out = out.replace(/<(script|foreignObject|iframe|object|embed|image|use)\b[^>]*\/?>/gi, "")
  out = out.replace(/\s(on[a-z]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "")
  out = out.replace(/\s((?:xlink:)?href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, (m, _attr: string, value: string) =>
    /^["']?#/.test(value) ? m : ""
  )
  return out.trim()
}
