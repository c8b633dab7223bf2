import fs from 'node:fs';
import path from 'node:path';
import { MAX_SEARCH_WORD_LENGTH, MAX_SEARCH_WORDS } from '../src/modules/search/search.limits';
import { seededApi } from './api';
import { citedDocuments, expectDocumentsAsLoaded } from './cited-documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are dynamic JSON */

const api = seededApi();
const recall = JSON.parse(fs.readFileSync(path.join(__dirname, 'search-recall.json'), 'utf8')) as {
  queries: { text: string; expect: string[] }[];
};

async function search(text: string, extra = ''): Promise<any> {
  const result = await api().query(
    `query($text: String!) { search(text: $text, first: 10${extra}) { totalCount hits { score snippet snippetField entity { key __typename } } pageInfo { hasNextPage endCursor } } }`,
    { text },
  );
  expect(result.errors).toBeUndefined();
  return result.data.search;
}

/** Every hit key of a search, page by page, asking for the totals or not, with each hasNextPage. */
async function walkSearch(text: string, first: number, withTotals: boolean) {
  const pages: { keys: string[]; hasNextPage: boolean }[] = [];
  let after: string | null = null;
  for (;;) {
    const result = await api().query(
      `query($text: String!, $after: String) { search(text: $text, first: ${first}, after: $after) {
        ${withTotals ? 'totalCount totalCountExact' : ''} hits { entity { key } } pageInfo { hasNextPage endCursor } } }`,
      { text, after },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data.search;
    pages.push({
      keys: page.hits.map((h: any) => h.entity.key),
      hasNextPage: page.pageInfo.hasNextPage,
    });
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
}

describe('search', () => {
  it('pages the same hits with and without the totals (without them, hits are not counted)', async () => {
    const counted = await walkSearch('Bochum', 3, true);
    // More than one page, and a last page that says so.
    expect(counted.length).toBeGreaterThan(2);
    expect(counted[counted.length - 1]!.hasNextPage).toBe(false);
    expect(await walkSearch('Bochum', 3, false)).toEqual(counted);
    const total = (await search('Bochum', ', after: null')).totalCount;
    expect(counted.flatMap((p) => p.keys)).toHaveLength(total);
  });

  it('reads of each hit what its selection asks for, answering as the entity itself does', async () => {
    const ENTITY = `__typename id key sources { quote document { title } } validity { certainFrom possibleUntil } basis version
      ... on City { name ags cityKind: kind altNames state { node { key } } }
      ... on OrgUnit { name kind germanKind status count established { edtf earliest } city { node { key } } }
      ... on Theme { labelEn labelDe broader { node { key } } }
      ... on Person { name }
      ... on Programme { name shortName level participantCount period { edtf } }
      ... on SourceDocument { title publisher url published { edtf } }`;
    const found = await api().query(
      `{ search(text: "Bochum", first: 20) { hits { score entity { ${ENTITY} } } } }`,
    );
    expect(found.errors).toBeUndefined();
    const entities = found.data.search.hits.map((h: any) => h.entity);
    expect(entities.length).toBeGreaterThan(2);
    const keys = entities.map((e: any) => e.key);
    const direct = await api().query(`query($ids: [ID!]!) { nodes(ids: $ids) { ${ENTITY} } }`, {
      ids: keys,
    });
    expect(direct.errors).toBeUndefined();
    expect(entities).toEqual(direct.data.nodes);
    // Keys only, and the snippets alone: the same hits in the same order.
    const bare = await api().query(
      `{ search(text: "Bochum", first: 20) { hits { entity { key } } } }`,
    );
    expect(bare.data.search.hits.map((h: any) => h.entity.key)).toEqual(keys);
    const snippets = await api().query(
      `{ search(text: "Bochum", first: 20) { hits { snippet snippetField } } }`,
    );
    const full = await api().query(
      `{ search(text: "Bochum", first: 20) { hits { snippet snippetField entity { ${ENTITY} } } } }`,
    );
    expect(snippets.data.search.hits).toEqual(
      full.data.search.hits.map((h: any) => ({ snippet: h.snippet, snippetField: h.snippetField })),
    );
    expect(snippets.data.search.hits.some((h: any) => h.snippet !== null)).toBe(true);
  });

  it('reads the documents its hits cite in its own statement, as the loader reads them', async () => {
    const fields = 'key title publisher url language published { edtf }';
    const before = api().db.transactions;
    const result = await api().query(
      `{ search(text: "Senioren", first: 10) { hits { entity { key sources { quote document { ${fields} } } } } } }`,
    );
    expect(api().db.transactions - before).toBe(1);
    expect(result.errors).toBeUndefined();
    expect(result.data.search.hits).toHaveLength(10);
    await expectDocumentsAsLoaded(api(), citedDocuments(result.data), fields);
  });

  it("finds the senior units of Bremerhaven and Castrop-Rauxel's senior advice centre, with snippets", async () => {
    const result = await search('Senioren');
    const byKey = new Map(result.hits.map((h: any) => [h.entity.key, h]));
    for (const key of ['bremerhaven-stabsstelle-seniorinnen-und-senioren', 'castrop-rauxel-bip']) {
      expect(byKey.get(key)).toBeDefined();
      expect((byKey.get(key) as any).snippet).toMatch(/«Senior/);
    }
  });

  it(`reaches at least 90 % recall on ${recall.queries.length} realistic queries`, async () => {
    let found = 0;
    let expected = 0;
    const misses: string[] = [];
    for (const { text, expect: keys } of recall.queries) {
      const hits = new Set((await search(text)).hits.map((h: any) => h.entity.key));
      for (const key of keys) {
        expected += 1;
        if (hits.has(key)) found += 1;
        else misses.push(`${text} → ${key}`);
      }
    }
    expect(recall.queries.length).toBeGreaterThanOrEqual(30);
    const percent = ((100 * found) / expected).toFixed(1);
    process.stdout.write(
      `\nsearch recall: ${found}/${expected} = ${percent} %; misses: ${misses.join('; ') || 'none'}\n`,
    );
    expect(found / expected).toBeGreaterThanOrEqual(0.9);
  });

  it('finds a word that stands only in a source quote, and shows the quote', async () => {
    const result = await search('Pionierstädten');
    const zwk = result.hits.find((h: any) => h.entity.key === 'zukunftswerkstatt-kommunen');
    expect(zwk.snippetField).toBe('quotes');
    expect(zwk.snippet).toMatch(/«Pionierstädten»/);
  });

  it('never fails on Lucene syntax, and an empty text finds nothing', async () => {
    for (const text of [
      'Armut*',
      'Seni~',
      '(unbalanced',
      '"open',
      'a:b [x',
      'AND OR NOT',
      '\\',
      '+-!^',
    ]) {
      await search(text);
    }
    expect((await search('   ')).totalCount).toBe(0);
  });

  it('limits to entity types and pages by cursor', async () => {
    const all = await search('Bochum', ', types: [OrgUnit]');
    expect(all.hits.every((h: any) => h.entity.__typename === 'OrgUnit')).toBe(true);
    expect(all.totalCount).toBeGreaterThan(2);
    const units = (
      await api().query(
        `{ search(text: "Bochum", types: [OrgUnit], first: 2) { hits { entity { key } } pageInfo { endCursor } } }`,
      )
    ).data.search;
    const next = await api().query(
      `query($after: String) { search(text: "Bochum", types: [OrgUnit], first: 2, after: $after) { hits { entity { key } } } }`,
      {
        after: units.pageInfo.endCursor,
      },
    );
    const firstKeys = new Set(units.hits.map((h: any) => h.entity.key));
    expect(next.data.search.hits).toHaveLength(2);
    expect(next.data.search.hits.some((h: any) => firstKeys.has(h.entity.key))).toBe(false);
  });

  describe('refuses texts the index cannot run, naming the limit and the value', () => {
    /** Distinct words of letters only, none a stop word: the costliest text of that many words. */
    const words = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `wort${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}x`,
      ).join(' ');

    async function refusal(text: string): Promise<any> {
      const result = await api().query(
        `query($text: String!) { search(text: $text) { totalCount } }`,
        { text },
      );
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'text',
      });
      return result.errors![0].message;
    }

    it('runs the most words allowed and refuses one more (and the 82 that failed before)', async () => {
      expect((await search(words(MAX_SEARCH_WORDS))).totalCount).toBe(0);
      expect(await refusal(words(MAX_SEARCH_WORDS + 1))).toBe(
        `search text has ${MAX_SEARCH_WORDS + 1} words; at most ${MAX_SEARCH_WORDS}`,
      );
      expect(await refusal(words(82))).toBe(
        `search text has 82 words; at most ${MAX_SEARCH_WORDS}`,
      );
      // Words inside quoted phrases count too.
      expect(await refusal(`"${words(MAX_SEARCH_WORDS)}" Bochum`)).toMatch(
        /has 33 words; at most 32/,
      );
    });

    it('runs the longest word allowed and refuses a longer one (and the 1,001 that failed before)', async () => {
      expect((await search('s'.repeat(MAX_SEARCH_WORD_LENGTH))).totalCount).toBe(0);
      expect(await refusal(`Bochum ${'s'.repeat(MAX_SEARCH_WORD_LENGTH + 1)}`)).toBe(
        `search text has a word of ${MAX_SEARCH_WORD_LENGTH + 1} characters; at most ${MAX_SEARCH_WORD_LENGTH}`,
      );
      expect(await refusal('s'.repeat(1001))).toMatch(/a word of 1001 characters/);
    });

    it('refuses a forged search cursor', async () => {
      for (const after of [
        'garbage',
        Buffer.from('o:99999999999999999999').toString('base64url'),
        Buffer.from('o:-1').toString('base64url'),
      ]) {
        const result = await api().query(
          `query($after: String) { search(text: "Bochum", after: $after) { totalCount } }`,
          { after },
        );
        expect(result.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          argument: 'after',
        });
      }
    });
  });
});
