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
import { checkFactSupport } from '../../seed/support';
import type { Location, SeedNode, SeedRelation } from '../../seed/types';
import { CurationInvalidError } from './curation.errors';
import { endFields } from './fact-end';
import {
  changedFields,
  describeFact,
  seedElement,
  seedEntry,
  snapshotOf,
  type FactState,
} from './fact';
import { curatedFile, type CurationTexts } from './quote-texts';
import type {
  CitationRequest,
  NewDocumentRequest,
  QuoteRequest,
  WriteRequest,
} from './write-request';

/**
 * A write checked by the seed importer's own rules, one element against the graph: the write's
 * facts become entries of a seed file and pass readNode/readRelation (types, fields, enums, EDTF,
 * citations, basis), then the same checks the importer runs over all files — duplicate ids,
 * unique fields, the ends a relationship may connect, verbatim quotes of one sentence, the
 * support check, a unit's one BELONGS_TO, no cycles — on the facts the write touches and the
 * part of the graph they meet (`GraphSlice`). One implementation, the same messages.
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

function at(fact: Pick<FactState, 'kind' | 'type' | 'key' | 'from' | 'to'>): Location {
  return { file: 'this write', line: 0, entry: describeFact(fact) };
}

/**
 * The quotes as citations of a seed entry. One citation can back several facts of a write (a new
 * unit and its links): `keep` drops the mentions that stand for an end of another fact only.
 */
