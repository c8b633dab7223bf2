import { checkUniqueFields } from '../../seed/validate';
import type { SeedNode, SeedRelation } from '../../seed/types';
import { endFields } from './fact-end';
import { changedFields, describeFact, seedElement, seedEntry, snapshotOf } from './fact';
import { curatedFile, type CurationTexts } from './quote-texts';
import {
  at,
  Checker,
  checkCreated,
  factOf,
  grounding,
  mergeCitations,
  newDocument,
  rawQuotes,
  readFact,
  supportProblems,
  type GraphSlice,
  type Plan,
} from './write-checker';
import type { WriteRequest } from './write-request';

export type { GraphSlice, Plan, PlannedChange } from './write-checker';

/*
 * A write checked by the seed importer's own rules, one element against the graph: the write's
 * facts become entries of a seed file and pass readNode/readRelation (types, fields, enums, EDTF,
 * citations, basis), then the same checks the importer runs over all files — duplicate ids,
 * unique fields, the ends a relationship may connect, verbatim quotes of one sentence, the
 * support check, a unit's one BELONGS_TO, no cycles — on the facts the write touches and the
 * part of the graph they meet (`GraphSlice`). One implementation, the same messages.
 */

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
