import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEV_PASSWORD, loadConfig, REPO_ROOT } from '../src/config';

/** No Docker engine runs here, so the wiring is checked by reading the files. */
const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), {
  // Compose merges `<<: *anchor` (YAML 1.1 merge keys), as the replicas use.
  merge: true,
}) as {
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
    // Its Node flags are those of npm start (src/server/node-flags.test.ts).
    expect(dockerfile).toMatch(/^CMD \["node", (".+", )*"dist\/src\/cli\/start\.js"\]$/m);
    expect(fs.existsSync(path.join(REPO_ROOT, 'src/cli/start.ts'))).toBe(true);
  });
});

interface Healthcheck {
  test: string[];
  retries: number;
}
interface Replica {
  build: string;
  profiles: string[];
  environment: Record<string, string>;
  ports?: string[];
  volumes: string[];
  healthcheck: Healthcheck;
  depends_on: Record<string, { condition: string }>;
}
const service = <T>(name: string) => compose.services[name] as T;

/** The environment a container gets, with `${VAR:-default}` resolved to its default. */
const resolved = (environment: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(environment).map(([k, v]) => [k, v.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]),
  );

/** A healthcheck that asks the API's /ready from inside its container. */
function expectReadyCheck(check: Healthcheck): void {
  expect(check.test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
  expect(check.test[3]).toContain("fetch('http://127.0.0.1:4000/ready')");
  expect(check.test[3]).toContain('process.exit(r.ok ? 0 : 1)');
  expect(check.retries).toBeGreaterThan(0);
}

describe('docker-compose.yml, profile scale', () => {
  const profiled = Object.entries(compose.services).filter(([, s]) => s.profiles !== undefined);

  it('leaves the default `docker compose up` as it was: Neo4j and one API', () => {
    const always = Object.keys(compose.services).filter(
      (name) => !compose.services[name]!.profiles,
    );
    expect(always).toEqual(['neo4j', 'api']);
    expect(profiled.map(([name, s]) => [name, s.profiles])).toEqual([
      ['redis', ['scale']],
      ['api-1', ['scale']],
      ['api-2', ['scale']],
      ['proxy', ['scale']],
    ]);
    // The replicas wait for it, so it alone imports the seeds.
    expectReadyCheck(compose.services.api!.healthcheck as Healthcheck);
  });

  it('runs Redis as a bounded cache without persistence, inside the network only', () => {
    const redis = service<{
      image: string;
      command: string[];
      ports?: unknown;
      healthcheck: Healthcheck;
    }>('redis');
    expect(redis.image).toMatch(/^redis:7(\.\d+)*-alpine$/);
    expect(redis.ports).toBeUndefined();
    expect(redis.command).toEqual([
      'redis-server',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory',
      '64mb',
      '--maxmemory-policy',
      'allkeys-lru',
    ]);
    expect(redis.healthcheck.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('has two API replicas of the same build that share the store and trust one proxy hop', () => {
    for (const name of ['api-1', 'api-2']) {
      const replica = service<Replica>(name);
      expect(replica.build).toBe('.');
      expect(replica.ports).toBeUndefined();
      expect(replica.environment).toEqual({
        ...api.environment,
        KG_SHARED_STORE_URL: 'redis://redis:6379/0',
        TRUST_PROXY: '1',
      });
      expect(replica.volumes).toEqual(api.volumes);
      expect(replica.depends_on).toEqual({
        neo4j: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        api: { condition: 'service_healthy' },
      });
      expectReadyCheck(replica.healthcheck);
      // The settings pass the API's own validation.
      const config = loadConfig(resolved(replica.environment));
      expect(config.sharedStore).toEqual({ url: 'redis://redis:6379/0', prefix: 'kg:' });
      expect(config.server.trustProxy).toBe(1);
      expect(config.server).toMatchObject({ port: 4000, host: '0.0.0.0' });
    }
  });

  it('publishes one port, on the nginx proxy that balances over both replicas', () => {
    const proxy = service<{
      image: string;
      ports: string[];
      volumes: string[];
      depends_on: Record<string, { condition: string }>;
    }>('proxy');
    expect(proxy.image).toMatch(/^nginx:1\.\d+(\.\d+)?-alpine$/);
    expect(proxy.ports).toEqual(['127.0.0.1:8080:80']);
    expect(proxy.volumes).toEqual(['./compose/nginx.conf:/etc/nginx/nginx.conf:ro']);
    expect(proxy.depends_on).toEqual({
      'api-1': { condition: 'service_healthy' },
      'api-2': { condition: 'service_healthy' },
    });
    const published = Object.entries(compose.services)
      .filter(([, s]) => s.profiles !== undefined && s.ports !== undefined)
      .map(([name]) => name);
    expect(published).toEqual(['proxy']);

    const conf = fs.readFileSync(path.join(REPO_ROOT, 'compose', 'nginx.conf'), 'utf8');
    const upstream = /upstream kommunalgraph_api \{([^}]*)\}/.exec(conf)![1]!;
    expect([...upstream.matchAll(/server (\S+) /g)].map((m) => m[1])).toEqual([
      'api-1:4000',
      'api-2:4000',
    ]);
    expect(conf).toMatch(/^\s*listen 80;$/m);
    expect(conf).toMatch(/^\s*proxy_pass http:\/\/kommunalgraph_api;$/m);
    // Replaced rather than appended to: with TRUST_PROXY=1 the API reads the client's address.
    expect(conf).toMatch(/^\s*proxy_set_header X-Forwarded-For \$remote_addr;$/m);
  });
});