function rawQuotes(quotes: QuoteRequest[], keep: (key: string) => boolean = () => true) {
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

function grounding(
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
function readFact(
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
function factOf(element: SeedNode | SeedRelation, version: number): FactState {
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

class Checker {
  readonly problems: string[] = [];
  readonly report: Report = (where, message) => this.problems.push(`${where.entry}: ${message}`);
  readonly byId = new Map<string, SeedNode>();

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
function newDocument(
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

/**
 * Checks a write and plans its changes; throws CurationInvalidError with every problem found.
 * `slice` must have been read for this request (see the repository's readSlice).
 */
export function planWrite(request: WriteRequest, slice: GraphSlice, texts: CurationTexts): Plan {
  const checker = new Checker(slice, texts);
  const citation = 'citation' in request ? request.citation : undefined;
  const quotes = citation?.quotes ?? [];
  const plan: Plan = {
    changes: [],
    texts: [],
    quotes: quotes.map((q) => ({ doc: q.doc, quote: q.quote })),
  };

  // A document the write brings comes first: the facts cite it.
  const created: SeedNode[] = [];
  if (citation?.newDocument) {
    texts.add(curatedFile(citation.newDocument.key), citation.newDocument.text);
    const doc = newDocument(citation.newDocument, quotes, checker);
    if (doc) {
      created.push(doc);
      checker.byId.set(doc.id, doc);
      plan.texts.push({ key: doc.id, text: citation.newDocument.text });
    }
  }

  switch (request.action) {
    case 'CREATE':
      if (request.kind === 'ENTITY') planEntity(request, checker, plan, created);
      else planRelation(request, checker, plan, created);
      break;
    case 'UPDATE':
    case 'END':
      planUpdate(request, slice, checker, plan, created);
      break;
    case 'WITHDRAW':
      planWithdraw(request, slice, checker, plan, created);
      break;
  }
  checker.done();
  return plan;
}

function checkCreated(checker: Checker, nodes: SeedNode[], relations: SeedRelation[]): void {
  checker.duplicates(nodes, relations);
  checkUniqueFields(
    [...checker.slice.uniqueHolders.map((h) => seedElement(h) as SeedNode), ...nodes],
    checker.report,
  );
  for (const rel of relations) checkEndpoints(rel, checker.byId, checker.report);
  for (const item of [...nodes, ...relations]) {
    checker.quotes(item);
    checkFactSupport(item, checker.byId, checker.report);
  }
}

function planEntity(
  request: Extract<WriteRequest, { action: 'CREATE'; kind: 'ENTITY' }>,
  checker: Checker,
  plan: Plan,
  created: SeedNode[],
): void {
  const citation = request.citation;
  const ground = grounding(citation, { basis: 'STATED' });
  const isDocument = request.type === 'SourceDocument';
  if (isDocument) {
    checker.texts.add(curatedFile(request.key), request.text ?? '');
    plan.texts.push({ key: request.key, text: request.text ?? '' });
  }
  const titleQuote =
    isDocument && typeof request.fields.title === 'string'
      ? [{ doc: request.key, quote: request.fields.title }]
      : [];
  // A mention of a linked entity belongs to that link, not to the new entity.
  const linked = new Set(request.links.map((l) => l.other));
  const node = readFact(
    'ENTITY',
    {
      type: request.type,
      id: request.key,
      ...request.fields,
      ...(isDocument ? { file: curatedFile(request.key) } : {}),
      cite: [...titleQuote, ...rawQuotes(citation.quotes, (key) => !linked.has(key))],
      ...ground,
    },
    checker.report,
  ) as SeedNode | null;
  if (!node) return;
  checker.byId.set(node.id, node);
  const links = request.links
    .map((link) =>
      readFact(
        'RELATION',
        {
          type: link.type,
          ...(link.key ? { id: link.key } : {}),
          from: link.direction === 'OUT' ? request.key : link.other,
          to: link.direction === 'OUT' ? link.other : request.key,
          cite: rawQuotes(citation.quotes, (key) => key === request.key || key === link.other),
          ...ground,
        },
        checker.report,
      ),
    )
    .filter((l): l is SeedRelation => l !== null);
  const nodes = [...created, node];
  checkCreated(checker, nodes, links);
  checker.belongsTo([node], links);
  checker.acyclic(links);
  for (const element of [...nodes, ...links]) {
    plan.changes.push({ action: 'CREATE', before: null, after: factOf(element, 1) });
  }
}

function planRelation(
  request: Extract<WriteRequest, { action: 'CREATE'; kind: 'RELATION' }>,
  checker: Checker,
  plan: Plan,
  created: SeedNode[],
): void {
  const rel = readFact(
    'RELATION',
    {
      type: request.type,
      id: request.key,
      from: request.from,
      to: request.to,
      ...request.fields,
      cite: rawQuotes(request.citation.quotes),
      ...grounding(request.citation, { basis: 'STATED' }),
    },
    checker.report,
  ) as SeedRelation | null;
  if (!rel) return;
  checkCreated(checker, created, [rel]);
  const ends = [checker.byId.get(rel.from), checker.byId.get(rel.to)].filter(
    (n): n is SeedNode => n !== undefined,
  );
  if (rel.type === 'BELONGS_TO' || rel.type === 'OPERATES') checker.belongsTo(ends, [rel]);
  checker.acyclic([rel]);
  for (const element of [...created, rel]) {
    plan.changes.push({ action: 'CREATE', before: null, after: factOf(element, 1) });
  }
}

/** Citations of the fact, then the write's new ones (a quote already cited is not repeated). */
function mergeCitations(target: FactState, quotes: QuoteRequest[]) {
  const seen = new Set(target.cite.map((c) => `${c.doc}\0${c.quote}`));
  const added = rawQuotes(quotes).filter((q) => !seen.has(`${q.doc}\0${q.quote}`));
  return [...target.cite.map((c) => ({ ...c })), ...added];
}

/** Support problems the write would bring: those of the fact after it, not already before. */
function supportProblems(
  checker: Checker,
  before: SeedNode | SeedRelation,
  after: SeedNode | SeedRelation,
) {
  const collect = (item: SeedNode | SeedRelation) => {
    const found: string[] = [];
    checkFactSupport(item, checker.byId, (_at, message) => found.push(message));
    return found;
  };
  const known = new Set(collect(before));
  for (const message of collect(after)) if (!known.has(message)) checker.report(after.at, message);
}

function planUpdate(
  request: Extract<WriteRequest, { action: 'UPDATE' | 'END' }>,
  slice: GraphSlice,
  checker: Checker,
  plan: Plan,
  created: SeedNode[],
): void {
  const target = request.kind === 'ENTITY' ? slice.entities.get(request.key)! : slice.relation!;
  let set: Record<string, unknown>;
  if (request.action === 'END') {
    const end = endFields(target, request.ended);
    if ('problem' in end) {
      checker.report(at(target), end.problem);
      return;
    }
    set = end.set;
  } else {
    set = request.set;
  }
  const value = seedEntry(target);
  for (const [name, v] of Object.entries(set)) {
    if (v === null) delete value[name];
    else value[name] = v;
  }
  value.cite = mergeCitations(target, request.citation.quotes);
  const ground = grounding(request.citation, {
    basis: target.basis,
    ...(target.reasoning !== undefined ? { reasoning: target.reasoning } : {}),
  });
  delete value.reasoning;
  Object.assign(value, ground);
  const after = readFact(request.kind, value, checker.report);
  if (!after) return;
  const before = seedElement(target, after.at);
  if (request.kind === 'ENTITY') checker.byId.set(after.id, after as SeedNode);
  supportProblems(checker, before, after);
  const fresh = { ...after, cite: after.cite.slice(target.cite.length) } as SeedNode | SeedRelation;
  checker.quotes(fresh);
  checkCreated(checker, created, []);
  if (request.kind === 'ENTITY') {
    checkUniqueFields(
      [...slice.uniqueHolders.map((h) => seedElement(h) as SeedNode), after as SeedNode],
      checker.report,
    );
    checker.belongsTo([after as SeedNode], []);
  }
  const afterFact = { ...factOf(after, target.version + 1), dataset: target.dataset };
  if (changedFields(snapshotOf(target), snapshotOf(afterFact)).length === 0) {
    checker.report(
      after.at,
      'the write changes nothing: every value and quote it gives is already there',
    );
  }
  for (const doc of created)
    plan.changes.push({ action: 'CREATE', before: null, after: factOf(doc, 1) });
  plan.changes.push({ action: request.action, before: target, after: afterFact });
}

function planWithdraw(
  request: Extract<WriteRequest, { action: 'WITHDRAW' }>,
  slice: GraphSlice,
  checker: Checker,
  plan: Plan,
  created: SeedNode[],
): void {
  const target = request.kind === 'ENTITY' ? slice.entities.get(request.key)! : slice.relation!;
  const cascade = request.kind === 'ENTITY' ? slice.cascade : [];
  const gone = new Set([target.key, ...cascade.map((c) => c.key)]);
  for (const fact of slice.citing) {
    checker.report(
      at(target),
      `${describeFact(fact)} cites it; withdraw that fact or cite another source first`,
    );
  }
  // The units at the far end of withdrawn BELONGS_TO or OPERATES relationships keep their rule.
  const withdrawn = request.kind === 'ENTITY' ? cascade : [target];
  const units = withdrawn
    .filter((r) => r.type === 'BELONGS_TO' || r.type === 'OPERATES')
    .map((r) => (r.type === 'BELONGS_TO' ? r.from! : r.to!))
    .filter((key) => key !== target.key)
    .map((key) => checker.byId.get(key))
    .filter((n): n is SeedNode => n !== undefined);
  checker.belongsTo(units, [], gone);
  if (request.citation) {
    checkCreated(checker, created, []);
    const pseudo = seedElement({ ...target, cite: rawQuotes(request.citation.quotes) }, at(target));
    checker.quotes(pseudo);
    for (const doc of created)
      plan.changes.push({ action: 'CREATE', before: null, after: factOf(doc, 1) });
  }
  for (const rel of cascade) plan.changes.push({ action: 'WITHDRAW', before: rel, after: null });
  plan.changes.push({ action: 'WITHDRAW', before: target, after: null });
}
