import 'reflect-metadata';
import { Arg, Ctx, ID, Int, Mutation, Resolver, type ClassType } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../../common/graphql-errors';
import {
  NODE_LABELS,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  type NodeLabel,
  type RelationType,
} from '../../model/model';
import type { Context } from '../../server/context';
import { parseId } from '../node/node.lookup';
import { lastWithdrawal } from './change-log.repository';
import {
  CitationInput,
  ENTITY_CREATE_INPUTS,
  ENTITY_UPDATE_INPUTS,
  LinkInput,
  pascalType,
  RELATION_CREATE_INPUTS,
  RELATION_UPDATE_INPUTS,
  RetireReason,
} from './curation.input';
import { readRelations } from './curation.repository';
import { requireWriter } from './curation.roles';
import { writeResult } from './curation-result';
import { CurationResult } from './history.type';
import { submitWrite } from './curation.service';
import { relationKey } from './write-slice';
import { citationOf, inputFields, keyOf, newEntityKey, targetEntity } from './write-args';
import type { WriteRequest } from './write-request';

/**
 * The write mutations, made from the model like the read fields: for every label `create<Label>`
 * and `update<Label>`, for every relationship type `create<Type>` (and `update<Type>` where it has
 * fields), and `retireEntity` / `retireRelation` for all. Each needs a credential: an editor's
 * write applies at once, a contributor's becomes a proposal in the review queue.
 */

const ROLES =
  "Needs a credential: an editor's write applies at once, a contributor's becomes a proposal. Refused with every problem (`extensions.problems`) when the seed importer's rules fail.";

interface ArgSpec {
  name: string;
  type: () => unknown;
  nullable?: boolean;
  description: string;
}

/** Adds one mutation to the resolver class; decorators are applied as functions (made in a loop). */
function addMutation(
  target: ClassType,
  name: string,
  description: string,
  args: ArgSpec[],
  handler: (ctx: Context, values: Record<string, unknown>) => Promise<CurationResult>,
): void {
  const method = function (ctx: Context, ...values: unknown[]): Promise<CurationResult> {
    // Reads stay anonymous; a write without a credential stops here, before any lookup.
    requireWriter(ctx.principal);
    return handler(ctx, Object.fromEntries(args.map((a, i) => [a.name, values[i]])));
  };
  Object.defineProperty(target.prototype, name, {
    value: method,
    writable: true,
    configurable: true,
  });
  const proto = target.prototype as object;
  Reflect.defineMetadata('design:paramtypes', [Object, ...args.map(() => Object)], proto, name);
  Ctx()(proto, name, 0);
  args.forEach((a, i) =>
    Arg(a.name, a.type as () => ClassType, {
      nullable: a.nullable ?? false,
      description: a.description,
    })(proto, name, i + 1),
  );
  Mutation(() => CurationResult, { description: `${description} ${ROLES}` })(
    proto,
    name,
    Object.getOwnPropertyDescriptor(target.prototype, name)!,
  );
}

function env(ctx: Context) {
  return { db: ctx.db, principal: ctx.principal, ...ctx.curation };
}

async function run(ctx: Context, request: WriteRequest, entity?: string): Promise<CurationResult> {
  const outcome = await submitWrite(env(ctx), request);
  return writeResult(ctx, outcome, entity);
}

const citationArg = (nullable = false, description?: string): ArgSpec => ({
  name: 'citation',
  type: () => CitationInput,
  nullable,
  description: description ?? 'The source document and the verbatim quote that state the write.',
});
const versionArg: ArgSpec = {
  name: 'version',
  type: () => Int,
  description:
    'The version the write was made on (`version` as read); a stale one is refused with STALE_VERSION.',
};

/** The key an update names: what the id resolves to, or as typed (a withdrawn fact is reported then). */
async function updateKey(ctx: Context, id: string, label: NodeLabel): Promise<string> {
  const found = await targetEntity(ctx, id, label);
  if (found) return found.key;
  const parsed = parseId(id, 'id');
  if (parsed.kind === 'global' && parsed.type !== label) {
    throw new NotFoundError(`no ${label} with id "${id}"`);
  }
  return parsed.key;
}

