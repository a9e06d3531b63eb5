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

/** Numbers by a small number (a word form, a term), -1 for none yet: an array that grows. */
export class IdCache {
  private ids = new Int32Array(1024).fill(-1)
  get(i: number): number {
    return i < this.ids.length ? this.ids[i]! : -1
  }
  set(i: number, id: number): void {
    if (i >= this.ids.length) {
      const grown = new Int32Array(Math.max(this.ids.length * 2, i + 1)).fill(-1)
      grown.set(this.ids)
      this.ids = grown
    }
    this.ids[i] = id
  }
}

/** Numbers appended to one growing Int32Array: many short lists kept end to end, as offsets into it. */
export class IntList {
  data = new Int32Array(4096)
  length = 0
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = x
  }
  /** The numbers as an array of their own length (a copy; the list is left as it is). */
  done(): Int32Array {
    return this.data.slice(0, this.length)
  }
}
