/** A cell value as stored: shared/inline strings as text, numbers as numbers. */
export type Cell = string | number | boolean

/** Plain text of a cell, for labels and answers (numbers as written, e.g. `3`, `2.5`). */
export const cellText = (cell: Cell | undefined): string =>
  cell === undefined ? "" : typeof cell === "string" ? cell : String(cell)

/** Column letters to 1-based number (`A` → 1, `AJ` → 36). */
export const columnNumber = (letters: string): number => {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

/** 1-based column number to letters. */
export const columnLetters = (n: number): string => {
  let s = ""
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}
