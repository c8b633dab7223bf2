import fs from 'node:fs';
import zlib from 'node:zlib';
import { ReferenceDataError } from './errors';

/**
 * A small reader for the one xlsx file the reference data needs, without a dependency: an xlsx
 * is a zip archive; this reads its central directory, inflates the entries it needs
 * (`zlib.inflateRawSync`), and reads shared strings and one sheet's cells from their XML. It
 * supports what Office Open XML spreadsheets use for plain tables — stored or deflated entries,
 * shared (`t="s"`), inline (`t="inlineStr"`) and literal values — and refuses anything else
 * (zip64, encryption) with a ReferenceDataError rather than guessing.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Reads every entry of a zip archive into memory (the files here are small). */
export function readZip(file: string): Map<string, Buffer> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (error) {
    throw new ReferenceDataError(file, null, `cannot read the file (${(error as Error).message})`);
  }
  const fail = (problem: string): never => {
    throw new ReferenceDataError(file, null, `not a readable xlsx/zip archive: ${problem}`);
  };
  // The end-of-central-directory record is within the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) fail('zip64 is not supported');
  const entries = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL_SIGNATURE)
      fail('bad central directory entry');
    const flags = buf.readUInt16LE(offset + 8);
    const method = buf.readUInt16LE(offset + 10);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const size = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const localOffset = buf.readUInt32LE(offset + 42);
    const name = buf.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) fail(`${name} is encrypted`);
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL_SIGNATURE)
      fail(`bad local header of ${name}`);
    const dataStart =
      localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const data = buf.subarray(dataStart, dataStart + compressedSize);
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = zlib.inflateRawSync(data);
      } catch (error) {
        return fail(`cannot inflate ${name} (${(error as Error).message})`);
      }
    } else return fail(`${name} uses compression method ${method}`);
    if (content.length !== size) fail(`${name} has ${content.length} bytes, expected ${size}`);
    entries.set(name, content);
  }
  return entries;
}

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return XML_ENTITIES[ref] ?? whole;
  });
}

/** The text of every `<t>` in an element (rich text has several runs). */
function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += decodeXml(m[1]!);
  return out;
}

export function parseSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => textOf(m[1] ?? ''));
}

/** One sheet row: its 1-based row number and its non-empty cells by column letter. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

export function parseSheet(xml: string, shared: string[]): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(/\br="(\d+)"/.exec(r[1]!)?.[1]);
    const cells: Record<string, string> = {};
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
      if (!ref) continue;
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const inner = c[2] ?? '';
      let value: string | undefined;
      if (type === 'inlineStr') value = textOf(inner);
      else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        if (v === undefined) continue;
        value = type === 's' ? shared[Number(v)] : decodeXml(v);
      }
      if (value !== undefined && value !== '') cells[ref] = value;
    }
    rows.push({ row: rowNumber, cells });
  }
  return rows;
}

/** The rows of the sheet with this name. */
export function readSheet(file: string, sheetName: string): SheetRow[] {
  const zip = readZip(file);
  const text = (name: string): string => {
    const entry = zip.get(name);
    if (!entry) throw new ReferenceDataError(file, null, `the archive has no ${name}`);
    return entry.toString('utf8');
  };
  const workbook = text('xl/workbook.xml');
  const sheet = [...workbook.matchAll(/<sheet\b([^>]*)\/>/g)]
    .map((m) => m[1]!)
    .find((attrs) => decodeXml(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? '') === sheetName);
  const relId = sheet && /\br:id="([^"]+)"/.exec(sheet)?.[1];
  if (!relId) throw new ReferenceDataError(file, null, `no sheet named "${sheetName}"`);
  const rels = text('xl/_rels/workbook.xml.rels');
  const target = [...rels.matchAll(/<Relationship\b([^>]*)\/>/g)]
    .map((m) => m[1]!)
    .find((attrs) => /\bId="([^"]+)"/.exec(attrs)?.[1] === relId);
  const targetPath = target && /\bTarget="([^"]+)"/.exec(target)?.[1];
  if (!targetPath) throw new ReferenceDataError(file, null, `sheet "${sheetName}" has no target`);
  const sheetPath = targetPath.startsWith('/') ? targetPath.slice(1) : `xl/${targetPath}`;
  const shared = zip.has('xl/sharedStrings.xml')
    ? parseSharedStrings(text('xl/sharedStrings.xml'))
    : [];
  return parseSheet(text(sheetPath), shared);
}

/**
 * A row as one line of text: its non-empty cell values in column order, joined by ";". This is
 * the text the quotes of facts taken from the sheet are checked against.
 */
export function rowText(row: SheetRow): string {
  return Object.keys(row.cells)
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .map((col) => row.cells[col])
    .join(';');
}
