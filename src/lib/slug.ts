/**
 * URL slug shared by the ingest pipeline and the site: the text folded to ASCII, lowercased,
 * every run of other characters turned into one `-` (`Türkiye` -> `turkiye`, `JD Vance` -> `jd-vance`).
 */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  þ: 'th',
  Þ: 'th',
  œ: 'oe',
  Œ: 'oe',
  ı: 'i',
};

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæÆøØđĐłŁþÞœŒı]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
