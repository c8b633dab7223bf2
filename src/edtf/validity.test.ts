import { NODE_TYPES, RELATION_TYPES, type NodeSpec, type RelationSpec } from '../model/model';
import {
  attestations,
  DAY_MAX,
  DAY_MIN,
  isValidOn,
  storedValidity,
  validityOf,
  validityToStore,
} from './validity';

const unit = (NODE_TYPES.OrgUnit as NodeSpec).validity;
const post = (RELATION_TYPES.HOLDS_POST as RelationSpec).validity;
const programme = (NODE_TYPES.Programme as NodeSpec).validity;
const event = (NODE_TYPES.Event as NodeSpec).validity;
const partOf = (RELATION_TYPES.PART_OF as RelationSpec).validity;
const decided = (RELATION_TYPES.DECIDED as RelationSpec).validity;

describe('validityOf', () => {
  it('reads a season as certain from its last day and possible from its first', () => {
    const v = validityOf(unit, { established: '2020-21' });
    expect(v).toEqual({
      possibleFrom: '2020-03-01',
      certainFrom: '2020-05-31',
      certainTo: DAY_MAX,
      possibleTo: DAY_MAX,
    });
    expect(isValidOn(v, '2020-12-31', 'CERTAIN')).toBe(true);
    expect(isValidOn(v, '2020-04-15', 'CERTAIN')).toBe(false);
    expect(isValidOn(v, '2020-04-15', 'POSSIBLE')).toBe(true);
    expect(isValidOn(v, '2020-02-29', 'POSSIBLE')).toBe(false);
  });

  it('keeps an undated unit possible on any day after its decision, certain on none', () => {
    const v = validityOf(unit, { decided: '2019-05' });
    expect(v.possibleFrom).toBe('2019-05-01');
    expect(v.certainFrom).toBeNull();
    expect(isValidOn(v, '2030-01-01', 'CERTAIN')).toBe(false);
    expect(isValidOn(v, '2019-04-30', 'POSSIBLE')).toBe(false);
    expect(isValidOn(v, '2019-05-01', 'POSSIBLE')).toBe(true);
  });

  it('ends a post on its stated end and counts a post without one as ongoing', () => {
    const ended = validityOf(post, { since: '2020-11-01', until: '2022-06' });
    expect(ended).toMatchObject({ certainTo: '2022-06-01', possibleTo: '2022-06-30' });
    expect(isValidOn(ended, '2022-06-15', 'CERTAIN')).toBe(false);
    expect(isValidOn(ended, '2022-06-15', 'POSSIBLE')).toBe(true);
    expect(isValidOn(ended, '2022-07-01', 'POSSIBLE')).toBe(false);
    const ongoing = validityOf(post, { since: '2020-11-01' });
    expect(isValidOn(ongoing, '2040-01-01', 'CERTAIN')).toBe(true);
  });

  it('makes an attested post certain from the attestation on', () => {
    const v = validityOf(post, { attested: '2023-08-17' });
    expect(v).toMatchObject({ possibleFrom: DAY_MIN, certainFrom: '2023-08-17' });
    expect(isValidOn(v, '2023-08-16', 'CERTAIN')).toBe(false);
    expect(isValidOn(v, '2023-08-16', 'POSSIBLE')).toBe(true);
    // "some day in 2021 or later" proves no particular day.
    expect(validityOf(post, { attested: '[2021..]' }).certainFrom).toBeNull();
  });

  it('reads intervals with uncertain, unknown and open ends', () => {
    const zwk = validityOf(programme, { period: '2021/2024-12~' });
    expect(zwk).toEqual({
      possibleFrom: '2021-01-01',
      certainFrom: '2021-12-31',
      certainTo: '2024-12-01',
      possibleTo: '2024-12-31',
    });
    const unknownStart = validityOf(programme, { period: '/2024-12~' });
    expect(unknownStart.certainFrom).toBeNull();
    expect(unknownStart.possibleFrom).toBe(DAY_MIN);
    const open = validityOf(programme, { period: '2014/..' });
    expect(open).toMatchObject({ certainFrom: '2014-12-31', certainTo: DAY_MAX });
  });

  it('lets a one-off fact hold from its date on', () => {
    const v = validityOf(event, { date: '[2024-23,2024-24]' });
    expect(v).toMatchObject({ possibleFrom: '2024-09-01', certainFrom: '2025-02-28' });
    expect(isValidOn(v, '2030-01-01', 'CERTAIN')).toBe(true);
  });

  it('treats undated structural facts and kinds without a rule as timeless', () => {
    for (const v of [validityOf(partOf, {}), validityOf(undefined, {})]) {
      expect(isValidOn(v, '0900-01-01', 'CERTAIN')).toBe(true);
      expect(isValidOn(v, '2999-01-01', 'CERTAIN')).toBe(true);
    }
    expect(validityOf(partOf, { since: '2021' }).certainFrom).toBe('2021-12-31');
  });

  it('refuses elements without stored bounds', () => {
    expect(isValidOn(undefined, '2020-01-01', 'POSSIBLE')).toBe(false);
    expect(isValidOn({}, '2020-01-01', 'POSSIBLE')).toBe(false);
  });
});

describe('attestations', () => {
  it('shows the ends of dated relationships to exist from their date on', () => {
    const shown = attestations([
      { rule: decided, fields: { date: '2020-21' }, from: 'rat', to: 'new-unit' },
      { rule: post, fields: { since: '2020-11-01' }, from: 'kandt', to: 'new-unit' },
      { rule: post, fields: { since: '2021-03' }, from: 'someone', to: 'rat' },
      { rule: partOf, fields: {}, from: 'a', to: 'b' },
    ]);
    // A decision shows its maker, not the unit it creates; the earliest day wins.
    expect(shown.get('rat')).toBe('2020-05-31');
    expect(shown.get('new-unit')).toBe('2020-11-01');
    expect(shown.has('a')).toBe(false);
  });

  it('makes an undated unit certain from the day it is shown, within its own bounds', () => {
    expect(validityOf(unit, {}, '2020-05-31').certainFrom).toBe('2020-05-31');
    expect(validityOf(unit, { established: '2020-11' }, '2020-11-01').certainFrom).toBe(
      '2020-11-01',
    );
    // A unit dissolved before it is shown keeps its own bounds (conflicting sources).
    expect(validityOf(unit, { dissolved: '2010' }, '2020-01-01').certainFrom).toBeNull();
    expect(validityOf(undefined, {}, '2020-01-01').certainFrom).toBe(DAY_MIN);
  });
});

describe('stored validity', () => {
  it('stores only real bounds and reads every kind of fact back unchanged', () => {
    expect(validityToStore(validityOf(undefined, {}))).toEqual({});
    expect(validityToStore(validityOf(unit, {}))).toEqual({ validCertainFrom: DAY_MAX });
    expect(validityToStore(validityOf(post, { since: '2020-11-01' }))).toEqual({
      validPossibleFrom: '2020-11-01',
      validCertainFrom: '2020-11-01',
    });
    for (const v of [
      validityOf(undefined, {}),
      validityOf(unit, {}),
      validityOf(unit, { decided: '2019-05' }),
      validityOf(programme, { period: '2021/2024-12~' }),
      validityOf(post, { attested: '[2021..]' }),
    ]) {
      const props = validityToStore(v);
      expect(storedValidity(props)).toEqual(v);
    }
  });
});
