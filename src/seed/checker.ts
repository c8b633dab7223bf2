import {
  NODE_TYPES,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  type NodeLabel,
  type RelationType,
  type NodeSpec,
  type RelationSpec,
} from '../model/model';
import { quoteShapeProblem, type DocumentTexts } from './documents';
import type { Report } from './entries';
import type { SeedIndex } from './seed-index';
import { checkFactSupport } from './support';
import type { Basis, Location, SeedNode, SeedProblem, SeedRelation } from './types';

/** Relationship types whose chains must not loop back on themselves. */
const ACYCLIC: readonly string[] = ['PART_OF', 'BROADER', 'LOCATED_IN'];

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
 * index of the first pass — duplicates, unique keys, references and the labels they connect,
 * citations and verbatim quotes, the support check — plus, at the end, the rules over all
 * relations of a kind (each unit's one city, no cycles). It keeps counters and the edges of the
 * acyclic kinds, not the entries.
 */
export class SeedChecker {
  readonly basis: Record<Basis, number> = { STATED: 0, INFERRED: 0, EDITORIAL: 0 };
  entities = 0;
  relations = 0;
  /** Set once `finish` has run. */
  finished = false;
  private readonly report: Report;
  private readonly haveDocuments: boolean;
  private readonly unique = new Map<string, string>();
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
      this.report(
        node.at,
        `duplicate id "${node.id}" (first defined at ${first.file}:${first.line})`,
      );
    } else if (node.type === 'OrgUnit' && !node.external) {
      const provided = ['FACILITY', 'SERVICE_POINT'].includes(String(node.fields.kind));
      this.units[this.index.numberOf(node.id)!] = provided ? 2 : 1;
    }
    if (node.external) return;
    this.entities += 1;
    this.basis[node.grounding.basis] += 1;
    this.checkUniqueFields(node);
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
      const file = this.relationFiles[Math.floor(first / 2 ** 32)];
      this.report(
        rel.at,
        `duplicate relation "${rel.id}"; give one an explicit id (first defined at ${file}:${first % 2 ** 32})`,
      );
    } else {
      this.relationIds.set(key, this.relationFileNumber(rel.at.file) * 2 ** 32 + rel.at.line);
    }
    this.checkEndpoints(rel);
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

  private checkUniqueFields(node: SeedNode): void {
    const spec: NodeSpec = NODE_TYPES[node.type];
    for (const [name, field] of Object.entries(spec.fields)) {
      if (!field.unique || node.fields[name] === undefined) continue;
      const key = `${node.type}.${name}=${String(node.fields[name])}`;
      const first = this.unique.get(key);
      if (first !== undefined) {
        this.report(
          node.at,
          `${node.type}.${name} "${String(node.fields[name])}" is also used by ${first}`,
        );
      } else {
        this.unique.set(key, node.id);
      }
    }
  }

  private checkEndpoints(rel: SeedRelation): void {
    const spec: RelationSpec = RELATION_TYPES[rel.type];
    for (const [end, id, allowed] of [
      ['from', rel.from, spec.from],
      ['to', rel.to, spec.to],
    ] as const) {
      const type = this.index.typeOf(id);
      if (!type) {
        this.report(
          rel.at,
          `unknown reference: "${end}" names "${id}", which no seed file defines`,
        );
      } else if (!(allowed as readonly NodeLabel[]).includes(type)) {
        this.report(
          rel.at,
          `${rel.type} cannot ${end === 'from' ? 'start at' : 'end at'} a ${type} (allowed: ${allowed.join(', ')})`,
        );
      }
    }
    if (rel.from === rel.to) this.report(rel.at, 'a relation cannot connect an entity to itself');
  }

  private checkCitations(item: SeedNode | SeedRelation): void {
    for (const citation of item.cite) {
      const source = this.index.document(citation.doc);
      if (!source) {
        this.report(item.at, `missing source: "${citation.doc}" is not a source document id`);
        continue;
      }
      const shape = quoteShapeProblem(citation.quote);
      if (shape) {
        this.report(item.at, `${shape}: "${citation.quote.slice(0, 80)}…"`);
        continue;
      }
      if (!this.haveDocuments) continue;
      // An unreadable document is reported at its own entry, once.
      if (source.file && this.documents.text(source.file) === null) continue;
      if (!this.documents.contains(source.file, citation.quote)) {
        this.report(item.at, `quote not found verbatim in ${citation.doc}: "${citation.quote}"`);
      }
    }
  }

  /**
   * Every unit of a city's administration belongs to exactly one city: that is what makes
   * "cities where some unit …" one hop. Facilities and service points that the sources show run
   * by others or by the city together with others (OPERATES) belong to no administration and may
   * have none.
   */
  private checkBelongsTo(): void {
    for (let n = 0; n < this.units.length; n += 1) {
      const unit = this.units[n]!;
      if (unit === 0) continue;
      const count = this.belongsTo[n]!;
      if (count === 0 && unit === 2 && this.operated[n] === 1) continue;
      if (count !== 1) {
        this.report(
          this.index.locationOf(n),
          `an OrgUnit needs exactly one BELONGS_TO relation to its city (has ${count}); a facility or service point others run needs OPERATES instead`,
        );
      }
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

  /**
   * Depth-first over the edges of one type, without recursion (chains may be long), from each
   * start in the order the seed files first name it; the adjacency is built here, in typed
   * arrays, so that it exists only while it is needed.
   */
  private checkAcyclic(type: string, edges: Edges): void {
    const nodes = this.index.size + this.unknown.size;
    const start = new Int32Array(nodes + 1);
    for (const from of edges.from) start[from + 1]! += 1;
    for (let n = 0; n < nodes; n += 1) start[n + 1]! += start[n]!;
    const cursor = start.slice(0, nodes);
    const out = new Int32Array(edges.from.length);
    edges.from.forEach((from, e) => (out[cursor[from]!++] = e));
    const state = new Uint8Array(nodes); // 0 unseen, 1 on the path, 2 done
    const firsts: number[] = [];
    const named = new Uint8Array(nodes);
    for (const from of edges.from) {
      if (named[from] === 0) firsts.push(from);
      named[from] = 1;
    }
    const at = (e: number): Location => {
      const [file, line, entry] = [edges.file[e]!, edges.line[e]!, edges.entry[e]!];
      return {
        file: this.relationFiles[file]!,
        line,
        entry: `relations[${entry}] (${this.idOf(edges.from[e]!)} ${type} ${this.idOf(edges.to[e]!)})`,
      };
    };
    for (const first of firsts) {
      if (state[first] === 2) continue;
      const path = [first];
      const next = [start[first]!];
      state[first] = 1;
      while (path.length > 0) {
        const node = path[path.length - 1]!;
        const i = next[next.length - 1]!;
        if (i >= start[node + 1]!) {
          state[node] = 2;
          path.pop();
          next.pop();
          continue;
        }
        next[next.length - 1] = i + 1;
        const target = edges.to[out[i]!]!;
        if (state[target] === 2) continue;
        if (state[target] === 1) {
          if (start[target + 1]! > start[target]!) {
            const cycle = [...path, target].map((n) => this.idOf(n)).join(' → ');
            this.report(at(out[start[target]!]!), `${type} forms a cycle: ${cycle}`);
          }
          continue;
        }
        state[target] = 1;
        path.push(target);
        next.push(start[target]!);
      }
    }
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
