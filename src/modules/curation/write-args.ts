import { BadUserInputError } from '../../common/graphql-errors';
import { NODE_TYPES, type NodeLabel } from '../../model/model';
import type { Context } from '../../server/context';
import { findByIds, loadById } from '../node/node.lookup';
import type { CitationInput, MentionInput } from './curation.input';
import type { CitationRequest, NewDocumentRequest, QuoteRequest } from './write-request';

/**
 * Turns the write arguments of the API into a WriteRequest: every id the client typed (global id,
 * key, AGS) becomes a key, by the one id rule of node.lookup.ts. Ids of entities the write itself
 * creates are taken as keys as they are.
 */

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A readable key made from a name: "Stabsstelle für Senioren" → "stabsstelle-fuer-senioren". */
export function keyFromName(name: string): string {
  const key = name
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => UMLAUTS[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (key.length <= 80) return key;
  return key.slice(0, 80).replace(/-[^-]*$/, '');
}

/** The key of a new entity: given, or made from its name field. */
export function newEntityKey(
  label: NodeLabel,
  input: Record<string, unknown>,
  argument: string,
): string {
  if (typeof input.key === 'string') return input.key;
  const name = input[NODE_TYPES[label].nameField];
  const key = typeof name === 'string' ? keyFromName(name) : '';
  if (!key) {
    throw new BadUserInputError(
      `a new ${label} needs a \`key\` or a ${NODE_TYPES[label].nameField} to make one from`,
      argument,
    );
  }
  return key;
}

/** The given fields of an input object, without the ones that are not model fields. */
export function inputFields(
  input: object | null | undefined,
  omit: string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input ?? {})) {
    if (value !== undefined && !omit.includes(name)) out[name] = value;
  }
  return out;
}

/** The key an id names: a key of an entity this write creates, or an entity of the graph. */
export async function keyOf(
  ctx: Context,
  id: string,
  argument: string,
  created: ReadonlySet<string>,
  label?: NodeLabel,
): Promise<string> {
  if (created.has(id)) return id;
  return (await loadById(ctx, id, argument, label)).key;
}

async function mentionsOf(
  ctx: Context,
  mentions: MentionInput[] | undefined,
  argument: string,
  created: ReadonlySet<string>,
): Promise<Record<string, string[]> | undefined> {
  if (!mentions || mentions.length === 0) return undefined;
  const out: Record<string, string[]> = {};
  for (const m of mentions) out[await keyOf(ctx, m.entity, argument, created)] = m.words;
  return out;
}

/** The new document a citation brings, with its key. */
export function newDocumentOf(
  input: Record<string, unknown>,
  argument: string,
): NewDocumentRequest {
  const text = input.text;
  if (typeof text !== 'string' || text.trim() === '') {
    throw new BadUserInputError(
      'a new source document needs its `text` (kept to check quotes, never served)',
      argument,
    );
  }
  return {
    key: newEntityKey('SourceDocument', input, argument),
    fields: inputFields(input, ['key', 'text']),
    text,
  };
}

/**
 * The citation of a write: its document (in the graph, or new), its quotes with their documents
 * and mentions, and the basis it gives the fact. `created` holds keys the write creates.
 */
export async function citationOf(
  ctx: Context,
  input: CitationInput,
  created: Set<string>,
  argument = 'citation',
): Promise<CitationRequest> {
  if ((input.document === undefined || input.document === null) === !input.newDocument) {
    throw new BadUserInputError(
      'a citation names the `document` it quotes (one in the graph) or brings a `newDocument`, not both',
      argument,
    );
  }
  const newDocument = input.newDocument
    ? newDocumentOf(input.newDocument, `${argument}.newDocument`)
    : undefined;
  if (newDocument) created.add(newDocument.key);
  const doc = newDocument
    ? newDocument.key
    : await keyOf(ctx, input.document!, `${argument}.document`, created, 'SourceDocument');
  const quotes: QuoteRequest[] = [
    {
      doc,
      quote: input.quote,
      ...withMentions(await mentionsOf(ctx, input.mentions, `${argument}.mentions`, created)),
    },
  ];
  for (const more of input.moreQuotes ?? []) {
    quotes.push({
      doc: more.document
        ? await keyOf(
            ctx,
            more.document,
            `${argument}.moreQuotes.document`,
            created,
            'SourceDocument',
          )
        : doc,
      quote: more.quote,
      ...withMentions(
        await mentionsOf(ctx, more.mentions, `${argument}.moreQuotes.mentions`, created),
      ),
    });
  }
  return {
    quotes,
    ...(newDocument ? { newDocument } : {}),
    ...(input.basis ? { basis: input.basis } : {}),
    ...(input.reasoning !== undefined && input.reasoning !== null
      ? { reasoning: input.reasoning }
      : {}),
  };
}

function withMentions(mentions: Record<string, string[]> | undefined) {
  return mentions ? { mentions } : {};
}

/** An entity a write targets: its key and label (NOT_FOUND when the id names none). */
export async function targetEntity(
  ctx: Context,
  id: string,
  label?: NodeLabel,
): Promise<{ key: string; label: NodeLabel } | null> {
  const [record] = await findByIds(ctx, [id], { argument: 'id', ...(label ? { label } : {}) });
  return record ? { key: record.key, label: record.label } : null;
}
