import { formatInt, formatNumber } from "@udsagn/danish/Format"
import { type Cause, Data, Predicate } from "effect"

// Every error here is something a person can fix by choosing or re-exporting a file. Each holds
// data (`path`: the file as the caller named it; where known the line or sheet) and builds from
// it ONE Danish line: what is wrong, then what to do. `message` names the file by its base name
// (by the path as given when the file cannot be found or read); `describe(name)` names it as the
// caller likes, e.g. by the name a user uploaded it under, so no server path reaches them.

const mb = (bytes: number) => formatNumber(bytes / (1024 * 1024), 1)

/** The last segment of a path, with `/` or `\` as separator. */
export const baseName = (path: string): string => path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1)

const IngestErrorTypeId: unique symbol = Symbol.for("@udsagn/ingest/IngestError")

/** Whether `u` is one of the errors below (e.g. to `describe` it with the name a user knows). */
export const isIngestError = (u: unknown): u is IngestError => Predicate.hasProperty(u, IngestErrorTypeId)

/** What every ingest error has besides its tag and its own fields. */
export interface IngestFailure {
  /** The file as the caller named it (absolute or relative). */
  readonly path: string
  /** The one-line Danish text, naming the file `name`. */
  describe(name: string): string
}

/**
 * `Data.TaggedError(tag)` with a `path`, whose `message` is its `describe` with the file's base
 * name (or with the path as given, `byPath`, where the path itself is what to check): each error
 * below only says its text.
 */
const TaggedIngestError = <Tag extends string>(tag: Tag, named: "baseName" | "byPath" = "baseName") => {
  abstract class Failure extends Data.TaggedError(tag)<{ readonly path: string }> {
    abstract describe(name: string): string
    get [IngestErrorTypeId]() {
      return IngestErrorTypeId
    }
    override get message() {
      return this.describe(named === "byPath" ? this.path : baseName(this.path))
    }
  }
  // Typed like Data.TaggedError, so each error names its own fields.
  return Failure as abstract new<A extends Record<string, unknown> = {}>(
    args: { readonly path: string } & { readonly [P in keyof A]: A[P] }
  ) => Cause.YieldableError & { readonly _tag: Tag } & IngestFailure & Readonly<A>
}

/** The path does not exist (or is not a file). */
export class FileNotFound extends TaggedIngestError("FileNotFound", "byPath")<{ readonly cause?: unknown }> {
  override describe(name: string) {
    return `Filen findes ikke: ${name}. Tjek stavemåden og stien, og prøv igen.`
  }
}

/** The file exists but could not be read (permissions, a folder, I/O error). */
export class FileUnreadable extends TaggedIngestError("FileUnreadable", "byPath")<{ readonly cause?: unknown }> {
  override describe(name: string) {
    return `Filen ${name} kan ikke læses. Tjek at det er en fil (ikke en mappe), og at du har adgang til den.`
  }
}

export class EmptyFile extends TaggedIngestError("EmptyFile") {
  override describe(name: string) {
    return `Filen ${name} er tom (0 byte). Eksportér resultaterne fra Mentimeter igen som Excel (.xlsx) eller CSV.`
  }
}

export class FileTooLarge extends TaggedIngestError("FileTooLarge")<{
  readonly bytes: number
  readonly limit: number
}> {
  override describe(name: string) {
    return `Filen ${name} er for stor (${mb(this.bytes)} MB; grænsen er ${mb(this.limit)} MB). Del eksporten op, eller gem kun arkene med svar.`
  }
}

/** An xlsx whose contents would inflate past the limit: a decompression bomb or an absurd sheet. */
export class TooLargeWhenUnpacked extends TaggedIngestError("TooLargeWhenUnpacked")<{
  readonly bytes: number
  readonly limit: number
}> {
  override describe(name: string) {
    return `Filen ${name} fylder over ${mb(this.limit)} MB, når den pakkes ud (mindst ${mb(this.bytes)} MB), og er afvist for en sikkerheds skyld. Eksportér resultaterne fra Mentimeter igen, eller gem arket som CSV.`
  }
}

/** The file name says spreadsheet, the bytes say otherwise (text, image, …). */
export class NotASpreadsheet extends TaggedIngestError("NotASpreadsheet")<{
  readonly detail: string
}> {
  override describe(name: string) {
    return `Filen ${name} er ikke et Excel-regneark (${this.detail}). Eksportér resultaterne fra Mentimeter som Excel (.xlsx), eller gem tabellen som CSV.`
  }
}

