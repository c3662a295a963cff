import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);

// src/engine/frameworks.ts
var OWASP_LLM_2025 = {
  "LLM01:2025": "Prompt Injection",
  "LLM02:2025": "Sensitive Information Disclosure",
  "LLM03:2025": "Supply Chain",
  "LLM04:2025": "Data and Model Poisoning",
  "LLM05:2025": "Improper Output Handling",
  "LLM06:2025": "Excessive Agency",
  "LLM07:2025": "System Prompt Leakage",
  "LLM08:2025": "Vector and Embedding Weaknesses",
  "LLM09:2025": "Misinformation",
  "LLM10:2025": "Unbounded Consumption"
};
var OWASP_AGENTIC_2026 = {
  ASI01: "Agent Goal Hijack",
  ASI02: "Tool Misuse and Exploitation",
  ASI03: "Identity and Privilege Abuse",
  ASI04: "Agentic Supply Chain Vulnerabilities",
  ASI05: "Unexpected Code Execution (RCE)",
  ASI06: "Memory & Context Poisoning",
  ASI07: "Insecure Inter-Agent Communication",
  ASI08: "Cascading Failures",
  ASI09: "Human-Agent Trust Exploitation",
  ASI10: "Rogue Agents"
};
var ISO_42001_ANNEX_A = {
  "A.2.2": "AI policy",
  "A.2.3": "Alignment with other organizational policies",
  "A.2.4": "Review of the AI policy",
  "A.3.2": "AI roles and responsibilities",
  "A.3.3": "Reporting of concerns",
  "A.4.2": "Resource documentation",
  "A.4.3": "Data resources",
  "A.4.4": "Tooling resources",
  "A.4.5": "System and computing resources",
  "A.4.6": "Human resources",
  "A.5.2": "AI system impact assessment process",
  "A.5.3": "Documentation of AI system impact assessments",
  "A.5.4": "Assessing AI system impact on individuals or groups of individuals",
  "A.5.5": "Assessing societal impacts of AI systems",
  "A.6.1.2": "Objectives for responsible development of AI system",
  "A.6.1.3": "Processes for responsible AI system design and development",
  "A.6.2.2": "AI system requirements and specification",
  "A.6.2.3": "Documentation of AI system design and development",
  "A.6.2.4": "AI system verification and validation",
  "A.6.2.5": "AI system deployment",
  "A.6.2.6": "AI system operation and monitoring",
  "A.6.2.7": "AI system technical documentation",
  "A.6.2.8": "AI system recording of event logs",
  "A.7.2": "Data for development and enhancement of AI system",
  "A.7.3": "Acquisition of data",
  "A.7.4": "Quality of data for AI systems",
  "A.7.5": "Data provenance",
  "A.7.6": "Data preparation",
  "A.8.2": "System documentation and information for users",
  "A.8.3": "External reporting",
  "A.8.4": "Communication of incidents",
  "A.8.5": "Information for interested parties",
  "A.9.2": "Processes for responsible use of AI systems",
  "A.9.3": "Objectives for responsible use of AI system",
  "A.9.4": "Intended use of the AI system",
  "A.10.2": "Allocating responsibilities",
  "A.10.3": "Suppliers",
  "A.10.4": "Customers"
};
var FRAMEWORKS = [
  { key: "owasp-llm-2025", title: "OWASP Top 10 for LLM Applications 2025", ids: OWASP_LLM_2025, example: "LLM01:2025" },
  { key: "owasp-agentic-2026", title: "OWASP Top 10 for Agentic Applications 2026", ids: OWASP_AGENTIC_2026, example: "ASI03" },
  { key: "mitre-atlas", title: "MITRE ATLAS (IDs as of v5.6.0)", pattern: /^AML\.(T\d{4}(\.\d{3})?|M\d{4})$/, example: "AML.T0051.000" },
  { key: "nist-ai-rmf-1.0", title: "NIST AI RMF 1.0 (AI 100-1)", pattern: /^(GOVERN|MAP|MEASURE|MANAGE) \d{1,2}\.\d{1,2}$/, example: "MEASURE 2.7" },
  { key: "iso-42001-2023", title: "ISO/IEC 42001:2023 Annex A", ids: ISO_42001_ANNEX_A, example: "A.6.2.8" },
  { key: "eu-ai-act", title: "EU AI Act, Regulation (EU) 2024/1689", pattern: /^Art\. \d{1,3}(\(\d{1,2}\))?(\([a-z]\))?$/, example: "Art. 12" }
];
var FRAMEWORK_KEYS = FRAMEWORKS.map((framework) => framework.key);
function frameworkByKey(key) {
  return FRAMEWORKS.find((framework) => framework.key === key);
}
function checkFrameworkId(framework, id) {
  if (framework.ids) return Object.hasOwn(framework.ids, id) ? void 0 : `"${id}" is not an ID of ${framework.title}`;
  if (framework.pattern && !framework.pattern.test(id)) return `"${id}" is not of the form ${framework.example}`;
  return void 0;
}
var EU_AI_ACT_SCOPE_TAG = "eu-ai-act";
var EU_AI_ACT_SCOPES = ["high-risk", "gpai", "gpai-systemic-risk"];

export {
  FRAMEWORKS,
  FRAMEWORK_KEYS,
  frameworkByKey,
  checkFrameworkId,
  EU_AI_ACT_SCOPE_TAG,
  EU_AI_ACT_SCOPES
};
