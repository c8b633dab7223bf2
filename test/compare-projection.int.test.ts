import { seededApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/*
 * compareCities reads of the evidence's nodes, the cities, the row themes and the cited
 * documents only what the selection asks (the planner's rules, compare.selection.ts): every
 * field they can show must still have the value a whole read gives. The cost limit is lifted:
 * the selections below are wide on purpose.
 */

const api = seededApi({ limits: { maxCost: 1_000_000_000 } });
const SEED_CITIES = ['bochum', 'bremerhaven', 'castrop-rauxel'];

describe('compareCities', () => {
  it('reads of the evidence only what the selection asks, with the same values as a whole read', async () => {
    // Every field an evidence node can show, through fragments per type: the projection the
    // selection makes must give what `nodes(ids:)` gives from whole nodes.
    const DOCUMENT = `id key basis reasoning version title kind publisher author
      published { edtf earliest latest } publishedNote url language`;
    const COMMON = `id key basis reasoning sources { quote basis document { ${DOCUMENT} } }
      validity { certainFrom certainUntil possibleFrom possibleUntil timeless }`;
    const CITY = `${COMMON} version name ags agsNote kind altNames`;
    const UNIT = `name altNames kind germanKind decided { edtf earliest latest } established { edtf } version`;
    const THEME = 'labelEn labelDe topConcept';
    const NODE = `${COMMON} ... on OrgUnit { ${UNIT} }
      ... on Programme { name shortName level period { edtf } } ... on Person { name givenName familyName }
      ... on Event { name date { edtf } } ... on Theme { ${THEME} }`;
    const PARTS = [
      `units { node { ${NODE} } via { ${COMMON} ${THEME} } }`,
      `programmes { node { ${NODE} } }`,
      `posts { node { ${NODE} } unit { ${COMMON} ${UNIT} } }`,
      `events { node { ${NODE} } via { key } }`,
      `city { ${CITY} } sources { quote document { ${DOCUMENT} } }`,
      `units { sources { quote document { ${DOCUMENT} } } }`,
    ];
    const OUTSIDE = [
      `cities { ${CITY} } themes { ${COMMON} ${THEME} }`,
      `ranking { city { ${CITY} } tiedWith { ${CITY} } themes { ${COMMON} ${THEME} } }`,
      `rows { theme { ${COMMON} ${THEME} } }`,
    ];
    const documents = new Map<string, any>();
    const seen = new Map<string, any>();
    const visit = (value: any): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (value === null || typeof value !== 'object') return;
      if (typeof value.id === 'string' && 'publisher' in value) {
        expect(value).toEqual(documents.get(value.id) ?? value);
        documents.set(value.id, value);
      } else if (typeof value.id === 'string' && 'basis' in value) {
        expect([value.key, value]).toEqual([value.key, seen.get(value.id) ?? value]);
        seen.set(value.id, value);
      }
      Object.values(value).forEach(visit);
    };
    const selections = [...PARTS.map((part) => `rows { cells { ${part} } }`), ...OUTSIDE];
    for (const asOf of [null, '2020-12-31']) {
      for (const selection of selections) {
        const before = api().db.transactions;
        const result = await api().query(
          `query($ids: [ID!]!, $asOf: Date) { compareCities(ids: $ids, asOf: $asOf) { ${selection} } }`,
          { ids: SEED_CITIES, asOf },
        );
        expect(result.errors).toBeUndefined();
        expect(api().db.transactions - before).toBe(1);
        visit(result.data);
      }
    }
    expect([...seen.values()].map((n) => n.key)).toEqual(
      expect.arrayContaining([
        'ageing',
        'janina-kandt',
        'bochum-stabsstelle-leben-im-alter',
        ...SEED_CITIES,
      ]),
    );
    expect(documents.size).toBeGreaterThan(3);
    // These fields do not depend on the day (no relation among them), so a whole read without
    // one must give the same.
    // A city's `kind` and a unit's differ in type: the cities are read on their own.
    const cities = [...seen.values()].filter((n) => SEED_CITIES.includes(n.key));
    const others = [...seen.values()].filter((n) => !SEED_CITIES.includes(n.key));
    const whole = await api().query(
      `query($ids: [ID!]!, $cities: [ID!]!, $documents: [ID!]!) {
        nodes(ids: $ids) { ${NODE} }
        cities: nodes(ids: $cities) { ... on City { ${CITY} } }
        documents: nodes(ids: $documents) { ... on SourceDocument { ${DOCUMENT} } }
      }`,
      {
        ids: others.map((n) => n.id),
        cities: cities.map((n) => n.id),
        documents: [...documents.keys()],
      },
    );
    expect(whole.errors).toBeUndefined();
    expect(whole.data.nodes).toEqual(others);
    expect(whole.data.cities).toEqual(cities);
    expect(whole.data.documents).toEqual([...documents.values()]);
  });
});
