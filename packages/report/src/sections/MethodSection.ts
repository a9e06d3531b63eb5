import { formatDecimal, formatInt, formatShare } from "@udsagn/danish/Format"
import type { CategorizedResult, Summary } from "@udsagn/domain"
import type { CorrectionsUsed } from "@udsagn/domain/Categorization"
import { count, listAnd, quoted } from "../Format.js"
import { html, type Raw } from "../Html.js"
import { type EvaluationMetrics, type LabelMetrics, labelMetrics, type MetricSet } from "../Metrics.js"
import { maskedFinds } from "./SummarySection.js"
import { languageOf, mainThemes, reviewStatements, themeLabel } from "../ReportModel.js"
import { notDanishWarning } from "./Parts.js"

// "Metode": how statements were sorted, how well that agrees with people, and the limits.

const pct = (v: number | undefined) => (v === undefined ? "–" : formatShare(v))
const dec = (v: number | undefined) => (v === undefined ? "–" : formatDecimal(v, 2))

/** "Most reliable for X, least for Y", from the per-theme F1. */
const bestWorst = (labels: ReadonlyArray<readonly [string, LabelMetrics]>, name: (id: string) => string): Raw | "" => {
  const scored = labels.filter(([, l]) => l.f1 !== undefined).sort((a, b) => (b[1].f1 ?? 0) - (a[1].f1 ?? 0))
  const best = scored[0]
  const worst = scored[scored.length - 1]
  if (best === undefined || worst === undefined || scored.length < 2) return ""
  return html` Sorteringen rammer bedst for »${name(best[0])}« (F1 ${dec(best[1].f1)}) og mindst godt for »${
    name(worst[0])
  }« (F1 ${dec(worst[1].f1)}).`
}

/** What the sorting learnt from the administration's saved corrections (web runs). */
const learnedText = (c: CorrectionsUsed | undefined): Raw | "" =>
  c === undefined || c.corrections === 0
    ? ""
    : html` Sorteringen har lært af ${count(c.corrections, "rettelse", "rettelser")}, som administrationen har gemt i tidligere analyser: ${
      count(c.followedExact + c.followedNear, "udsagn", "udsagn")
    } fik temaerne fra en rettelse af det samme eller næsten samme udsagn, og ${
      c.retrainedWith > 0 ? html`modellen er trænet igen med ${formatInt(c.retrainedWith)} af rettelserne` : "modellen er endnu ikke trænet igen med dem"
    }.`

/** The limits' sentence on personal data, from what was masked in this file (never a fixed claim). */
const maskedText = (result: CategorizedResult): Raw => {
  const found = maskedFinds(result.ledger.masked)
  return found.length > 0
    ? html`Personoplysninger er skjult, før udsagnene blev analyseret (${listAnd(found)}).`
    : html`Programmet leder efter CPR-numre, telefonnumre, e-mailadresser, brugernavne og profil-links og skjuler dem; i denne fil fandt det ingen.`
}

/** On the same test set: the share flagged for review, and the agreement once a person fixes those. */
const reviewNote = (m: MetricSet): Raw | "" => {
  const flagged = m.reviewCurve?.find((p) => p.fix === "flagged")
  if (flagged === undefined || flagged.share === 0) return ""
  return html` Programmet markerede ${formatShare(flagged.share)} af dem til gennemsyn; når en person retter netop dem, bliver træfsikkerheden ${
    formatDecimal(flagged.macroF1, 2)
  }.`
}

