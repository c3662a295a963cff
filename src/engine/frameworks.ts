/**
 * The compliance frameworks rules map to, with the IDs each accepts. IDs and names are copied from
 * the verified reference (OWASP and ISO lists are closed sets; ATLAS, NIST and EU AI Act IDs are
 * checked by form). Versions are pinned in the key: an OWASP 2025 ID is not a 2026 ID.
 */

export interface Framework {
  key: string;
  title: string;
  /** The exact IDs allowed, with their names, when the framework is a closed list. */
  ids?: Readonly<Record<string, string>>;
  /** The form of an ID when the list is open. */
  pattern?: RegExp;
  example: string;
  /**
   * The closed list of controls a compliance report walks, with their names, copied from the
   * reference (shared/reference/FRAMEWORKS.md). For ATLAS and the NIST AI RMF the reference lists the
   * techniques, mitigations and subcategories a configuration scanner can give evidence for, not the
   * whole framework; the report says so (`scope`).
   */
  controls: Readonly<Record<string, string>>;
  /** What the control list covers, when it is not the whole framework. */
  scope?: string;
}

const OWASP_LLM_2025: Record<string, string> = {
  'LLM01:2025': 'Prompt Injection',
  'LLM02:2025': 'Sensitive Information Disclosure',
  'LLM03:2025': 'Supply Chain',
  'LLM04:2025': 'Data and Model Poisoning',
  'LLM05:2025': 'Improper Output Handling',
  'LLM06:2025': 'Excessive Agency',
  'LLM07:2025': 'System Prompt Leakage',
  'LLM08:2025': 'Vector and Embedding Weaknesses',
  'LLM09:2025': 'Misinformation',
  'LLM10:2025': 'Unbounded Consumption',
};

const OWASP_AGENTIC_2026: Record<string, string> = {
  ASI01: 'Agent Goal Hijack',
  ASI02: 'Tool Misuse and Exploitation',
  ASI03: 'Identity and Privilege Abuse',
  ASI04: 'Agentic Supply Chain Vulnerabilities',
  ASI05: 'Unexpected Code Execution (RCE)',
  ASI06: 'Memory & Context Poisoning',
  ASI07: 'Insecure Inter-Agent Communication',
  ASI08: 'Cascading Failures',
  ASI09: 'Human-Agent Trust Exploitation',
  ASI10: 'Rogue Agents',
};

const ISO_42001_ANNEX_A: Record<string, string> = {
  'A.2.2': 'AI policy',
  'A.2.3': 'Alignment with other organizational policies',
  'A.2.4': 'Review of the AI policy',
  'A.3.2': 'AI roles and responsibilities',
  'A.3.3': 'Reporting of concerns',
  'A.4.2': 'Resource documentation',
  'A.4.3': 'Data resources',
  'A.4.4': 'Tooling resources',
  'A.4.5': 'System and computing resources',
  'A.4.6': 'Human resources',
  'A.5.2': 'AI system impact assessment process',
  'A.5.3': 'Documentation of AI system impact assessments',
  'A.5.4': 'Assessing AI system impact on individuals or groups of individuals',
  'A.5.5': 'Assessing societal impacts of AI systems',
  'A.6.1.2': 'Objectives for responsible development of AI system',
  'A.6.1.3': 'Processes for responsible AI system design and development',
  'A.6.2.2': 'AI system requirements and specification',
  'A.6.2.3': 'Documentation of AI system design and development',
  'A.6.2.4': 'AI system verification and validation',
  'A.6.2.5': 'AI system deployment',
  'A.6.2.6': 'AI system operation and monitoring',
  'A.6.2.7': 'AI system technical documentation',
  'A.6.2.8': 'AI system recording of event logs',
  'A.7.2': 'Data for development and enhancement of AI system',
  'A.7.3': 'Acquisition of data',
  'A.7.4': 'Quality of data for AI systems',
  'A.7.5': 'Data provenance',
  'A.7.6': 'Data preparation',
  'A.8.2': 'System documentation and information for users',
  'A.8.3': 'External reporting',
  'A.8.4': 'Communication of incidents',
  'A.8.5': 'Information for interested parties',
  'A.9.2': 'Processes for responsible use of AI systems',
  'A.9.3': 'Objectives for responsible use of AI system',
  'A.9.4': 'Intended use of the AI system',
  'A.10.2': 'Allocating responsibilities',
  'A.10.3': 'Suppliers',
  'A.10.4': 'Customers',
};

