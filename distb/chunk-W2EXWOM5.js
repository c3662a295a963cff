import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);

// src/report/escape.ts
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
function visible(char) {
  switch (char) {
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "	":
      return "\\t";
    default: {
      const code = char.codePointAt(0);
      return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
    }
  }
}
function escapeText(value) {
  return value.replace(UNSAFE, visible);
}
var MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~&@$]/g;
var MARKDOWN_ENTITY = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "@": "&#64;", "|": "\\|" };
function escapeMarkdown(value) {
  return escapeText(value).replace(MARKDOWN_SPECIAL, (char) => MARKDOWN_ENTITY[char] ?? `\\${char}`);
}
function truncateMiddle(value, max) {
  if (value.length <= max) return value;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  return `${value.slice(0, head)}\u2026${value.slice(value.length - (keep - head))}`;
}
function escapeLines(value) {
  return value.split("\n").map((line) => escapeText(line.replace(/\r$/, ""))).join("\n");
}

export {
  escapeText,
  escapeMarkdown,
  truncateMiddle,
  escapeLines
};
