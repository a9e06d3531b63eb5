import { OTHER, type ThemeId, type ThemeSet } from "@udsagn/domain/Theme"

/**
 * Okabe-Ito, the colour-blind-safe palette, ordered so the first themes get the colours
 * that stay apart for every kind of colour vision and read well on white (yellow last).
 */
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"] as const

/** `other` is grey everywhere: it is the rest, not a theme to look at first. */
export const OTHER_COLOR = "#999999"

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

/** A theme's fixed colour: its own from the theme file, else by its place in the file. */
export const themeColor = (themeSet: ThemeSet, themeId: ThemeId): string => {
  const index = themeSet.themes.findIndex((t) => t.id === themeId)
  const own = index >= 0 ? themeSet.themes[index]!.color : undefined
  if (own !== undefined && HEX.test(own)) return own
  if (themeId === OTHER || index < 0) return OTHER_COLOR
  return OKABE_ITO[index % OKABE_ITO.length]!
}