/** ATLAS v5.6.0 techniques and mitigations in the reference (§3); a sub-technique shows as "Parent: Sub". */
const MITRE_ATLAS: Record<string, string> = {
  'AML.M0004': 'Restrict Number of AI Model Queries',
  'AML.M0005': 'Control Access to AI Models and Data at Rest',
  'AML.M0012': 'Encrypt Sensitive Information',
  'AML.M0013': 'Code Signing',
  'AML.M0014': 'Verify AI Artifacts',
  'AML.M0019': 'Control Access to AI Models and Data in Production',
  'AML.M0020': 'Generative AI Guardrails',
  'AML.M0023': 'AI Bill of Materials',
  'AML.M0024': 'AI Telemetry Logging',
  'AML.M0025': 'Maintain AI Dataset Provenance',
  'AML.M0026': 'Privileged AI Agent Permissions Configuration',
  'AML.M0028': 'AI Agent Tools Permissions Configuration',
  'AML.M0029': 'Human In-the-Loop for AI Agent Actions',
  'AML.M0032': 'Segmentation of AI Agent Components',
  'AML.T0007': 'Discover AI Artifacts',
  'AML.T0010': 'AI Supply Chain Compromise',
  'AML.T0010.000': 'AI Supply Chain Compromise: Hardware',
  'AML.T0010.001': 'AI Supply Chain Compromise: AI Software',
  'AML.T0010.002': 'AI Supply Chain Compromise: Data',
  'AML.T0010.003': 'AI Supply Chain Compromise: Model',
  'AML.T0010.004': 'AI Supply Chain Compromise: Container Registry',
  'AML.T0010.005': 'AI Supply Chain Compromise: AI Agent Tool',
  'AML.T0012': 'Valid Accounts',
  'AML.T0018': 'Manipulate AI Model',
  'AML.T0018.000': 'Manipulate AI Model: Poison AI Model',
  'AML.T0018.001': 'Manipulate AI Model: Modify AI Model Architecture',
  'AML.T0018.002': 'Manipulate AI Model: Embed Malware',
  'AML.T0019': 'Publish Poisoned Datasets',
  'AML.T0020': 'Poison Training Data',
  'AML.T0024': 'Exfiltration via AI Inference API',
  'AML.T0024.000': 'Exfiltration via AI Inference API: Infer Training Data Membership',
  'AML.T0024.001': 'Exfiltration via AI Inference API: Invert AI Model',
  'AML.T0024.002': 'Exfiltration via AI Inference API: Extract AI Model',
  'AML.T0025': 'Exfiltration via Cyber Means',
  'AML.T0029': 'Denial of AI Service',
  'AML.T0034': 'Cost Harvesting',
  'AML.T0034.000': 'Cost Harvesting: Excessive Queries',
  'AML.T0034.001': 'Cost Harvesting: Resource-Intensive Queries',
  'AML.T0034.002': 'Cost Harvesting: Agentic Resource Consumption',
  'AML.T0035': 'AI Artifact Collection',
  'AML.T0036': 'Data from Information Repositories',
  'AML.T0040': 'AI Model Inference API Access',
  'AML.T0043.004': 'Craft Adversarial Data: Insert Backdoor Trigger',
  'AML.T0044': 'Full AI Model Access',
  'AML.T0048.004': 'External Harms: AI Intellectual Property Theft',
  'AML.T0049': 'Exploit Public-Facing Application',
  'AML.T0051': 'LLM Prompt Injection',
  'AML.T0051.000': 'LLM Prompt Injection: Direct',
  'AML.T0051.001': 'LLM Prompt Injection: Indirect',
  'AML.T0051.002': 'LLM Prompt Injection: Triggered',
  'AML.T0053': 'AI Agent Tool Invocation',
  'AML.T0054': 'LLM Jailbreak',
  'AML.T0055': 'Unsecured Credentials',
  'AML.T0056': 'Extract LLM System Prompt',
  'AML.T0057': 'LLM Data Leakage',
  'AML.T0058': 'Publish Poisoned Models',
  'AML.T0069.002': 'Discover LLM System Information: System Prompt',
  'AML.T0070': 'RAG Poisoning',
  'AML.T0075': 'Cloud Service Discovery',
  'AML.T0081': 'Modify AI Agent Configuration',
  'AML.T0083': 'Credentials from AI Agent Configuration',
  'AML.T0085': 'Data from AI Services',
  'AML.T0085.000': 'Data from AI Services: RAG Databases',
  'AML.T0085.001': 'Data from AI Services: AI Agent Tools',
  'AML.T0086': 'Exfiltration via AI Agent Tool Invocation',
  'AML.T0093': 'Prompt Infiltration via Public-Facing Application',
  'AML.T0101': 'Data Destruction via AI Agent Tool Invocation',
  'AML.T0104': 'Publish Poisoned AI Agent Tool',
  'AML.T0110': 'AI Agent Tool Poisoning',
};