function addEntityMutations(target: ClassType, label: NodeLabel): void {
  const isDocument = label === 'SourceDocument';
  addMutation(
    target,
    `create${label}`,
    `Adds a ${label}${isDocument ? ' with its text (kept to check quotes against, never served); it cites its own title, verbatim in the text, and the quotes of `citation`' : ''}. \`links\` creates its relationships in the same write (a unit needs its BELONGS_TO).`,
    [
      { name: 'input', type: () => ENTITY_CREATE_INPUTS[label], description: `The new ${label}.` },
      citationArg(
        isDocument,
        isDocument ? 'More quotes from the new document (or another one).' : undefined,
      ),
      {
        name: 'links',
        type: () => [LinkInput],
        nullable: true,
        description: 'Relationships of the new entity, citing the same quotes.',
      },
    ],
    async (ctx, values) => {
      const input = values.input as Record<string, unknown>;
      const key = newEntityKey(label, input, 'input');
      const created = new Set([key]);
      const citation = values.citation
        ? await citationOf(ctx, values.citation as CitationInput, created)
        : { quotes: [] };
      const links = [];
      for (const link of (values.links as LinkInput[] | null) ?? []) {
        links.push({
          type: link.type,
          other: await keyOf(ctx, link.other, 'links.other', created),
          direction: link.direction,
          ...(link.key ? { key: link.key } : {}),
        });
      }
      let text: string | undefined;
      if (isDocument) {
        text = typeof input.text === 'string' ? input.text : '';
        if (text.trim() === '') {
          throw new BadUserInputError('a new source document needs its `text`', 'input.text');
        }
      }
      return run(
        ctx,
        {
          action: 'CREATE',
          kind: 'ENTITY',
          type: label,
          key,
          fields: inputFields(input, ['key', 'text']),
          links,
          citation,
          ...(text !== undefined ? { text } : {}),
        },
        key,
      );
    },
  );
  addMutation(
    target,
    `update${label}`,
    `Changes fields of a ${label}: only those given in \`set\` change (null removes one); the citation backs the new values and joins the fact's citations.`,
    [
      { name: 'id', type: () => ID, description: `The ${label}: global id or key.` },
      versionArg,
      {
        name: 'set',
        type: () => ENTITY_UPDATE_INPUTS[label],
        description: 'The fields to change.',
      },
      citationArg(),
    ],
    async (ctx, values) => {
      const key = await updateKey(ctx, values.id as string, label);
      return run(
        ctx,
        {
          action: 'UPDATE',
          kind: 'ENTITY',
          type: label,
          key,
          version: values.version as number,
          set: inputFields(values.set as object),
          citation: await citationOf(ctx, values.citation as CitationInput, new Set()),
        },
        key,
      );
    },
  );
}

function addRelationMutations(target: ClassType, type: RelationType): void {
  const name = pascalType(type);
  const createInput = RELATION_CREATE_INPUTS[type];
  const updateInput = RELATION_UPDATE_INPUTS[type];
  const { from, to } = RELATION_TYPES[type];
  addMutation(
    target,
    `create${name}`,
    `Adds a ${type} relationship (${from.join(', ')} → ${to.join(', ')}): ${RELATION_TYPES[type].doc}`,
    [
      { name: 'from', type: () => ID, description: 'Where it starts: global id or key (or AGS).' },
      { name: 'to', type: () => ID, description: 'Where it ends: global id or key (or AGS).' },
      {
        name: 'key',
        type: () => String,
        nullable: true,
        description:
          'Its id; default "<from>~<TYPE>~<to>" (give one for a second relationship of the same ends and type).',
      },
      ...(createInput
        ? [
            {
              name: 'input',
              type: () => createInput,
              nullable: true,
              description: 'Its properties.',
            },
          ]
        : []),
      citationArg(),
    ],
    async (ctx, values) => {
      const created = new Set<string>();
      const [fromKey, toKey] = [
        await keyOf(ctx, values.from as string, 'from', created),
        await keyOf(ctx, values.to as string, 'to', created),
      ];
      return run(ctx, {
        action: 'CREATE',
        kind: 'RELATION',
        type,
        key: relationKey(fromKey, type, toKey, values.key as string | null),
        from: fromKey,
        to: toKey,
        fields: inputFields(values.input as object | null),
        citation: await citationOf(ctx, values.citation as CitationInput, created),
      });
    },
  );
  if (!updateInput) return;
  addMutation(
    target,
    `update${name}`,
    `Changes properties of a ${type} relationship: only those given in \`set\` change (null removes one).`,
    [
      { name: 'id', type: () => String, description: "The relationship's id (`relationId`)." },
      versionArg,
      { name: 'set', type: () => updateInput, description: 'The properties to change.' },
      citationArg(),
    ],
    async (ctx, values) =>
      run(ctx, {
        action: 'UPDATE',
        kind: 'RELATION',
        type,
        key: values.id as string,
        version: values.version as number,
        set: inputFields(values.set as object),
        citation: await citationOf(ctx, values.citation as CitationInput, new Set()),
      }),
  );
}

