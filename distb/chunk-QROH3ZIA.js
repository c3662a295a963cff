import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  escapeText
} from "./chunk-W2EXWOM5.js";

// src/cli/terminal.ts
function useColor(options, toFile) {
  if (options.color === false || toFile) return false;
  if (process.env.NO_COLOR !== void 0 && process.env.NO_COLOR !== "") return false;
  if (process.env.FORCE_COLOR !== void 0 && process.env.FORCE_COLOR !== "0") return true;
  return process.stdout.isTTY === true;
}
function terminalWidth() {
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 120;
}
function createLogger(options) {
  const interactive = process.stderr.isTTY === true;
  const write = (prefix, message) => process.stderr.write(`${prefix}${escapeText(message)}
`);
  return {
    debug: (message) => {
      if (options.debug) write("aispm: debug: ", message);
    },
    info: (message) => {
      if (options.debug || interactive) write("aispm: ", message);
    },
    warn: (message) => write("aispm: warning: ", message)
  };
}
async function startProgress(options, text) {
  if (!process.stderr.isTTY || options.debug) return { update: () => {
  }, stop: () => {
  } };
  const { default: ora } = await import("./ora-UEYRMBNE.js");
  const spinner = ora({ text, stream: process.stderr, color: "cyan", discardStdin: false }).start();
  return {
    update: (message) => {
      spinner.text = escapeText(message);
    },
    stop: () => spinner.stop()
  };
}

export {
  useColor,
  terminalWidth,
  createLogger,
  startProgress
};
