// Windows-1252, written out: Node 20's TextDecoder("windows-1252") decodes 0x80-0x9F as Latin-1
// control characters, which would turn Excel's "–", "’", "€" and "…" into invisible garbage.

const HIGH: ReadonlyArray<number> = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178
]

/** The character Windows-1252 gives byte `b` (undefined bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D map to the C1 control). */
export const cp1252Char = (b: number): string => String.fromCharCode(b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80]! : b)

export const decodeWindows1252 = (bytes: Uint8Array): string => {
  const parts: Array<string> = []
  const CHUNK = 8192
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80]! : b))
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join("")
}
