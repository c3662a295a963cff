import { z } from 'zod';
import { globMatcher } from '../../glob.js';
import type { FieldOperator } from './operator.js';

/** Operators on names, maps, free text and dates: glob, hasKeys, hasAnyKey, mentionsAny, mentionsAll, olderThanDays. */

export const glob: FieldOperator<string | string[]> = {
  kind: 'field',
  name: 'glob',
  summary: 'the value is a string matching one of these glob patterns (* matches any run of characters)',
  example: "{ field: props.modelId, glob: ['gpt-4o*', 'anthropic.claude-3-5-*'] }",
  args: z.union([z.string().min(1), z.array(z.string().min(1))]),
  compile: (patterns) => {
    const matchers = (Array.isArray(patterns) ? patterns : [patterns]).map(globMatcher);
    return (value) => typeof value === 'string' && matchers.some((matches) => matches(value));
  },
};

/** Whether the value is a map (such as tags) with these keys: every one, or at least one. */
function keyTest(name: 'hasKeys' | 'hasAnyKey', summary: string, example: string, every: boolean): FieldOperator<string[]> {
  return {
    kind: 'field',
    name,
    summary,
    example,
    args: z.array(z.string().min(1)),
    compile: (keys) => (value) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
      const has = (key: string) => Object.hasOwn(value, key);
      return every ? keys.every(has) : keys.some(has);
    },
  };
}

export const hasKeys = keyTest('hasKeys', 'the value is a map (such as tags) that has every one of these keys', '{ field: tags, hasKeys: [owner, cost-center] }', true);
export const hasAnyKey = keyTest('hasAnyKey', 'the value is a map (such as tags) that has at least one of these keys', '{ field: tags, hasAnyKey: [data-classification, classification] }', false);

/**
 * Free text written by people (a guardrail's topic names and definitions) compared loosely: case,
 * hyphens, underscores and camelCase are ignored, so "SystemPromptDisclosure", "system-prompt" and
 * "System prompt" all mention "system prompt".
 */
function normalizeText(text: string): string {
  return ` ${text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** The texts of a string or a list of strings, normalized; undefined for anything else. */
function textsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [normalizeText(value)];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map(normalizeText);
  return undefined;
}

/** Whether the texts mention the phrases: any of them, or every one (each in some text). */
function mentions(name: 'mentionsAny' | 'mentionsAll', summary: string, every: boolean): FieldOperator<string[]> {
  return {
    kind: 'field',
    name,
    summary,
    example: `{ field: props.deniedTopicTexts, ${name}: ['system prompt', 'prompt leak'] }`,
    args: z.array(z.string().min(1)),
    compile: (phrases) => {
      // A phrase starts at a word and may end inside one: "prompt leak" is mentioned by "prompt leakage".
      const wanted = phrases.map((phrase) => normalizeText(phrase).trimEnd());
      return (value) => {
        const texts = textsOf(value);
        if (!texts) return false;
        const mentioned = (phrase: string) => texts.some((text) => text.includes(phrase));
        return every ? wanted.every(mentioned) : wanted.some(mentioned);
      };
    },
  };
}

export const mentionsAny = mentions(
  'mentionsAny',
  'the value (a string or a list of strings) mentions at least one of these phrases, each starting at a word, ignoring case, punctuation and camelCase ("SystemPromptLeakage" mentions "prompt leak")',
  false,
);
export const mentionsAll = mentions('mentionsAll', 'the value (a string or a list of strings) mentions every one of these phrases (each in some string), as mentionsAny compares', true);

export const olderThanDays: FieldOperator<number> = {
  kind: 'field',
  name: 'olderThanDays',
  summary: 'the value is a date (ISO 8601, or epoch seconds) more than this many days before the scan',
  example: '{ field: props.createdAt, olderThanDays: 90 }',
  args: z.number().min(0),
  compile: (days, context) => {
    const limit = context.now.getTime() - days * 86_400_000;
    return (value) => {
      const time = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : Number.NaN;
      return Number.isFinite(time) && time < limit;
    };
  },
};
