import { Kind, parse } from 'graphql';
import type { IdeExample } from './ide';

// Anchored at column 0 so that an indented comment inside an operation never starts an example.
// "# Write example:" starts a write (a mutation), which nothing runs unasked.
const EXAMPLE_LINE = /^#\s*(Write example|Example):(.*)$/;
const VARIABLES_LINE = /^#\s*Variables:(.*)$/;

/**
 * Reads the IDE's example operations from a `.graphql` file. Each example starts with a line
 * `# Example: <name>` (or `# Write example: <name>` for a mutation, marked `writes`), may be
 * followed directly by `# Variables: {...json...}`, and runs up to the
 * next `# Example:` line; anything before the first example (a file header) is ignored, and so
 * are column-0 comment lines between an operation and the next example (section headings).
 *
 * Variables are re-serialised with two-space indentation because they land in the IDE's variables
 * editor as typed text. Throws an `Error` naming the example when its name is missing or repeated,
 * its variables are not a JSON object, or its operation is empty or does not parse, so that a bad
 * examples file fails at start-up instead of showing researchers a broken tab.
 */
export function parseExamples(text: string): IdeExample[] {
  const lines = text.split(/\r?\n/);
  const examples: IdeExample[] = [];
  let index = lines.findIndex((line) => EXAMPLE_LINE.test(line));
  while (index !== -1 && index < lines.length) {
    const lineNumber = index + 1;
    const [, kind, rawName] = EXAMPLE_LINE.exec(lines[index]!)!;
    const name = rawName!.trim();
    const writes = kind === 'Write example';
    if (!name) throw new Error(`The "# Example:" line ${lineNumber} has no name`);
    if (examples.some((example) => example.name === name)) {
      throw new Error(`Example "${name}" (line ${lineNumber}) is defined twice`);
    }
    index += 1;

    let variables: string | undefined;
    const variablesMatch = index < lines.length ? VARIABLES_LINE.exec(lines[index]!) : null;
    if (variablesMatch) {
      variables = parseVariables(name, index + 1, variablesMatch[1]!);
      index += 1;
    }

    const next = lines.findIndex((line, at) => at >= index && EXAMPLE_LINE.test(line));
    let end = next === -1 ? lines.length : next;
    // Column-0 comments after the operation head the next section of the file (e.g.
    // "# --- dashboards ---"), not this tab.
    while (end > index && /^(#|\s*$)/.test(lines[end - 1]!)) end -= 1;
    const query = lines.slice(index, end).join('\n').trim();
    checkQuery(name, lineNumber, query, writes);
    examples.push({
      name,
      query,
      ...(variables === undefined ? {} : { variables }),
      ...(writes ? { writes } : {}),
    });
    index = next;
  }
  return examples;
}

function parseVariables(name: string, lineNumber: number, json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Example "${name}": the "# Variables:" line ${lineNumber} is not valid JSON (${reason})`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(
      `Example "${name}": the "# Variables:" line ${lineNumber} must hold a JSON object`,
    );
  }
  return JSON.stringify(value, null, 2);
}

function checkQuery(name: string, lineNumber: number, query: string, writes: boolean): void {
  if (!query) throw new Error(`Example "${name}" (line ${lineNumber}) has no operation`);
  let document;
  try {
    document = parse(query);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Example "${name}" (line ${lineNumber}) does not parse: ${reason}`);
  }
  // A mutation must say so in its heading, so no reader (or IDE tab) runs it unawares.
  const mutates = document.definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation',
  );
  if (mutates !== writes) {
    throw new Error(
      writes
        ? `Write example "${name}" (line ${lineNumber}) holds no mutation; mark it "# Example:"`
        : `Example "${name}" (line ${lineNumber}) holds a mutation; mark it "# Write example:"`,
    );
  }
}
