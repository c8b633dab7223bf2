import type { RawEntry, RawSeedFile } from '../../seed/load';
import {
  checkAcyclic,
  checkBelongsTo,
  checkEndpoints,
  checkQuotes,
  checkUniqueFields,
  indexById,
  readNode,
  readRelation,
  relationIdOf,
  type Report,
} from '../../seed/validate';
import { checkFactSupport, lookupOf, type SupportLookup } from '../../seed/support';
import type { Location, SeedNode, SeedRelation } from '../../seed/types';
import { CurationInvalidError } from './curation.errors';
import { describeFact, seedElement, type FactState } from './fact';
import { curatedFile, type CurationTexts } from './quote-texts';
import type { CitationRequest, NewDocumentRequest, QuoteRequest } from './write-request';

/*
 * The checker of a write: the facts of a write read as entries of a seed file, and the seed
 * importer's checks run on them against the part of the graph they meet (see write-check.ts).
 */

/** The part of the graph a write meets, read by the repository in the write's transaction. */
export interface GraphSlice {
  /** Entities by key: the target, the ends, linked entities, cited documents. */
  entities: Map<string, FactState>;
  /** The relationship a write on a relationship targets. */
  relation: FactState | null;
  /** Facts already holding one of the ids the write creates. */
  taken: FactState[];
  /** Entities already holding a unique value (an AGS) the write sets. */
  uniqueHolders: FactState[];
  /** BELONGS_TO and OPERATES relationships of the units the write concerns. */
  unitLinks: FactState[];
  /** Chains a new PART_OF, BROADER or LOCATED_IN would close into a cycle. */
  chains: FactState[];
  /** All relationships of an entity being withdrawn. */
  cascade: FactState[];
  /** Facts (other than the ones withdrawn with it) citing a document being withdrawn. */
  citing: FactState[];
}

export interface PlannedChange {
  action: 'CREATE' | 'UPDATE' | 'END' | 'WITHDRAW';
  before: FactState | null;
  after: FactState | null;
}

export interface Plan {
  changes: PlannedChange[];
  /** Texts of new documents, by key (kept to check quotes, never served). */
  texts: { key: string; text: string }[];
  /** The quotes the write brings (recorded with each change). */
  quotes: { doc: string; quote: string }[];
}

const API_FILE: RawSeedFile = { file: 'this write', entries: [] };

function entry(section: 'entities' | 'relations', value: Record<string, unknown>): RawEntry {
  return { section, index: 0, line: 0, value };
}

export function at(fact: Pick<FactState, 'kind' | 'type' | 'key' | 'from' | 'to'>): Location {
  return { file: 'this write', line: 0, entry: describeFact(fact) };
}

/**
 * The quotes as citations of a seed entry. One citation can back several facts of a write (a new
 * unit and its links): `keep` drops the mentions that stand for an end of another fact only.
 */
export function rawQuotes(quotes: QuoteRequest[], keep: (key: string) => boolean = () => true) {
  return quotes.map((q) => {
    const mentions = Object.fromEntries(
      Object.entries(q.mentions ?? {}).filter(([key]) => keep(key)),
    );
    return {
      doc: q.doc,
      quote: q.quote,
      ...(Object.keys(mentions).length > 0 ? { mentions } : {}),
    };
  });
}

export function grounding(
  citation: CitationRequest | undefined,
  fallback: { basis: string; reasoning?: string },
) {
  if (!citation?.basis) return fallback;
  return {
    basis: citation.basis,
    ...(citation.reasoning !== undefined ? { reasoning: citation.reasoning } : {}),
  };
}

/**
 * A fact of the write as the validator reads it (an entry of a seed file), or null when the
 * entry is unreadable. Problems name the fact, not a line of a file.
 */
export function readFact(
  kind: 'ENTITY' | 'RELATION',
  value: Record<string, unknown>,
  report: Report,
): SeedNode | SeedRelation | null {
  const type = String(value.type);
  let location: Location;
  if (kind === 'ENTITY') {
    location = at({ kind, type, key: String(value.id) });
  } else {
    const [from, to] = [String(value.from), String(value.to)];
    const key = typeof value.id === 'string' ? value.id : relationIdOf(from, type, to);
    location = at({ kind, type, key, from, to });
    // A relation's default id ("<from>~<TYPE>~<to>") is what the importer makes of none.
    if (value.id === relationIdOf(from, type, to)) {
      value = { ...value };
      delete value.id;
    }
  }
  const here: Report = (_where, message) => report(location, message);
  const element =
    kind === 'ENTITY'
      ? readNode(API_FILE, entry('entities', value), here)
      : readRelation(API_FILE, entry('relations', value), here);
  if (element) element.at = location;
  return element;
}

