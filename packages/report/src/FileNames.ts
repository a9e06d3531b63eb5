import { slugify } from "@udsagn/danish/Slug"

// What the report and the drafts call the other output files. On disk (the CLI) they keep their
// fixed names; the web app hands them out under Danish names with the conference in them, and
// the report it shows must name the file a person actually downloaded.

export interface FileNames {
  readonly statementsXlsx: string
  readonly recommendationsDocx: string
}

export const namesOnDisk: FileNames = { statementsXlsx: "statements.xlsx", recommendationsDocx: "recommendations.docx" }

const danishNames: Record<string, string> = {
  "recommendations.docx": "anbefalinger",
  "recommendations.md": "anbefalinger",
  "recommendations.json": "anbefalinger",
  "report.html": "rapport",
  "statements.xlsx": "udsagn",
  "statements.json": "udsagn",
  "ledger.json": "regnskab",
  "summary.json": "opsummering"
}

/** An ASCII file name from a title, for downloads (danish's one slug rule). */
export const titleSlug = (title: string) => slugify(title, 60, "analyse")

/** The name a download is saved under: Danish, with the conference, e.g. `anbefalinger-konference-5-december-2024.docx`. */
export const downloadName = (title: string, file: string) => {
  const base = file.split("/").pop() ?? file
  const known = danishNames[file]
  if (known === undefined) return base
  return `${known}-${titleSlug(title)}${base.slice(base.indexOf("."))}`
}

/** The web app's names for an analysis with this title. */
export const downloadNames = (title: string): FileNames => ({
  statementsXlsx: downloadName(title, "statements.xlsx"),
  recommendationsDocx: downloadName(title, "recommendations.docx")
})
