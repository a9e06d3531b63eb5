import { formatInt } from "@udsagn/danish/Format"

// Danish prose around the numbers (the numbers themselves: @udsagn/danish/Format).

/** "1 udsagn", "2 udsagn"; "1 tema", "3 temaer". */
export const count = (n: number, singular: string, plural: string): string =>
  `${formatInt(n)} ${n === 1 ? singular : plural}`

/** "a", "a og b", "a, b og c". */
export const listAnd = (items: ReadonlyArray<string>): string => {
  if (items.length <= 1) return items.join("")
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`
}


/** Danish quotation marks. */
export const quoted = (text: string): string => `»${text}«`

/**
 * Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF). One of
 * them in a docx or xlsx makes Word or Excel refuse the whole file, so they are dropped.
 */
export const xmlSafe = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
