import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/config';
import { parseExamples } from '../src/common/examples';
import { toGlobalId } from '../src/common/global-id';
import { seededApi } from './api';

/**
 * Every read example the IDE opens with, run against the seeded database, with its expected
 * answer. The write examples change the graph: test/curation-examples.int.test.ts runs them.
 */
const examples = parseExamples(
  fs.readFileSync(path.join(REPO_ROOT, 'schema', 'examples.graphql'), 'utf8'),
).filter((e) => !e.writes);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are dynamic JSON
type Data = any;
const names = (nodes: { name: string }[]) => nodes.map((n) => n.name).sort();

const EXPECTED: Record<string, (data: Data) => void> = {
  'History of a fact': (data) => {
    const { history } = data;
    // As imported and never curated: one version, no recorded change.
    expect(history).toMatchObject({
      kind: 'ENTITY',
      type: 'OrgUnit',
      key: 'bochum-stabsstelle-leben-im-alter',
      exists: true,
      version: 1,
      changes: [],
    });
    expect(history.states).toHaveLength(1);
    const [state] = history.states;
    expect(state).toMatchObject({ from: null, until: null, version: 1 });
    const fields = Object.fromEntries(
      state.state.fields.map((f: Data) => [f.field, JSON.parse(f.value)]),
    );
    expect(fields).toMatchObject({
      name: 'Stabsstelle „Leben im Alter“',
      kind: 'STAFF_UNIT',
      decided: '2020-21',
      established: '2020-11',
      status: 'ACTIVE',
    });
    expect(state.state.sources.map((s: Data) => s.quote)).toContain('(27. November 2020)');
  },
  // The seeded graph has not been curated.
  'Recent changes': (data) => {
    expect(data.recentChanges).toEqual({ totalCount: 0, nodes: [] });
  },
  'How sure is each fact: basis and reasoning': (data) => {
    const units = data.orgUnits.nodes;
    expect(names(units)).toEqual([
      'Stabsstelle Bildung, Vielfalt und Teilhabe',
      'Stabsstelle Seniorinnen und Senioren',
      'Stabsstelle „Leben im Alter“',
    ]);
    // A reasoning exactly where a fact is INFERRED; a citation has its fact's basis.
    const facts = units.flatMap((u: Data) => [u, ...u.themes]);
    for (const fact of facts) {
      expect(['STATED', 'INFERRED', 'EDITORIAL']).toContain(fact.basis);
      expect(fact.reasoning === null).toBe(fact.basis !== 'INFERRED');
      expect(fact.sources.length).toBeGreaterThan(0);
      for (const source of fact.sources) {
        expect(source.basis).toBe(fact.basis);
        expect(source.reasoning).toBe(fact.reasoning);
      }
    }
    // Units and their ADDRESSES links are facts about cities, never the project's vocabulary.
    for (const fact of facts) expect(fact.basis).not.toBe('EDITORIAL');
    for (const unit of units)
      for (const link of unit.themes) expect(['STATED', 'EDITORIAL']).toContain(link.node.basis);
  },
  'Staff units per theme, stated facts only': (data) => {
    const { all, stated } = data.stats;
    expect(all.total).toBe(3);
    expect(stated.total).toBeLessThanOrEqual(all.total);
    // Leaving out inferred facts can only shrink a bucket (or move a unit to "none stated").
    const counts = (count: Data) =>
      new Map<string | null, number>(count.buckets.map((b: Data) => [b.keys[0].key, b.count]));
    const allCounts = counts(all);
    for (const [key, count] of counts(stated)) {
      if (key === null) continue;
      expect(count).toBeLessThanOrEqual(allCounts.get(key) ?? 0);
    }
    expect(allCounts.get('ageing')).toBe(2);
  },
  'Arguments on relation fields': (data) => {
    expect(data.cities.nodes).toEqual([
      {
        name: 'Bochum',
        orgUnits: [
          { node: { name: 'Stabsstelle „Leben im Alter“', established: { edtf: '2020-11' } } },
        ],
        participations: [],
      },
      {
        name: 'Bremerhaven',
        orgUnits: [{ node: { name: 'Stabsstelle Seniorinnen und Senioren', established: null } }],
        participations: [
          {
            roleTitle: 'Modellkommune, Pionierstadt',
            programme: { name: 'Zukunftswerkstatt Kommunen – Attraktiv im Wandel' },
          },
        ],
      },
      // Its staff unit works on diversity, not ageing: the city stays, its list is empty.
      { name: 'Castrop-Rauxel', orgUnits: [], participations: [] },
    ]);
  },
  'ZWK-funded senior units': (data) => {
    expect(names(data.cities.nodes)).toEqual(['Bremerhaven']);
    const zwk = data.cities.nodes[0].participations.find(
      (p: Data) => p.programme.shortName === 'ZWK',
    );
    expect(zwk.funding).toEqual({ amount: 40000, currency: 'EUR', per: 'P1Y', upTo: true });
    expect(zwk.programme.funders[0].funder.shortName).toBe('BMFSFJ');
    expect(zwk.sources[0].document.title).toBe('Bremerhaven ist Modellkommune');
  },
  'Who leads ageing policy, since when': (data) => {
    const posts = data.orgUnits.nodes.flatMap((u: Data) =>
      u.posts.map((p: Data) => ({ unit: u.name, ...p })),
    );
    expect(posts).toEqual([
      expect.objectContaining({
        unit: 'Stabsstelle „Leben im Alter“',
        person: { name: 'Janina Kandt', profession: 'Politikwissenschaftlerin' },
        since: { edtf: '2020-11-01', earliest: '2020-11-01' },
      }),
    ]);
  },
  'Districts targeted by Zusammen im Quartier': (data) => {
    const districts = data.programmes.nodes[0].parts.flatMap((p: Data) =>
      p.node.targetDistricts.map((d: Data) => d.node.name),
    );
    expect(districts.sort()).toEqual(['Hamme', 'Kruppwerke', 'Querenburg', 'Wattenscheid-Mitte']);
    expect(data.programmes.nodes[0].parts[0].node.coordinatedBy[0].node.name).toBe(
      'Sozialdezernat',
    );
  },
  'Social-affairs executives': (data) => {
    expect(names(data.people.nodes)).toEqual([
      'Britta Anger',
      'Rajko Kravanja',
      'Regina Kleff',
      'Uwe Parpart',
    ]);
    const titles = data.people.nodes.flatMap((p: Data) =>
      p.posts.map((post: Data) => post.roleTitle),
    );
    expect(titles).toEqual(
      expect.arrayContaining(['Sozialdezernentin', 'Beigeordnete für Soziales', 'Bürgermeister']),
    );
  },
  'Who holds which social-affairs post where': (data) => {
    const { totalCount, nodes } = data.posts;
    expect(totalCount).toBe(3);
    expect(
      nodes.map((p: Data) => [
        p.person.name,
        p.roleTitle,
        p.holder.__typename,
        p.holder.name,
        p.holder.city?.node.name ?? p.holder.name,
      ]),
    ).toEqual([
      ['Britta Anger', 'Sozialdezernentin', 'OrgUnit', 'Sozialdezernat', 'Bochum'],
      ['Regina Kleff', 'Beigeordnete für Soziales', 'City', 'Castrop-Rauxel', 'Castrop-Rauxel'],
      ['Uwe Parpart', 'Sozialdezernent, Stadtrat', 'City', 'Bremerhaven', 'Bremerhaven'],
    ]);
    expect(nodes.every((p: Data) => p.sources.length > 0)).toBe(true);
  },
  'Staff units decided before 2020': (data) => {
    expect(names(data.orgUnits.nodes)).toEqual(['Stabsstelle Bildung, Vielfalt und Teilhabe']);
    expect(data.orgUnits.nodes[0].decided).toEqual({
      edtf: '2019-05',
      earliest: '2019-05-01',
      latest: '2019-05-31',
    });
  },
  'What the BMFSFJ funds': (data) => {
    const programme = data.organisations.nodes[0].funds[0].programme;
    expect(programme.name).toBe('Zukunftswerkstatt Kommunen – Attraktiv im Wandel');
    expect(programme.participantCount).toBe(40);
    expect(programme.participants.map((p: Data) => p.city.name)).toEqual(['Bremerhaven']);
  },
  'Where Castrop-Rauxel lies': (data) => {
    const city = data.cities.nodes[0];
    expect(city.county.node).toEqual({ name: 'Kreis Recklinghausen', ags: '05562' });
    expect(city.state.node.name).toBe('Nordrhein-Westfalen');
  },
  'The ageing theme and its narrower themes': (data) => {
    const keys = data.themes.nodes.map((t: Data) => t.key).sort();
    expect(keys).toEqual(
      expect.arrayContaining([
        'ageing',
        'care',
        'demographic-change',
        'elderly-care',
        'housing',
        'old-age-poverty',
        'safety',
      ]),
    );
    expect(keys).not.toContain('family');
    const ageing = data.themes.nodes.find((t: Data) => t.key === 'ageing');
    expect(ageing.addressedBy.totalCount).toBe(ageing.addressedBy.nodes.length);
    expect(ageing.addressedBy.nodes.map((l: Data) => l.node.key)).toContain(
      'bochum-stabsstelle-leben-im-alter',
    );
  },
  'Cities in audits and charters': (data) => {
    expect(names(data.cities.nodes)).toEqual(['Bochum', 'Castrop-Rauxel']);
  },
  'Search: Senioren': (data) => {
    const keys = data.search.hits.map((h: Data) => h.entity.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'bremerhaven-stabsstelle-seniorinnen-und-senioren',
        'castrop-rauxel-bip',
      ]),
    );
    expect(
      data.search.hits.every((h: Data) => typeof h.snippet === 'string' && h.snippet.includes('«')),
    ).toBe(true);
  },
  'How Bochum and Bremerhaven are connected': (data) => {
    expect(data.paths.length).toBeGreaterThan(0);
    for (const path of data.paths) {
      expect(path.steps[0].text).toMatch(/Bochum/);
      expect(path.steps[path.length - 1].text).toMatch(/Bremerhaven/);
      expect(path.steps.every((s: Data) => s.sources.length > 0)).toBe(true);
    }
  },
  'The sources': (data) => {
    // The five press texts, the source catalogue and the project's theme vocabulary.
    expect(data.sources.totalCount).toBe(7);
    const bochum = data.sources.nodes.find((s: Data) => s.key === 'bochum-leben-im-alter-2020');
    expect(bochum).toMatchObject({ publisher: 'Stadt Bochum', published: { edtf: '2020-11-27' } });
  },
  'Staff units for ageing at the end of 2020': (data) => {
    expect(names(data.certain.nodes)).toEqual(['Stabsstelle „Leben im Alter“']);
    expect(data.certain.nodes[0]).toMatchObject({
      established: { edtf: '2020-11' },
      city: { node: { name: 'Bochum' } },
    });
    expect(data.certain.nodes[0].sources.length).toBeGreaterThan(0);
    expect(names(data.possible.nodes)).toEqual([
      'Stabsstelle Seniorinnen und Senioren',
      'Stabsstelle „Leben im Alter“',
    ]);
  },
  'Who held which post in Bochum, before and after November 2020': (data) => {
    const [unit] = data.orgUnits.nodes;
    expect(unit.october2020).toEqual([]);
    expect(unit.end2020).toEqual([
      expect.objectContaining({ person: { name: 'Janina Kandt' }, since: { edtf: '2020-11-01' } }),
    ]);
    expect(unit.end2020[0].sources.map((s: Data) => s.quote).join(' ')).toMatch(/1\. November/);
  },
  'Timeline of ageing policy in Bochum and Bremerhaven': (data) => {
    const entries = data.timeline;
    const starts = entries.map((e: Data) => e.date.earliest);
    expect(starts).toEqual([...starts].sort());
    expect(entries.every((e: Data) => e.sources.length > 0 && e.date.latest >= '2020-01-01')).toBe(
      true,
    );
    const texts = entries.map((e: Data) => e.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Janina Kandt takes up the post/),
        expect.stringMatching(/^Bremerhaven takes part in Zukunftswerkstatt Kommunen/),
        expect.stringMatching(/^Sozialausschuss decides/),
      ]),
    );
    expect(new Set(entries.flatMap((e: Data) => e.cities))).toEqual(
      new Set(['bochum', 'bremerhaven']),
    );
  },
  'Staff units per theme': (data) => {
    const { total, buckets } = data.stats.orgUnits;
    expect(total).toBe(3);
    const counts = buckets.map((b: Data) => b.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const b of buckets) expect(b.members).toHaveLength(b.count);
    const ageing = buckets.find((b: Data) => b.keys[0].key === 'ageing');
    expect(ageing.members.map((m: Data) => m.city.node.name).sort()).toEqual([
      'Bochum',
      'Bremerhaven',
    ]);
  },
  'Programmes per funder': (data) => {
    const { total, buckets } = data.stats.programmes;
    // 14 programmes, plus the audit's 7 phases and the 3 proposals of the Bochum conference.
    expect(total).toBe(24);
    const bmfsfj = buckets.find((b: Data) => b.keys[0].key === 'bmfsfj');
    expect(bmfsfj.count).toBe(1);
    expect(bmfsfj.memberIds).toEqual([toGlobalId('Programme', 'zukunftswerkstatt-kommunen')]);
    // No seed programme has two funders, so here the buckets add up to the total.
    expect(buckets.reduce((sum: number, b: Data) => sum + b.count, 0)).toBe(total);
  },
  'Units set up per year': (data) => {
    const { total, buckets } = data.stats.orgUnits;
    expect(total).toBe(26);
    expect(buckets.map((b: Data) => [b.keys[0].key, b.count])).toEqual([
      ['2020', 1],
      [null, 25],
    ]);
    expect(buckets[0].members).toEqual([
      { name: 'Stabsstelle „Leben im Alter“', established: { edtf: '2020-11' } },
    ]);
  },
  'Cities by the year they joined a programme, with the quotes': (data) => {
    const { total, buckets } = data.stats.cities;
    expect(total).toBe(4);
    expect(
      buckets.map((b: Data) => [
        b.keys[0].key,
        b.count,
        b.uncertainCount,
        b.evidence.map((e: Data) => e.member.name),
      ]),
    ).toEqual([
      ['2021', 1, 0, ['Bremerhaven']],
      // The text dates Castrop-Rauxel's signing of the Charta, not a participation (issue 11).
      [null, 3, 0, ['Bochum', 'Castrop-Rauxel', 'Herten']],
    ]);
    // Each city's quotes are those of its participation (Bremerhaven's in ZWK: seven from the
    // press release, one from the catalogue); a "none stated" bucket has none.
    const quotes = buckets[0].evidence[0].sources;
    expect(quotes).toHaveLength(8);
    expect(new Set(quotes.map((s: Data) => s.document.title))).toEqual(
      new Set(['Bremerhaven ist Modellkommune', 'The five seed documents']),
    );
    expect(quotes.map((s: Data) => s.quote)).toContain(
      'Gleichzeitig stehen bis zu 40.000 Euro pro Jahr an Fördermitteln des Bundes zur Verfügung.',
    );
    expect(buckets[1].evidence.every((e: Data) => e.sources.length === 0)).toBe(true);
  },
  'Funding by funder and year': (data) => {
    const { total, buckets } = data.stats.funding;
    expect(total).toBe(1);
    expect(buckets).toHaveLength(1);
    expect(buckets[0]).toMatchObject({
      keys: [{ key: 'bmfsfj' }, { key: '2021' }],
      kind: 'PARTICIPATION',
      currency: 'EUR',
      per: 'P1Y',
      upTo: true,
      count: 1,
      sum: 40000,
      min: 40000,
      max: 40000,
    });
    const [statement] = buckets[0].statements;
    expect(statement.from.name).toBe('Bremerhaven');
    expect(statement.programme.shortName).toBe('ZWK');
    expect(statement.sources.map((s: Data) => s.quote)).toEqual(
      expect.arrayContaining([expect.stringContaining('bis zu 40.000 Euro pro Jahr')]),
    );
  },
  'City profile: Bochum': (data) => {
    const profile = data.stats.cityProfile;
    expect(profile.city.name).toBe('Bochum');
    // The units of Bochum's administration; the facilities the city provides with the Freie
    // Träger and the planned Seniorenbüros are not among them (issue 11).
    expect(profile.unitCount).toBe(7);
    expect(profile.postCount).toBe(2);
    expect(names(profile.peopleInPosts)).toEqual(['Britta Anger', 'Janina Kandt']);
    expect(profile.unitsPerTheme.slice(0, 4)).toEqual([
      { theme: { labelEn: 'Ageing' }, count: 2 },
      { theme: { labelEn: 'Civic participation' }, count: 2 },
      { theme: { labelEn: 'Diversity' }, count: 2 },
      { theme: { labelEn: 'Family' }, count: 2 },
    ]);
    expect(profile.programmes).toHaveLength(7);
    expect(profile.firstDatedFact.date.edtf).toBe('2019');
    expect(profile.lastDatedFact.date.edtf).toBe('2024-12~');
    expect(profile.firstDatedFact.sources.length).toBeGreaterThan(0);
  },
  'Compare Bochum, Bremerhaven and Castrop-Rauxel': (data) => {
    const { rows, ranking } = data.compareCities;
    expect(rows.map((r: Data) => r.theme.labelEn)).toEqual([
      'Ageing',
      'Diversity',
      'Family',
      'Labour market',
    ]);
    for (const row of rows) {
      expect(row.cells.map((c: Data) => c.city.name)).toEqual([
        'Bochum',
        'Bremerhaven',
        'Castrop-Rauxel',
      ]);
      for (const cell of row.cells) {
        const evidence =
          cell.units.length + cell.programmes.length + cell.posts.length + cell.events.length;
        expect(cell.sources.length > 0).toBe(evidence > 0);
        expect(cell.addressed).toBe(evidence > 0);
      }
    }
    expect(ranking.map((r: Data) => [r.position, r.city.name, r.themesCovered])).toEqual([
      [1, 'Bochum', 4],
      [2, 'Castrop-Rauxel', 4],
      [3, 'Bremerhaven', 2],
    ]);
    expect(ranking[0]).toMatchObject({ sharedRank: 1, decidedBy: 'EVIDENCE' });
  },
};

const api = seededApi();

describe('schema/examples.graphql', () => {
  it('has at least eight examples, each with a checked answer', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(examples.map((e) => e.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(examples.map((e) => [e.name, e]))('%s', async (name, example) => {
    const result = await api().query(
      example.query,
      example.variables ? JSON.parse(example.variables) : undefined,
    );
    expect(result.errors).toBeUndefined();
    EXPECTED[name]!(result.data);
  });
});
