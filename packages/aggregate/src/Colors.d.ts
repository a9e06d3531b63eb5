import { type ThemeId, type ThemeSet } from "@udsagn/domain/Theme";
/**
 * Okabe-Ito, the colour-blind-safe palette, ordered so the first themes get the colours
 * that stay apart for every kind of colour vision and read well on white (yellow last).
 */
export declare const OKABE_ITO: readonly ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
/** `other` is grey everywhere: it is the rest, not a theme to look at first. */
export declare const OTHER_COLOR = "#999999";
/** A theme's fixed colour: its own from the theme file, else by its place in the file. */
export declare const themeColor: (themeSet: ThemeSet, themeId: ThemeId) => string;
