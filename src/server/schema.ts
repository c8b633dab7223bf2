import 'reflect-metadata';
import { GraphQLObjectType, GraphQLSchema, printSchema, type GraphQLInterfaceType } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CitationResolver } from '../modules/citation/citation.resolver';
import '../modules/filter/filter.inputs';
import '../modules/filter/order.inputs';
import '../modules/filter/list-args';
import { connectionType } from '../modules/node/connection.type';
import { linkType } from '../modules/node/link.type';
import { Node, nodeTypename } from '../modules/node/node.interface';
import { Post } from '../modules/person/post.edge';
import { EventResolver } from '../modules/event/event.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { OBJECT_TYPES } from '../modules/node/node.registry';
import { OrganisationResolver } from '../modules/organisation/organisation.resolver';
import { OrgUnitResolver } from '../modules/org-unit/org-unit.resolver';
import { PersonResolver } from '../modules/person/person.resolver';
import { ProgrammeResolver } from '../modules/programme/programme.resolver';
import { PathsResolver } from '../modules/paths/paths.resolver';
import { PostResolver } from '../modules/post/post.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { SourceDocumentResolver } from '../modules/source-document/source-document.resolver';
import {
  CityResolver,
  DistrictResolver,
  StateResolver,
  CountyResolver,
  VenueResolver,
} from '../modules/territory/territory.resolver';
import { ThemeResolver } from '../modules/theme/theme.resolver';
import { TimelineResolver } from '../modules/timeline/timeline.resolver';
import { BucketKeyResolver, StatsBucketResolver } from '../modules/stats/bucket.resolver';
import { StatsResolver } from '../modules/stats/stats.resolver';
import { CompareResolver } from '../modules/compare/compare.resolver';
import { bindRelationResolvers, RELATION_RESOLVERS } from '../modules/relation/relation.resolver';
import { ApiKeyResolver } from '../modules/auth/api-key.resolver';
import { PrincipalResolver } from '../modules/auth/principal.resolver';
import { CurationResolver } from '../modules/curation/curation.resolver';
import { ChangeResolver, ReviewResolver } from '../modules/curation/review.resolver';
import { CitedQuoteResolver, HistoryResolver } from '../modules/curation/history.resolver';

export const RESOLVERS = [
  NodeResolver,
  CitationResolver,
  CityResolver,
  DistrictResolver,
  StateResolver,
  CountyResolver,
  VenueResolver,
  OrgUnitResolver,
  PersonResolver,
  ProgrammeResolver,
  OrganisationResolver,
  ThemeResolver,
  SourceDocumentResolver,
  EventResolver,
  SearchResolver,
  PathsResolver,
  TimelineResolver,
  StatsResolver,
  StatsBucketResolver,
  BucketKeyResolver,
  CompareResolver,
  PostResolver,
  PrincipalResolver,
  ApiKeyResolver,
  ...RELATION_RESOLVERS,
  CurationResolver,
  ReviewResolver,
  ChangeResolver,
  HistoryResolver,
  CitedQuoteResolver,
] as const;

// type-graphql reads decorator metadata when the schema is built; generic types made lazily
// inside field thunks would register too late, so every connection and link type exists first.
for (const type of Object.values(OBJECT_TYPES) as unknown as (new () => object)[]) {
  connectionType(type);
  connectionType(linkType(type));
}
connectionType(linkType(Node));
connectionType(Post);

const QUERY_DESCRIPTION =
  'Entry points into the graph of German municipal social policy: lists of each kind of entity, and any entity by its global id. Every entity and every relationship carries `sources`: the document and the verbatim quote that state it.';

const MUTATION_DESCRIPTION =
  "Writes: curating the graph (create, update and retire every kind of entity and relationship, each write with its citation; review proposals) and managing API keys. Each needs a credential (`Authorization: Bearer <API key or JWT>`) whose role allows it (see Role): UNAUTHENTICATED without one, FORBIDDEN for a role too low. An editor's write applies at once, a contributor's becomes a proposal. Every applied change is recorded (`history`, `recentChanges`). Answers to writes are never cached.";

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    // Every node type is part of the contract, even one no field returns by its own type yet.
    orphanedTypes: Object.values(OBJECT_TYPES) as unknown as (new () => object)[],
    validate: false,
  });
  // type-graphql has no option for the root types' descriptions.
  const config = schema.toConfig();
  const query = new GraphQLObjectType({
    ...config.query!.toConfig(),
    description: QUERY_DESCRIPTION,
  });
  const mutation = config.mutation
    ? new GraphQLObjectType({ ...config.mutation.toConfig(), description: MUTATION_DESCRIPTION })
    : undefined;
  const app = new GraphQLSchema({
    ...config,
    query,
    mutation,
    types: config.types.map((t) =>
      t.name === 'Query' ? query : t.name === 'Mutation' && mutation ? mutation : t,
    ),
  });
  bindRelationResolvers(app);
  // type-graphql wraps a resolveType in an async function, so every field typed `Node` (a
  // participation's programme, a funder) answered with a promise and made graphql-js build the
  // whole answer around it the slow way; the type is known at once.
  (app.getType('Node') as GraphQLInterfaceType).resolveType = nodeTypename;
  return app;
}

/** The checked-in contract `schema/schema.graphql`. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(await buildAppSchema())}\n`;
}
