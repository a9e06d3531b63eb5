// The package ships no types; this is the part of its API we use.
declare module "snowball-stemmers" {
  interface Stemmer {
    stem(word: string): string
  }
  const factory: {
    newStemmer(language: string): Stemmer
    algorithms(): Array<string>
  }
  export default factory
}