const retireArgs = (what: string): ArgSpec[] => [
  versionArg,
  {
    name: 'reason',
    type: () => RetireReason,
    description: `ENDED: the ${what} was true and has ended (give \`ended\` and a citation that dates it); WITHDRAWN: it was wrong (give a \`note\`).`,
  },
  {
    name: 'ended',
    type: () => String,
    nullable: true,
    description:
      "For ENDED: when it ended (EDTF), set as its end date (a unit's `dissolved`, a post's `until`, the end of a `period`).",
  },
  {
    name: 'note',
    type: () => String,
    nullable: true,
    description: 'For WITHDRAWN: why it was wrong.',
  },
  citationArg(true, 'The quote that states the end (required for ENDED), or shows the fact wrong.'),
];

/** The retire request: an end date with its citation, or a withdrawal with its note. */
async function retireRequest(
  ctx: Context,
  target: { kind: 'ENTITY' | 'RELATION'; type: string; key: string },
  values: Record<string, unknown>,
): Promise<WriteRequest> {
  const version = values.version as number;
  const citationInput = values.citation as CitationInput | null;
  if (values.reason === RetireReason.ENDED) {
    if (typeof values.ended !== 'string' || !citationInput) {
      throw new BadUserInputError(
        'ENDED needs `ended` (EDTF) and a `citation` that states it',
        'ended',
      );
    }
    const citation = await citationOf(ctx, citationInput, new Set());
    return { ...target, action: 'END', version, ended: values.ended, citation };
  }
  const note = typeof values.note === 'string' ? values.note.trim() : '';
  if (note === '')
    throw new BadUserInputError('WITHDRAWN needs a `note` saying why the fact was wrong', 'note');
  if (values.ended !== undefined && values.ended !== null) {
    throw new BadUserInputError(
      '`ended` belongs to ENDED; a withdrawn fact was never true',
      'ended',
    );
  }
  return {
    ...target,
    action: 'WITHDRAW',
    version,
    note,
    ...(citationInput ? { citation: await citationOf(ctx, citationInput, new Set()) } : {}),
  };
}

async function withdrawnMessage(ctx: Context, what: string, key: string): Promise<NotFoundError> {
  const change = await ctx.db.executeRead((tx) => lastWithdrawal(tx, key));
  const since = change
    ? `; it was withdrawn at ${change.at} by ${change.author.name} (${change.note ?? 'no reason given'})`
    : '';
  return new NotFoundError(`no ${what} with key "${key}"${since}`);
}

function addRetireMutations(target: ClassType): void {
  addMutation(
    target,
    'retireEntity',
    'Retires an entity of any label: ENDED gives it its end date; WITHDRAWN takes it (and its relationships) out of the graph, kept in its history.',
    [
      { name: 'id', type: () => ID, description: 'The entity: global id or key.' },
      ...retireArgs('entity'),
    ],
    async (ctx, values) => {
      const id = values.id as string;
      const found = await targetEntity(ctx, id);
      if (!found) throw await withdrawnMessage(ctx, 'entity', parseId(id, 'id').key);
      const request = await retireRequest(
        ctx,
        { kind: 'ENTITY', type: found.label, key: found.key },
        values,
      );
      return run(ctx, request, request.action === 'END' ? found.key : undefined);
    },
  );
  addMutation(
    target,
    'retireRelation',
    'Retires a relationship of any type: ENDED gives it its end date; WITHDRAWN takes it out of the graph, kept in its history.',
    [
      { name: 'id', type: () => String, description: "The relationship's id (`relationId`)." },
      ...retireArgs('relationship'),
    ],
    async (ctx, values) => {
      const id = values.id as string;
      const found = (await ctx.db.executeRead((tx) => readRelations(tx, [id]))).get(id);
      if (!found) throw await withdrawnMessage(ctx, 'relationship', id);
      return run(
        ctx,
        await retireRequest(ctx, { kind: 'RELATION', type: found.type, key: id }, values),
      );
    },
  );
}

/** The resolver class with every write mutation of the model. */
export class CurationResolver {}
for (const label of NODE_LABELS) addEntityMutations(CurationResolver, label);
for (const type of RELATION_TYPE_NAMES) addRelationMutations(CurationResolver, type);
addRetireMutations(CurationResolver);
Resolver()(CurationResolver);
