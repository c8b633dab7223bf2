import { DocumentTexts } from '../../seed/documents';
import { validateSeedFiles } from '../../seed/validate';
import { CurationInvalidError } from './curation.errors';
import type { FactState } from './fact';
import { CurationTexts, curatedFile } from './quote-texts';
import { planWrite, type GraphSlice } from './write-check';
import type { CitationRequest, WriteRequest } from './write-request';

/*
 * The checks of a write, without a database: the part of the graph it meets is given as a slice.
 * The messages are the seed validator's own (one implementation); the last tests prove it by
 * running the importer's validation on the same mistake.
 */

const TEXT = [
  'Testhausen gründet ein Büro für Digitales',
  'Die Stadt Testhausen richtet zum 1. März 2024 ein Büro für Digitales ein.',
  'Zum 31. Dezember 2025 wurde das Büro für Digitales wieder aufgelöst.',
].join('\n');

function entity(
  type: string,
  key: string,
  fields: Record<string, unknown>,
  extra: Partial<FactState> = {},
): FactState {
  return {
    kind: 'ENTITY',
    type,
    key,
    fields,
    cite: [{ doc: 'doc', quote: 'Testhausen gründet ein Büro für Digitales' }],
    basis: 'STATED',
    version: 1,
    dataset: 'seed',
    ...extra,
  };
}

const city = entity('City', 'testhausen', { name: 'Testhausen', ags: '99000001' });
const doc = entity('SourceDocument', 'doc', {
  title: 'Testhausen gründet ein Büro für Digitales',
  kind: 'PRESS_RELEASE',
  language: 'de',
  file: curatedFile('doc'),
});

function slice(extra: Partial<GraphSlice> = {}, ...entities: FactState[]): GraphSlice {
  return {
    entities: new Map([city, doc, ...entities].map((e) => [e.key, e])),
    relation: null,
    taken: [],
    uniqueHolders: [],
    unitLinks: [],
    chains: [],
    cascade: [],
    citing: [],
    ...extra,
  };
}

const texts = () => new CurationTexts(null, [[curatedFile('doc'), TEXT]]);

const quote = (q: string, more: Partial<CitationRequest> = {}): CitationRequest => ({
  quotes: [{ doc: 'doc', quote: q }],
  ...more,
});
const SET_UP = 'Die Stadt Testhausen richtet zum 1. März 2024 ein Büro für Digitales ein.';

function createUnit(
  fields: Record<string, unknown>,
  citation = quote(SET_UP),
  links = true,
): WriteRequest {
  return {
    action: 'CREATE',
    kind: 'ENTITY',
    type: 'OrgUnit',
    key: 'buero',
    fields,
    links: links ? [{ type: 'BELONGS_TO', other: 'testhausen', direction: 'OUT' }] : [],
    citation,
  };
}

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CurationInvalidError) return error.problems;
    throw error;
  }
  throw new Error('the write was not refused');
}

