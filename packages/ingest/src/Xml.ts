import { SaxesParser } from "saxes"

// The XML inside an xlsx goes through saxes, a conforming streaming parser: text is written to it
// as it is inflated, so the bytes we inflate are the bytes we parse (one guarded pass, no second
// copy of the workbook) and an attribute value may hold `>` like any legal XML.

/** What a part reader does with the elements it meets; names are local (`x:row` → `row`). */
export interface XmlHandler {
  readonly open: (name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean) => void
  readonly close: (name: string) => void
  readonly text: (text: string) => void
}

export interface XmlParser {
  /** Parse the next piece of text. Throws on malformed XML. */
  readonly write: (text: string) => void
  /** The text is complete. Throws when it stopped inside an element. */
  readonly end: () => void
}

/** Local name without namespace prefix (`x:row` → `row`, `r:id` → `id`). */
export const local = (name: string): string => {
  const i = name.indexOf(":")
  return i < 0 ? name : name.slice(i + 1)
}

const localAttributes = (attrs: Readonly<Record<string, string>>): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(attrs)) out[local(name)] = value
  return out
}

/** A saxes parser that reports to `handler`. Self-closing elements are opened and then closed. */
export const xmlParser = (handler: XmlHandler): XmlParser => {
  const parser = new SaxesParser()
  parser.on("opentag", (tag) => handler.open(local(tag.name), localAttributes(tag.attributes), tag.isSelfClosing))
  parser.on("closetag", (tag) => handler.close(local(tag.name)))
  parser.on("text", handler.text)
  parser.on("cdata", handler.text)
  return {
    write: (text) => void parser.write(text),
    end: () => void parser.close()
  }
}

/** SpreadsheetML escapes characters XML cannot hold as `_xHHHH_` (e.g. `_x000D_` for CR). */
export const decodeOoxmlEscapes = (text: string): string =>
  text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
