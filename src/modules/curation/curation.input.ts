import { Field, Float, ID, InputType, Int, registerEnumType, type ClassType } from 'type-graphql';
import {
  NODE_LABELS,
  NODE_TYPES,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
  type FieldSpec,
  type NodeLabel,
  type RelationType,
} from '../../model/model';
import { Basis } from '../basis/basis';

/**
 * The write inputs, made from the model: per label `<Label>CreateInput` and `<Label>UpdateInput`,
 * per relationship type with fields `<Type>CreateInput` and `<Type>UpdateInput` (HOLDS_POST →
 * HoldsPost), each field with the model's description. Every field is optional in the schema:
 * the seed importer's rules decide what is missing or wrong, with its own messages.
 */

/** HOLDS_POST → HoldsPost: the name part of a relationship type's inputs and mutations. */
export function pascalType(type: RelationType): string {
  return type
    .toLowerCase()
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** Fields no write sets: where the seed importer found a document's text. */
const DERIVED: Record<string, readonly string[]> = { SourceDocument: ['file'] };

function graphqlType(spec: FieldSpec): () => unknown {
  switch (spec.type) {
    case 'string[]':
      return () => [String];
    case 'int':
      return () => Int;
    case 'number':
      return () => Float;
    case 'boolean':
      return () => Boolean;
    default:
      return () => String;
  }
}

function describeField(spec: FieldSpec, update: boolean): string {
  const parts = [spec.doc];
  if (spec.type === 'enum') parts.push(`One of ${spec.values?.join(', ')}.`);
  if (spec.type === 'edtf') parts.push('EDTF, as in the seeds (e.g. "2020-11", "2021/2024-12~").');
  if (spec.pattern) parts.push(`Matches ${String(spec.pattern)}.`);
  if (spec.required) parts.push(update ? 'Required: cannot be removed.' : 'Required.');
  else if (update) parts.push('null removes it.');
  return parts.join(' ');
}

function makeInput(
  name: string,
  description: string,
  fields: Record<string, FieldSpec>,
  update: boolean,
  extra: (target: ClassType) => void = () => undefined,
): ClassType {
  const input = class {};
  Object.defineProperty(input, 'name', { value: name });
  extra(input);
  for (const [field, spec] of Object.entries(fields)) {
    Field(graphqlType(spec) as () => ClassType, {
      nullable: true,
      description: describeField(spec, update),
    })(input.prototype, field);
  }
  InputType(name, { description })(input);
  return input;
}

function writableFields(label: NodeLabel): Record<string, FieldSpec> {
  const fields: Record<string, FieldSpec> = { ...NODE_TYPES[label].fields };
  for (const derived of DERIVED[label] ?? []) delete fields[derived];
  return fields;
}

export const ENTITY_CREATE_INPUTS = {} as Record<NodeLabel, ClassType>;
export const ENTITY_UPDATE_INPUTS = {} as Record<NodeLabel, ClassType>;

for (const label of NODE_LABELS) {
  ENTITY_CREATE_INPUTS[label] = makeInput(
    `${label}CreateInput`,
    `A new ${label}: ${NODE_TYPES[label].doc}`,
    writableFields(label),
    false,
    (input) => {
      Field(() => String, {
        nullable: true,
        description: `The readable key: lower-case letters, digits and hyphens, unique in the graph. Default: made from the ${NODE_TYPES[label].nameField} ("Stabsstelle für Senioren" → "stabsstelle-fuer-senioren").`,
      })(input.prototype, 'key');
      if (label === 'SourceDocument') {
        Field(() => String, {
          nullable: true,
          description:
            'The full text of the document, which quotes are checked against. Kept for that, never served: only the metadata and the quotes are. Required.',
        })(input.prototype, 'text');
      }
    },
  );
  ENTITY_UPDATE_INPUTS[label] = makeInput(
    `${label}UpdateInput`,
    `Fields of a ${label} to change: only those given change; null removes a field.`,
    writableFields(label),
    true,
  );
}

export const RELATION_CREATE_INPUTS = {} as Partial<Record<RelationType, ClassType>>;
export const RELATION_UPDATE_INPUTS = {} as Partial<Record<RelationType, ClassType>>;

for (const type of RELATION_TYPE_NAMES) {
  const fields: Record<string, FieldSpec> = RELATION_TYPES[type].fields;
  if (Object.keys(fields).length === 0) continue;
  RELATION_CREATE_INPUTS[type] = makeInput(
    `${pascalType(type)}CreateInput`,
    `The properties of a new ${type} relationship: ${RELATION_TYPES[type].doc}`,
    fields,
    false,
  );
  RELATION_UPDATE_INPUTS[type] = makeInput(
    `${pascalType(type)}UpdateInput`,
    `Properties of a ${type} relationship to change: only those given change; null removes one.`,
    fields,
    true,
  );
}

/** The relationship types of the model, for links made with a new entity. */
export const RelationTypeName = Object.fromEntries(
  RELATION_TYPE_NAMES.map((t) => [t, t]),
) as Record<RelationType, RelationType>;
registerEnumType(RelationTypeName, {
  name: 'RelationTypeName',
  description: 'A relationship type of the graph model.',
  valuesConfig: Object.fromEntries(
    RELATION_TYPE_NAMES.map((t) => [t, { description: RELATION_TYPES[t].doc }]),
  ),
});

export enum LinkDirection {
  OUT = 'OUT',
  IN = 'IN',
}
registerEnumType(LinkDirection, {
  name: 'LinkDirection',
  description: 'Which end of a link the new entity is.',
  valuesConfig: {
    OUT: {
      description: 'The new entity is where the relationship starts (a unit BELONGS_TO a city).',
    },
    IN: { description: 'The new entity is where it ends (a city OPERATES the new unit).' },
  },
});

export enum RetireReason {
  ENDED = 'ENDED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(RetireReason, {
  name: 'RetireReason',
  description: 'Why a fact is retired.',
  valuesConfig: {
    ENDED: {
      description:
        'It was true and has ended: it gets its end date (`ended`, EDTF) and stays in the graph; `asOf` after that day no longer shows it.',
    },
    WITHDRAWN: {
      description:
        'It was wrong: it leaves the graph (every read stops showing it) and lives on in its history, with the `note` saying why.',
    },
  },
});

