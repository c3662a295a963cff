import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/**
 * Resolves once the process has put its first HTTP request on the wire: Node's http client (used by
 * the AWS and Azure SDKs, and by node-fetch under Google's auth library) and undici (Node's own fetch)
 * announce their requests on these diagnostics channels. Code that blocks the event loop for a while (compiling the rule engine)
 * waits for this rather than hold the request back: a TLS handshake needs the loop too.
 */
export function firstRequestOnTheWire(): Promise<void> {
  return new Promise((resolve) => {
    const onHttpRequest = (message: unknown) => {
      const { request } = message as { request: ClientRequest };
      // 'close' too: a request that fails before it is written (refused, no DNS) never finishes.
      request.once('finish', done).once('close', done);
    };
    const channels: Array<[string, (message: unknown) => void]> = [
      ['http.client.request.start', onHttpRequest],
      ['undici:client:sendHeaders', () => done()],
      ['undici:request:error', () => done()],
    ];
    function done() {
      for (const [name, listener] of channels) unsubscribe(name, listener);
      resolve();
    }
    for (const [name, listener] of channels) subscribe(name, listener);
  });
}
