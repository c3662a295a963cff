import type { protos } from '@google-cloud/aiplatform';
import { cmekOf, type Where } from '../estate.js';
import { durationSeconds } from '../proto-json.js';
import { vertexCollection } from './collection.js';

type NotebookRuntime = protos.google.cloud.aiplatform.v1.INotebookRuntime;
type NotebookRuntimeTemplate = protos.google.cloud.aiplatform.v1.INotebookRuntimeTemplate;

/** Colab Enterprise runtimes (Workbench instances are read in workbench.ts): network exposure, idle shutdown, and who they run as. */
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

function describeRuntime(runtime: NotebookRuntime, where: Where): void {
  // bypassActasCheck: the runtime owner works with their own credentials, not a VM service account.
  const endUserCredentials = runtime.eucConfig ? { endUserCredentials: runtime.eucConfig.bypassActasCheck === true } : {};
  const id = describeNotebook(runtime, 'gcp.vertexai.notebook-runtime', where, endUserCredentials);
  where.estate.addEdge(id, 'configured-by', runtime.notebookRuntimeTemplateRef?.notebookRuntimeTemplate);
}

function describeTemplate(template: NotebookRuntimeTemplate, where: Where): void {
  describeNotebook(template, 'gcp.vertexai.notebook-runtime-template', where, {});
}

/** What runtimes and templates share: network spec, idle shutdown, service account, CMEK. */
function describeNotebook(notebook: NotebookRuntime | NotebookRuntimeTemplate, type: string, where: Where, own: Record<string, unknown>): string {
  const { estate, project } = where;
  const networkSpec = notebook.networkSpec;
  // idleShutdownConfig is set only while idle shutdown is on.
  const idle = notebook.idleShutdownConfig;
  const idleShutdown = idle ? idle.idleShutdownDisabled !== true : false;
  const id = estate.addVertexAsset(notebook, type, where, {
    ...own,
    // Without a network spec the exposure is unknown.
    ...(networkSpec ? { publicIp: networkSpec.enableInternetAccess === true, internetExposed: networkSpec.enableInternetAccess === true, network: networkSpec.network || null } : {}),
    idleShutdown,
    idleTimeoutSeconds: idleShutdown ? (durationSeconds(idle?.idleTimeout) ?? null) : null,
    serviceAccount: notebook.serviceAccount || null,
    ...cmekOf(notebook),
  });
  estate.usesServiceAccount(id, project, notebook.serviceAccount);
  return id;
}
