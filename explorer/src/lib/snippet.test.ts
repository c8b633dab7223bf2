import { snippetParts } from './snippet';

describe('snippetParts', () => {
  it('marks what the API put in «…»', () => {
    expect(snippetParts('Stabsstelle «Seniorinnen» und «Senioren»')).toEqual([
      { text: 'Stabsstelle ', match: false },
      { text: 'Seniorinnen', match: true },
      { text: ' und ', match: false },
      { text: 'Senioren', match: true },
    ]);
  });

  it('keeps text without marks, unclosed marks and empty marks plain', () => {
    expect(snippetParts('Bochum')).toEqual([{ text: 'Bochum', match: false }]);
    expect(snippetParts('a «b')).toEqual([{ text: 'a «b', match: false }]);
    expect(snippetParts('«»x')).toEqual([{ text: 'x', match: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});
