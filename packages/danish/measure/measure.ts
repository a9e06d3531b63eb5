// Measurements behind the choices in README.md. Run: npx tsx packages/danish/measure/measure.ts
import { createRequire } from "node:module"
import { damerauLevenshtein, foldWord, snowballStem, stem, tokenize, tokenizeNaturalKeys } from "./lib.js"

const require = createRequire(import.meta.url)
const norwegian = require("natural/lib/natural/stemmers/porter_stemmer_no") as { stem(w: string): string }
const naturalDistance = require("natural/lib/natural/distance/levenshtein_distance") as {
  DamerauLevenshteinDistance(a: string, b: string, o?: object): number
}

// Inflection groups of lexicon words: a good stemmer gives each group one stem.
const groups: Array<Array<string>> = [
  ["sundhedskompetence", "sundhedskompetencer", "sundhedskompetencen", "sundhedskompetencerne"],
  ["inddragelse", "inddrage", "inddrager", "inddraget", "inddrag", "inddragelsen"],
  ["animation", "animationer", "animationerne", "animationen"],
  ["patient", "patienter", "patienten", "patienterne", "patientens"],
  ["pårørende", "pårørendes"],
  ["forstå", "forstår", "forståelse", "forståelsen", "forstået"],
  ["brænde", "brænder", "brændt"],
  ["udbrændt", "udbrændthed", "udbrændtheden"],
  ["ildsjæl", "ildsjæle", "ildsjælene", "ildsjælen"],
  ["billede", "billeder", "billedet", "billederne"],
  ["video", "videoer", "videoen", "videoerne"],
  ["tolk", "tolke", "tolken", "tolkene"],
  ["medarbejder", "medarbejdere", "medarbejderne", "medarbejderen", "medarbejdernes"],
  ["kommunikation", "kommunikationen"],
  ["kommunikere", "kommunikerer", "kommunikeret"],
  ["travlhed", "travlheden"],
  ["letlæselig", "letlæseligt", "letlæselige"],
  ["tegning", "tegninger", "tegningerne"],
  ["illustration", "illustrationer"],
  ["borger", "borgere", "borgeren", "borgerne", "borgernes"],
  ["behov", "behovet", "behovene"],
  ["ressource", "ressourcer", "ressourcerne"],
  ["støtte", "støtter", "støttet"],
  ["sparring", "sparringen"],
  ["brev", "breve", "brevet", "brevene"],
  ["forklare", "forklarer", "forklaret"],
  ["vejlede", "vejleder", "vejledte"],
  ["sprog", "sproget"],
  ["beslutning", "beslutninger", "beslutningerne"],
  ["tryghed", "trygheden"],
  ["presset", "pressede"],
  ["anerkende", "anerkender", "anerkendt"],
  ["film", "filmen", "filmene"],
  ["piktogram", "piktogrammer"],
  ["gå", "går", "gået"]
]

const candidates: Record<string, (w: string) => string> = {
  "no stemming (folded key)": (w) => foldWord(w),
  "snowball danish on æøå, then folded": (w) => foldWord(snowballStem(w.toLowerCase())),
  "snowball danish on folded key": (w) => snowballStem(foldWord(w)),
  "snowball danish on folded key + å-verb rule (chosen)": (w) => stem(foldWord(w)),
  "natural porter_stemmer_no on folded key": (w) => norwegian.stem(foldWord(w))
}

const words = groups.flat()
console.log("| stemmer | groups conflated | typed ae/oe/aa meets æøå | distinct groups merged | stems/s (uncached) |")
console.log("| --- | ---: | ---: | ---: | ---: |")
for (const [name, f] of Object.entries(candidates)) {
  let conflated = 0
  let typedOk = 0
  let typedAll = 0
  for (const g of groups) {
    if (new Set(g.map(f)).size === 1) conflated++
    for (const w of g) {
      if (!/[æøå]/.test(w)) continue
      typedAll++
      if (f(foldWord(w)) === f(w)) typedOk++
    }
  }
  const firsts = groups.map((g) => f(g[0]!))
  const merged = firsts.length - new Set(firsts).size
  const n = 50_000
  const t0 = performance.now()
  // Vary the word so the chosen stemmer's cache does not flatter it.
  for (let i = 0; i < n; i++) f(words[i % words.length]! + (i % 3 === 0 ? "" : "x".repeat(i % 5)))
  const perSec = n / ((performance.now() - t0) / 1000)
  console.log(`| ${name} | ${conflated}/${groups.length} | ${typedOk}/${typedAll} | ${merged} | ${Math.round(perSec).toLocaleString("en")} |`)
}

// Tokenizers: do they agree, and how fast are they?
const sample = [
  "Mere tid til den enkelte patient 👍",
  "Sundhedskompetence er ikke kun borgernes ansvar – det er vores!",
  "e-Boks, breve & pjecer: skriv kort og klart!!!",
  "Animationer/videoer der viser forløbet før operationen",
  "Ildsjæle brænder ud… hvem hjælper hjælperne?",
  "forstaa, hvad laegen siger #teachback"
]
const big = Array.from({ length: 20_000 }, (_, i) => sample[i % sample.length]!)
let agree = 0
for (const s of sample) {
  const a = tokenize(s).map((t) => t.key).join(" ")
  const b = tokenizeNaturalKeys(s).join(" ")
  if (a === b) agree++
  else console.log(`  differ: regex [${a}] vs natural [${b}]`)
}
const time = (f: () => void) => {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}
const tRegex = time(() => big.forEach((s) => tokenize(s)))
const tNatural = time(() => big.forEach((s) => tokenizeNaturalKeys(s)))
console.log(`\ntokenizers on ${big.length} statements: regex with offsets ${tRegex.toFixed(0)} ms, natural aggressive_tokenizer_no ${tNatural.toFixed(0)} ms; same keys on ${agree}/${sample.length} samples`)

const pairs: Array<[string, string]> = [["sundhedskompetance", "sundhedskompetence"], ["komunikation", "kommunikation"], ["animatoin", "animation"], ["medarbjeder", "medarbejder"]]
const reps = 20_000
const unrestrictedBug = naturalDistance.DamerauLevenshteinDistance("komunikation", "kommunikation")
const tOwn = time(() => { for (let i = 0; i < reps; i++) { const [a, b] = pairs[i % pairs.length]!; damerauLevenshtein(a, b, 2) } })
const tNat = time(() => { for (let i = 0; i < reps; i++) { const [a, b] = pairs[i % pairs.length]!; naturalDistance.DamerauLevenshteinDistance(a, b, { restricted: true }) } })
console.log(`damerau-levenshtein x${reps}: own bounded ${tOwn.toFixed(0)} ms, natural ${tNat.toFixed(0)} ms; same answers: ${pairs.every(([a, b]) => damerauLevenshtein(a, b) === naturalDistance.DamerauLevenshteinDistance(a, b, { restricted: true }))}`)
console.log(`natural unrestricted DamerauLevenshteinDistance("komunikation", "kommunikation") = ${unrestrictedBug} (should be 1)`)