/** A checked element as the fact it will be stored as. */
export function factOf(element: SeedNode | SeedRelation, version: number): FactState {
  const base = {
    type: element.type,
    key: element.id,
    fields: element.fields,
    cite: element.cite.map((c) => ({ doc: c.doc, quote: c.quote })),
    basis: element.grounding.basis,
    ...(element.grounding.reasoning ? { reasoning: element.grounding.reasoning } : {}),
    version,
    dataset: null,
  };
  return 'from' in element
    ? { ...base, kind: 'RELATION', from: element.from, to: element.to }
    : { ...base, kind: 'ENTITY' };
}

export class Checker {
  readonly problems: string[] = [];
  readonly report: Report = (where, message) => this.problems.push(`${where.entry}: ${message}`);
  readonly byId = new Map<string, SeedNode>();
  /** The support check's view of `byId` (it follows later additions). */
  readonly lookup: SupportLookup = lookupOf(this.byId);

  constructor(
    readonly slice: GraphSlice,
    readonly texts: CurationTexts,
  ) {
    for (const fact of slice.entities.values())
      this.byId.set(fact.key, seedElement(fact) as SeedNode);
  }

  /** The quotes are verbatim in texts at hand; a text the server does not have is a problem. */
  quotes(item: SeedNode | SeedRelation): void {
    const verifiable = (source: SeedNode) => {
      if (this.texts.readable(String(source.fields.file))) return true;
      this.report(
        item.at,
        `the text of source document "${source.id}" is not available to this server, so quotes from it cannot be checked`,
      );
      return false;
    };
    checkQuotes(item, this.byId, this.texts, this.report, verifiable);
  }

  /** New ids must not be taken, in the graph or twice in the write. */
  duplicates(nodes: SeedNode[], relations: SeedRelation[]): void {
    const taken = this.slice.taken.map((t) => seedElement(t));
    indexById(
      [...taken.filter((t): t is SeedNode => !('from' in t)), ...nodes],
      this.report,
      (id) => `duplicate id "${id}"`,
    );
    indexById(
      [...taken.filter((t): t is SeedRelation => 'from' in t), ...relations],
      this.report,
      (id) => `duplicate relation "${id}"; give one an explicit id`,
    );
  }

  /** A unit keeps exactly one BELONGS_TO (or is a facility others operate). */
  belongsTo(units: SeedNode[], added: SeedRelation[], removed: Set<string> = new Set()): void {
    const links = this.slice.unitLinks
      .filter((l) => !removed.has(l.key))
      .map((l) => seedElement(l) as SeedRelation);
    checkBelongsTo(
      units.filter((u) => u.type === 'OrgUnit'),
      [...links, ...added],
      this.report,
    );
  }

  acyclic(added: SeedRelation[]): void {
    checkAcyclic(
      [...this.slice.chains.map((c) => seedElement(c) as SeedRelation), ...added],
      this.report,
    );
  }

  done(): void {
    if (this.problems.length > 0) throw new CurationInvalidError([...new Set(this.problems)]);
  }
}

/** The source document a citation brings: its own citation is its title plus the write's quotes from it. */
export function newDocument(
  doc: NewDocumentRequest,
  quotes: QuoteRequest[],
  checker: Checker,
): SeedNode | null {
  const own = quotes.filter((q) => q.doc === doc.key).map((q) => ({ doc: q.doc, quote: q.quote }));
  const value = {
    type: 'SourceDocument',
    id: doc.key,
    ...doc.fields,
    file: curatedFile(doc.key),
    cite: [
      ...(typeof doc.fields.title === 'string' ? [{ doc: doc.key, quote: doc.fields.title }] : []),
      ...own,
    ],
  };
  return readFact('ENTITY', value, checker.report) as SeedNode | null;
}

export function checkCreated(checker: Checker, nodes: SeedNode[], relations: SeedRelation[]): void {
  checker.duplicates(nodes, relations);
  checkUniqueFields(
    [...checker.slice.uniqueHolders.map((h) => seedElement(h) as SeedNode), ...nodes],
    checker.report,
  );
  for (const rel of relations) checkEndpoints(rel, checker.byId, checker.report);
  for (const item of [...nodes, ...relations]) {
    checker.quotes(item);
    checkFactSupport(item, checker.lookup, checker.report);
  }
}

/** Citations of the fact, then the write's new ones (a quote already cited is not repeated). */
export function mergeCitations(target: FactState, quotes: QuoteRequest[]) {
  const seen = new Set(target.cite.map((c) => `${c.doc}\0${c.quote}`));
  const added = rawQuotes(quotes).filter((q) => !seen.has(`${q.doc}\0${q.quote}`));
  return [...target.cite.map((c) => ({ ...c })), ...added];
}

/** Support problems the write would bring: those of the fact after it, not already before. */
export function supportProblems(
  checker: Checker,
  before: SeedNode | SeedRelation,
  after: SeedNode | SeedRelation,
) {
  const collect = (item: SeedNode | SeedRelation) => {
    const found: string[] = [];
    checkFactSupport(item, checker.lookup, (_at, message) => found.push(message));
    return found;
  };
  const known = new Set(collect(before));
  for (const message of collect(after)) if (!known.has(message)) checker.report(after.at, message);
}