/** AI RMF 1.0 subcategories in the reference (§4), with their statements word for word. */
const NIST_AI_RMF: Record<string, string> = {
  'GOVERN 1.6': 'Mechanisms are in place to inventory AI systems and are resourced according to organizational risk priorities.',
  'GOVERN 1.7': 'Processes and procedures are in place for decommissioning and phasing out AI systems safely and in a manner that does not increase risks or decrease the organization’s trustworthiness.',
  'GOVERN 3.2': 'Policies and procedures are in place to define and differentiate roles and responsibilities for human-AI configurations and oversight of AI systems.',
  'GOVERN 4.3': 'Organizational practices are in place to enable AI testing, identification of incidents, and information sharing.',
  'GOVERN 6.1': 'Policies and procedures are in place that address AI risks associated with third-party entities, including risks of infringement of a third-party’s intellectual property or other rights.',
  'GOVERN 6.2': 'Contingency processes are in place to handle failures or incidents in third-party data or AI systems deemed to be high-risk.',
  'MAP 3.5': 'Processes for human oversight are defined, assessed, and documented in accordance with organizational policies from the GOVERN function.',
  'MAP 4.1': 'Approaches for mapping AI technology and legal risks of its components – including the use of third-party data or software – are in place, followed, and documented, as are risks of infringement of a third party’s intellectual property or other rights.',
  'MAP 4.2': 'Internal risk controls for components of the AI system, including third-party AI technologies, are identified and documented.',
  'MEASURE 2.4': 'The functionality and behavior of the AI system and its components – as identified in the MAP function – are monitored when in production.',
  'MEASURE 2.6': 'The AI system is evaluated regularly for safety risks – as identified in the MAP function. The AI system to be deployed is demonstrated to be safe, its residual negative risk does not exceed the risk tolerance, and it can fail safely, particularly if made to operate beyond its knowledge limits. Safety metrics reflect system reliability and robustness, real-time monitoring, and response times for AI system failures.',
  'MEASURE 2.7': 'AI system security and resilience – as identified in the MAP function – are evaluated and documented.',
  'MEASURE 2.10': 'Privacy risk of the AI system – as identified in the MAP function – is examined and documented.',
  'MEASURE 3.1': 'Approaches, personnel, and documentation are in place to regularly identify and track existing, unanticipated, and emergent AI risks based on factors such as intended and actual performance in deployed contexts.',
  'MANAGE 2.4': 'Mechanisms are in place and applied, and responsibilities are assigned and understood, to supersede, disengage, or deactivate AI systems that demonstrate performance or outcomes inconsistent with intended use.',
  'MANAGE 3.1': 'AI risks and benefits from third-party resources are regularly monitored, and risk controls are applied and documented.',
  'MANAGE 3.2': 'Pre-trained models which are used for development are monitored as part of AI system regular monitoring and maintenance.',
  'MANAGE 4.1': 'Post-deployment AI system monitoring plans are implemented, including mechanisms for capturing and evaluating input from users and other relevant AI actors, appeal and override, decommissioning, incident response, recovery, and change management.',
  'MANAGE 4.3': 'Incidents and errors are communicated to relevant AI actors, including affected communities. Processes for tracking, responding to, and recovering from incidents and errors are followed and documented.',
};

/** Articles in the reference (§6), with their Official Journal titles; a mapping may name a paragraph (`Art. 15(5)`). */
const EU_AI_ACT: Record<string, string> = {
  'Art. 9': 'Risk management system',
  'Art. 10': 'Data and data governance',
  'Art. 12': 'Record-keeping',
  'Art. 13': 'Transparency and provision of information to deployers',
  'Art. 14': 'Human oversight',
  'Art. 15': 'Accuracy, robustness and cybersecurity',
  'Art. 19': 'Automatically generated logs',
  'Art. 26': 'Obligations of deployers of high-risk AI systems',
  'Art. 50': 'Transparency obligations for providers and deployers of certain AI systems',
  'Art. 53': 'Obligations for providers of general-purpose AI models',
  'Art. 55': 'Obligations of providers of general-purpose AI models with systemic risk',
  'Art. 72': 'Post-market monitoring by providers and post-market monitoring plan for high-risk AI systems',
};

