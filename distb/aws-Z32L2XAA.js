import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-L52WNKTN.js";
import "./chunk-2TIRR4RQ.js";

// src/collect/aws/index.ts
var collector = {
  provider: "aws",
  hasCredentials: async () => false,
  collect: async () => {
    throw new InputError({ message: "live collection from aws is not available in this version of aispm", hint: "scan a snapshot with --snapshot, or try --demo" });
  }
};
export {
  collector
};
