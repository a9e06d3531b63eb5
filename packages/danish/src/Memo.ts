/**
 * `f` remembered per key in a map that is emptied once it holds `limit` entries: words and
 * answers repeat, so most calls are a lookup, and a long-running server's memory stays bounded.
 * (A key whose value is `undefined` is computed again each time.)
 */
export const boundedMemo = <K, V>(f: (key: K) => V, limit = 200_000): ((key: K) => V) => {
  const cache = new Map<K, V>()
  return (key: K): V => {
    let value = cache.get(key)
    if (value === undefined) {
      value = f(key)
      if (cache.size >= limit) cache.clear()
      cache.set(key, value)
    }
    return value
  }
}
