import { spellOutAeOeAa } from "./Normalize.js"

/**
 * A file-name-safe Danish slug: "Hvor godt går det?" → "hvor-godt-gaar-det". Lower case, æ/ø/å
 * spelled out, other accents dropped ("é" → "e"), every run of anything else one dash. Longer
 * than `max` it is cut at the last whole word (a single long word is cut hard); an empty
 * result becomes `fallback`.
 */
export const slugify = (text: string, max: number, fallback: string): string => {
  const s = spellOutAeOeAa(text.normalize("NFC").toLowerCase())
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
  const cut = s.length <= max ? s : s.slice(0, max).replace(/-[^-]*$/, "") || s.slice(0, max)
  return cut === "" ? fallback : cut
}
