import type { AsOfMode } from './route';

/** The API's `Validity`: the days a fact holds by its stated dates. */
export interface Validity {
  possibleFrom: string | null;
  certainFrom: string | null;
  certainUntil: string | null;
  possibleUntil: string | null;
  timeless: boolean;
}

/**
 * Whether a fact holds on `day` by the rule the schema documents for `Validity` (and `asOf`
 * applies in the database): certainly from `certainFrom` to `certainUntil`, where a null
 * `certainFrom` proves no day; possibly from `possibleFrom` to `possibleUntil`, null bounds open.
 * Used where the API takes no `asOf` (`neighbourhood`, the entity itself), so the page can say
 * what the day leaves out.
 */
export function validOn(validity: Validity, day: string, mode: AsOfMode): boolean {
  if (mode === 'CERTAIN') {
    if (validity.certainFrom === null) return false;
    return (
      validity.certainFrom <= day &&
      (validity.certainUntil === null || day <= validity.certainUntil)
    );
  }
  return (
    (validity.possibleFrom === null || validity.possibleFrom <= day) &&
    (validity.possibleUntil === null || day <= validity.possibleUntil)
  );
}
