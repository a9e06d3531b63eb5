import { foldWord } from "./Normalize.js"
import { stem } from "./Stem.js"

/**
 * Coarse word classes of Danish health-care talk: a hand-made, tiny "embedding". A classifier
 * that sees `k:staff` for "sygeplejersker" and `k:lack` for "mangel" can generalize from
 * "mangel på personale" in its training data to "mangel på sygeplejersker", which it never saw.
 * General Danish vocabulary, not tied to one theme file.
 */
const CLASSES: Record<string, string> = {
  staff: `personale personalet medarbejder medarbejdere ansat ansatte kollega kolleger kollegaer sygeplejerske
    sygeplejersker læge læger sosu ssa ssh assistent assistenter hjælper hjælpere terapeut fysioterapeut
    ergoterapeut jordemoder socialrådgiver pædagog frivillig frivillige ildsjæl ildsjæle nøgleperson
    nøglepersoner fagperson fagpersoner fagprofessionelle behandler behandlere sundhedsprofessionelle
    frontpersonale frontmedarbejdere hjemmepleje hjemmesygeplejerske lægesekretær
    sekretær team teamet vagt vagter`,
  patient: `patient patienter patienten borger borgere borgeren borgerne bruger brugere pårørende familie
    familien menneske mennesker person personer folk beboer beboere klient ældre barn børn forældre
    pt individ enkelte`,
  lack: `mangel mangle mangler manglende knaphed underbemanding besparelse besparelser nedskæring
    nedskæringer ressourcemangel ingen umuligt svært`,
  strain: `træt trætte træthed slid slider slidt slidte tung tungt tunge hård hårdt pres presset
    pressede stress stresset udmattet opbrugt udbrændt udbrændthed kæmpe kæmper bære bærer skrøbelig
    skrøbeligt belastning belastet tære tærer sygemeldt sygefravær opgiver stopper`,
  support: `støtte støtter støttet supervision sparring intervision anerkendelse anerkende opbakning
    aflastning aflaste hjælp hjælpe omsorg pleje passe debriefing`,
  time: `tid tiden tidspres travl travlt travlhed nå minutter hurtigt ventetid vente`,
  understand: `forstå forstår forståelse forstået forklare forklarer forklaring viden vide ved læse
    læser sprog sproget ord ordet begreb begreber information informationen budskab kommunikation
    kommunikere misforstå spørgsmål tolk oversætte`,
  visual: `billede billeder video videoer film animation animationer tegning tegninger illustration
    illustrationer grafik infografik visuel visuelt visuelle foto fotos ikon ikoner piktogram
    tegneserie vise viser`,
  involve: `inddrage inddragelse involvere involvering lytte lyt spørge spørg høre hørt stemme stemmer
    medbestemmelse valg vælge ønske ønsker behov ressourcer repræsentant repræsentanter panel råd
    samskabelse sammen beslutning beslutninger`,
  navigate: `system systemet sundhedsvæsen sundhedsvæsenet finde vej navigere indgang overblik
    koordinator henvisning henvise sektor sektorer rundt`,
  document: `brev breve brevet pjece pjecer indkaldelse indkaldelser skema skemaer hjemmeside
    hjemmesiden tekst teksten vejledning vejledninger epikrise epikriser instruks materiale materialer`
}

const byStem = new Map<string, string>()
for (const [cls, words] of Object.entries(CLASSES)) {
  for (const w of words.split(/\s+/)) if (w) byStem.set(stem(foldWord(w)), cls)
}

/** The class of a word stem (folded, stemmed), if it has one. */
export const wordClass = (stemmed: string): string | undefined => byStem.get(stemmed)

export const wordClassNames: ReadonlyArray<string> = Object.keys(CLASSES)
