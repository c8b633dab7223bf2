import { NODE_TYPES, RELATION_TYPES, type ValidityRule } from '../../model/model';
import type { FactState } from './fact';

/**
 * What "this fact ended on <date>" sets, from the model's validity rule: a unit's `dissolved`, a
 * post's `until`, the end of a programme's or participation's `period` (its start kept). Facts
 * that happen once (an event, a decision) or hold timelessly (a city's Land, a theme) have no end:
 * a wrong one is withdrawn instead.
 */
export function endFields(
  fact: Pick<FactState, 'kind' | 'type' | 'fields'>,
  ended: string,
): { set: Record<string, string> } | { problem: string } {
  const rule: ValidityRule | undefined =
    fact.kind === 'ENTITY'
      ? (NODE_TYPES as Record<string, { validity?: ValidityRule }>)[fact.type]?.validity
      : (RELATION_TYPES as Record<string, { validity?: ValidityRule }>)[fact.type]?.validity;
  if (rule?.end) return { set: { [rule.end]: ended } };
  if (rule?.interval) {
    const current = fact.fields[rule.interval];
    // "2021/.." or "2021/2024" keeps its start; a single date becomes the start; none is unknown.
    const start = typeof current === 'string' ? current.split('/')[0]! : '';
    return { set: { [rule.interval]: `${start}/${ended}` } };
  }
  if (rule?.point) {
    return {
      problem: `a ${fact.type} happens once (its "${rule.point}") and has no end; withdraw it if it was wrong`,
    };
  }
  return {
    problem: `a ${fact.type} has no end date in the model; withdraw it if it was wrong`,
  };
}
