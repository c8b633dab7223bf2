import { DEFAULT_RESULT_CAPS } from '../../config';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { QueryTimeoutError } from '../../common/errors';
import { BadUserInputError } from '../../common/graphql-errors';
import { toGlobalId } from '../../common/global-id';
import type { RelationType } from '../../model/model';
import type { Context } from '../../server/context';
import { citationsOf } from '../citation/citation.type';
import { displayName } from '../entity/entity.record';
import { entityOfMatch, idDescription, keysOfLookup, parseId } from '../node/node.lookup';
import { toObject } from '../node/node.registry';
import { Node } from '../node/node.interface';
import { detailsOf } from '../node/relation-details.type';
import {
  MAX_HOPS,
  neighbourhoodByRef,
  PATH_TIMEOUT_MS,
  shortestPathsByRefs,
} from './paths.repository';
import { neighbourhoodRead, pathsRead } from './paths.selection';
import { GraphEdge, Neighbourhood, Path, PathStep, PHRASES, StepDirection } from './paths.types';

function timeLimited<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (error instanceof QueryTimeoutError) {
      throw new BadUserInputError(
        `the search ran past ${PATH_TIMEOUT_MS / 1000} s and was stopped; ask for fewer hops`,
        'maxHops',
      );
    }
    throw error;
  });
}

@Resolver()
export class PathsResolver {
  @Query(() => [Path], {
    description: `How two entities are connected: the shortest paths between them over any relationship, each step in plain words with its quotes. At most ${MAX_HOPS} hops; an empty list when they are not connected within maxHops.`,
  })
  async paths(
    @Ctx() ctx: Context,
    @Arg('from', () => ID, { description: idDescription('One entity') }) from: string,
    @Arg('to', () => ID, { description: idDescription('The other entity') }) to: string,
    @Arg('maxHops', () => Int, {
      defaultValue: 4,
      description: `Longest path to look for (1–${MAX_HOPS}).`,
    })
    maxHops: number,
    @Arg('first', () => Int, {
      defaultValue: 5,
      description: 'How many shortest paths at most (1–20).',
    })
    first: number,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Path[]> {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS) {
      throw new BadUserInputError(
        `maxHops must be between 1 and ${MAX_HOPS} (got ${maxHops})`,
        'maxHops',
      );
    }
    if (!Number.isInteger(first) || first < 1 || first > 20) {
      throw new BadUserInputError(`first must be between 1 and 20 (got ${first})`, 'first');
    }
    // Both ends' lookup, the paths and their cited documents: one statement.
    const ends = { from: parseId(from, 'from'), to: parseId(to, 'to') };
    const answer = await timeLimited(
      shortestPathsByRefs(
        ctx.db,
        { from: ends.from.key, to: ends.to.key },
        maxHops,
        first,
        pathsRead(info),
      ),
    );
    const fromKey = entityOfMatch(ends.from, answer.from, 'from').key;
    const toKey = entityOfMatch(ends.to, answer.to, 'to').key;
    if (fromKey === toKey) return [];
    if (answer.searched.from !== fromKey || answer.searched.to !== toKey) {
      // The statement's choice of ends and the lookup's rule must agree (see shortestPathsByRefs).
      throw new Error(`paths searched from ${answer.searched.from} to ${answer.searched.to}`);
    }
    return answer.paths.map((record) => {
      const nodes = record.nodes.map((n) => toObject(n));
      const steps = record.relationships.map((rel, i) => {
        const a = nodes[i]!;
        const b = nodes[i + 1]!;
        const forward = rel.startKey === a.key;
        const phrase = PHRASES[rel.type as RelationType] ?? rel.type;
        const [subject, object] = forward ? [a, b] : [b, a];
        return Object.assign(new PathStep(), {
          from: a as unknown as Node,
          to: b as unknown as Node,
          relationship: rel.type,
          direction: forward ? StepDirection.FORWARD : StepDirection.BACKWARD,
          text: `${displayName(subject.key, subject.record.props)} ${phrase} ${displayName(object.key, object.record.props)}`,
          details: detailsOf(rel.type, rel.props),
          sources: citationsOf(rel.props, answer.documents),
        });
      });
      return Object.assign(new Path(), { length: steps.length, steps });
    });
  }

  @Query(() => Neighbourhood, {
    description: `The entities within \`depth\` steps of one entity and the relationships between them, for a graph view, nearest first. Cut at the server's caps (by default ${DEFAULT_RESULT_CAPS.neighbourhoodNodes} nodes and ${DEFAULT_RESULT_CAPS.neighbourhoodEdges} edges); \`truncated\` says when.`,
  })
  async neighbourhood(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: idDescription('The centre') }) id: string,
    @Arg('depth', () => Int, { defaultValue: 1, description: 'How many steps out (1–3).' })
    depth: number,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Neighbourhood> {
    if (!Number.isInteger(depth) || depth < 1 || depth > 3) {
      throw new BadUserInputError(`depth must be between 1 and 3 (got ${depth})`, 'depth');
    }
    // The centre's lookup, the graph around it and the documents it cites: one statement.
    const parsed = parseId(id, 'id');
    const graph = await timeLimited(
      neighbourhoodByRef(
        ctx.db,
        parsed.key,
        depth,
        { maxNodes: ctx.caps.neighbourhoodNodes, maxEdges: ctx.caps.neighbourhoodEdges },
        neighbourhoodRead(info),
      ),
    );
    // An id of nothing is NOT_FOUND, an ambiguous one BAD_USER_INPUT.
    keysOfLookup([parsed], graph.lookup, 'id');
    const documents = graph.documents;
    const nodes = graph.nodes.map((n) => toObject(documents ? { ...n, documents } : n));
    const labelOf = new Map(graph.nodes.map((n) => [n.key, n.label]));
    const edges = graph.relationships.map((rel) =>
      Object.assign(new GraphEdge(), {
        from: toGlobalId(labelOf.get(rel.startKey) ?? 'Entity', rel.startKey),
        to: toGlobalId(labelOf.get(rel.endKey) ?? 'Entity', rel.endKey),
        relationship: rel.type,
        phrase: PHRASES[rel.type as RelationType] ?? rel.type,
        details: detailsOf(rel.type, rel.props),
        sources: citationsOf(rel.props, documents),
      }),
    );
    return Object.assign(new Neighbourhood(), {
      nodes: nodes as unknown as Node[],
      edges,
      truncated: graph.truncated,
    });
  }
}