describe('planWrite: creating', () => {
  it('plans a unit and its BELONGS_TO as two created facts citing the same quote', () => {
    const plan = planWrite(
      createUnit({ name: 'Büro für Digitales', kind: 'OFFICE', established: '2024-03-01' }),
      slice(),
      texts(),
    );
    expect(plan.changes.map((c) => [c.action, c.after?.type, c.after?.key])).toEqual([
      ['CREATE', 'OrgUnit', 'buero'],
      ['CREATE', 'BELONGS_TO', 'buero~BELONGS_TO~testhausen'],
    ]);
    expect(plan.changes[0]!.after).toMatchObject({
      fields: { name: 'Büro für Digitales', kind: 'OFFICE', established: '2024-03-01' },
      cite: [{ doc: 'doc', quote: SET_UP }],
      basis: 'STATED',
      version: 1,
    });
    expect(plan.quotes).toEqual([{ doc: 'doc', quote: SET_UP }]);
  });

  it('refuses a unit without its city, a wrong enum, a missing name and a date no quote writes', () => {
    expect(
      problems(() =>
        planWrite(
          createUnit({ kind: 'BUREAU', established: '2024-05' }, quote(SET_UP), false),
          slice(),
          texts(),
        ),
      ),
    ).toEqual([
      'OrgUnit "buero": field "kind" must be one of COUNCIL, COMMITTEE, ADVISORY_COUNCIL, ADMINISTRATION, DEPARTMENT, OFFICE, STAFF_UNIT, SECTION, SERVICE_POINT, TEAM, FACILITY (got "BUREAU")',
      'OrgUnit "buero": missing required field "name"',
      'OrgUnit "buero": unsupported: established 2024-05 is not written in any quote of a STATED fact (as a date, month, season, "Ende <year>" or year); quote the words that date it, drop the date, or mark the fact INFERRED with its reasoning',
      'OrgUnit "buero": an OrgUnit needs exactly one BELONGS_TO relation to its city (has 0); a facility or service point others run needs OPERATES instead',
    ]);
  });

  it('refuses a quote that is not verbatim, one of two sentences, and one from no source document', () => {
    const citation: CitationRequest = {
      quotes: [
        { doc: 'doc', quote: 'Die Stadt Testhausen richtet ein Büro für Digitales ein.' },
        {
          doc: 'doc',
          quote:
            'Testhausen gründet ein Büro für Digitales. Die Stadt Testhausen richtet zum 1. März 2024 ein Büro für Digitales ein.',
        },
        { doc: 'testhausen', quote: 'Testhausen' },
      ],
    };
    expect(
      problems(() =>
        planWrite(
          createUnit({ name: 'Büro für Digitales', kind: 'OFFICE' }, citation),
          slice(),
          texts(),
        ),
      ),
    ).toEqual([
      'OrgUnit "buero": quote not found verbatim in doc: "Die Stadt Testhausen richtet ein Büro für Digitales ein."',
      'OrgUnit "buero": the quote spans more than one sentence: "Testhausen gründet ein Büro für Digitales. Die Stadt Testhausen richtet zum 1. M…"',
      'OrgUnit "buero": missing source: "testhausen" is not a source document id',
      'BELONGS_TO "buero~BELONGS_TO~testhausen" (buero → testhausen): quote not found verbatim in doc: "Die Stadt Testhausen richtet ein Büro für Digitales ein."',
      'BELONGS_TO "buero~BELONGS_TO~testhausen" (buero → testhausen): the quote spans more than one sentence: "Testhausen gründet ein Büro für Digitales. Die Stadt Testhausen richtet zum 1. M…"',
      'BELONGS_TO "buero~BELONGS_TO~testhausen" (buero → testhausen): missing source: "testhausen" is not a source document id',
    ]);
  });

  it('refuses an id the graph already holds, and quotes of a document whose text is not at hand', () => {
    const seedDoc = entity('SourceDocument', 'seed-doc', {
      title: 'Seed',
      kind: 'PRESS_RELEASE',
      language: 'de',
      file: 'seed-doc.txt',
    });
    const taken = entity('Person', 'buero', { name: 'Buero' });
    expect(
      problems(() =>
        planWrite(
          createUnit(
            { name: 'Büro für Digitales', kind: 'OFFICE' },
            { quotes: [{ doc: 'seed-doc', quote: SET_UP }] },
          ),
          slice({ taken: [taken] }, seedDoc),
          texts(),
        ),
      ),
    ).toEqual([
      'OrgUnit "buero": duplicate id "buero" (first defined at the graph)',
      'OrgUnit "buero": the text of source document "seed-doc" is not available to this server, so quotes from it cannot be checked',
      'BELONGS_TO "buero~BELONGS_TO~testhausen" (buero → testhausen): the text of source document "seed-doc" is not available to this server, so quotes from it cannot be checked',
    ]);
  });

  it('checks a relationship: its ends, and that a STATED quote names both', () => {
    const unit = entity('OrgUnit', 'buero', { name: 'Büro für Digitales', kind: 'OFFICE' });
    const request: WriteRequest = {
      action: 'CREATE',
      kind: 'RELATION',
      type: 'ADDRESSES',
      key: 'testhausen~ADDRESSES~buero',
      from: 'testhausen',
      to: 'buero',
      fields: {},
      citation: quote('Zum 31. Dezember 2025 wurde das Büro für Digitales wieder aufgelöst.'),
    };
    expect(problems(() => planWrite(request, slice({}, unit), texts()))).toEqual([
      'ADDRESSES "testhausen~ADDRESSES~buero" (testhausen → buero): ADDRESSES cannot start at a City (allowed: OrgUnit, Programme, Event, Organisation)',
      'ADDRESSES "testhausen~ADDRESSES~buero" (testhausen → buero): ADDRESSES cannot end at a OrgUnit (allowed: Theme)',
    ]);
    const operates: WriteRequest = {
      ...request,
      type: 'OPERATES',
      key: 'testhausen~OPERATES~buero',
    };
    expect(problems(() => planWrite(operates, slice({}, unit), texts()))).toEqual([
      'OPERATES "testhausen~OPERATES~buero" (testhausen → buero): unsupported: no quote of a STATED relation names "testhausen" (Testhausen); quote a sentence that names it, list the words that stand for it under "mentions", or mark the relation INFERRED with its reasoning',
      // The unit has no BELONGS_TO in this slice, and an office is no facility others run.
      'OrgUnit "buero": an OrgUnit needs exactly one BELONGS_TO relation to its city (has 0); a facility or service point others run needs OPERATES instead',
    ]);
  });
});