const metricsText = (result: CategorizedResult, metrics: EvaluationMetrics | undefined): Raw => {
  // The independent holdout (gold) comes first: it was written apart from the training data and
  // never used during development, so it is the most honest estimate for politicians to read.
  const pick: ReadonlyArray<readonly [MetricSet | undefined, string]> = [
    [metrics?.gold, "udsagn, som mennesker har skrevet og sorteret efter kodebogen uafhængigt af programmets træningsmateriale, og som programmet ikke har lært af"],
    [metrics?.dev, "udsagn, som mennesker har sorteret efter kodebogen, og som programmet ikke har lært af"],
    [metrics?.sample, "udsagn fra eksempelfilen, som mennesker har sorteret efter kodebogen"],
    [metrics?.crossValidation, "udsagn fra træningsmaterialet ved krydsvalidering (programmet lærer af en del og prøves på resten)"]
  ]
  const found = pick.find(([m]) =>
    m !== undefined && (m.macroF1 !== undefined || m.exactMatch !== undefined || labelMetrics(m).length > 0)
  )
  if (!found || !found[0]) {
    return html`<p>Tal for, hvor godt den automatiske sortering rammer, er ikke tilgængelige for denne rapport: der var ingen evalueringstal at læse. Administrationen kan danne dem med kommandoen <code>pnpm evaluate</code>.</p>`
  }
  const [m, what] = found
  const labels = labelMetrics(m)
  const cv = metrics?.crossValidation
  const cvNote = cv !== undefined && cv !== m && cv.macroF1 !== undefined
    ? html` Ved krydsvalidering på træningsmaterialet${
      cv.folds !== undefined ? html` (${formatInt(cv.folds)} runder)` : ""
    } var træfsikkerheden ${formatDecimal(cv.macroF1, 2)}.`
    : ""
  const dev = metrics?.dev
  const devNote = dev !== undefined && dev !== m && dev.macroF1 !== undefined
    ? html` På et andet testsæt${dev.n !== undefined ? html` (${formatInt(dev.n)} udsagn)` : ""} var den ${
      formatDecimal(dev.macroF1, 2)
    }.`
    : ""
  const h2 = metrics?.holdout2
  const holdout2Note = h2 !== undefined && h2 !== m && h2.macroF1 !== undefined
    ? html` På endnu et uafhængigt testsæt, skrevet i en anden stil end træningsmaterialet${
      h2.n !== undefined ? html` (${formatInt(h2.n)} udsagn)` : ""
    }, var den ${formatDecimal(h2.macroF1, 2)}.`
    : ""
  const h3 = metrics?.holdout3
  const holdout3Note = h3 !== undefined && h3 !== m && h3.macroF1 !== undefined
    ? html` På et tredje, skrevet af en anden skribent alene ud fra kodebogen${
      h3.n !== undefined ? html` (${formatInt(h3.n)} udsagn)` : ""
    }, var den ${formatDecimal(h3.macroF1, 2)}${
      h3.needsReview !== undefined && h3.n !== undefined && h3.n > 0
        ? html`, og ${formatShare(h3.needsReview / h3.n)} blev markeret til gennemsyn`
        : ""
    }.`
    : ""
  const name = (id: string) => themeLabel(result, id)
  return html`<p>Programmet er afprøvet på ${m.n !== undefined ? `${formatInt(m.n)} ` : ""}${what}${
    m.folds !== undefined ? html` (${formatInt(m.folds)} runder)` : ""
  }.${
    m.exactMatch !== undefined
      ? html` Det gav præcis samme temaer som mennesket for <strong>${formatShare(m.exactMatch)}</strong> af udsagnene.`
      : ""
  }${
    m.macroF1 !== undefined
      ? html` Den samlede træfsikkerhed (F1, gennemsnit over temaerne) er <strong>${formatDecimal(m.macroF1, 2)}</strong> på en skala fra 0 til 1, hvor 1 er fuld overensstemmelse.`
      : ""
  }${reviewNote(m)}${holdout2Note}${holdout3Note}${devNote}${cvNote}${bestWorst(labels, name)}</p>
${
    labels.length > 0
      ? html`<table class="numbers metrics">
<thead><tr><th scope="col">Tema</th><th scope="col" class="num">Rigtigt, når programmet vælger temaet</th><th scope="col" class="num">Fundet af dem, mennesker gav temaet</th><th scope="col" class="num">F1</th><th scope="col" class="num">Kappa</th><th scope="col" class="num">Udsagn</th></tr></thead>
<tbody>${
        labels.map(([id, l]) =>
          html`<tr><th scope="row">${name(id)}</th><td class="num">${pct(l.precision)}</td><td class="num">${
            pct(l.recall)
          }</td><td class="num">${dec(l.f1)}</td><td class="num">${dec(l.kappa)}</td><td class="num">${
            l.support === undefined ? "–" : formatInt(l.support)
          }</td></tr>`
        )
      }</tbody>
</table>
<p class="note">Kappa måler enighed ud over det, man ville få ved et tilfælde: 0 er tilfældig enighed, 1 er fuld enighed. Over 0,6 regnes normalt for god og over 0,8 for meget god enighed.</p>`
      : ""
  }`
}

