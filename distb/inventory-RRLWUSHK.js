import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  readInventory,
  writeReport
} from "./chunk-FDKASQB3.js";
import "./chunk-4EELHLSM.js";
import {
  createLogger,
  startProgress,
  terminalWidth,
  useColor
} from "./chunk-QROH3ZIA.js";
import {
  TOOL_NAME,
  toolVersion
} from "./chunk-O3Y7GDW5.js";
import {
  Chalk
} from "./chunk-LZLEJMZJ.js";
import {
  buildGraph
} from "./chunk-7NFRTXAW.js";
import {
  escapeText,
  truncateMiddle
} from "./chunk-W2EXWOM5.js";
import {
  require_cli_table3
} from "./chunk-VMTZODNH.js";
import "./chunk-KRZFTOTS.js";
import {
  assetTypeSpec
} from "./chunk-MVR65UMA.js";
import {
  isCoverageGap
} from "./chunk-H3GV4XYG.js";
import "./chunk-QNRES2KC.js";
import "./chunk-L52WNKTN.js";
import {
  __toESM
} from "./chunk-2TIRR4RQ.js";

// src/report/inventory.ts
import { createHash } from "node:crypto";
var import_cli_table3 = __toESM(require_cli_table3(), 1);
function inventoryReporter(format) {
  return { table: renderInventoryTable, json: renderInventoryJson, cyclonedx: renderCycloneDx }[format];
}
function categoryOf(asset) {
  return assetTypeSpec(asset.type)?.category ?? "ai";
}
function orderedAssets(graph) {
  return [...graph.assets].sort((a, b) => {
    const aiA = categoryOf(a) === "ai" ? 0 : 1;
    const aiB = categoryOf(b) === "ai" ? 0 : 1;
    return aiA - aiB || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
function* renderInventoryJson(report) {
  const { graph } = report;
  const assets = orderedAssets(graph);
  const byType = {};
  for (const asset of assets) byType[asset.type] = (byType[asset.type] ?? 0) + 1;
  const document = {
    schemaVersion: 1,
    tool: report.tool,
    scan: { startedAt: report.startedAt.toISOString(), finishedAt: report.finishedAt.toISOString(), sources: [...graph.sources].sort(), coverage: graph.coverage },
    summary: { assets: assets.length, aiAssets: assets.filter((asset) => categoryOf(asset) === "ai").length, byType: Object.fromEntries(Object.entries(byType).sort()) },
    assets: assets.map((asset) => ({
      id: asset.id,
      type: asset.type,
      category: categoryOf(asset),
      provider: asset.provider,
      account: asset.account,
      region: asset.region,
      name: asset.name,
      ...asset.tags ? { tags: asset.tags } : {},
      props: asset.props,
      relations: graph.relationsOf(asset.id).map((relation) => ({ type: relation.type, direction: relation.direction, id: relation.asset.id }))
    }))
  };
  yield `${JSON.stringify(document, null, 2)}
`;
}
function highlights(asset) {
  const props = asset.props;
  const facts = [];
  if (props.internetExposed === true) facts.push("internet-exposed");
  if (props.publicRead === true) facts.push("public-read");
  if (props.publicWrite === true) facts.push("public-write");
  if (props.admin === true) facts.push("admin");
  if (props.customerManagedKey === false) facts.push("no-cmk");
  if (props.outdated === true) facts.push("outdated");
  if (Array.isArray(props.secrets) && props.secrets.length > 0) facts.push(`${props.secrets.length} secret(s)`);
  if (typeof props.modelId === "string") facts.push(`model ${props.modelId}${typeof props.modelVersion === "string" ? `@${props.modelVersion}` : ""}`);
  return facts.join(", ");
}
function* renderInventoryTable(report, options) {
  const chalk = new Chalk({ level: options.color ? 2 : 0 });
  const { graph } = report;
  const assets = orderedAssets(graph);
  const ai = assets.filter((asset) => categoryOf(asset) === "ai");
  const related = assets.filter((asset) => categoryOf(asset) !== "ai");
  yield `${chalk.bold(`AI inventory: ${ai.length} AI assets`)}, ${related.length} related assets, from ${escapeText([...graph.sources].sort().join(", "))}
`;
  const width = Math.max(80, options.width);
  const table = new import_cli_table3.default({
    head: ["Type", "Name", "Where", "Highlights", "Relations"].map((text) => chalk.bold(text)),
    colWidths: [34, 28, 26, Math.max(20, width - 34 - 28 - 26 - 10 - 6), 10],
    wordWrap: true,
    style: { head: [], border: [] }
  });
  for (const asset of ai) {
    table.push([
      asset.type,
      truncateMiddle(escapeText(asset.name), 26),
      truncateMiddle(escapeText(`${asset.provider} ${asset.account} ${asset.region}`), 24),
      escapeText(highlights(asset)),
      String(graph.relationsOf(asset.id).length)
    ]);
  }
  yield `${table.toString()}
`;
  if (related.length > 0) {
    const counts = /* @__PURE__ */ new Map();
    for (const asset of related) counts.set(asset.type, (counts.get(asset.type) ?? 0) + 1);
    yield `
${chalk.bold("Related assets")}: ${[...counts].map(([type, count]) => `${count} ${type}`).join(", ")}
`;
  }
  const gaps = graph.coverage.filter(isCoverageGap);
  if (gaps.length > 0) yield `
${chalk.yellow(`${gaps.length} coverage gap(s)`)}: ${gaps.map((gap) => escapeText(describeGap(gap))).join("; ")}
`;
  yield chalk.dim("\nFull properties and relations: --format json; CycloneDX 1.6 AI-BOM: --format cyclonedx.\n");
}
function describeGap(gap) {
  return `${gap.provider} ${gap.service} in ${gap.account}/${gap.region} (${gap.status})`;
}
var SERVICE_TYPES = /* @__PURE__ */ new Set(["service"]);
function* renderCycloneDx(report) {
  const { graph } = report;
  const assets = orderedAssets(graph);
  const serial = createHash("sha256").update(assets.map((asset) => asset.id).join("\n")).digest("hex");
  const properties = (asset) => [
    { name: "aispm:type", value: asset.type },
    { name: "aispm:provider", value: asset.provider },
    { name: "aispm:account", value: asset.account },
    { name: "aispm:region", value: asset.region },
    { name: "aispm:category", value: categoryOf(asset) },
    ...Object.entries(asset.props).filter(([, value]) => value !== null && value !== void 0 && (typeof value !== "object" || Array.isArray(value))).map(([key, value]) => ({ name: `aispm:props:${key}`, value: typeof value === "string" ? value : JSON.stringify(value) }))
  ];
  const components = [];
  const services = [];
  for (const asset of assets) {
    const bomType = assetTypeSpec(asset.type)?.bomType ?? "application";
    if (SERVICE_TYPES.has(bomType)) {
      services.push({ "bom-ref": asset.id, name: asset.name, group: `${asset.provider}/${asset.account}`, properties: properties(asset) });
    } else {
      components.push({ type: bomType, "bom-ref": asset.id, name: asset.name, group: `${asset.provider}/${asset.account}`, properties: properties(asset) });
    }
  }
  const dependencies = assets.map((asset) => ({ ref: asset.id, dependsOn: [...new Set(graph.relationsOf(asset.id).filter((relation) => relation.direction === "out").map((relation) => relation.asset.id))].sort() })).filter((dependency) => dependency.dependsOn.length > 0);
  const bom = {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: `urn:uuid:${serial.slice(0, 8)}-${serial.slice(8, 12)}-4${serial.slice(13, 16)}-8${serial.slice(17, 20)}-${serial.slice(20, 32)}`,
    version: 1,
    metadata: {
      timestamp: report.finishedAt.toISOString(),
      tools: { components: [{ type: "application", name: report.tool.name, version: report.tool.version }] }
    },
    components,
    services,
    dependencies
  };
  yield `${JSON.stringify(bom, null, 2)}
`;
}

// src/cli/commands/inventory.ts
async function inventoryCommand(options, signal) {
  const startedAt = /* @__PURE__ */ new Date();
  const log = createLogger(options);
  const progress = await startProgress(options, "Reading the estate\u2026");
  let graph;
  try {
    graph = buildGraph(await readInventory(options, log, progress.update, signal));
  } finally {
    progress.stop();
  }
  const tool = { name: TOOL_NAME, version: toolVersion() };
  if (options.saveSnapshot) {
    const { saveSnapshot } = await import("./snapshot-LZ6LRB6T.js");
    saveSnapshot(graph.toInventory(), options.saveSnapshot, tool, /* @__PURE__ */ new Date());
  }
  const reporter = inventoryReporter(options.format);
  writeReport(reporter({ tool, startedAt, finishedAt: /* @__PURE__ */ new Date(), graph }, { color: useColor(options, options.output !== void 0), width: terminalWidth() }), options.output);
  return 0;
}
export {
  inventoryCommand
};
