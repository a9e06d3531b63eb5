import { Args, Command, Options } from "@effect/cli"
import { ConferenceFeedback } from "@udsagn/conference-feedback/ConferenceFeedback"
import { DataLocations } from "@udsagn/conference-feedback/DataLocations"
import { sampleExportPath } from "@udsagn/domain/Paths"
import { Console, Effect, Option } from "effect"
import * as NodePath from "node:path"
import { resolveUserPath } from "../Paths.js"
import { terminalProgress } from "../Progress.js"
import { UsageError } from "../UsageError.js"

const file = Args.file({ name: "fil" }).pipe(
  Args.withDescription(
    "Menti-eksporten (.xlsx) eller en tabel (.csv/.xlsx) med udsagn. Uden fil analyseres den medfølgende eksempel-eksport."
  ),
  Args.optional
)

// Plain text, not Options.directory: its existence check dies on paths like `fil.txt/ud` (ENOTDIR)
// or unreadable folders, and checks from the repo root rather than the caller's folder. The
// pipeline makes the folder and reports problems in Danish.
const out = Options.text("out").pipe(
  Options.withPseudoName("mappe"),
  Options.withAlias("o"),
  Options.withDescription("Mappe til resultatet. Standard: reports/<filnavn>/ i projektmappen (eller under REPORTS_DIR)."),
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

const resolved = (o: Option.Option<string>) => Option.getOrUndefined(Option.map(o, resolveUserPath))

export const analyzeCommand = Command.make(
  "analyze",
  { file, out, themes, overrides, textColumn, questionColumn },
  (args) =>
    Effect.gen(function*() {
      if (Option.isSome(args.file) && args.file.value.startsWith("-")) {
        return yield* new UsageError({ message: `Ukendt valgmulighed: ${args.file.value}. Se udsagn analyze --help.` })
      }
      const input = Option.match(args.file, { onNone: () => sampleExportPath, onSome: resolveUserPath })
      const stem = NodePath.basename(input).replace(/\.[^.]+$/, "")
      const { reportsDir } = yield* DataLocations
      const outDir = Option.match(args.out, {
        onNone: () => NodePath.join(reportsDir, stem),
        onSome: resolveUserPath
      })
      const pipeline = yield* ConferenceFeedback
      const output = yield* pipeline.analyze(
        {
          input,
          outDir,
          themesPath: resolved(args.themes),
          overridesPath: resolved(args.overrides),
          textColumn: Option.getOrUndefined(args.textColumn),
          questionColumn: Option.getOrUndefined(args.questionColumn)
        },
        terminalProgress()
      )
      const { ledger } = output.result
      yield* Console.error(
        `${ledger.kept} udsagn kategoriseret (${ledger.read} læst, ${ledger.read - ledger.kept} sorteret fra).`
      )
      yield* Console.log(output.reportPath)
    })
).pipe(
  Command.withDescription(
    "Analysér en Menti-eksport: læs, rens, kategorisér efter tema, og skriv rapport, diagrammer og anbefalingsudkast."
  )
)
