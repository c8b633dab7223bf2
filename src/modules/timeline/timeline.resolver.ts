import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../../common/graphql-errors';
import { DateScalar } from '../../common/scalars';
import type { Context } from '../../server/context';
import { citationsOf } from '../citation/citation.type';
import { citedDocumentProps } from '../planner/cited-documents';
import { displayName, type EntityRecord } from '../entity/entity.record';
import { idDescription, keysOfLookup, parseId } from '../node/node.lookup';
import { toObject } from '../node/node.registry';
import { Node } from '../node/node.interface';
import { detailsOf } from '../node/relation-details.type';
import { compareEntries, entriesOf, overlaps } from './timeline.entries';
import { factsOfCities, type ScopedFact } from './timeline.repository';
import { TimelineEntry, type TimelineKind } from './timeline.type';

const MAX_ENTRIES = 500;

/** The timeline entries of one fact (also the first and last dated facts of a city profile). */
export function toEntries(fact: ScopedFact): TimelineEntry[] {
  const element = fact.node ?? fact.rel!;
  // The documents read with the fact go to its citations and to those of its ends.
  const withDocuments = (record: EntityRecord) =>
    toObject(fact.documents ? { ...record, documents: fact.documents } : record) as unknown as Node;
  const base = fact.node
    ? {
        kind: fact.node.label,
        props: fact.node.props,
        subjectName: displayName(fact.node.key, fact.node.props),
      }
    : {
        kind: fact.rel!.type,
        props: fact.rel!.props,
        subjectName: displayName(fact.rel!.from.key, fact.rel!.from.props),
        objectName: displayName(fact.rel!.to.key, fact.rel!.to.props),
      };
  return entriesOf(base).map((entry) =>
    Object.assign(new TimelineEntry(), {
      date: { edtf: entry.edtf, earliest: entry.earliest, latest: entry.latest },
      kind: entry.kind as TimelineKind,
      text: entry.text,
      subject: withDocuments(fact.node ?? fact.rel!.from),
      object: fact.rel ? withDocuments(fact.rel.to) : null,
      relationship: fact.rel ? detailsOf(fact.rel.type, fact.rel.props) : null,
      cities: fact.cities,
      sources: citationsOf(element.props, fact.documents),
    }),
  );
}

@Resolver()
export class TimelineResolver {
  @Query(() => [TimelineEntry], {
    description: `Dated facts in order: units decided, set up and dissolved; posts taken, attested and left; programmes, participations and funding started and ended; conferences; decisions and signatures. Each entry has its date as the source states it and its quotes. Ordered by first possible day, the more precise date first. At most ${MAX_ENTRIES} entries.`,
  })
  async timeline(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('cityIds', () => [ID], {
      nullable: true,
      description: `${idDescription('Cities', 'City')} Their units, posts, programmes, participations and events (default: every city).`,
    })
    cityIds: string[] | null,
    @Arg('themes', () => [ID], {
      nullable: true,
      description:
        'Theme keys (e.g. "ageing"): only facts about a unit, programme or event addressing one of them or a narrower theme.',
    })
    themes: string[] | null,
    @Arg('from', () => DateScalar, {
      nullable: true,
      description: 'Only dates that may fall on or after this day.',
    })
    from: string | null,
    @Arg('to', () => DateScalar, {
      nullable: true,
      description: 'Only dates that may fall on or before this day.',
    })
    to: string | null,
    @Arg('first', () => Int, {
      defaultValue: 100,
      description: `How many entries at most (1–${MAX_ENTRIES}).`,
    })
    first: number,
  ): Promise<TimelineEntry[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_ENTRIES) {
      throw new BadUserInputError(`first must be between 1 and ${MAX_ENTRIES}`, 'first');
    }
    if (from && to && from > to) throw new BadUserInputError('from is after to', 'from');
    const parsed = cityIds?.map((id) => parseId(id, 'cityIds')) ?? null;
    // The cities' lookup, themes, range and `first` bound the facts in one statement; the entries
    // are made and ordered here.
    const { facts, cities } = await factsOfCities(ctx.db, {
      cityRefs: parsed?.map((p) => p.key) ?? null,
      themes: themes && themes.length > 0 ? themes : null,
      from: from ?? null,
      to: to ?? null,
      first,
      // The documents an entry's citations and its ends' show: in the same statement.
      documents: citedDocumentProps(info, [[], ['subject'], ['object']]),
    });
    // An id of no city is NOT_FOUND, an ambiguous one BAD_USER_INPUT.
    if (parsed) keysOfLookup(parsed, cities!, 'cityIds', 'City');
    return facts
      .flatMap(toEntries)
      .filter((entry) => overlaps(entry.date, from ?? null, to ?? null))
      .sort((a, b) => compareEntries(a.date, a.text, b.date, b.text))
      .slice(0, first);
  }
}
