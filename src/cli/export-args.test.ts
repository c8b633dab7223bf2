import { parseExportArgs } from './export-args';

describe('npm run export arguments', () => {
  it('accepts the documented forms', () => {
    expect(parseExportArgs(['--format', 'csv', '--out', 'out'])).toEqual({
      format: 'csv',
      out: 'out',
      progress: false,
    });
    expect(
      parseExportArgs([
        '--format=jsonld',
        '--out=bremerhaven.jsonld',
        '--city',
        '04012000',
        '--progress',
      ]),
    ).toEqual({ format: 'jsonld', out: 'bremerhaven.jsonld', city: '04012000', progress: true });
    expect(parseExportArgs(['--help'])).toBeNull();
  });

  it.each([
    [[], '--format is required (csv or jsonld)'],
    [['--format', 'xml', '--out', 'x'], '--format must be csv or jsonld (got "xml")'],
    [['--format', 'csv'], '--out is required'],
    [['--format', 'csv', '--out'], '--out needs a value'],
    [['--format', '--out', 'x'], '--format needs a value'],
    [
      ['--format', 'csv', '--out', 'x', '--city', '05911000'],
      '--city works with --format jsonld only',
    ],
    [['--format', 'csv', '--format', 'csv', '--out', 'x'], '--format given twice'],
    [['--format', 'csv', '--out', 'x', '--verbose'], 'unknown argument: --verbose'],
    [['csv'], 'unknown argument: csv'],
  ])('refuses %j with one line', (argv, message) => {
    expect(() => parseExportArgs(argv)).toThrow(message);
  });

  it('takes a comparison with its options, and refuses them without --compare', () => {
    expect(
      parseExportArgs([
        '--format',
        'csv',
        '--out',
        'm.csv',
        '--compare',
        'bochum,bremerhaven',
        '--themes=ageing',
        '--as-of',
        '2020-12-31',
      ]),
    ).toEqual({
      format: 'csv',
      out: 'm.csv',
      progress: false,
      compare: { cities: 'bochum,bremerhaven', themes: 'ageing', asOf: '2020-12-31' },
    });
    expect(() => parseExportArgs(['--format', 'csv', '--out', 'd', '--themes', 'ageing'])).toThrow(
      '--themes works with --compare only',
    );
    expect(
      parseExportArgs([
        '--format',
        'csv',
        '--out',
        'm.csv',
        '--compare',
        'bochum,herten',
        '--basis',
        'STATED',
      ]),
    ).toMatchObject({ compare: { cities: 'bochum,herten', basis: 'STATED' } });
    expect(() => parseExportArgs(['--format', 'csv', '--out', 'd', '--basis', 'STATED'])).toThrow(
      '--basis works with --compare only',
    );
    expect(() =>
      parseExportArgs(['--format', 'jsonld', '--out', 'f', '--compare', 'bochum,herten']),
    ).toThrow('--compare works with --format csv only');
  });
});
