import { RELATION_TYPE_NAMES, type RelationType } from '../model/model';
import type { DocumentTexts } from './documents';
import type { Report } from './entries';
import {
  ACYCLIC,
  belongsToProblem,
  checkCityKey,
  checkEndpoints,
  checkQuotes,
  duplicateIdMessage,
  duplicateRelationMessage,
  firstDefinedAt,
  isProvidedUnit,
  reportCycles,
  UniqueKeys,
} from './rules';
import type { SeedIndex } from './seed-index';
import { checkFactSupport } from './support';
import type { Basis, Location, SeedNode, SeedProblem, SeedRelation } from './types';

/** The relations of one acyclic type, as numbers: ends, and where each relation stands. */
interface Edges {
  from: number[];
  to: number[];
  file: number[];
  line: number[];
  entry: number[];
}

/**
 * The second pass: every rule that needs the whole seed set, checked entry by entry against the
 * index of the first pass — duplicates, unique keys, a city's key, references and the labels
 * they connect, citations and verbatim quotes, the support check — plus, at the end, the rules
 * over all relations of a kind (each unit's one city, no cycles). It keeps counters and the edges
 * of the acyclic kinds, not the entries. The rules themselves are in rules.ts and support.ts,
 * which curation's write checks share.
 */
export class SeedChecker {
  readonly basis: Record<Basis, number> = { STATED: 0, INFERRED: 0, EDITORIAL: 0 };
  entities = 0;
  relations = 0;
  /** Set once `finish` has run. */
  finished = false;
  private readonly report: Report;
  private readonly haveDocuments: boolean;
  private readonly unique = new UniqueKeys();
  /**
   * Relation id → where it is first defined (file number × 2³² + line). An id of the default
   * form `from~TYPE~to` between known entities is kept as a number made of the ends' numbers and
   * the type (exact, and far smaller than the string: a national seed set has half a million).
   */
  private readonly relationIds = new Map<number | string, number>();
  private readonly relationFiles: string[] = [];
  private readonly relationFileNumbers = new Map<string, number>();
  private readonly belongsTo: Uint8Array;
  private readonly operated: Uint8Array;
  /** OrgUnits by number: 1 = a unit of a city, 2 = a facility or service point. */
  private readonly units: Uint8Array;
  private readonly edges = new Map<string, Edges>();
  /** Numbers for ids of acyclic relations that no seed file defines (reported elsewhere). */
  private readonly unknown = new Map<string, number>();

  constructor(
    private readonly index: SeedIndex,
    private readonly documents: DocumentTexts,
    private readonly problems: SeedProblem[],
  ) {
    this.report = (at, message) =>
      problems.push({ file: at.file, line: at.line, entry: at.entry, message });
    this.haveDocuments = documents.exists();
    if (!this.haveDocuments) {
      problems.push({
        file: documents.dir,
        message:
          'the source documents directory does not exist, so quotes cannot be verified (set SEED_DOCUMENTS_DIR)',
      });
    }
    this.belongsTo = new Uint8Array(index.size);
    this.operated = new Uint8Array(index.size);
    this.units = new Uint8Array(index.size);
  }

  checkNode(node: SeedNode, entryIndex: number): void {
    if (!this.index.isFirstDefinition(node, entryIndex)) {
      const n = this.index.numberOf(node.id)!;
      const first = this.index.locationOf(n);
      this.report(node.at, firstDefinedAt(duplicateIdMessage(node.id), first));
    } else if (node.type === 'OrgUnit' && !node.external) {
      this.units[this.index.numberOf(node.id)!] = isProvidedUnit(node) ? 2 : 1;
    }
    if (node.external) return;
    this.entities += 1;
    this.basis[node.grounding.basis] += 1;
    this.unique.check(node, this.report);
    checkCityKey(node, this.report);
    if (node.type === 'SourceDocument' && this.haveDocuments) {
      const file = String(node.fields.file ?? '');
      if (file && this.documents.text(file) === null) {
        this.report(node.at, `document file "${file}" not found in ${this.documents.dir}`);
      }
    }
    this.checkCitations(node);
    checkFactSupport(node, this.index, this.report);
  }

