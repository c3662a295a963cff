import type { CallOptions, VertexClients } from '../session.js';
import { isNotOffered } from '../errors.js';
import type { Where } from '../estate.js';

/**
 * One Vertex AI collection, described as data: the list method that pages through it and how one
 * record becomes assets and edges. The collector runs every collection in every location.
 */
export interface VertexCollection {
  /** The API method, as coverage messages name it (e.g. ListEndpoints). */
  operation: string;
  /** Lists the collection in one project and location, describing each record as it arrives. */
  collect(clients: VertexClients, where: Where, options: CallOptions): Promise<void>;
}

export function vertexCollection<R>(spec: {
  operation: string;
  list: (clients: VertexClients, request: { parent: string }, options: CallOptions) => AsyncIterable<R>;
  describe: (record: R, where: Where) => void;
}): VertexCollection {
  return {
    operation: spec.operation,
    async collect(clients, where, options) {
      try {
        for await (const record of spec.list(clients, { parent: `projects/${where.project}/locations/${where.location}` }, options)) spec.describe(record, where);
      } catch (error) {
        // A collection that this location does not offer is empty, not a gap.
        if (!isNotOffered(error)) throw error;
        where.estate.builder.context.log.debug(`gcp ${where.project}/${where.location} ${spec.operation}: not offered here`);
      }
    },
  };
}
