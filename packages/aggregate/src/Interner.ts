/** Strings numbered from 0 in the order first seen: `id` gives a string's number, `values` them all by number. */
export class Interner {
  readonly ids = new Map<string, number>()
  readonly values: Array<string> = []
  id(value: string): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.ids.set(value, id)
      this.values.push(value)
    }
    return id
  }
}