/** Old binary .xls or an encrypted workbook: both are OLE compound files, not zip. */
export class LegacyOrEncryptedWorkbook extends TaggedIngestError("LegacyOrEncryptedWorkbook") {
  override describe(name: string) {
    return `Filen ${name} er i det gamle Excel-format (.xls) eller beskyttet med adgangskode. Åbn den i Excel og gem den som .xlsx uden adgangskode.`
  }
}

/** A zip/xlsx that is cut off or damaged. */
export class CorruptWorkbook extends TaggedIngestError("CorruptWorkbook")<{
  readonly cause?: unknown
}> {
  override describe(name: string) {
    return `Filen ${name} er beskadiget eller ufuldstændig (fx afbrudt under download) og kan ikke åbnes. Hent eller eksportér filen igen.`
  }
}

/** A .csv that is not text (binary data). */
export class NotText extends TaggedIngestError("NotText") {
  override describe(name: string) {
    return `Filen ${name} indeholder ikke tekst og kan ikke læses som CSV. Gem tabellen fra Excel som "CSV (semikolonsepareret)" eller brug Menti-eksporten (.xlsx).`
  }
}

/** A CSV whose quoted field never closes: everything after it would be swallowed into one answer. */
export class MalformedCsv extends TaggedIngestError("MalformedCsv")<{
  /** 1-based line where the quote opens. */
  readonly line: number
}> {
  override describe(name: string) {
    return `Filen ${name} har et citationstegn (") i linje ${this.line}, som aldrig lukkes, så resten af filen ville blive til ét svar. Ret linjen i Excel eller en teksteditor, og gem filen igen.`
  }
}

export class UnsupportedFileType extends TaggedIngestError("UnsupportedFileType")<{
  readonly extension: string
}> {
  override describe(name: string) {
    return `Filtypen ${this.extension || "(ingen)"} kan ikke læses (${name}). Brug en Menti-eksport som Excel (.xlsx) eller en tabel gemt som CSV.`
  }
}

/** Neither a Menti export nor a table with a recognisable answer column. */
export class UnknownLayout extends TaggedIngestError("UnknownLayout")<{
  readonly detail: string
  /** The sheet that did not fit, when one sheet is to blame. */
  readonly sheet?: string | undefined
}> {
  override describe(name: string) {
    return `Filen ${name} ligner hverken en Menti-eksport eller en tabel med svar (${this.detail}). Brug Mentimeters Excel-eksport, eller giv svarkolonnen overskriften »Svar« eller »Udsagn« (på kommandolinjen kan den angives med --text-column).`
  }
}

/** A column named in --text-column / --question-column is not in the table. */
export class ColumnNotFound extends TaggedIngestError("ColumnNotFound")<{
  readonly option: "text-column" | "question-column"
  readonly column: string
  readonly available: ReadonlyArray<string>
  /** The workbook sheet looked in (a CSV has none). */
  readonly sheet?: string | undefined
}> {
  override describe(name: string) {
    const names = this.available.filter((n) => n.length > 0).slice(0, 12).map((n) => `"${n}"`).join(", ")
    return `Kolonnen "${this.column}" (--${this.option}) findes ikke i ${name}. Brug et kolonnenavn, et bogstav (A, B …) eller et nummer${names ? `; kolonnerne er ${names}` : ""}.`
  }
}

/** The file holds no free-text answers at all (header only, only closed questions…). */
export class NoStatements extends TaggedIngestError("NoStatements")<{
  readonly detail: string
}> {
  override describe(name: string) {
    return `Filen ${name} indeholder ingen fritekstsvar (${this.detail}). Eksportér en præsentation med åbne spørgsmål, word cloud eller Q&A, eller vælg en anden fil.`
  }
}

/** More answers than one analysis takes: bounded work and memory per file. */
export class TooManyStatements extends TaggedIngestError("TooManyStatements")<{
  readonly count: number
  readonly limit: number
}> {
  override describe(name: string) {
    return `Filen ${name} har ${formatInt(this.count)} svar; én analyse kan højst tage ${formatInt(this.limit)}. Del filen op i flere, fx én pr. spørgsmål eller session.`
  }
}

export type IngestError =
  | TooManyStatements
  | FileNotFound
  | FileUnreadable
  | EmptyFile
  | FileTooLarge
  | TooLargeWhenUnpacked
  | NotASpreadsheet
  | LegacyOrEncryptedWorkbook
  | CorruptWorkbook
  | NotText
  | MalformedCsv
  | UnsupportedFileType
  | UnknownLayout
  | ColumnNotFound
  | NoStatements