describe('planWrite: updating, ending, withdrawing', () => {
  const unit = entity(
    'OrgUnit',
    'buero',
    { name: 'Büro für Digitales', kind: 'OFFICE', established: '2024-03-01' },
    {
      cite: [{ doc: 'doc', quote: SET_UP }],
      version: 3,
    },
  );
  const belongs: FactState = {
    kind: 'RELATION',
    type: 'BELONGS_TO',
    key: 'buero~BELONGS_TO~testhausen',
    from: 'buero',
    to: 'testhausen',
    fields: {},
    cite: [{ doc: 'doc', quote: SET_UP }],
    basis: 'STATED',
    version: 1,
    dataset: 'seed',
  };
  const update = (set: Record<string, unknown>, q = SET_UP): WriteRequest => ({
    action: 'UPDATE',
    kind: 'ENTITY',
    type: 'OrgUnit',
    key: 'buero',
    version: 3,
    set,
    citation: quote(q),
  });

  it('changes only the given fields, removes those set to null, and adds the new quote', () => {
    const plan = planWrite(
      update(
        { germanKind: 'Büro', established: null },
        'Testhausen gründet ein Büro für Digitales',
      ),
      slice({ unitLinks: [belongs] }, unit),
      texts(),
    );
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({ action: 'UPDATE', before: unit });
    expect(plan.changes[0]!.after).toEqual({
      kind: 'ENTITY',
      type: 'OrgUnit',
      key: 'buero',
      fields: { name: 'Büro für Digitales', kind: 'OFFICE', germanKind: 'Büro' },
      cite: [
        { doc: 'doc', quote: SET_UP },
        { doc: 'doc', quote: 'Testhausen gründet ein Büro für Digitales' },
      ],
      basis: 'STATED',
      version: 4,
      dataset: 'seed',
    });
  });

  it('refuses removing a required field, and a write that changes nothing', () => {
    expect(
      problems(() =>
        planWrite(update({ kind: null }), slice({ unitLinks: [belongs] }, unit), texts()),
      ),
    ).toEqual(['OrgUnit "buero": missing required field "kind"']);
    expect(
      problems(() =>
        planWrite(update({ kind: 'OFFICE' }), slice({ unitLinks: [belongs] }, unit), texts()),
      ),
    ).toEqual([
      'OrgUnit "buero": the write changes nothing: every value and quote it gives is already there',
    ]);
  });

  it('ends a unit with its dissolution date, and refuses to end a fact that happens once', () => {
    const plan = planWrite(
      {
        action: 'END',
        kind: 'ENTITY',
        type: 'OrgUnit',
        key: 'buero',
        version: 3,
        ended: '2025-12-31',
        citation: quote('Zum 31. Dezember 2025 wurde das Büro für Digitales wieder aufgelöst.'),
      },
      slice({ unitLinks: [belongs] }, unit),
      texts(),
    );
    expect(plan.changes[0]).toMatchObject({
      action: 'END',
      after: { fields: { dissolved: '2025-12-31' }, version: 4 },
    });
    const event = entity('Event', 'fest', { name: 'Fest', date: '2024' });
    expect(
      problems(() =>
        planWrite(
          {
            action: 'END',
            kind: 'ENTITY',
            type: 'Event',
            key: 'fest',
            version: 1,
            ended: '2025',
            citation: quote(SET_UP),
          },
          slice({}, event),
          texts(),
        ),
      ),
    ).toEqual([
      'Event "fest": a Event happens once (its "date") and has no end; withdraw it if it was wrong',
    ]);
  });

  it('withdraws an entity with its relationships, but not a city its units belong to', () => {
    const plan = planWrite(
      {
        action: 'WITHDRAW',
        kind: 'ENTITY',
        type: 'OrgUnit',
        key: 'buero',
        version: 3,
        note: 'wrong',
      },
      slice({ cascade: [belongs], unitLinks: [belongs] }, unit),
      texts(),
    );
    expect(plan.changes.map((c) => [c.action, c.before?.key, c.after])).toEqual([
      ['WITHDRAW', 'buero~BELONGS_TO~testhausen', null],
      ['WITHDRAW', 'buero', null],
    ]);
    expect(
      problems(() =>
        planWrite(
          {
            action: 'WITHDRAW',
            kind: 'ENTITY',
            type: 'City',
            key: 'testhausen',
            version: 1,
            note: 'wrong',
          },
          slice({ cascade: [belongs], unitLinks: [belongs] }, unit),
          texts(),
        ),
      ),
    ).toEqual([
      'OrgUnit "buero": an OrgUnit needs exactly one BELONGS_TO relation to its city (has 0); a facility or service point others run needs OPERATES instead',
    ]);
  });
});

describe('one implementation: the importer reports the same mistakes with the same words', () => {
  it('gives a seed file with the same unit the same messages', () => {
    const result = validateSeedFiles(
      [
        {
          file: 'x.yaml',
          entries: [
            {
              section: 'entities',
              index: 0,
              line: 1,
              value: {
                type: 'OrgUnit',
                id: 'buero',
                kind: 'BUREAU',
                established: '2024-05',
                cite: [{ doc: 'doc', quote: SET_UP }],
              },
            },
          ],
        },
      ],
      new DocumentTexts('/nonexistent'),
    );
    const seedMessages = result.problems.filter((p) => p.entry).map((p) => p.message);
    const apiMessages = problems(() =>
      planWrite(
        createUnit({ kind: 'BUREAU', established: '2024-05' }, quote(SET_UP), false),
        slice(),
        texts(),
      ),
    ).map((m) => m.replace(/^OrgUnit "buero": /, ''));
    // The seed file has no document "doc" of its own; every other message is the same.
    expect(seedMessages.filter((m) => !m.startsWith('missing source'))).toEqual(apiMessages);
    expect(apiMessages).toHaveLength(4);
  });
});
