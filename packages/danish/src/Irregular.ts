/**
 * Past forms of Danish irregular (strong and mixed) verbs, folded (æøå → ae/oe/aa), mapped to the
 * folded infinitive, so "borgerne bliver ikke spurgt" meets "spørg borgeren": Snowball strips
 * endings but cannot know that "spurgt" is "spørge". Only verbs that change their stem; the
 * regular ones meet by stemming already. Written from Danish grammar, not from any statements.
 */
const TABLE: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["spoerge", ["spurgte", "spurgt"]],
  ["soerge", ["sørgede"]],
  ["gaa", ["gik", "gaaet"]],
  ["faa", ["fik", "faaet"]],
  ["staa", ["stod", "staaet"]],
  ["sige", ["sagde", "sagt"]],
  ["laegge", ["lagde", "lagt"]],
  ["saette", ["satte", "sat"]],
  ["goere", ["gjorde", "gjort"]],
  ["vide", ["vidste", "vidst"]],
  ["tage", ["tog", "taget"]],
  ["komme", ["kom", "kommet"]],
  ["give", ["gav", "givet"]],
  ["blive", ["blev", "blevet"]],
  ["finde", ["fandt", "fundet"]],
  ["hjaelpe", ["hjalp", "hjulpet"]],
  ["tale", ["talte", "talt"]],
  ["vaelge", ["valgte", "valgt"]],
  ["fortaelle", ["fortalte", "fortalt"]],
  ["taelle", ["talte", "talt"]],
  ["traekke", ["trak", "trukket"]],
  ["skrive", ["skrev", "skrevet"]],
  ["laese", ["læste"]],
  ["bringe", ["bragte", "bragt"]],
  ["soege", ["søgte", "søgt"]],
  ["forstaa", ["forstod", "forstaaet"]],
  ["glemme", ["glemte", "glemt"]],
  ["moede", ["mødte", "mødt"]],
  ["sidde", ["sad", "siddet"]],
  ["ligge", ["laa", "ligget"]],
  ["drikke", ["drak", "drukket"]],
  ["spise", ["spiste", "spist"]],
  ["sove", ["sov", "sovet"]],
  ["bede", ["bedt"]],
  ["synge", ["sunget"]],
  ["springe", ["sprang", "sprunget"]],
  ["gribe", ["greb", "grebet"]],
  ["bryde", ["brød", "brudt"]],
  ["byde", ["bød", "budt"]],
  ["flyve", ["fløj", "fløjet"]],
  ["nyde", ["nød", "nydt"]],
  ["skyde", ["skød", "skudt"]],
  ["lyde", ["lød", "lydt"]],
  ["holde", ["holdt"]],
  ["falde", ["faldt"]],
  ["hedde", ["hed"]],
  ["lade", ["lod", "ladet"]],
  ["slaa", ["slog", "slaaet"]],
  ["le", ["lo"]],
  ["doe", ["døde"]]
]

const fold = (w: string) => w.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")

// Forms that are also other common words are left out ("så", "sang", "bad", "død").
const LEMMA = new Map<string, string>()
for (const [infinitive, forms] of TABLE) for (const f of forms) if (!LEMMA.has(fold(f))) LEMMA.set(fold(f), fold(infinitive))

/** The folded infinitive of an irregular past form ("spurgt" → "spoerge"), else the word itself. */
export const lemmaOf = (folded: string): string => LEMMA.get(folded) ?? folded