export const methodSection = (
  result: CategorizedResult,
  summary: Summary,
  metrics: EvaluationMetrics | undefined,
  corrections?: CorrectionsUsed
): Raw => {
  const sources = new Set(result.statements.flatMap((s) => s.evidence.map((e) => e.source)))
  const overridden = result.statements.filter((s) => s.overridden).length
  const redacted = result.statements.filter((s) => s.redacted === true).length
  const themeCount = result.themeSet.themes.length
  const how: Array<string> = []
  if (sources.has("lexicon")) how.push("en ordliste med ord og vendinger for hvert tema")
  if (sources.has("classifier")) {
    how.push("en statistisk model, der har lært af udsagn, som mennesker har sorteret efter samme kodebog")
  }
  const sumShares = mainThemes(summary).reduce((n, t) => n + t.share, 0)
  const hasWordcloud = result.questions.some((q) => q.type === "wordcloud")
  const reviewCount = reviewStatements(result, summary).length
  return html`<section id="metode" class="major">
<h2>Metode</h2>
<h3>Sådan er udsagnene sorteret</h3>
<p>Hvert udsagn er sorteret automatisk i ${count(themeCount, "tema", "temaer")} (${
    // Quoted: a label may itself hold "og" ("Medarbejdertrivsel og ildsjæle").
    listAnd(result.themeSet.themes.map((t) => quoted(t.label)))
  }) efter en kodebog, der beskriver, hvad hvert tema dækker. Et udsagn kan høre til flere temaer; udsagn, der ikke passer i nogen, står under »${result.themeSet.otherLabel}«.${
    how.length > 0 ? html` Sorteringen bygger på ${listAnd(how)}.` : ""
  }${
    overridden > 0 ? html` ${count(overridden, "udsagn", "udsagn")} har fået temaerne rettet af en person.` : ""
  }${redacted > 0 ? html` ${count(redacted, "udsagn", "udsagn")} har fået teksten rettet af en person (fx et navn taget ud).` : ""}${learnedText(corrections)} For hvert udsagn angiver programmet, hvor sikkert det er på placeringen, og hvilke ord der afgjorde den (markeret i listerne).</p>
<h3>Hvor godt rammer sorteringen?</h3>${notDanishWarning(languageOf(result))}
${metricsText(result, metrics)}
<h3>Begrænsninger</h3>
<ul>
<li>Tallene viser, hvad der blev skrevet, ikke hvor mange der mener det. En deltager kunne skrive flere svar, og ikke alle svarede på alle spørgsmål.</li>
<li>Sorteringen er automatisk og kan tage fejl, især ved korte eller tvetydige svar. ${
    reviewCount > 0
      ? html`${count(reviewCount, "udsagn er", "udsagn er")} derfor samlet under »Til gennemsyn«.`
      : "Ingen udsagn er markeret til gennemsyn."
  }</li>
${sumShares > 1 ? html`<li>Et udsagn kan have flere temaer, så andelene giver tilsammen mere end 100 %.</li>` : ""}
${hasWordcloud ? html`<li>Svar fra ordskyer er ét eller få ord; de tæller med som udsagn på lige fod med længere svar.</li>` : ""}
<li>»Det går igen« viser ord, der bruges mere i temaet end i de andre temaer.</li>
<li>»Hvad handler det om?« samler temaets udsagn i emner efter de ord, de deler: det ord, der tager flest udsagn og samtidig bruges mere i temaet end på resten af konferencen, bliver et emne og navngiver det; så søges næste ord blandt de udsagn, der er tilbage, højst otte gange. Ord tælles efter stamme, også inde i sammensatte ord (»tolkebistand« tæller som »tolk«), stavet uden æ, ø og å, og uregelmæssige verber som deres navneform (»spurgt« som »spørge«). Temafilens ord, der betyder det samme (fx »tidspres«, »travlhed« og »for travlt«), tæller som ét ord; et emne, de danner, hedder det af ordene, flest af emnets udsagn bruger, eller sættets første ord. Ord, som det meste af temaet bruger, og ord som »borgere« og »patienter«, som alle temaer bruger, danner ikke emner. Et emne har mindst tre udsagn; resten står under »Øvrige«. Samme udsagn giver altid samme emner.</li>
<li>Udvalgte udsagn er typiske for deres emne og pænt skrevet (et udsagn med stavefejl eller uden æ, ø og å vælges kun, når intet andet siger det samme); et udsagn citeres kun under ét tema.</li>
<li>Anbefalingerne pr. emne er deltagernes egne forslag: udsagn med en opfordring, et ønske eller »mere/bedre …«, og svar på spørgsmål, der beder om forslag. Spørgsmål og klager er ikke forslag. Forslag, der deler mindst halvdelen af deres ord, regnes for det samme og tælles (»foreslået af 6 deltagere«).</li>
<li>Lavthængende frugter er udvalgt automatisk blandt forslagene: korte forslag, der begynder med en opfordring (»brug«, »husk«, »tilbyd« …) eller »mere/flere/færre …«, eller nævner et enkelt redskab (breve, video, tolk …), og svar på spørgsmålet om lavthængende frugter; aldrig spørgsmål eller klager, og hvert forslag nævnes én gang. En person bør vurdere, om de faktisk er enkle.</li>
<li>»Mulige nye temaer« er grupper af udsagn uden tema, der deler de samme ord (mindst fem udsagn); tak, ros og bemærkninger om selve dagen er holdt udenfor.</li>
<li>${maskedText(result)} Gentagne udsagn tæller med, men vises én gang.</li>
</ul>
</section>`
}
