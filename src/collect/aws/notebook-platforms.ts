/**
 * Notebook instance platforms past their end of support: Amazon Linux 1, and Amazon Linux 2 with
 * JupyterLab 1 and 3 (notebook-al2-v1, notebook-al2-v2). Shared by the collector and the Terraform
 * plan source, so that neither loads the other's code.
 */
export const OUTDATED_NOTEBOOK_PLATFORMS = /^notebook-(al1-|al2-v1$|al2-v2$)/;
