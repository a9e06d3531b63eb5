import { Args, Command, Options } from "@effect/cli"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { badDateMessage, cleanTitle, isIsoDate } from "@udsagn/conference-feedback/EventDetails"
import { slugify } from "@udsagn/danish/Slug"
import { DataLocations } from "@udsagn/conference-feedback/DataLocations"
import { sampleExportPath } from "@udsagn/domain/Paths"
import { Console, Effect, Option } from "effect"
import * as NodePath from "node:path"
import { resolveUserPath } from "../Paths.js"
import { terminalProgress } from "../Progress.js"
import { UsageError } from "../UsageError.js"

const file = Args.file({ name: "fil" }).pipe(
  Args.withDescription(
    "Menti-eksporten (.xlsx) eller en tabel (.csv/.xlsx) med udsagn; flere filer giver én samlet analyse med arrangementerne hver for sig. Uden fil analyseres den medfølgende eksempel-eksport."
  ),
  Args.repeated
)

const notes = Options.file("notes").pipe(
  Options.withPseudoName("fil"),
  Options.withDescription(
    "Noter fra oplæg og drøftelser (.md, .txt eller .docx); kan gives flere gange. Afsnittene sorteres i de samme temaer, men tælles aldrig som deltagernes udsagn."
  ),
  Options.repeated
)

// Plain text, not Options.directory: its existence check dies on paths like `fil.txt/ud` (ENOTDIR)
// or unreadable folders, and checks from the repo root rather than the caller's folder. The
// pipeline makes the folder and reports problems in Danish.
const out = Options.text("out").pipe(
  Options.withPseudoName("mappe"),
  Options.withAlias("o"),
  Options.withDescription("Mappe til resultatet. Standard: reports/<filnavn>/ i projektmappen (eller under REPORTS_DIR); flere filer: reports/<første filnavn>-og-<antal>-andre/."),
  Options.optional
)

const themes = Options.file("themes").pipe(
  Options.withDescription("Temafil (JSON) til en anden konference. Standard: data/themes/default.json (eller UDSAGN_THEMES_FILE)."),
  Options.optional
)

const overrides = Options.file("overrides").pipe(
  Options.withDescription("Rettelser fra en gennemgang (csv eller json, efter udsagn-id eller tekst); lægges oven på kategoriseringen."),
  Options.optional
)

const textColumn = Options.text("text-column").pipe(
  Options.withDescription("Tabeller: navnet på kolonnen med udsagnene, hvis den ikke findes automatisk."),
  Options.optional
)

const questionColumn = Options.text("question-column").pipe(
  Options.withDescription("Tabeller: navnet på kolonnen med spørgsmålene, hvis den ikke findes automatisk."),
  Options.optional
)

const title = Options.text("title").pipe(
  Options.withPseudoName("titel"),
  Options.withDescription("Rapportens titel (også i anbefalingerne og standardmappens navn). Standard: titlen fra eksporten."),
  Options.optional
)

const date = Options.text("date").pipe(
  Options.withPseudoName("ÅÅÅÅ-MM-DD"),
  Options.withDescription("Konferencens dato, fx 2024-12-05. Standard: datoen fra eksporten, hvis den har en."),
  Options.optional
)

const stemOf = (file: string) => NodePath.basename(file).replace(/\.[^.]+$/, "")

/** `reports/<file name>/`; for several exports `<first file>-og-<n>-andre`, e.g. `menti-a-og-1-anden`. */
export const defaultFolderName = (inputs: ReadonlyArray<string>): string => {
  const first = stemOf(inputs[0] ?? "")
  const more = inputs.length - 1
  return more === 0 ? first : `${first}-og-${more}-${more === 1 ? "anden" : "andre"}`
}

const resolved = (o: Option.Option<string>) => Option.getOrUndefined(Option.map(o, resolveUserPath))

/** --title and --date, checked: a date that is not YYYY-MM-DD is one Danish line (exit 1). */
const eventOptions = (title: Option.Option<string>, date: Option.Option<string>) =>
  Effect.gen(function*() {
    const t = Option.getOrUndefined(Option.map(title, cleanTitle))
    const d = Option.getOrUndefined(Option.map(date, (x) => x.trim()))
    if (d !== undefined && !isIsoDate(d)) return yield* new UsageError({ message: badDateMessage(d) })
    if (Option.isSome(title) && t === "") return yield* new UsageError({ message: "Titlen (--title) er tom." })
    return { ...(t !== undefined ? { title: t } : {}), ...(d !== undefined ? { date: d } : {}) }
  })

export const analyzeCommand = Command.make(
  "analyze",
  { file, out, themes, overrides, textColumn, questionColumn, title, date, notes },
  (args) =>
    Effect.gen(function*() {
      const option = args.file.find((f) => f.startsWith("-"))
      if (option !== undefined) {
        return yield* new UsageError({ message: `Ukendt valgmulighed: ${option}. Se udsagn analyze --help.` })
      }
      const given = yield* eventOptions(args.title, args.date)
      const [input = sampleExportPath, ...moreInputs] = args.file.map(resolveUserPath)
      // A given title names the default folder too (slugged like the web's download names).
      const stem = given.title !== undefined ? slugify(given.title, 60, "rapport") : defaultFolderName([input, ...moreInputs])
      const { reportsDir } = yield* DataLocations
      const outDir = Option.match(args.out, {
        onNone: () => NodePath.join(reportsDir, stem),
        onSome: resolveUserPath
      })
      const pipeline = yield* ConferenceFeedback
      const output = yield* pipeline.analyze(
        {
          input,
          moreInputs,
          notes: args.notes.map(resolveUserPath),
          outDir,
          themesPath: resolved(args.themes),
          overridesPath: resolved(args.overrides),
          textColumn: Option.getOrUndefined(args.textColumn),
          questionColumn: Option.getOrUndefined(args.questionColumn),
          ...given
        },
        terminalProgress()
      )
      const { ledger } = output.result
      const files = ledger.files !== undefined ? ` fra ${ledger.files.length} filer` : ""
      const notesLine = output.result.notes.length > 0
        ? ` ${output.result.notes.length} afsnit fra oplæg og drøftelser sorteret i temaerne (tæller ikke som udsagn).`
        : ""
      yield* Console.error(
        `${ledger.kept} udsagn kategoriseret${files} (${ledger.read} læst, ${ledger.read - ledger.kept} sorteret fra).${notesLine}`
      )
      yield* Console.log(output.reportPath)
    })
).pipe(
  Command.withDescription(
    "Analysér en Menti-eksport: læs, rens, kategorisér efter tema, og skriv rapport, diagrammer og anbefalingsudkast."
  )
)
