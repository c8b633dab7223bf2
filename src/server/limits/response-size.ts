import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { ErrorCode } from '../../common/errors';

/** The JSON text Apollo sends for a result, as its own default `stringifyResult` writes it. */
function resultText(result: FormattedExecutionResult): string {
  return JSON.stringify({
    errors: result.errors,
    data: result.data,
    extensions: result.extensions,
  });
}

/**
 * Replaces an answer larger than `maxBytes` (serialised JSON) by a RESPONSE_TOO_LARGE error
 * naming both sizes, so one request cannot make the server send megabytes. The plugin must come
 * first among the plugins: it swaps the body before the cache-control and ETag plugins look at
 * it, so the error is not marked cacheable.
 *
 * Measuring means serialising the answer, which Apollo then did a second time. The text
 * measured is kept (keyed by the answer's `data` object) and `stringifyResult`, Apollo's
 * serialiser, sends it instead, when what Apollo serialises is still that answer: the same
 * `data` and neither errors nor extensions, which later plugins could have changed.
 */
export function responseSizeLimit<C extends BaseContext>(
  maxBytes: number,
): {
  plugin: ApolloServerPlugin<C>;
  stringifyResult: (result: FormattedExecutionResult) => string;
} {
  const measured = new WeakMap<object, string>();
  return {
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (response.body.kind !== 'single') return;
            const result = response.body.singleResult;
            const text = resultText(result);
            const size = Buffer.byteLength(text, 'utf8');
            if (size <= maxBytes) {
              if (result.data && !result.errors && !result.extensions) {
                measured.set(result.data, text);
              }
              return;
            }
            response.body.singleResult = {
              errors: [
                {
                  message: `Response size limit of ${maxBytes} bytes exceeded, found ${size}: ask for smaller pages (first/last) or fewer fields.`,
                  extensions: {
                    code: ErrorCode.RESPONSE_TOO_LARGE,
                    limit: 'responseBytes',
                    max: maxBytes,
                    actual: size,
                  },
                },
              ],
            };
            response.http.status = 400;
          },
        };
      },
    },
    stringifyResult(result) {
      const text =
        result.data && !result.errors && !result.extensions ? measured.get(result.data) : undefined;
      if (text !== undefined) {
        measured.delete(result.data!);
        return `${text}\n`;
      }
      return `${resultText(result)}\n`;
    },
  };
}
