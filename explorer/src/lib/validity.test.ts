import { validOn, type Validity } from './validity';

const timeless: Validity = {
  possibleFrom: null,
  certainFrom: '0001-01-01',
  certainUntil: null,
  possibleUntil: null,
  timeless: true,
};
// Set up in November 2020, open-ended (the Bochum staff unit).
const since: Validity = {
  possibleFrom: '2020-11-01',
  certainFrom: '2020-11-30',
  certainUntil: null,
  possibleUntil: null,
  timeless: false,
};
// No date stated: possibly any day, certainly none.
const undated: Validity = {
  possibleFrom: null,
  certainFrom: null,
  certainUntil: null,
  possibleUntil: null,
  timeless: false,
};
// 2021 to about December 2024.
const period: Validity = {
  possibleFrom: '2021-01-01',
  certainFrom: '2021-12-31',
  certainUntil: '2024-12-01',
  possibleUntil: '2024-12-31',
  timeless: false,
};

describe('validOn', () => {
  it('certainly: from certainFrom to certainUntil, never without a proven start', () => {
    expect(validOn(timeless, '1900-01-01', 'CERTAIN')).toBe(true);
    expect(validOn(since, '2020-11-29', 'CERTAIN')).toBe(false);
    expect(validOn(since, '2020-11-30', 'CERTAIN')).toBe(true);
    expect(validOn(undated, '2020-11-30', 'CERTAIN')).toBe(false);
    expect(validOn(period, '2024-12-01', 'CERTAIN')).toBe(true);
    expect(validOn(period, '2024-12-02', 'CERTAIN')).toBe(false);
  });

  it('possibly: from possibleFrom to possibleUntil, open bounds unbounded', () => {
    expect(validOn(since, '2020-11-01', 'POSSIBLE')).toBe(true);
    expect(validOn(since, '2020-10-31', 'POSSIBLE')).toBe(false);
    expect(validOn(undated, '1000-01-01', 'POSSIBLE')).toBe(true);
    expect(validOn(period, '2024-12-31', 'POSSIBLE')).toBe(true);
    expect(validOn(period, '2025-01-01', 'POSSIBLE')).toBe(false);
    expect(validOn(period, '2020-12-31', 'POSSIBLE')).toBe(false);
  });
});
