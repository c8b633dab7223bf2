import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** One line of a text file without its line break, numbered from 1. */
export interface Line {
  text: string;
  line: number;
}

const CHUNK_BYTES = 1 << 20;

/**
 * The lines of a file, read 1 MB at a time: memory stays bounded by the longest line, however
 * large the file. Synchronous on purpose: the seed rules are one synchronous implementation for
 * every format, and the importer yields to the event loop between batches itself. A UTF-8
 * character split between two chunks is joined by the decoder; `\r\n` counts as one break.
 */
export function* readLines(file: string): Generator<Line> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let line = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null);
      const text = read > 0 ? rest + decoder.write(buffer.subarray(0, read)) : rest + decoder.end();
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        line += 1;
        yield { text: trimCr(text.slice(start, end)), line };
        start = end + 1;
      }
      rest = text.slice(start);
      if (read === 0) break;
    }
    if (rest !== '') yield { text: trimCr(rest), line: line + 1 };
  } finally {
    fs.closeSync(fd);
  }
}

function trimCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
