import { parseExamples } from './examples';

describe('parseExamples', () => {
  it('reads names, operations and variables, skipping the file header', () => {
    const text = [
      '# Examples for the IDE; this header is not an example.',
      '',
      '# Example: Kommunen in Bremen',
      'query Kommunen {',
      '  territories(first: 5) { key }',
      '}',
      '',
      '# Example: Programme nach Thema',
      '# Variables: {"theme": "housing", "first": 10}',
      '# Lists programmes; this comment stays in the query.',
      'query Programmes($theme: String!, $first: Int) {',
      '  programmes(theme: $theme, first: $first) { key }',
      '}',
      '',
    ].join('\n');

    expect(parseExamples(text)).toEqual([
      {
        name: 'Kommunen in Bremen',
        query: 'query Kommunen {\n  territories(first: 5) { key }\n}',
      },
      {
        name: 'Programme nach Thema',
        query: [
          '# Lists programmes; this comment stays in the query.',
          'query Programmes($theme: String!, $first: Int) {',
          '  programmes(theme: $theme, first: $first) { key }',
          '}',
        ].join('\n'),
        variables: '{\n  "theme": "housing",\n  "first": 10\n}',
      },
    ]);
  });

  it('accepts CRLF line endings and an anonymous operation at the end of the file', () => {
    const text = '# Example: Anonym\r\n{ hello }\r\n# Example: Zweites\r\n{ world }';
    expect(parseExamples(text)).toEqual([
      { name: 'Anonym', query: '{ hello }' },
      { name: 'Zweites', query: '{ world }' },
    ]);
  });

  it('treats an indented "# Example:" comment as part of the operation', () => {
    const text = '# Example: Eins\nquery {\n  # Example: not a new one\n  hello\n}\n';
    const [example, ...rest] = parseExamples(text);
    expect(rest).toEqual([]);
    expect(example!.query).toContain('# Example: not a new one');
  });

  it('leaves a section heading between two examples out of the first one', () => {
    const text =
      '# Example: Eins\n{ hello }\n\n# --- more questions ---\n\n# Example: Zwei\n{ world }';
    expect(parseExamples(text)).toEqual([
      { name: 'Eins', query: '{ hello }' },
      { name: 'Zwei', query: '{ world }' },
    ]);
  });

  it('returns no examples for a file without "# Example:" lines', () => {
    expect(parseExamples('')).toEqual([]);
    expect(parseExamples('# just a comment\nquery Q { hello }\n')).toEqual([]);
  });

  it('names the example whose variables are not valid JSON', () => {
    const text = '# Example: Kaputt\n# Variables: {"theme": housing}\nquery Q { hello }\n';
    expect(() => parseExamples(text)).toThrow(
      /^Example "Kaputt": the "# Variables:" line 2 is not valid JSON/,
    );
  });

  it('names the example whose variables are JSON but not an object', () => {
    const text = '# Example: Liste\n# Variables: [1, 2]\nquery Q { hello }\n';
    expect(() => parseExamples(text)).toThrow('Example "Liste": the "# Variables:" line 2');
  });

  it('rejects an example without a name, without an operation, or with a bad one', () => {
    expect(() => parseExamples('# Example:   \n{ hello }')).toThrow('line 1 has no name');
    expect(() => parseExamples('# Example: Leer\n\n# Example: Voll\n{ hello }')).toThrow(
      'Example "Leer" (line 1) has no operation',
    );
    expect(() => parseExamples('# Example: Halb\nquery Q {\n')).toThrow(
      /^Example "Halb" \(line 1\) does not parse: Syntax Error/,
    );
  });

  it('marks "# Write example:" operations as writes, and refuses a mutation marked as a read', () => {
    const text = [
      '# Example: Lesen',
      '{ a }',
      '# Write example: Schreiben',
      '# Variables: {"id": "x"}',
      'mutation M($id: ID!) { retire(id: $id) { ok } }',
    ].join('\n');
    expect(parseExamples(text)).toEqual([
      { name: 'Lesen', query: '{ a }' },
      {
        name: 'Schreiben',
        query: 'mutation M($id: ID!) { retire(id: $id) { ok } }',
        variables: '{\n  "id": "x"\n}',
        writes: true,
      },
    ]);
    expect(() => parseExamples('# Example: Heimlich\nmutation { retire { ok } }')).toThrow(
      'Example "Heimlich" (line 1) holds a mutation; mark it "# Write example:"',
    );
    expect(() => parseExamples('# Write example: Leer\n{ a }')).toThrow(
      'Write example "Leer" (line 1) holds no mutation; mark it "# Example:"',
    );
  });

  it('rejects a name used twice, since the tabs would be indistinguishable', () => {
    const text = '# Example: Doppelt\n{ a }\n# Example: Doppelt\n{ b }\n';
    expect(() => parseExamples(text)).toThrow('Example "Doppelt" (line 3) is defined twice');
  });
});
