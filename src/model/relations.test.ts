import { NODE_LABELS, RELATION_TYPE_NAMES } from './model';
import { RELATION_FIELDS, modelEnds, relationFieldsOf } from './relations';
import { RELATION_FILTERS, scalarFilters } from '../modules/filter/filter.spec';

describe('the relationship table', () => {
  it('reads every relationship type of the model from at least one side', () => {
    const covered = new Set(RELATION_FIELDS.map((f) => f.type));
    expect(RELATION_TYPE_NAMES.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('only follows relationships the model allows between those labels', () => {
    const wrong: string[] = [];
    for (const field of RELATION_FIELDS) {
      const near = modelEnds(field.type, field.direction === 'OUT' ? 'IN' : 'OUT');
      const far = modelEnds(field.type, field.direction);
      if (!near.includes(field.on))
        wrong.push(`${field.on}.${field.name}: ${field.on} cannot be this end`);
      for (const target of field.to) {
        if (!far.includes(target))
          wrong.push(`${field.on}.${field.name}: ${target} cannot be the far end`);
      }
      // A walk over several steps passes other labels on its way, and must end at one label.
      if (field.repeat && field.to.length !== 1) wrong.push(`${field.on}.${field.name}: repeat`);
    }
    expect(wrong).toEqual([]);
  });

  it('names each field once per label, apart from its scalar fields', () => {
    const clashes: string[] = [];
    for (const label of NODE_LABELS) {
      const names = [
        ...scalarFilters(label).map((s) => s.name),
        ...RELATION_FILTERS[label].map((r) => r.name),
      ];
      for (const name of new Set(names)) {
        if (names.filter((n) => n === name).length > 1) clashes.push(`${label}.${name}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives every output field a filter of the same name and meaning', () => {
    for (const label of NODE_LABELS) {
      for (const field of relationFieldsOf(label)) {
        const filter = RELATION_FILTERS[label].find((r) => r.name === field.name);
        expect(filter).toMatchObject({
          types: [field.type],
          direction: field.direction,
          targets: field.to,
          perLabel: field.to.length > 1,
          description: field.doc,
        });
        expect(filter?.deprecationReason).toBeUndefined();
      }
    }
  });

  it('keeps the filter names of the last release as deprecated aliases', () => {
    const deprecated = Object.entries(RELATION_FILTERS).flatMap(([label, specs]) =>
      specs.filter((s) => s.deprecationReason).map((s) => `${label}.${s.name}`),
    );
    expect(deprecated.sort()).toEqual(
      [
        'City.officeHolders',
        'City.programmes',
        'Organisation.cooperatesWith',
        'Organisation.officeHolders',
        'OrgUnit.cooperatesWithUnits',
        'OrgUnit.cooperationPartnerOfUnits',
        'OrgUnit.decidedByPerson',
        'OrgUnit.decidedByUnit',
        'OrgUnit.decidedProgrammes',
        'OrgUnit.operatedByCity',
        'OrgUnit.postHolders',
        'Person.advised',
        'Person.affiliatedWith',
        'Person.cityPosts',
        'Person.organisationPosts',
        'Person.unitPosts',
        'Programme.runByCities',
        'Programme.runByOrganisations',
        'Venue.city',
        'Venue.site',
      ].sort(),
    );
  });
});
