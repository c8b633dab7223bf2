import { RELATION_TYPES, type NodeLabel, type RelationSpec } from '../model/model';
import { addAttestation } from '../edtf/validity';
import { comparable, namesOf, yearOf, type SupportLookup } from './support';
import type { Location, SeedNode, SeedRelation } from './types';

/** What the checks need to know of a source document: where its text is, what it is. */
export interface IndexedDocument {
  file: string;
  vocabulary: boolean;
  year: number | null;
}

const NAME_SEPARATOR = '\u0000';

/**
 * The first pass over a seed set: a compact index of its entities, so that the second pass can
 * check every entry on its own — references, the labels a relation connects, the names the
 * support check looks for, the documents quotes come from — without holding the entries. Per
 * entity it keeps a number, the label, its names and where it is defined; per source document
 * its file, kind and year; per node the first day a dated relation shows it to exist.
 */
export class SeedIndex implements SupportLookup {
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly types: NodeLabel[] = [];
  private readonly names: string[] = [];
  private readonly comparableNames: string[] = [];
  private readonly fileOf: number[] = [];
  private readonly lineOf: number[] = [];
  private readonly entryOf: number[] = [];
  private readonly files: string[] = [];
  private readonly fileNumbers = new Map<string, number>();
  private readonly documents = new Map<string, IndexedDocument>();
  /** External entities: number → the `ags` they are found by (undefined: by id). */
  private readonly externalKeys = new Map<number, string | undefined>();
  /** Node id → first day a dated relationship of the seeds shows it to exist. */
  readonly attested = new Map<string, string>();

  get size(): number {
    return this.ids.length;
  }

  /** Indexes an entity; a later definition of the same id is the checker's to report. */
  addNode(node: SeedNode, entryIndex: number): void {
    if (this.numbers.has(node.id)) return;
    const n = this.ids.length;
    this.numbers.set(node.id, n);
    this.ids.push(node.id);
    this.types.push(node.type);
    const names = node.external ? [] : namesOf(node);
    this.names.push(names.join(NAME_SEPARATOR));
    this.comparableNames.push(names.map(comparable).join(NAME_SEPARATOR));
    this.fileOf.push(this.fileNumber(node.at.file));
    this.lineOf.push(node.at.line);
    this.entryOf.push(entryIndex);
    if (node.external) {
      const ags = node.fields.ags;
      this.externalKeys.set(n, typeof ags === 'string' ? ags : undefined);
    }
    if (node.type === 'SourceDocument') {
      this.documents.set(node.id, {
        file: String(node.fields.file ?? ''),
        vocabulary: node.fields.kind === 'VOCABULARY',
        year: yearOf(node.fields.published),
      });
    }
  }

  /** Notes what a dated relationship attests about its ends. */
  addRelation(rel: SeedRelation): void {
    const spec: RelationSpec = RELATION_TYPES[rel.type];
    addAttestation(this.attested, {
      rule: spec.validity,
      fields: rel.fields,
      from: rel.from,
      to: rel.to,
    });
  }

  /** The entity's number (0 … size-1), or undefined for an id no seed file defines. */
  numberOf(id: string): number | undefined {
    return this.numbers.get(id);
  }

  idOf(n: number): string {
    return this.ids[n]!;
  }

  typeOf(id: string): NodeLabel | undefined {
    const n = this.numbers.get(id);
    return n === undefined ? undefined : this.types[n];
  }

  typeOfNumber(n: number): NodeLabel {
    return this.types[n]!;
  }

  namesOf(id: string): string[] {
    return this.split(this.names, id);
  }

  comparableNamesOf(id: string): string[] {
    return this.split(this.comparableNames, id);
  }

  private split(list: string[], id: string): string[] {
    const n = this.numbers.get(id);
    const joined = n === undefined ? '' : list[n]!;
    return joined === '' ? [] : joined.split(NAME_SEPARATOR);
  }

  isExternal(n: number): boolean {
    return this.externalKeys.has(n);
  }

  /** The external entities, in the order they were defined, with the `ags` they are found by. */
  externals(): { n: number; id: string; type: NodeLabel; ags?: string }[] {
    return [...this.externalKeys].map(([n, ags]) => ({
      n,
      id: this.ids[n]!,
      type: this.types[n]!,
      ...(ags === undefined ? {} : { ags }),
    }));
  }

  document(id: string): IndexedDocument | undefined {
    return this.documents.get(id);
  }

  isVocabulary(doc: string): boolean {
    return this.documents.get(doc)?.vocabulary ?? false;
  }

  publicationYear(doc: string): number | null {
    return this.documents.get(doc)?.year ?? null;
  }

  /** Where entity n is defined, as problems name it. */
  locationOf(n: number): Location {
    return {
      file: this.files[this.fileOf[n]!]!,
      line: this.lineOf[n]!,
      entry: `entities[${this.entryOf[n]}] (${this.types[n]} ${this.ids[n]})`,
    };
  }

  /** True when `node` is the definition the index holds for its id (not a later duplicate). */
  isFirstDefinition(node: SeedNode, entryIndex: number): boolean {
    const n = this.numbers.get(node.id);
    return (
      n !== undefined &&
      this.files[this.fileOf[n]!] === node.at.file &&
      this.lineOf[n] === node.at.line &&
      this.entryOf[n] === entryIndex
    );
  }

  private fileNumber(file: string): number {
    let n = this.fileNumbers.get(file);
    if (n === undefined) {
      n = this.files.length;
      this.files.push(file);
      this.fileNumbers.set(file, n);
    }
    return n;
  }
}
