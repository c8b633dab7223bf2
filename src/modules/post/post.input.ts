import { ArgsType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { DateFilter, StringFilter, WHERE_INPUTS } from '../filter/filter.inputs';
import { SortDirection } from '../filter/order.inputs';
import type { ListArgs } from '../filter/list-args';
import { AS_OF_DESCRIPTION, AS_OF_MODE_DESCRIPTION, AsOfMode } from '../time/as-of.args';
import { BASIS_FILTER_DESCRIPTION, BasisFilter } from '../basis/basis';

/**
 * `PostWhere`: conditions on a post (a HOLDS_POST relationship) — its own fields, as in
 * RelationWhere, and its ends: the person, the unit or organisation it is in, and its city.
 */
@InputType({
  description:
    'Conditions on a post (who holds which post where); all given conditions must hold. Text and date conditions work as everywhere (StringFilter, DateFilter); a condition on a value a post does not have is false.',
})
export class PostWhere {
  @Field(() => StringFilter, {
    nullable: true,
    description:
      'Normalised role: HEAD, MAYOR, SOCIAL_AFFAIRS_EXECUTIVE, MANAGING_DIRECTOR or MEMBER.',
  })
  role?: StringFilter;

  @Field(() => StringFilter, {
    nullable: true,
    description: 'The title in the source\'s words (e.g. "Sozialdezernentin").',
  })
  roleTitle?: StringFilter;

  @Field(() => DateFilter, { nullable: true, description: 'Start of the post.' })
  since?: DateFilter;

  @Field(() => DateFilter, { nullable: true, description: 'End of the post.' })
  until?: DateFilter;

  @Field(() => DateFilter, {
    nullable: true,
    description: 'When a source shows the person in the post.',
  })
  attested?: DateFilter;

  @Field(() => WHERE_INPUTS.Person, { nullable: true, description: 'Who holds the post.' })
  person?: object;

  @Field(() => WHERE_INPUTS.City, {
    nullable: true,
    description:
      "The post's city: the city itself for a post in a city (a mayor's office), the unit's city (BELONGS_TO) for a post in a unit. Posts in organisations have no city and never match.",
  })
  city?: object;

  @Field(() => WHERE_INPUTS.OrgUnit, {
    nullable: true,
    description: 'The unit the post is in; only posts in units match.',
  })
  unit?: object;

  @Field(() => WHERE_INPUTS.Organisation, {
    nullable: true,
    description: 'The organisation the post is in; only posts in organisations match.',
  })
  organisation?: object;

  @Field(() => [PostWhere], { nullable: true, description: 'All of these conditions.' })
  AND?: PostWhere[];

  @Field(() => [PostWhere], { nullable: true, description: 'At least one of these conditions.' })
  OR?: PostWhere[];

  @Field(() => PostWhere, {
    nullable: true,
    description:
      'Not this condition. A condition on a missing value is false, so NOT matches posts without the value.',
  })
  NOT?: PostWhere;
}

export enum PostOrderField {
  person = 'person',
  role = 'role',
  roleTitle = 'roleTitle',
  since = 'since',
  until = 'until',
  attested = 'attested',
}

registerEnumType(PostOrderField, {
  name: 'PostOrderField',
  description:
    "Fields posts can be sorted by; dates sort by their first possible day; posts without a value come last in either direction. Ties are broken by the post's own id.",
  valuesConfig: {
    person: { description: "The person's key (the default order)." },
    role: { description: 'The normalised role.' },
    roleTitle: { description: "The title in the source's words." },
    since: { description: 'Start of the post.' },
    until: { description: 'End of the post.' },
    attested: { description: 'When a source shows the person in the post.' },
  },
});

@InputType({ description: "Sort order of the posts list; ties are broken by the post's id." })
export class PostOrder {
  @Field(() => PostOrderField, { description: 'The field to sort by.' })
  field!: PostOrderField;

  @Field(() => SortDirection, {
    defaultValue: SortDirection.ASC,
    description: 'ASC (default) or DESC.',
  })
  direction!: SortDirection;
}

/** The arguments of the root `posts` list: those of every root list, with PostWhere. */
@ArgsType()
export class PostListArgs implements ListArgs {
  @Field(() => PostWhere, {
    nullable: true,
    description: 'Conditions the posts must meet (role, title, dates, person, unit, city).',
  })
  where?: PostWhere | null;

  @Field(() => PostOrder, {
    nullable: true,
    description: "Sort order (default: by the person's key); ties are broken by the post's id.",
  })
  orderBy?: PostOrder | null;

  @Field(() => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor after which the page starts (`pageInfo.endCursor`).',
  })
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Page size counted back from `before` (at most 100).',
  })
  last?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor before which a backward page ends (`pageInfo.startCursor`).',
  })
  before?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: `${AS_OF_DESCRIPTION} For posts: held on that day, by a person and in a unit, city or organisation valid on it.`,
  })
  asOf?: string | null;

  @Field(() => AsOfMode, { nullable: true, description: AS_OF_MODE_DESCRIPTION })
  asOfMode?: AsOfMode | null;

  @Field(() => BasisFilter, {
    nullable: true,
    defaultValue: BasisFilter.ALL,
    description: `${BASIS_FILTER_DESCRIPTION} For posts: the post, the person, and the unit, city or organisation it is in.`,
  })
  basis?: BasisFilter | null;
}
