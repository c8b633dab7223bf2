import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../src/config';
import { NODE_TYPES, RELATION_TYPES } from '../../../src/model/model';
import { buildEntityModel } from '../../build/entity-model';
import { MESSAGES, typeLabel } from './i18n';
import { CODE_LABELS, FIELD_LABELS, RELATION_LABELS, snippetFieldLabel } from './labels';

const model = buildEntityModel(
  fs.readFileSync(path.join(REPO_ROOT, 'schema', 'schema.graphql'), 'utf8'),
);

describe('interface text', () => {
  it('has every message in German and English, none empty', () => {
    expect(Object.keys(MESSAGES.de).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const lang of ['de', 'en'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[lang])) {
        expect([key, text.trim().length > 0]).toEqual([key, true]);
      }
    }
  });

  it('names every entity type in both languages', () => {
    // typeLabel falls back to the type's own name when it has no message.
    expect(Object.keys(model.types).filter((type) => !(`type${type}` in MESSAGES.en))).toEqual([]);
    expect(typeLabel('de', 'OrgUnit')).toBe('Einheit');
    expect(typeLabel('en', 'SourceDocument')).toBe('Source document');
  });

  it('has a heading for every relation field of the schema', () => {
    const missing = Object.entries(model.types).flatMap(([type, t]) =>
      t.relations
        .filter((r) => !RELATION_LABELS[`${type}.${r.name}`] && !RELATION_LABELS[r.name])
        .map((r) => `${type}.${r.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('has a label for every own field and relationship detail the pages show', () => {
    const fields = new Set([
      ...Object.values(model.types).flatMap((t) => t.fields.map((f) => f.name)),
      ...model.detailFields.map((f) => f.name),
    ]);
    expect([...fields].filter((f) => !FIELD_LABELS[f])).toEqual([]);
  });

  it('says where a search hit matched', () => {
    // The fields src/modules/search/snippet.ts takes snippets from.
    const fields = ['name', 'title', 'labelDe', 'labelEn', 'shortName', 'altNames', 'altLabels'];
    for (const field of [...fields, 'description', 'quotes']) {
      expect(snippetFieldLabel('de', field)).not.toBe(field);
    }
    expect(snippetFieldLabel('en', 'quotes')).toBe('a quote');
  });

  it('says every code of the model in words', () => {
    const specs = [...Object.values(NODE_TYPES), ...Object.values(RELATION_TYPES)].flatMap((spec) =>
      Object.values(spec.fields as Record<string, { type: string; values?: readonly string[] }>),
    );
    const codes = new Set(
      specs.flatMap((field) => (field.type === 'enum' ? (field.values ?? []) : [])),
    );
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((code) => !CODE_LABELS[code])).toEqual([]);
  });
});
