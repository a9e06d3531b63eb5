/** An ASCII file name from a title, for downloads. */
export const slug = (title: string) =>
  title
    .normalize("NFC")
    .replace(/æ/gi, "ae").replace(/ø/gi, "oe").replace(/å/gi, "aa")
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "analyse"
