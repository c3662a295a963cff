import { createRequire as __aispmCreateRequire } from 'node:module'; const require = __aispmCreateRequire(import.meta.url);

// src/errors.ts
function formatProblem(problem) {
  const where = [problem.file, problem.line !== void 0 ? String(problem.line) : void 0].filter(Boolean).join(":");
  const parts = [where, problem.field].filter((part) => part !== void 0 && part !== "");
  const prefix = parts.length > 0 ? `${parts.join(": ")}: ` : "";
  const hint = problem.hint ? ` (${problem.hint})` : "";
  return `${prefix}${problem.message}${hint}`;
}
var InputError = class extends Error {
  problems;
  constructor(problems) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join("\n"));
    this.name = "InputError";
    this.problems = list;
  }
};
var InterruptedError = class extends Error {
  constructor() {
    super("interrupted");
    this.name = "InterruptedError";
  }
};
function didYouMean(word, known) {
  let best;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance(a, b) {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(above + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}
function suggestion(word, known) {
  const close = didYouMean(word, known);
  return close ? `did you mean "${close}"?` : void 0;
}

export {
  InputError,
  InterruptedError,
  suggestion
};
