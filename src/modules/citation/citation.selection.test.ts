import {
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { selectsDocuments } from './citation.selection';

/** The root field of a query and its fragments, as a resolver's info carries them. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectsDocuments', () => {
  it.each([
    [
      'a document below sources',
      '{ paths { steps { sources { quote document { title } } } } }',
      true,
    ],
    ['quotes only', '{ paths { steps { sources { quote basis } } } }', false],
    ['a document that is not a citation', '{ x { document { title } } }', false],
    [
      'a document in a fragment on the citation',
      '{ compareCities { rows { cells { sources { ...C } } } } } fragment C on Citation { document { key } }',
      true,
    ],
    [
      'sources in an inline fragment',
      '{ compareCities { rows { cells { ... on ComparisonCell { sources { document { key } } } } } } }',
      true,
    ],
    [
      'a fragment used twice without documents',
      '{ a { ...F b { ...F } } } fragment F on X { sources { quote } }',
      false,
    ],
    [
      'a fragment spread outside sources first, then inside',
      '{ a { b { ...D } sources { ...D } } } fragment D on Citation { document { key } }',
      true,
    ],
  ])('%s', (_name, query, expected) => {
    expect(selectsDocuments(infoOf(query))).toBe(expected);
  });
});
