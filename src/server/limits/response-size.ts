import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '../../common/errors';

/**
 * Replaces an answer larger than `maxBytes` (serialised JSON) by a RESPONSE_TOO_LARGE error
 * naming both sizes, so one request cannot make the server send megabytes. Must come first
 * among the plugins: it swaps the body before the cache-control and ETag plugins look at it, so
 * the error is not marked cacheable.
 */
export function responseSizePlugin<C extends BaseContext>(maxBytes: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const size = Buffer.byteLength(JSON.stringify(response.body.singleResult), 'utf8');
          if (size <= maxBytes) return;
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
  };
}
