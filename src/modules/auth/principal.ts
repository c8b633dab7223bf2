/**
 * Who sends a request. Reads stay anonymous; writes (issue 13) need a principal with a role.
 * The authenticator turns the request's `Authorization` header into a principal.
 */
export const ROLES = ['CONTRIBUTOR', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The API key's id or the JWT's subject: what history records as the author. */
  id: string;
  /** A human-readable name (the key's name, or the JWT's `name` claim). */
  name: string;
  role: Role;
  via: 'API_KEY' | 'JWT';
}

/**
 * Reads the `Authorization` header: `null` means anonymous (no header). A header that is present
 * but not a valid credential must throw, never fall back to anonymous.
 */
export type Authenticator = (authorization: string | undefined) => Promise<Principal | null>;

/** Until credentials are configured every request is anonymous. */
export const anonymousOnly: Authenticator = async () => null;
