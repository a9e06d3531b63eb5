/** The categorizer's confidence in words a politician can read; also a CSS class (`conf-høj`). */
export type ConfidenceWord = "høj" | "middel" | "lav"

/**
 * Confidence 0..1 as a word: from 0.75 "høj", from 0.5 "middel", below "lav". The report, the
 * spreadsheet and the web's review page all say it this way.
 */
export const confidenceWord = (c: number): ConfidenceWord => (c >= 0.75 ? "høj" : c >= 0.5 ? "middel" : "lav")
