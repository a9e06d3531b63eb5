/** Small seeded PRNG (mulberry32): the same statements every run. */
export const rng = (seed: number) => () => {
  seed |= 0
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const EMOJI = ["👍", "🙂", "💡", "❤️", "🎬", "!!", "?", "..."]

/** Recombines halves of two training statements and perturbs them like phone typing does. */
export const synthesize = (texts: ReadonlyArray<string>, questions: ReadonlyArray<string>, n: number, seed = 42) => {
  const r = rng(seed)
  const pick = <A>(xs: ReadonlyArray<A>) => xs[Math.floor(r() * xs.length)]!
  const out: Array<{ question: string; text: string }> = []
  for (let i = 0; i < n; i++) {
    const a = pick(texts).split(/\s+/)
    const b = pick(texts).split(/\s+/)
    let words = [...a.slice(0, Math.ceil(a.length / 2)), ...(r() < 0.6 ? b.slice(Math.floor(b.length / 2)) : [])]
    words = words.map((w) => {
      const x = r()
      if (x < 0.05 && w.length > 3) {
        const k = 1 + Math.floor(r() * (w.length - 2))
        return w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2) // swapped letters
      }
      if (x < 0.12) return w.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      if (x < 0.15) return w.toUpperCase()
      return w
    })
    let text = words.join(" ")
    if (r() < 0.2) text += " " + pick(EMOJI)
    out.push({ question: pick(questions), text })
  }
  return out
}