export const FRAMEWORKS: readonly Framework[] = [
  { key: 'owasp-llm-2025', title: 'OWASP Top 10 for LLM Applications 2025', ids: OWASP_LLM_2025, example: 'LLM01:2025', controls: OWASP_LLM_2025 },
  { key: 'owasp-agentic-2026', title: 'OWASP Top 10 for Agentic Applications 2026', ids: OWASP_AGENTIC_2026, example: 'ASI03', controls: OWASP_AGENTIC_2026 },
  {
    key: 'mitre-atlas',
    title: 'MITRE ATLAS (IDs as of v5.6.0)',
    pattern: /^AML\.(T\d{4}(\.\d{3})?|M\d{4})$/,
    example: 'AML.T0051.000',
    controls: MITRE_ATLAS,
    scope: 'the ATLAS techniques and mitigations that cloud configuration can give evidence for (aispm reference list), not all of ATLAS',
  },
  {
    key: 'nist-ai-rmf-1.0',
    title: 'NIST AI RMF 1.0 (AI 100-1)',
    pattern: /^(GOVERN|MAP|MEASURE|MANAGE) \d{1,2}\.\d{1,2}$/,
    example: 'MEASURE 2.7',
    controls: NIST_AI_RMF,
    scope: 'the AI RMF subcategories that cloud configuration can give evidence for (aispm reference list); the organisational ones are not listed',
  },
  { key: 'iso-42001-2023', title: 'ISO/IEC 42001:2023 Annex A', ids: ISO_42001_ANNEX_A, example: 'A.6.2.8', controls: ISO_42001_ANNEX_A },
  {
    key: 'eu-ai-act',
    title: 'EU AI Act, Regulation (EU) 2024/1689',
    pattern: /^Art\. \d{1,3}(\(\d{1,2}\))?(\([a-z]\))?$/,
    example: 'Art. 12',
    controls: EU_AI_ACT,
    scope: 'the articles that cloud configuration can give evidence for; they bind high-risk AI systems and general-purpose AI models only',
  },
];

export const FRAMEWORK_KEYS: readonly string[] = FRAMEWORKS.map((framework) => framework.key);

export function frameworkByKey(key: string): Framework | undefined {
  return FRAMEWORKS.find((framework) => framework.key === key);
}

/** Why an ID is not valid for a framework, or undefined when it is. */
export function checkFrameworkId(framework: Framework, id: string): string | undefined {
  if (framework.ids) return Object.hasOwn(framework.ids, id) ? undefined : `"${id}" is not an ID of ${framework.title}`;
  if (framework.pattern && !framework.pattern.test(id)) return `"${id}" is not of the form ${framework.example}`;
  return undefined;
}

/** The control an ID of a mapping belongs to: an EU AI Act paragraph (`Art. 15(5)`) belongs to its article. */
export function controlOf(framework: Framework, id: string): string {
  return framework.key === 'eu-ai-act' ? id.replace(/\(.*$/, '') : id;
}

/** EU AI Act obligations bind high-risk systems and general-purpose AI models only (Arts 9–15, 19, 26, 72; 53, 55). */
export const EU_AI_ACT_SCOPE_TAG = 'eu-ai-act';
export const EU_AI_ACT_SCOPES = ['high-risk', 'gpai', 'gpai-systemic-risk'] as const;

/**
 * Whether a framework's obligations bind an asset: true for every framework but the EU AI Act, which
 * binds assets tagged `eu-ai-act: high-risk` (or `gpai`, `gpai-systemic-risk`); undefined when the
 * asset's tags could not be read.
 */
export function frameworkBinds(framework: Framework, tags: Readonly<Record<string, string>> | undefined): boolean | undefined {
  if (framework.key !== 'eu-ai-act') return true;
  if (tags === undefined) return undefined;
  return (EU_AI_ACT_SCOPES as readonly string[]).includes(tags[EU_AI_ACT_SCOPE_TAG] ?? '');
}
