/** A piece of a search snippet: plain text, or a match the API marked «like this». */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a snippet at its «…» marks; an unclosed mark leaves the rest plain. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf('«');
    const close = open < 0 ? -1 : rest.indexOf('»', open + 1);
    if (open < 0 || close < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    if (close > open + 1) parts.push({ text: rest.slice(open + 1, close), match: true });
    rest = rest.slice(close + 1);
  }
  return parts;
}
