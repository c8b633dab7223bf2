import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEV_PASSWORD, REPO_ROOT } from '../src/config';

/** No Docker engine runs here, so the wiring is checked by reading the files. */
const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Record<string, unknown>>;
  volumes: Record<string, unknown>;
};
const neo4j = compose.services.neo4j as {
  image: string;
  environment: Record<string, string>;
  ports: string[];
  volumes: string[];
  healthcheck: { test: string[]; interval: string; retries: number };
};
const api = compose.services.api as {
  build: string;
  environment: Record<string, string>;
  ports: string[];
  volumes: string[];
  depends_on: Record<string, { condition: string }>;
};

describe('docker-compose.yml', () => {
  it('runs the official Neo4j 5.26 community image with a data volume and Bolt on loopback', () => {
    expect(neo4j.image).toMatch(/^neo4j:5\.26(\.\d+)?-community$/);
    expect(neo4j.ports).toContain('127.0.0.1:7687:7687');
    const [volume, target] = neo4j.volumes[0]!.split(':');
    expect(target).toBe('/data');
    expect(compose.volumes).toHaveProperty(volume!);
  });

  it('has a healthcheck that runs a Cypher query with the configured password', () => {
    expect(neo4j.healthcheck.test[0]).toBe('CMD-SHELL');
    expect(neo4j.healthcheck.test[1]).toContain('cypher-shell');
    expect(neo4j.healthcheck.test[1]).toContain('RETURN 1');
    expect(neo4j.healthcheck.retries).toBeGreaterThan(0);
    expect(neo4j.environment.NEO4J_AUTH).toBe(`neo4j/\${NEO4J_PASSWORD:-${DEV_PASSWORD}}`);
  });

  it('gives transactions that set no limit of their own a server-side time limit', () => {
    expect(neo4j.environment.NEO4J_db_transaction_timeout).toBe('60s');
    expect(neo4j.environment.NEO4J_db_transaction_monitor_check_interval).toBe('100ms');
  });

  it('starts the API only when Neo4j is healthy and points it at the neo4j service', () => {
    expect(api.depends_on.neo4j!.condition).toBe('service_healthy');
    expect(api.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(api.environment.NEO4J_USER).toBe('neo4j');
    expect(api.environment.NEO4J_PASSWORD).toBe(`\${NEO4J_PASSWORD:-${DEV_PASSWORD}}`);
    expect(api.environment.SEED_DOCUMENTS_DIR).toBe('/documents');
    expect(api.volumes.some((v) => v.endsWith(':/documents:ro'))).toBe(true);
    expect(api.ports).toContain('127.0.0.1:4000:4000');
  });

  it('builds the API from the repository Dockerfile on Node 20', () => {
    expect(api.build).toBe('.');
    const dockerfile = fs.readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/CMD \["node", "dist\/src\/cli\/start\.js"\]/);
    expect(fs.existsSync(path.join(REPO_ROOT, 'src/cli/start.ts'))).toBe(true);
  });
});
