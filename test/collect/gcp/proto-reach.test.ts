import { createRequire } from 'node:module';
import * as gax from 'google-gax';
import { describe, expect, it } from 'vitest';
import { reachableFromServices, type ProtoNode } from '../../../src/collect/gcp/proto-reach.js';

const require = createRequire(import.meta.url);
const VERTEX = ['google', 'cloud', 'aiplatform', 'v1'];
const OPERATION_TYPES = ['(google.longrunning.operation_info).response_type', '(google.longrunning.operation_info).metadata_type'];

function vertexDescription(): ProtoNode {
  return require('@google-cloud/aiplatform/build/protos/protos.json') as ProtoNode;
}

function packageMembers(root: ProtoNode, path: readonly string[]): Record<string, ProtoNode> {
  let node = root;
  for (const name of path) node = node.nested![name]!;
  return node.nested!;
}

/** A description with one package, acme.v1, holding `members`; `google` beside it when asked. */
function acmeV1(members: Record<string, ProtoNode>, others: Record<string, ProtoNode> = {}): ProtoNode {
  return { nested: { acme: { nested: { v1: { nested: members } } }, ...others } };
}

describe("the part of an API description a scan's services reach", () => {
  it("builds a root in which every method of the services, and every long-running operation's types, resolve", () => {
    const services = ['EndpointService', 'NotebookService', 'VertexRagDataService'];
    const cut = reachableFromServices(vertexDescription(), VERTEX, services)!;
    const root = gax.protobuf.Root.fromJSON(cut as Parameters<typeof gax.protobuf.Root.fromJSON>[0]);
    root.resolveAll();
    for (const name of services) {
      const service = root.lookupService(`google.cloud.aiplatform.v1.${name}`);
      for (const method of Object.values(service.methods)) {
        expect(method.resolvedRequestType).not.toBeNull();
        for (const key of OPERATION_TYPES) {
          const type = method.options?.[key] as string | undefined;
          if (type !== undefined) expect(service.parent!.lookup(type), `${name}.${method.name} ${key}`).not.toBeNull();
        }
      }
    }
    const kept = Object.keys(packageMembers(cut, VERTEX));
    expect(kept).not.toContain('PredictionService');
    expect(kept.length).toBeLessThan(Object.keys(packageMembers(vertexDescription(), VERTEX)).length / 2);
  });

  it('drops the other versions of the package and keeps the other packages whole', () => {
    const whole = vertexDescription();
    const cut = reachableFromServices(whole, VERTEX, ['ModelService'])!;
    expect(Object.keys(packageMembers(cut, ['google', 'cloud', 'aiplatform']))).toEqual(['v1']);
    expect(packageMembers(cut, ['google', 'protobuf'])).toBe(packageMembers(whole, ['google', 'protobuf']));
  });

  it('leaves the original description untouched', () => {
    const whole = vertexDescription();
    const before = JSON.stringify(whole);
    reachableFromServices(whole, VERTEX, ['JobService']);
    expect(JSON.stringify(whole)).toBe(before);
  });

  it('gives up on a reference it cannot place, and on a service the package does not have', () => {
    const description = acmeV1({
      Things: { methods: { ListThings: { requestType: 'ListThingsRequest', responseType: 'ListThingsResponse' } } },
      ListThingsRequest: { fields: { parent: { type: 'string' } } },
      ListThingsResponse: { fields: { things: { type: 'elsewhere.Thing' } } },
    });
    expect(reachableFromServices(description, ['acme', 'v1'], ['Things'])).toBeUndefined();
    expect(reachableFromServices(vertexDescription(), VERTEX, ['NoSuchService'])).toBeUndefined();
  });

  it('follows relative names to nested types and map values, and keeps what is only nested', () => {
    const description = acmeV1(
      {
        Things: { methods: { GetThing: { requestType: 'GetThingRequest', responseType: 'Thing' } } },
        GetThingRequest: { fields: { name: { type: 'string' } } },
        Thing: { fields: { state: { type: 'Thing.State' }, labels: { keyType: 'string', type: 'Label' }, owner: { type: 'acme.v1.Owner' } }, nested: { State: { values: { ON: 1 } } } },
        Label: { fields: { value: { type: 'string' } } },
        Owner: { fields: { since: { type: 'google.protobuf.Timestamp' } } },
        Unused: { fields: { value: { type: 'string' } } },
      },
      { google: { nested: { protobuf: { nested: { Timestamp: { fields: { seconds: { type: 'int64' } } } } } } } },
    );
    const kept = Object.keys(packageMembers(reachableFromServices(description, ['acme', 'v1'], ['Things'])!, ['acme', 'v1'])).sort();
    expect(kept).toEqual(['GetThingRequest', 'Label', 'Owner', 'Thing', 'Things']);
  });
});
