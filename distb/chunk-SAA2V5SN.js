import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-QNRES2KC.js";
import {
  InputError,
  suggestion
} from "./chunk-L52WNKTN.js";
import {
  require_dist
} from "./chunk-ST3MKGRW.js";
import {
  __toESM
} from "./chunk-2TIRR4RQ.js";

// src/input/document.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync, statSync } from "node:fs";

// src/input/schema-walk.ts
function unwrapSchema(schema) {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    if (current instanceof external_exports.ZodOptional || current instanceof external_exports.ZodNullable || current instanceof external_exports.ZodDefault || current instanceof external_exports.ZodLazy) {
      current = current.unwrap();
    } else if (current instanceof external_exports.ZodPipe) {
      current = current.in;
    } else {
      return current;
    }
  }
  return current;
}
function schemaAt(schema, path) {
  let current = unwrapSchema(schema);
  for (let index = 0; index < path.length; index++) {
    const part = path[index];
    if (current instanceof external_exports.ZodObject) {
      const shape = current.shape;
      const next = typeof part === "string" && Object.hasOwn(shape, part) ? shape[part] : void 0;
      if (!next) return { kind: "missing", at: index, known: Object.keys(shape) };
      current = unwrapSchema(next);
    } else if (current instanceof external_exports.ZodArray) {
      if (typeof part !== "number") return { kind: "missing", at: index, known: [] };
      current = unwrapSchema(current.element);
    } else if (current instanceof external_exports.ZodRecord) {
      current = unwrapSchema(current.valueType);
    } else if (current instanceof external_exports.ZodUnknown || current instanceof external_exports.ZodAny) {
      return { kind: "any" };
    } else {
      return { kind: "missing", at: index, known: [] };
    }
  }
  return { kind: "schema", schema: current };
}
function knownKeysAt(schema, path) {
  const found = schemaAt(schema, path);
  if (found.kind !== "schema" || !(found.schema instanceof external_exports.ZodObject)) return void 0;
  return Object.keys(found.schema.shape);
}

// src/input/document.ts
function readTextFile(file, options) {
  let size;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new InputError({ file, message: `${options.kind} is not a file` });
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file, message: `cannot read ${options.kind}: ${describeFsError(error)}`, hint: "check the path" });
  }
  if (size > options.maxBytes) {
    throw new InputError({
      file,
      message: `${options.kind} is ${formatBytes(size)}, more than the ${formatBytes(options.maxBytes)} aispm accepts`
    });
  }
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError({ file, message: `cannot read ${options.kind}: ${describeFsError(error)}` });
  }
}
function parseYaml(file, text) {
  const lineCounter = new import_yaml.LineCounter();
  const document = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new InputError(
      document.errors.map((error) => ({
        file,
        line: error.linePos?.[0]?.line,
        message: `invalid YAML: ${firstLine(error.message).replace(/ at line \d+, column \d+:?$/, "")}`
      }))
    );
  }
  let data;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputError({ file, message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}` });
  }
  return { file, data, lineOf: (path) => lineOfPath(document, lineCounter, path) };
}
function parseJson(file, text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split("\n").length : /end of JSON/i.test(message) ? text.trimEnd().split("\n").length : void 0;
    throw new InputError({ file, line, message: `invalid JSON: ${message}` });
  }
  let positioned;
  return {
    file,
    data,
    lineOf: (path) => {
      positioned ??= parseYaml(file, text);
      return positioned.lineOf(path);
    }
  };
}
function readDocument(file, options) {
  const text = readTextFile(file, options);
  return file.toLowerCase().endsWith(".json") ? parseJson(file, text) : parseYaml(file, text);
}
function validateDocument(source, schema, basePath = []) {
  const data = getAt(source.data, basePath);
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  throw new InputError(issuesToProblems(source, result.error.issues, basePath, schema));
}
function issuesToProblems(source, issues, basePath = [], schema) {
  const problems = [];
  for (const issue of issues) {
    const relative = issue.path;
    const path = [...basePath, ...relative];
    if (issue.code === "unrecognized_keys") {
      const allowed = schema ? knownKeysAt(schema, relative) : void 0;
      for (const key of issue.keys) {
        problems.push({
          file: source.file,
          line: source.lineOf([...path, key]),
          field: formatFieldPath([...path, key]),
          message: "unknown field",
          hint: (allowed && suggestion(key, allowed)) ?? (allowed ? `known fields: ${allowed.join(", ")}` : void 0)
        });
      }
      continue;
    }
    problems.push({
      file: source.file,
      line: source.lineOf(path),
      field: formatFieldPath(path),
      message: describeIssue(issue)
    });
  }
  return problems;
}
function formatFieldPath(path) {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}
function describeIssue(issue) {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === void 0 ? `missing required field (expected ${issue.expected})` : `expected ${issue.expected}, got ${typeName(issue.input)}`;
    case "invalid_value":
      return `must be one of: ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    default:
      return issue.message;
  }
}
function typeName(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}
function getAt(data, path) {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[part];
  }
  return current;
}
function lineOfPath(document, lineCounter, path) {
  let node = document.contents;
  let line = node && node.range ? lineCounter.linePos(node.range[0]).line : void 0;
  for (const part of path) {
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((item) => (0, import_yaml.isPair)(item) && (0, import_yaml.isScalar)(item.key) && String(item.key.value) === String(part));
      if (!pair) break;
      const keyRange = (0, import_yaml.isScalar)(pair.key) ? pair.key.range : void 0;
      if (keyRange) line = lineCounter.linePos(keyRange[0]).line;
      node = pair.value;
    } else if ((0, import_yaml.isSeq)(node) && typeof part === "number") {
      node = node.items[part];
      const range = node?.range;
      if (!range) break;
      line = lineCounter.linePos(range[0]).line;
    } else {
      break;
    }
  }
  return line;
}
function firstLine(message) {
  return message.split("\n")[0].trim();
}
function describeFsError(error) {
  const code = error.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

export {
  unwrapSchema,
  schemaAt,
  readDocument,
  validateDocument,
  issuesToProblems,
  formatFieldPath
};
