import type { protos } from '@google-cloud/aiplatform';
import { cmekOf, type Where } from '../estate.js';
import { durationSeconds } from '../proto-json.js';
import { vertexCollection } from './collection.js';

type NotebookRuntime = protos.google.cloud.aiplatform.v1.INotebookRuntime;
type NotebookRuntimeTemplate = protos.google.cloud.aiplatform.v1.INotebookRuntimeTemplate;

/** Colab Enterprise runtimes (Workbench instances are read in workbench.ts): egress, idle shutdown, and who they run as. */
export const notebookRuntimes = vertexCollection({
  operation: 'ListNotebookRuntimes',
  list: (vertex, request, options) => vertex.notebooks.listNotebookRuntimesAsync(request, options),
  describe: describeRuntime,
});

/** Runtime templates: the settings every runtime created from them gets. */
export const notebookRuntimeTemplates = vertexCollection({
  operation: 'ListNotebookRuntimeTemplates',
  list: (vertex, request, options) => vertex.notebooks.listNotebookRuntimeTemplatesAsync(request, options),
  describe: describeTemplate,
});

/**
 * The identity a Colab Enterprise runtime's workload runs as: the project's Vertex AI Notebook
 * Service Agent. `serviceAccount` on runtimes and templates is deprecated and ignored
 * (google/cloud/aiplatform/v1/notebook_runtime.proto), so it is not read.
 */
export function notebookServiceAgent(projectNumber: string): string {
  return `service-${projectNumber}@gcp-sa-aiplatform-vm.iam.gserviceaccount.com`;
}

function describeRuntime(runtime: NotebookRuntime, where: Where): void {
  const projectNumber = /^projects\/(\d+)\//.exec(runtime.name ?? '')?.[1];
  const serviceAccount = projectNumber ? notebookServiceAgent(projectNumber) : undefined;
  const id = describeNotebook(runtime, 'gcp.vertexai.notebook-runtime', where, {
    runtimeUser: runtime.runtimeUser || null,
    ...(serviceAccount ? { serviceAccount } : {}),
  });
  where.estate.usesServiceAccount(id, where.project, serviceAccount);
  where.estate.addEdge(id, 'configured-by', runtime.notebookRuntimeTemplateRef?.notebookRuntimeTemplate);
}

function describeTemplate(template: NotebookRuntimeTemplate, where: Where): void {
  describeNotebook(template, 'gcp.vertexai.notebook-runtime-template', where, {});
}

/** What runtimes and templates share: network spec, idle shutdown, end-user credentials, CMEK. */
function describeNotebook(notebook: NotebookRuntime | NotebookRuntimeTemplate, type: string, where: Where, own: Record<string, unknown>): string {
  const networkSpec = notebook.networkSpec;
  // idleShutdownConfig is set only while idle shutdown is on.
  const idle = notebook.idleShutdownConfig;
  const idleShutdown = idle ? idle.idleShutdownDisabled !== true : false;
  return where.estate.addVertexAsset(notebook, type, where, {
    ...own,
    // enableInternetAccess is outbound access ("public internet access", default false); without a network spec it is unknown.
    ...(networkSpec ? { internetEgress: networkSpec.enableInternetAccess === true, network: networkSpec.network || null } : {}),
    idleShutdown,
    idleTimeoutSeconds: idleShutdown ? (durationSeconds(idle?.idleTimeout) ?? null) : null,
    // bypassActasCheck (output only): the runtime owner works with their own credentials (EUC).
    ...(notebook.eucConfig ? { endUserCredentials: notebook.eucConfig.bypassActasCheck === true } : {}),
    ...cmekOf(notebook),
  });
}
