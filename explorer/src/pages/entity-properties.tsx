import type { Entity } from '../api/types';
import type { ModelField } from '../lib/entity-model.types';
import { fieldLabel } from '../lib/labels';
import { useRouter } from '../router';
import { FieldValue } from './entity-facts';

/** The entity's own fields that have a value, labelled, in schema order. */
export function DetailTable({
  entity,
  fields,
  labelFields,
}: {
  entity: Entity;
  fields: ModelField[];
  labelFields: string[];
}) {
  const { route } = useRouter();
  const shown = fields.filter(({ name }) => {
    const value = entity[name];
    // A single name is the page's heading already; a theme's two labels are both worth showing.
    if (labelFields.length === 1 && labelFields[0] === name) return false;
    return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
  });
  if (shown.length === 0) return null;
  return (
    <dl className="properties">
      {shown.map(({ name }) => (
        <div key={name}>
          <dt>{fieldLabel(route.view.lang, name)}</dt>
          <dd>
            <FieldValue name={name} value={entity[name]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
