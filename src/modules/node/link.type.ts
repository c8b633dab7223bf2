import { Field, ObjectType, type ClassType } from 'type-graphql';
import { Citation, citationsOf } from '../citation/citation.type';
import type { RelatedRecord } from '../entity/entity.record';
import { toObject } from './node.registry';
import { RelationDetails, detailsOf } from './relation-details.type';
import { Basis, BASIS_DESCRIPTION, basisOf, REASONING_DESCRIPTION } from '../basis/basis';

/** A cited link to one node: the node at the other end and the quotes that state the relationship. */
export interface Link<T> {
  node: T;
  sources: Citation[];
  details: RelationDetails;
  basis: Basis;
  reasoning: string | null;
}

/** Concrete object types and the abstract Node interface alike. */
type TypeClass<T> = abstract new (...args: never[]) => T;

const made = new Map<TypeClass<unknown>, ClassType>();

/** The link type for a target type, e.g. `OrgUnitLink { node: OrgUnit!, sources: [Citation!]! }`. */
export function linkType<T extends object>(target: TypeClass<T>): ClassType<Link<T>> {
  const existing = made.get(target);
  if (existing) return existing as ClassType<Link<T>>;
  @ObjectType(`${target.name}Link`, {
    description: `A ${target.name} reached through a relationship, with the quotes that state the relationship.`,
  })
  class TypedLink {
    @Field(() => target, { description: `The ${target.name} at the other end.` })
    node!: T;

    @Field(() => [Citation], {
      description: 'The documents and quotes that state this relationship.',
    })
    sources!: Citation[];

    @Field(() => Basis, {
      description: `What the relationship rests on. ${BASIS_DESCRIPTION}`,
    })
    basis!: Basis;

    @Field(() => String, { nullable: true, description: REASONING_DESCRIPTION })
    reasoning!: string | null;

    @Field(() => RelationDetails, {
      description: 'What the relationship itself says: role, dates, status, description.',
    })
    details!: RelationDetails;
  }
  // Connections of links are named after the class (CityLinkConnection), so it carries the type's name.
  Object.defineProperty(TypedLink, 'name', { value: `${target.name}Link` });
  made.set(target, TypedLink);
  return TypedLink as ClassType<Link<T>>;
}

/**
 * A link as relation fields hand it out. Its `details` are made when first read: most
 * selections never ask for them, and they are the costliest part of a link to make.
 */
class LinkValue<T> implements Link<T> {
  readonly node: T;
  readonly sources: Citation[];
  readonly basis: Basis;
  readonly reasoning: string | null;
  private readonly rel: Record<string, unknown>;
  private made: RelationDetails | undefined;

  constructor(
    item: RelatedRecord,
    private readonly type: string,
  ) {
    this.node = toObject(item.node) as T;
    this.sources = citationsOf(item.rel, item.documents);
    const { basis, reasoning } = basisOf(item.rel);
    this.basis = basis;
    this.reasoning = reasoning;
    this.rel = item.rel;
  }

  get details(): RelationDetails {
    return (this.made ??= detailsOf(this.type, this.rel));
  }
}

export function toLink<T>(item: RelatedRecord, type: string): Link<T> {
  return new LinkValue<T>(item, type);
}
