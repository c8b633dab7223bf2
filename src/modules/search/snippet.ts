import { normaliseGerman } from './lucene';

/** Fields whose text a hit can show, in the order a reader expects them. */
export const SNIPPET_FIELDS = [
  'name',
  'title',
  'labelDe',
  'labelEn',
  'shortName',
  'altNames',
  'altLabels',
  'description',
  'quotes',
];
const WINDOW = 80;

export interface Snippet {
  field: string;
  text: string;
}

/**
 * The first passage that contains a searched word (compared after German normalisation, so
 * "Buerger" highlights "Bürger"), cut to about 160 characters, with matches marked «like this».
 */
export function snippetOf(props: Record<string, unknown>, words: string[]): Snippet | null {
  const stems = words
    .filter((w) => w.length >= 3)
    .map((w) => w.slice(0, Math.max(3, w.length - 2)));
  if (stems.length === 0) return null;
  for (const field of SNIPPET_FIELDS) {
    const value = props[field];
    const texts = Array.isArray(value)
      ? (value as string[])
      : typeof value === 'string'
        ? [value]
        : [];
    for (const text of texts) {
      const marked = mark(text, stems);
      if (marked) return { field, text: marked };
    }
  }
  return null;
}

function mark(text: string, stems: string[]): string | null {
  const tokens = text.split(/(\s+|[,.;:!?„“"()–-])/);
  let first = -1;
  let offset = 0;
  const out = tokens.map((token) => {
    const normal = token.trim() === '' ? '' : normaliseGerman(token);
    const hit = normal !== '' && stems.some((s) => normal.includes(s));
    if (hit && first < 0) first = offset;
    offset += token.length;
    return hit ? `«${token}»` : token;
  });
  if (first < 0) return null;
  const joined = out.join('');
  const start = Math.max(0, first - WINDOW);
  const cut = joined.slice(start, start + 2 * WINDOW + 20);
  return `${start > 0 ? '…' : ''}${cut}${start + 2 * WINDOW + 20 < joined.length ? '…' : ''}`;
}
