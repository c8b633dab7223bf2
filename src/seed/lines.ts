import fs from 'node:fs';

/** One line of a text file without its line break, numbered from 1. */
export interface Line {
  text: string;
  line: number;
}

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/**
 * The lines of a file, read 1 MB at a time: memory stays bounded by the longest line, however
 * large the file. Lines are found as bytes and decoded one by one (a line break byte is never
 * part of a UTF-8 character), so a line of plain ASCII stays a compact one-byte string even
 * when its neighbours are not; `\r\n` counts as one break. Synchronous on purpose: the seed rules
 * are one synchronous implementation for every format, and the importer yields to the event loop
 * between batches itself.
 */
export function* readLines(file: string): Generator<Line> {
  const fd = fs.openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    let line = 0;
    for (;;) {
      if (filled === buffer.length) {
        // A line longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const read = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
      filled += read;
      let start = 0;
      for (let nl = buffer.indexOf(NEWLINE, 0); nl >= 0 && nl < filled;) {
        line += 1;
        yield { text: decode(buffer, start, nl), line };
        start = nl + 1;
        nl = start < filled ? buffer.indexOf(NEWLINE, start) : -1;
      }
      if (read === 0) {
        if (start < filled) yield { text: decode(buffer, start, filled), line: line + 1 };
        break;
      }
      buffer.copy(buffer, 0, start, filled);
      filled -= start;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function decode(buffer: Buffer, start: number, end: number): string {
  return buffer.toString('utf8', start, end > start && buffer[end - 1] === 0x0d ? end - 1 : end);
}
