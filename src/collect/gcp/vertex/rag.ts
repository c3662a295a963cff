import type { protos } from '@google-cloud/aiplatform';
import { bucketOf, cmekOf, enumName, type Where } from '../estate.js';
import type { CallOptions, VertexClients } from '../session.js';
import { vertexCollection } from './collection.js';

type RagCorpus = protos.google.cloud.aiplatform.v1.IRagCorpus;
type RagFile = protos.google.cloud.aiplatform.v1.IRagFile;

/**
 * Vertex AI RAG Engine corpora (v1 ragCorpora): where the embeddings live (the vector database), who
 * holds the key to an external one (a Secret Manager secret version), and CMEK. The files each corpus
 * was imported from are listed afterwards (`collectRagFiles`), one ListRagFiles per corpus.
 */
export const ragCorpora = vertexCollection({
  operation: 'ListRagCorpora',
  list: (vertex, request, options) => vertex.ragData.listRagCorporaAsync(request, options),
  describe: describeCorpus,
});

/** The vector database of a corpus: the oneof backend_config and, within it, the oneof vector_db (vertex_rag_data.proto). */
function vectorDbOf(corpus: RagCorpus): string | null {
  if (corpus.vertexAiSearchConfig) return 'vertex-ai-search';
  const config = corpus.vectorDbConfig;
  // RagManagedDb is "the default vector database" when the corpus names none
  // (https://cloud.google.com/vertex-ai/generative-ai/docs/vector-db-choices).
  if (!config) return 'rag-managed-db';
  if (config.ragManagedDb) return 'rag-managed-db';
  if (config.pinecone) return 'pinecone';
  if (config.vertexVectorSearch) return 'vertex-vector-search';
  // A vector database newer than this SDK (its member is dropped when decoded): unknown.
  return null;
}

/** Vector databases outside Google Cloud, reached with an API key the corpus keeps in Secret Manager. */
const EXTERNAL_VECTOR_DBS = ['pinecone'];

function describeCorpus(corpus: RagCorpus, where: Where): void {
  const { estate } = where;
  const vectorDb = vectorDbOf(corpus);
  const vectorSearch = corpus.vectorDbConfig?.vertexVectorSearch;
  const id = estate.addVertexAsset(corpus, 'gcp.vertexai.rag-corpus', where, {
    // A backend this SDK cannot name stays unknown (left out), not "none".
    ...(vectorDb !== null ? { vectorDb, externalVectorDb: EXTERNAL_VECTOR_DBS.includes(vectorDb) } : {}),
    apiKeySecretVersion: corpus.vectorDbConfig?.apiAuth?.apiKeyConfig?.apiKeySecretVersion || null,
    embeddingModelEndpoint: corpus.vectorDbConfig?.ragEmbeddingModelConfig?.vertexPredictionEndpoint?.endpoint || null,
    state: enumName(corpus.corpusStatus?.state as string | number | null | undefined),
    ...cmekOf(corpus),
    // The documents are embedded and stored where the corpus keeps its vectors.
    sensitiveData: true,
  });
  estate.addEdge(id, 'writes-data', vectorSearch?.index || undefined);
  estate.ragCorpora.push({ id, name: corpus.displayName || id, where });
}

/** Where a RAG file came from: the oneof rag_file_source. */
function sourceOf(file: RagFile): string | null {
  if (file.gcsSource) return 'cloud-storage';
  if (file.googleDriveSource) return 'google-drive';
  if (file.directUploadSource) return 'direct-upload';
  if (file.slackSource) return 'slack';
  if (file.jiraSource) return 'jira';
  if (file.sharePointSources) return 'sharepoint';
  return null;
}

/**
 * Lists the files of one corpus: the kinds of source it ingests, and a `reads-data` edge to each
 * Cloud Storage bucket it imported from (a poisoned document there reaches every answer grounded on
 * the corpus). When the list fails, the corpus's `reads-data` edges are unread.
 */
export async function collectRagFiles(vertex: VertexClients, corpus: { id: string; name: string; where: Where }, options: CallOptions): Promise<void> {
  const { estate, project, location } = corpus.where;
  const files = await estate.builder.call({ account: project, region: location, service: 'aiplatform' }, 'ListRagFiles', async () => {
    const listed: RagFile[] = [];
    for await (const file of vertex.ragData.listRagFilesAsync({ parent: corpus.id }, options)) listed.push(file);
    return listed;
  });
  if (!files) {
    estate.builder.markEdgesUnread(corpus.id, 'reads-data', 'out');
    return;
  }
  const sources = new Set<string>();
  const uris: string[] = [];
  for (const file of files) {
    const source = sourceOf(file);
    if (source) sources.add(source);
    for (const uri of file.gcsSource?.uris ?? []) {
      uris.push(uri);
      estate.usesBucket(corpus.id, 'reads-data', uri, project);
    }
  }
  estate.builder.addAsset({
    id: corpus.id,
    type: 'gcp.vertexai.rag-corpus',
    account: project,
    region: location,
    name: corpus.name,
    props: { ragFiles: files.length, dataSources: [...sources].sort(), sourceBuckets: [...new Set(uris.map(bucketOf).filter((bucket) => bucket !== undefined))].sort() },
  });
}
