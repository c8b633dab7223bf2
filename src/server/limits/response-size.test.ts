import type { FormattedExecutionResult } from 'graphql';
import { responseSizeLimit } from './response-size';

/** Runs the plugin's willSendResponse on a result, as Apollo does, and returns the response. */
async function send(limit: ReturnType<typeof responseSizeLimit>, result: FormattedExecutionResult) {
  const response = {
    body: { kind: 'single' as const, singleResult: result },
    http: { status: undefined as number | undefined },
  };
  const hooks = await limit.plugin.requestDidStart!({} as never);
  await hooks!.willSendResponse!({ response } as never);
  return response;
}

describe('responseSizeLimit', () => {
  const data = { cities: { nodes: [{ key: 'bochum', name: 'Bochum' }] } };
  const text = JSON.stringify({ data });

  it("sends exactly the text Apollo's own serialiser would", async () => {
    const limit = responseSizeLimit(1_000);
    const response = await send(limit, { data });
    expect(response.http.status).toBeUndefined();
    const sent = limit.stringifyResult({ errors: undefined, data, extensions: undefined });
    expect(sent).toBe(`${text}\n`);
    // Asked again (the measured text is handed out once), the same text.
    expect(limit.stringifyResult({ data })).toBe(`${text}\n`);
  });

  it('serialises what later plugins changed rather than what it measured', async () => {
    const limit = responseSizeLimit(1_000);
    const errors = [{ message: 'later' }];
    await send(limit, { data });
    expect(limit.stringifyResult({ errors, data })).toBe(`${JSON.stringify({ errors, data })}\n`);
  });

  it('replaces an answer over the limit by RESPONSE_TOO_LARGE with status 400', async () => {
    const size = Buffer.byteLength(text);
    const limit = responseSizeLimit(size - 1);
    const response = await send(limit, { data });
    expect(response.http.status).toBe(400);
    expect(response.body.singleResult).toEqual({
      errors: [
        {
          message: `Response size limit of ${size - 1} bytes exceeded, found ${size}: ask for smaller pages (first/last) or fewer fields.`,
          extensions: {
            code: 'RESPONSE_TOO_LARGE',
            limit: 'responseBytes',
            max: size - 1,
            actual: size,
          },
        },
      ],
    });
    const atLimit = await send(responseSizeLimit(size), { data });
    expect(atLimit.http.status).toBeUndefined();
  });
});
