import { ServiceClient } from '@azure/core-client';
import { createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { isObject, type ArmRecord } from './arm.js';
import { clientOptions, type ArmConnection } from './connection.js';

/**
 * Plain ARM REST, for an API whose `@azure/arm-*` client sends an old api-version (Microsoft.Security
 * in @azure/arm-security 5 asks for pricings at 2022-03-01). The request goes through the Azure
 * SDK's own pipeline, set up as every other client is (connection.ts: bearer token, retry policy,
 * per-request timeout, the scan's concurrency limit and abort signal), and a refused or failed
 * answer throws the SDK's RestError, so coverage reads it as it reads the clients' errors.
 */
export class ArmRest {
  private readonly client: ServiceClient;

  constructor(private readonly connection: ArmConnection) {
    this.client = new ServiceClient({ credential: connection.credential, ...clientOptions(connection) });
  }

  /** GET `path` at `apiVersion` (with further query parameters, e.g. `$filter`): the JSON body. */
  async get(path: string, apiVersion: string, query: Record<string, string> = {}): Promise<unknown> {
    const url = new URL(path, this.connection.target.endpoint);
    url.searchParams.set('api-version', apiVersion);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return this.getUrl(url);
  }

  private async getUrl(url: URL): Promise<unknown> {
    const request = createPipelineRequest({ url: url.href, method: 'GET' });
    const response = await this.client.sendRequest(request);
    const text = response.bodyAsText ?? '';
    if (response.status >= 400) {
      const error = parseJson(text) as { error?: { code?: unknown; message?: unknown } } | undefined;
      const code = typeof error?.error?.code === 'string' ? error.error.code : undefined;
      const message = typeof error?.error?.message === 'string' ? error.error.message : `GET ${url.pathname} answered HTTP ${response.status}`;
      throw new RestError(message, { code, statusCode: response.status, request, response });
    }
    const body = parseJson(text);
    if (body === undefined) throw new RestError(`the answer to GET ${url.pathname} is not valid JSON`, { code: 'PARSE_ERROR', statusCode: response.status, request, response });
    return body;
  }

  /** The `value` of a list answer that is not paged (its model has no nextLink, as Pricings_List). */
  async list(path: string, apiVersion: string): Promise<ArmRecord[]> {
    const body = (await this.get(path, apiVersion)) as { value?: unknown } | null;
    return values(body);
  }

  /**
   * Every item of a pageable list (x-ms-pageable with nextLink): the first page from `path`, then
   * each absolute nextLink as given (it carries the api-version and query itself), as the SDK's own
   * pagers follow it.
   */
  async listPaged(path: string, apiVersion: string, query: Record<string, string> = {}): Promise<ArmRecord[]> {
    let body = (await this.get(path, apiVersion, query)) as { value?: unknown; nextLink?: unknown } | null;
    const items = values(body);
    while (typeof body?.nextLink === 'string' && body.nextLink) {
      body = (await this.getUrl(new URL(body.nextLink))) as { value?: unknown; nextLink?: unknown } | null;
      items.push(...values(body));
    }
    return items;
  }
}

function values(body: { value?: unknown } | null): ArmRecord[] {
  return Array.isArray(body?.value) ? (body.value.filter(isObject) as ArmRecord[]) : [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