  checkRelation(rel: SeedRelation, entryIndex: number): void {
    this.relations += 1;
    this.basis[rel.grounding.basis] += 1;
    const key = this.relationKey(rel.id);
    const first = this.relationIds.get(key);
    if (first !== undefined) {
      const file = this.relationFiles[Math.floor(first / 2 ** 32)]!;
      this.report(
        rel.at,
        firstDefinedAt(duplicateRelationMessage(rel.id), { file, line: first % 2 ** 32 }),
      );
    } else {
      this.relationIds.set(key, this.relationFileNumber(rel.at.file) * 2 ** 32 + rel.at.line);
    }
    checkEndpoints(rel, (id) => this.index.typeOf(id), this.report);
    this.checkCitations(rel);
    checkFactSupport(rel, this.index, this.report);
    const from = this.index.numberOf(rel.from);
    if (rel.type === 'BELONGS_TO' && from !== undefined) {
      this.belongsTo[from] = Math.min(255, this.belongsTo[from]! + 1);
    }
    const to = this.index.numberOf(rel.to);
    if (rel.type === 'OPERATES' && to !== undefined) this.operated[to] = 1;
    if (ACYCLIC.includes(rel.type)) this.addEdge(rel, entryIndex);
  }

  /** True when the relation id was seen in this pass (the relations the seeds hold). */
  hasRelation(id: string): boolean {
    return this.relationIds.has(this.relationKey(id));
  }

  /** The key an id is kept under: see `relationIds`. Explicit ids cannot contain "~". */
  private relationKey(id: string): number | string {
    const parts = id.split('~');
    if (parts.length !== 3) return id;
    const type = RELATION_TYPE_NAMES.indexOf(parts[1] as RelationType);
    const from = this.index.numberOf(parts[0]!);
    const to = this.index.numberOf(parts[2]!);
    if (type < 0 || from === undefined || to === undefined) return id;
    const n = this.index.size;
    return (from * RELATION_TYPE_NAMES.length + type) * n + to;
  }

  /** The rules over all relations of a kind; call once, after the last entry. */
  finish(): void {
    this.finished = true;
    this.checkBelongsTo();
    for (const [type, edges] of this.edges) this.checkAcyclic(type, edges);
  }

  private checkCitations(item: SeedNode | SeedRelation): void {
    // An unreadable document is reported at its own entry, once.
    const verifiable = (_doc: string, file: string) =>
      this.haveDocuments && !(file && this.documents.text(file) === null);
    checkQuotes(item, (doc) => this.index.document(doc), this.documents, this.report, verifiable);
  }

  /** Each unit's one city (see belongsToProblem). */
  private checkBelongsTo(): void {
    for (let n = 0; n < this.units.length; n += 1) {
      const unit = this.units[n]!;
      if (unit === 0) continue;
      const problem = belongsToProblem(this.belongsTo[n]!, unit === 2, this.operated[n] === 1);
      if (problem) this.report(this.index.locationOf(n), problem);
    }
  }

  private addEdge(rel: SeedRelation, entryIndex: number): void {
    let edges = this.edges.get(rel.type);
    if (!edges) {
      edges = { from: [], to: [], file: [], line: [], entry: [] };
      this.edges.set(rel.type, edges);
    }
    edges.from.push(this.nodeNumber(rel.from));
    edges.to.push(this.nodeNumber(rel.to));
    edges.file.push(this.relationFileNumber(rel.at.file));
    edges.line.push(rel.at.line);
    edges.entry.push(entryIndex);
  }

  private nodeNumber(id: string): number {
    const n = this.index.numberOf(id);
    if (n !== undefined) return n;
    let extra = this.unknown.get(id);
    if (extra === undefined) {
      extra = this.index.size + this.unknown.size;
      this.unknown.set(id, extra);
    }
    return extra;
  }

  private idOf(n: number): string {
    if (n < this.index.size) return this.index.idOf(n);
    for (const [id, extra] of this.unknown) if (extra === n) return id;
    return String(n);
  }

  private checkAcyclic(type: string, edges: Edges): void {
    const at = (e: number): Location => {
      const [file, line, entry] = [edges.file[e]!, edges.line[e]!, edges.entry[e]!];
      return {
        file: this.relationFiles[file]!,
        line,
        entry: `relations[${entry}] (${this.idOf(edges.from[e]!)} ${type} ${this.idOf(edges.to[e]!)})`,
      };
    };
    const nodes = this.index.size + this.unknown.size;
    reportCycles(type, nodes, edges, (n) => this.idOf(n), at, this.report);
  }

  private relationFileNumber(file: string): number {
    let n = this.relationFileNumbers.get(file);
    if (n === undefined) {
      n = this.relationFiles.length;
      this.relationFiles.push(file);
      this.relationFileNumbers.set(file, n);
    }
    return n;
  }
}
