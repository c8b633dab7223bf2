import { ROLES } from './principal';
import { highestRole, parseRole, ROLE_PERMISSIONS, roleAtLeast } from './roles';

describe('roles', () => {
  it('are ordered CONTRIBUTOR < EDITOR < ADMIN, each admitting itself and those above', () => {
    const admitted = Object.fromEntries(
      ROLES.map((required) => [required, ROLES.filter((role) => roleAtLeast(role, required))]),
    );
    expect(admitted).toEqual({
      CONTRIBUTOR: ['CONTRIBUTOR', 'EDITOR', 'ADMIN'],
      EDITOR: ['EDITOR', 'ADMIN'],
      ADMIN: ['ADMIN'],
    });
  });

  it('each say what they may do', () => {
    expect(Object.keys(ROLE_PERMISSIONS)).toEqual([...ROLES]);
  });

  it('are read in any case, and nothing else is a role', () => {
    expect(['editor', 'Editor', ' ADMIN ', 'contributor'].map(parseRole)).toEqual([
      'EDITOR',
      'EDITOR',
      'ADMIN',
      'CONTRIBUTOR',
    ]);
    expect(['', 'root', 'editors', 'ADMIN;'].map(parseRole)).toEqual([null, null, null, null]);
  });

  it('take the highest of several names, ignoring names that are no role', () => {
    expect(highestRole(['offline_access', 'editor', 'contributor'])).toBe('EDITOR');
    expect(highestRole(['admin', 'editor'])).toBe('ADMIN');
    expect(highestRole(['uma_authorization'])).toBeNull();
    expect(highestRole([])).toBeNull();
  });
});
