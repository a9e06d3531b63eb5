/** A piece of markup that is already safe to put in a page. */
export interface Html {
  readonly _tag: "Html"
  readonly value: string
}

export type Interpolation = Html | string | number | null | undefined | false | ReadonlyArray<Interpolation>

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c] ?? c)

/** Marks trusted markup (never user text) as safe. */
export const raw = (value: string): Html => ({ _tag: "Html", value })

const isHtml = (u: unknown): u is Html =>
  typeof u === "object" && u !== null && (u as { _tag?: unknown })._tag === "Html"

const render = (value: Interpolation): string => {
  if (value === null || value === undefined || value === false) return ""
  if (typeof value === "string") return escapeHtml(value)
  if (typeof value === "number") return escapeHtml(String(value))
  if (isHtml(value)) return value.value
  return (value as ReadonlyArray<Interpolation>).map(render).join("")
}

/** Template tag: every interpolated string is escaped, so user text can never become markup. */
export const html = (strings: TemplateStringsArray, ...values: ReadonlyArray<Interpolation>): Html => {
  let out = strings[0] ?? ""
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? "")
  }
  return raw(out)
}
