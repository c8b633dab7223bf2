import { seededApi } from './api';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

/*
 * compareCities reads of the evidence's nodes only what the selection asks (the planner's
 * rules, compare.selection.ts): every field an evidence node can show must still have the value
 * a whole read gives. The cost limit is lifted: the selection below is wide on purpose.
 */

const api = seededApi({ limits: { maxCost: 1_000_000_000 } });
const SEED_CITIES = ['bochum', 'bremerhaven', 'castrop-rauxel'];

describe('compareCities', () => {
  it('reads of the evidence only what the selection asks, with the same values as a whole read', async () => {
    // Every field an evidence node can show, through fragments per type: the projection the
    // selection makes must give what `nodes(ids:)` gives from whole nodes.
    const COMMON = `id key basis reasoning sources { quote basis document { key title } }
      validity { certainFrom certainUntil possibleFrom possibleUntil timeless }`;
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
    ];
    const seen = new Map<string, any>();
    const visit = (value: any): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (value === null || typeof value !== 'object') return;
      if (typeof value.id === 'string' && 'basis' in value) {
        expect([value.key, value]).toEqual([value.key, seen.get(value.id) ?? value]);
        seen.set(value.id, value);
      }
      Object.values(value).forEach(visit);
    };
    for (const asOf of [null, '2020-12-31']) {
      for (const part of PARTS) {
        const before = api().db.transactions;
        const result = await api().query(
          `query($ids: [ID!]!, $asOf: Date) { compareCities(ids: $ids, asOf: $asOf) { rows { cells { ${part} } } } }`,
          { ids: SEED_CITIES, asOf },
        );
        expect(result.errors).toBeUndefined();
        expect(api().db.transactions - before).toBe(1);
        visit(result.data);
      }
    }
    expect([...seen.values()].map((n) => n.key)).toEqual(
      expect.arrayContaining(['ageing', 'janina-kandt', 'bochum-stabsstelle-leben-im-alter']),
    );
    // These fields do not depend on the day (no relation among them), so a whole read without
    // one must give the same.
    const whole = await api().query(`query($ids: [ID!]!) { nodes(ids: $ids) { ${NODE} } }`, {
      ids: [...seen.keys()],
    });
    expect(whole.errors).toBeUndefined();
    expect(whole.data.nodes).toEqual([...seen.values()]);
  });
});
