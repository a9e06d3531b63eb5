// A small XML tokenizer, enough for the regular XML inside xlsx files (SpreadsheetML).
// We parse the parts ourselves rather than through a workbook library so that the bytes we
// inflate are the bytes we parse: one guarded pass, no second copy of the whole workbook.

export type XmlToken =
  | { readonly kind: "open"; readonly name: string; readonly attrs: string; readonly selfClosing: boolean }
  | { readonly kind: "close"; readonly name: string }
  | { readonly kind: "text"; readonly text: string }

/** Local name without namespace prefix (`x:row` → `row`). */
const local = (name: string) => {
  const i = name.indexOf(":")
  return i < 0 ? name : name.slice(i + 1)
}

export function* xmlTokens(xml: string): Generator<XmlToken> {
  let i = 0
  const n = xml.length
  while (i < n) {
    const lt = xml.indexOf("<", i)
    if (lt < 0) {
      yield { kind: "text", text: decodeEntities(xml.slice(i)) }
      return
    }
    if (lt > i) yield { kind: "text", text: decodeEntities(xml.slice(i, lt)) }
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4)
      i = end < 0 ? n : end + 3
      continue
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9)
      yield { kind: "text", text: xml.slice(lt + 9, end < 0 ? n : end) }
      i = end < 0 ? n : end + 3
      continue
    }
    const gt = xml.indexOf(">", lt + 1)
    if (gt < 0) return
    const body = xml.slice(lt + 1, gt)
    i = gt + 1
    if (body.startsWith("?") || body.startsWith("!")) continue
    if (body.startsWith("/")) {
      yield { kind: "close", name: local(body.slice(1).trim()) }
      continue
    }
    const selfClosing = body.endsWith("/")
    const inner = selfClosing ? body.slice(0, -1) : body
    const space = inner.search(/\s/)
    const name = space < 0 ? inner : inner.slice(0, space)
    yield { kind: "open", name: local(name), attrs: space < 0 ? "" : inner.slice(space), selfClosing }
  }
}

const ATTR = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/** Attributes by local name. */
export const attributes = (attrs: string): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const m of attrs.matchAll(ATTR)) out[local(m[1]!)] = decodeEntities(m[2] ?? m[3] ?? "")
  return out
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: "\"", apos: "'" }

export const decodeEntities = (text: string): string =>
  text.indexOf("&") < 0
    ? text
    : text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ent: string) => {
      if (ent.startsWith("#x")) return safeCodePoint(parseInt(ent.slice(2), 16), whole)
      if (ent.startsWith("#")) return safeCodePoint(parseInt(ent.slice(1), 10), whole)
      return NAMED[ent] ?? whole
    })

const safeCodePoint = (cp: number, fallback: string) =>
  Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback

/** SpreadsheetML escapes characters XML cannot hold as `_xHHHH_` (e.g. `_x000D_` for CR). */
export const decodeOoxmlEscapes = (text: string): string =>
  text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