@InputType({
  description:
    'Words of a quote that stand for an entity it does not name (a pronoun, a short form).',
})
export class MentionInput {
  @Field(() => ID, {
    description: 'The entity: global id or key (also the key of an entity this write creates).',
  })
  entity!: string;
  @Field(() => [String], { description: 'The words, each verbatim in the quote.' })
  words!: string[];
}

@InputType({ description: 'One more quote backing the same fact.' })
export class QuoteInput {
  @Field(() => ID, {
    nullable: true,
    description: "The document it is from: global id or key. Default: the citation's document.",
  })
  document?: string;
  @Field({
    description: 'Verbatim text of the document, one sentence or less (at most 300 characters).',
  })
  quote!: string;
  @Field(() => [MentionInput], { nullable: true, description: 'Words standing for an entity.' })
  mentions?: MentionInput[];
}

@InputType({
  description:
    "The citation every write carries, checked as the seed importer checks it: a source document (one in the graph, or a new one with its text) and a verbatim quote of one sentence or less. A STATED relationship's quotes must name both ends; every date of a STATED fact must be written in a quote.",
})
export class CitationInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A source document in the graph: global id or key. Give this or `newDocument`.',
  })
  document?: string;
  @Field(() => ENTITY_CREATE_INPUTS.SourceDocument, {
    nullable: true,
    description:
      'A new source document: its metadata and its text (kept to check quotes against, never served). It cites its own title, which must be verbatim in the text.',
  })
  newDocument?: Record<string, unknown>;
  @Field({
    description: 'Verbatim text of the document, one sentence or less (at most 300 characters).',
  })
  quote!: string;
  @Field(() => [MentionInput], {
    nullable: true,
    description: 'Words of the quote standing for an entity it does not name.',
  })
  mentions?: MentionInput[];
  @Field(() => [QuoteInput], { nullable: true, description: 'More quotes backing the fact.' })
  moreQuotes?: QuoteInput[];
  @Field(() => Basis, {
    nullable: true,
    description:
      "The fact's basis: STATED (the quote says it; the default for a new fact), INFERRED (with `reasoning`) or EDITORIAL (the project's vocabulary). An update keeps the fact's basis unless this is given.",
  })
  basis?: Basis;
  @Field(() => String, {
    nullable: true,
    description: 'One line on why the quotes support an INFERRED fact (at most 240 characters).',
  })
  reasoning?: string;
}

@InputType({
  description: 'A relationship created together with a new entity, citing the same quotes.',
})
export class LinkInput {
  @Field(() => RelationTypeName, { description: 'The relationship type.' })
  type!: RelationType;
  @Field(() => ID, { description: 'The entity at the other end: global id or key (or AGS).' })
  other!: string;
  @Field(() => LinkDirection, {
    defaultValue: LinkDirection.OUT,
    description: 'Whether the new entity is the start (OUT, the default) or the end (IN).',
  })
  direction!: LinkDirection;
  @Field(() => String, {
    nullable: true,
    description: 'The relationship\'s id; default "<from>~<TYPE>~<to>".',
  })
  key?: string;
}
