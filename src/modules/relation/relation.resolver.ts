import 'reflect-metadata';
import { Args, Ctx, FieldResolver, Info, Resolver, Root, type ClassType } from 'type-graphql';
import type { GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { NODE_LABELS, type NodeLabel } from '../../model/model';
import {
  isPolymorphic,
  relationFieldsOf,
  type RelationField,
  type RelationShape,
} from '../../model/relations';
import type { Context } from '../../server/context';
import { connectionType } from '../node/connection.type';
import type { EntityObject } from '../node/entity-object';
import { linkType } from '../node/link.type';
import { Node } from '../node/node.interface';
import { OBJECT_TYPES } from '../node/node.registry';
import { Post } from '../person/post.edge';
import { Participation, ProgrammeFunding } from '../programme/participation.edge';
import { relationArgs } from './relation.args';
import { resolveRelation, type RelationArgs } from './relation.field';

/** The class of one item: a link to the far end's type (or Node), or an edge object. */
function itemClass(field: RelationField): ClassType {
  switch (field.view) {
    case 'post':
      return Post;
    case 'participation':
      return Participation;
    case 'funding':
      return ProgrammeFunding;
    default:
      return linkType(
        isPolymorphic(field) ? Node : (OBJECT_TYPES[field.to[0]!] as unknown as ClassType),
      ) as ClassType;
  }
}

function outputType(field: RelationField, shape: RelationShape): () => unknown {
  const item = itemClass(field);
  if (shape === 'one') return () => item;
  if (shape === 'list') return () => [item];
  // Made now, not in the thunk: type-graphql must see every object type before it builds.
  const connection = connectionType(item);
  return () => connection;
}

/**
 * Adds one relation field to a resolver class. Decorators are applied as functions because the
 * fields are made in a loop from the table.
 */
function addField(
  target: ClassType,
  field: RelationField,
  shape: RelationShape,
  name: string,
  description: string,
): void {
  const item = itemClass(field);
  const method = function (
    root: EntityObject,
    ctx: Context,
    args: RelationArgs,
    info: GraphQLResolveInfo,
  ): unknown {
    return resolveRelation(ctx, root, field, shape, args, info, item);
  };
  Object.defineProperty(target.prototype, name, {
    value: method,
    writable: true,
    configurable: true,
  });
  const descriptor = Object.getOwnPropertyDescriptor(target.prototype, name)!;
  const proto = target.prototype as object;
  Reflect.defineMetadata('design:paramtypes', [Object, Object, Object, Object], proto, name);
  Root()(proto, name, 0);
  Ctx()(proto, name, 1);
  const argsType = relationArgs(field, shape);
  Args(() => argsType)(proto, name, 2);
  Info()(proto, name, 3);
  FieldResolver(outputType(field, shape) as () => ClassType, {
    nullable: shape === 'one',
    description,
  })(proto, name, descriptor);
}

function relationResolver(label: NodeLabel): ClassType {
  const resolver = class {};
  Object.defineProperty(resolver, 'name', { value: `${label}RelationResolver` });
  for (const field of relationFieldsOf(label)) {
    addField(resolver, field, field.shape, field.name, field.doc);
    if (field.alsoConnection) {
      addField(
        resolver,
        field,
        'connection',
        `${field.name}Connection`,
        `${field.doc} Paged, with totalCount.`,
      );
    }
  }
  Resolver(() => OBJECT_TYPES[label] as unknown as ClassType)(resolver);
  return resolver;
}

/** One resolver class per label with relation fields, generated from the relationship table. */
export const RELATION_RESOLVERS: ClassType[] = NODE_LABELS.filter(
  (label) => relationFieldsOf(label).length > 0,
).map(relationResolver);

/**
 * Points every generated relation field of the built schema at `resolveRelation` directly.
 * type-graphql runs a resolver with arguments through its parameter pipeline, whose argument
 * validation is always asynchronous: every relation field of every parent would answer with a
 * promise, even when the planner has its items at hand, and the executor would then build the
 * whole answer the slow, promise-by-promise way. The arguments are graphql-js's own coerced
 * values, as the planner reads them too (`getArgumentValues`).
 */
export function bindRelationResolvers(schema: GraphQLSchema): void {
  for (const label of NODE_LABELS) {
    const type = schema.getType(label) as GraphQLObjectType | undefined;
    if (!type) continue;
    const fields = type.getFields();
    for (const field of relationFieldsOf(label)) {
      const item = itemClass(field);
      const bind = (name: string, shape: RelationShape) => {
        const definition = fields[name];
        if (!definition) throw new Error(`the schema has no field ${label}.${name}`);
        definition.resolve = (root, args, ctx, info) =>
          resolveRelation(
            ctx as Context,
            root as EntityObject,
            field,
            shape,
            args as RelationArgs,
            info,
            item,
          );
      };
      bind(field.name, field.shape);
      if (field.alsoConnection) bind(`${field.name}Connection`, 'connection');
    }
  }
}
