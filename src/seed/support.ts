import {
  NODE_TYPES,
  RELATION_TYPES,
  type FieldSpec,
  type NodeLabel,
  type RelationSpec,
} from '../model/model';
import { dateIsWritten, dateParts } from './date-forms';
import type { Report } from './entries';
import type { SeedNode, SeedRelation } from './types';

/** The fields whose values name an entity, by label: names, short forms, other spellings. */
const NAME_FIELDS = [
  'name',
  'title',
  'shortName',
  'altNames',
  'familyName',
  'labelDe',
  'labelEn',
  'altLabels',
];

/**
 * Text as the support check compares it: lower case, one kind of quotation mark and dash,
 * single spaces. The quote check has already made sure the quote is verbatim.
 */
export function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[„“”"«»‚‘’']/g, '"')
    .replace(/[–—‑]/g, '-')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every way the entity's own fields name it. */
export function namesOf(node: SeedNode): string[] {
  const names: string[] = [];
  for (const field of NAME_FIELDS) {
    const value = node.fields[field];
    if (typeof value === 'string') names.push(value);
    else if (Array.isArray(value))
      names.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  // "Zusammen im Quartier (Bochum)": the parenthesis tells like-named entities apart; the
  // sources write the name without it.
  const bare = names
    .map((n) => n.replace(/\s*\([^)]*\)\s*$/, ''))
    .filter((n) => !names.includes(n));
  return [...names, ...bare].filter((n) => n.trim() !== '');
}

/** What the support check needs to know of the entities a fact connects and the documents it cites. */
export interface SupportLookup {
  /** The label of a known entity (external ones included), undefined for unknown ids. */
  typeOf(id: string): NodeLabel | undefined;
  /** Every way the entity's own fields name it (see namesOf); none for an external entity. */
  namesOf(id: string): string[];
  /** The same names as `comparable` makes them. */
  comparableNamesOf(id: string): string[];
  /** True for the project's vocabulary documents. */
  isVocabulary(doc: string): boolean;
  /** The publication year of a cited document when its date is known to the year, else null. */
  publicationYear(doc: string): number | null;
}

/** The quotes of a fact that count for the check: all of them (the fact has one basis). */
function quotesOf(item: SeedNode | SeedRelation): string[] {
  return item.cite.map((c) => comparable(c.quote));
}

/** Does one of the fact's citations name the entity, by a name or by a listed mention? */
function named(
  item: SeedNode | SeedRelation,
  quotes: string[],
  id: string,
  names: string[],
): boolean {
  return item.cite.some((citation, i) => {
    const quote = quotes[i]!;
    if (names.some((name) => quote.includes(name))) return true;
    return (citation.mentions?.[id] ?? []).some((words) => quote.includes(comparable(words)));
  });
}

function edtfFields(specs: Record<string, FieldSpec>, fields: Record<string, unknown>): string[] {
  return Object.keys(fields).filter((f) => specs[f]?.type === 'edtf');
}

/** The year of a document's `published` date when it is known to the year, else null. */
export function yearOf(published: unknown): number | null {
  const match = typeof published === 'string' ? /^(\d{4})(?:-\d{2}){0,2}$/.exec(published) : null;
  return match ? Number(match[1]) : null;
}

/**
 * The support check of one fact: a STATED or EDITORIAL fact must be said by its quotes. A
 * relation's quotes must name both ends (by name, short name, other name, or words listed under
 * `mentions`), and every date of the fact must be written in one of its quotes (see
 * date-forms.ts). An INFERRED fact is exempt: its `reasoning` says why the quotes support it.
 * EDITORIAL facts cite only the project's vocabulary documents, and only they may cite them.
 */
export function checkFactSupport(
  item: SeedNode | SeedRelation,
  lookup: SupportLookup,
  report: Report,
): void {
  const specs: Record<string, FieldSpec> =
    'from' in item ? RELATION_TYPES[item.type].fields : NODE_TYPES[item.type].fields;
  const { basis } = item.grounding;
  const vocabularyCites = item.cite.filter((c) => lookup.isVocabulary(c.doc)).length;
  if (basis === 'EDITORIAL' && vocabularyCites < item.cite.length) {
    report(item.at, "an EDITORIAL fact cites the project's vocabulary document, not a source");
  }
  if (basis !== 'EDITORIAL' && vocabularyCites > 0) {
    report(
      item.at,
      "the project's vocabulary document backs EDITORIAL facts only; mark the fact EDITORIAL or cite a source",
    );
  }
  for (const citation of item.cite) {
    for (const id of Object.keys(citation.mentions ?? {})) {
      const ends = 'from' in item ? [item.from, item.to] : [item.id];
      if (!ends.includes(id)) {
        report(item.at, `"mentions" names "${id}", which is not an end of this fact`);
      }
      for (const words of citation.mentions?.[id] ?? []) {
        if (!comparable(citation.quote).includes(comparable(words))) {
          report(item.at, `mention "${words}" of "${id}" is not in its quote`);
        }
      }
    }
  }
  if (basis === 'INFERRED') return;
  const quotes = quotesOf(item);
  const label = basis === 'STATED' ? 'a STATED' : 'an EDITORIAL';
  if ('from' in item) {
    // A relation between labels the model does not allow is reported already.
    const spec: RelationSpec = RELATION_TYPES[item.type];
    const [from, to] = [lookup.typeOf(item.from), lookup.typeOf(item.to)];
    if (!from || !to || !spec.from.includes(from) || !spec.to.includes(to)) return;
    for (const endId of [item.from, item.to]) {
      if (!named(item, quotes, endId, lookup.comparableNamesOf(endId))) {
        const names = lookup.namesOf(endId);
        report(
          item.at,
          `unsupported: no quote of ${label} relation names "${endId}" (${names.join(' / ') || 'no name'}); quote a sentence that names it, list the words that stand for it under "mentions", or mark the relation INFERRED with its reasoning`,
        );
      }
    }
  }
  for (const field of edtfFields(specs, item.fields)) {
    const value = String(item.fields[field]);
    // Each end of an interval (each member of a set) may come from a different quote.
    const written = dateParts(value).every((part) =>
      item.cite.some((citation, i) =>
        dateIsWritten(part, quotes[i] ?? '', lookup.publicationYear(citation.doc)),
      ),
    );
    if (!written) {
      report(
        item.at,
        `unsupported: ${field} ${value} is not written in any quote of ${label} fact (as a date, month, season, "Ende <year>" or year); quote the words that date it, drop the date, or mark the fact INFERRED with its reasoning`,
      );
    }
  }
}

/** How many facts have each basis. */
export function basisCounts(
  nodes: SeedNode[],
  relations: SeedRelation[],
): Record<'STATED' | 'INFERRED' | 'EDITORIAL', number> {
  const counts = { STATED: 0, INFERRED: 0, EDITORIAL: 0 };
  for (const item of [...nodes, ...relations]) counts[item.grounding.basis] += 1;
  return counts;
}

/**
 * The support check's lookup over entities held in memory by id (a curation write's slice of
 * the graph): the same answers the seed index gives for a seed set.
 */
export function lookupOf(byId: Map<string, SeedNode>): SupportLookup {
  const namesById = (id: string) => {
    const node = byId.get(id);
    return node && !node.external ? namesOf(node) : [];
  };
  return {
    typeOf: (id) => byId.get(id)?.type,
    namesOf: namesById,
    comparableNamesOf: (id) => namesById(id).map(comparable),
    isVocabulary: (doc) => byId.get(doc)?.fields.kind === 'VOCABULARY',
    publicationYear: (doc) => yearOf(byId.get(doc)?.fields.published),
  };
}
