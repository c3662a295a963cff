import { Command, CommanderError, Option } from 'commander';
import { defaultConfigFile } from '../config-file.js';
import { parseShard, type Shard } from '../collect/shard-option.js';
import { formatProblem, InputError, InterruptedError } from '../errors.js';
import { FRAMEWORK_KEYS } from '../engine/frameworks.js';
import { FAIL_ON_LEVELS } from '../findings/finding.js';
import { PROVIDERS, SEVERITIES } from '../graph/model.js';
import { SETTING_RANGES, type SettingRange } from '../ranges.js';
import { toolVersion } from '../package-info.js';
import { escapeLines, escapeText } from '../report/escape.js';
import { INVENTORY_FORMATS, SCAN_FORMATS } from '../report/reporter.js';
import { scrubText } from '../secrets/sink.js';

/**
 * The command line. Exit codes (README "Exit codes"): 0 clean, 1 findings at or above --fail-on,
 * 2 bad usage or input (and errors aispm could not recover from), 3 coverage gaps with
 * --fail-on-gaps, 130 interrupted. Errors are printed for people, without a stack trace unless --debug.
 */

const EXIT_INPUT_ERROR = 2;
const EXIT_INTERRUPTED = 130;
const EXIT_TERMINATED = 143;

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
const repeat = (value: string, previous: string[] = []) => [...previous, value];
const listRepeat = (value: string, previous: string[] = []) => [...previous, ...list(value)];

function positiveInteger(flag: string, range: SettingRange) {
  return (value: string) => {
    if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1) throw new InputError({ field: flag, message: `"${value}" is not a positive whole number` });
    const number = Number(value);
    if (number < range.min || number > range.max) throw new InputError({ field: flag, message: `${value.trim()} is out of range`, hint: `from ${range.min} to ${range.max}` });
    return number;
  };
}

function shardOption(value: string): Shard {
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new InputError({ field: '--shard', message: shard });
  return shard;
}

/** Ids of one form (`pattern`), repeatable or comma-separated; `prefix` (a resource name's kind) is accepted and left out. */
function nameList(flag: string, pattern: RegExp, what: string, prefix = '') {
  return (value: string, previous: string[] = []) => {
    const ids = list(value);
    for (const id of ids) if (!pattern.test(id)) throw new InputError({ field: flag, message: `"${id}" is not ${what}` });
    return [...previous, ...ids.map((id) => (prefix && id.startsWith(prefix) ? id.slice(prefix.length) : id))];
  };
}

const AWS_ACCOUNT_ID = /^\d{12}$/;
const AWS_ACCOUNT = 'an AWS account id (twelve digits)';

function addCommonOptions(command: Command): Command {
  return command.option('--no-color', 'plain output without colours (NO_COLOR is honoured too)').option('--debug', 'verbose logs on stderr and stack traces for errors');
}

function addSourceOptions(command: Command): Command {
  return command
    .option('--demo', 'use the bundled demo environment (no cloud account needed)')
    .option('--snapshot <file>', 'evaluate a saved inventory instead of collecting')
    .option('--save-snapshot <file>', 'save the collected inventory (secrets redacted) for later --snapshot runs')
    .option('--terraform-plan <file>', 'evaluate a Terraform plan (terraform show -json <planfile>) before it is applied')
    .option('--terraform-dir <dir>', 'with --terraform-plan: the configuration\'s root directory, so findings point at the resource blocks\' lines')
    .addOption(new Option('--provider <providers>', 'providers to collect from, comma-separated: aws,azure,gcp (default: every provider with credentials)').argParser((value) => validateChoices(list(value), PROVIDERS, '--provider')))
    .option('--regions <regions>', 'AWS regions, comma-separated (default: enabled regions)', list)
    .option('--aws-profile <profile>', 'AWS profile to scan (repeatable; one account each)', repeat)
    .option('--aws-organization', "scan every active account of the caller's AWS Organization (from the management or a delegated administrator account), assuming --aws-role-name in each")
    .option('--aws-account <id>', 'AWS account to scan by assuming --aws-role-name in it (repeatable, or comma-separated)', nameList('--aws-account', AWS_ACCOUNT_ID, AWS_ACCOUNT))
    .option('--aws-exclude-account <id>', 'AWS account never to scan (repeatable, or comma-separated)', nameList('--aws-exclude-account', AWS_ACCOUNT_ID, AWS_ACCOUNT))
    .option('--aws-role-name <name>', 'the role assumed in each account but the caller\'s own (with --aws-organization or --aws-account)')
    .option('--aws-external-id <id>', 'the external id the role\'s trust policy requires')
    .option('--azure-subscription <id>', 'Azure subscription to scan (repeatable; default: all visible)', repeat)
    .option('--azure-management-group <id>', 'scan every subscription beneath this Azure management group, at any depth (repeatable, or comma-separated)', nameList('--azure-management-group', /^[\w().-]{1,90}$/, 'an Azure management group id'))
    .option('--azure-exclude-subscription <id>', 'Azure subscription never to scan (repeatable, or comma-separated)', listRepeat)
    .addOption(new Option('--azure-cloud <cloud>', 'Azure cloud').choices(['public', 'china', 'usgov']).default('public'))
    .option('--gcp-project <id>', 'GCP project to scan (repeatable; default: the ADC project)', repeat)
    .option('--gcp-organization <id>', 'scan every active project beneath this Google Cloud organization, in every folder (repeatable, or comma-separated)', nameList('--gcp-organization', /^(?:organizations\/)?\d{1,20}$/, 'a Google Cloud organization id (digits)', 'organizations/'))
    .option('--gcp-folder <id>', 'scan every active project beneath this Google Cloud folder, in every subfolder (repeatable, or comma-separated)', nameList('--gcp-folder', /^(?:folders\/)?\d{1,20}$/, 'a Google Cloud folder id (digits)', 'folders/'))
    .option('--gcp-exclude-project <id>', 'Google Cloud project never to scan (repeatable, or comma-separated)', listRepeat)
    .option('--gcp-locations <locations>', 'Vertex AI locations, comma-separated (default: all)', list)
    .option('--shard <i/n>', 'scan only share i of n of the accounts, subscriptions and projects found (stable across runs and machines; for a CI matrix)', shardOption)
    .option('--concurrency <n>', 'API calls in flight at once, per provider (default 32)', positiveInteger('--concurrency', SETTING_RANGES.concurrency))
    .option('--timeout <seconds>', 'per-request timeout in seconds', positiveInteger('--timeout', SETTING_RANGES.timeout));
}

/** What `scan` and `merge` share: the rules, the reports and the gate. */
function addEvaluationOptions(command: Command): Command {
  return command
    .option('--rules <dir>', 'add a rule pack (repeatable)', repeat)
    .option('--only <ids>', 'run only these rules (comma-separated ids, aliases or globs such as aws-bedrock-*)', listRepeat)
    .option('--skip <ids>', 'skip these rules (comma-separated ids, aliases or globs)', listRepeat)
    .option('--ignore <file>', 'suppressions file (default: .aispmignore.yaml when present)')
    .option('--config <file>', 'rule parameters (approved models, required tags) and defaults for these flags (default: aispm.config.yaml when present)')
    .addOption(new Option('--compliance <frameworks>', `also assess the controls of these frameworks, comma-separated: ${FRAMEWORK_KEYS.join(', ')}; table and markdown then show the compliance view, JSON and HTML add it, and --fail-on counts only findings of failing controls`).argParser((value, previous: string[] = []) => [...previous, ...validateChoices(list(value), FRAMEWORK_KEYS, '--compliance')]))
    .option('--baseline <file>', 'a previous JSON result: findings already in it are "existing" and do not fail the scan')
    .addOption(new Option('-f, --format <format>', 'format of the report on stdout (or in --output FILE)').choices(SCAN_FORMATS).default('table'))
    .option('-o, --output <[format:]file>', 'write the report to FILE (atomically) instead of stdout, or add a report in another format: sarif:aispm.sarif (repeatable; - is stdout)', repeat)
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a counted finding is at or above this severity').choices(FAIL_ON_LEVELS).default('high'))
    .addOption(new Option('--min-severity <severity>', 'report (and count for --fail-on) only findings at or above this severity; all rules still run').choices(SEVERITIES))
    .option('--fail-on-gaps', 'exit 3 when part of the estate could not be read (and no finding gave 1)')
    .option('-q, --quiet', 'no summary line on stderr (errors and warnings still go there)');
}

function validateChoices(values: string[], allowed: readonly string[], flag: string): string[] {
  for (const value of values) {
    if (!allowed.includes(value)) throw new InputError({ field: flag, message: `"${value}" is not one of ${allowed.join(', ')}` });
  }
  return values;
}

export function buildProgram(run: (action: () => Promise<number>) => Promise<void>): Command {
  const program = new Command('aispm')
    .description('AI Security Posture Management: finds misconfigurations and attack paths in AWS, Azure and GCP AI services')
    .version(toolVersion(), '-V, --version', 'print the version')
    .showSuggestionAfterError(true)
    .configureHelp({ sortOptions: false })
    .addHelpText('after', '\nExit codes: 0 clean, 1 findings at or above --fail-on, 2 bad usage or input, 3 a provider could not be read at all (or coverage gaps, with --fail-on-gaps), 130 interrupted.\nTry: aispm scan --demo');

  const scan = program
    .command('scan')
    .description('collect AI assets, evaluate the rules, report the findings worst first');
  addEvaluationOptions(addSourceOptions(scan));
  addCommonOptions(scan).action((options, command: Command) =>
    run(async () => {
      const { scanCommand } = await import('./commands/scan.js');
      return scanCommand({ ...(await configuredScanDefaults(command, options)), ...options, ...command.optsWithGlobals() }, abortOnInterrupt());
    }),
  );

  const merge = program
    .command('merge')
    .description('join saved snapshots (of the shards of one estate: --shard i/n with --save-snapshot) into one graph, then evaluate and report it like scan --snapshot; paths across accounts appear')
    .argument('<snapshots...>', 'snapshot files, from scan --save-snapshot');
  addEvaluationOptions(merge.option('--save-snapshot <file>', 'save the merged inventory, for later --snapshot runs'));
  addCommonOptions(merge).action((snapshots: string[], options, command: Command) =>
    run(async () => {
      const { scanCommand } = await import('./commands/scan.js');
      return scanCommand({ ...(await configuredScanDefaults(command, options)), ...options, ...command.optsWithGlobals(), merge: snapshots }, abortOnInterrupt());
    }),
  );

  const inventory = program.command('inventory').description('list every AI asset found, with its relations (the AI-BOM)');
  addSourceOptions(inventory)
    .addOption(new Option('-f, --format <format>', 'format of the inventory on stdout (or in --output FILE)').choices(INVENTORY_FORMATS).default('table'))
    .option('-o, --output <[format:]file>', 'write to FILE (atomically) instead of stdout, or add another format: cyclonedx:bom.json (repeatable; - is stdout)', repeat)
    .option('--config <file>', 'governance parameters: required tags, approved models (default: aispm.config.yaml when present)');
  addCommonOptions(inventory).action((options) =>
    run(async () => {
      const { inventoryCommand } = await import('./commands/inventory.js');
      return inventoryCommand(options, abortOnInterrupt());
    }),
  );

  const graph = program.command('graph').description('draw the asset graph, or one finding\'s or asset\'s neighbourhood, as Mermaid or Graphviz DOT');
  addSourceOptions(graph)
    .option('--finding <id>', 'a finding id (or a unique prefix, from --format json): its asset, attack path, steps and their neighbours')
    .option('--asset <id-or-name>', 'an asset and its neighbours')
    .option('--hops <n>', `how many edges out from the finding or asset (default ${2})`, positiveInteger('--hops', SETTING_RANGES.hops))
    .option('--rules <dir>', 'add a rule pack, for --finding (repeatable)', repeat)
    .option('--config <file>', 'rule parameters, for --finding (default: aispm.config.yaml when present)')
    .addOption(new Option('-f, --format <format>', 'diagram format').choices(['mermaid', 'dot']).default('mermaid'))
    .option('-o, --output <[format:]file>', 'write to FILE (atomically) instead of stdout, or add another format: dot:graph.dot (repeatable; - is stdout)', repeat);
  addCommonOptions(graph).action((options) =>
    run(async () => {
      const { graphCommand } = await import('./commands/graph.js');
      return graphCommand(options, abortOnInterrupt());
    }),
  );

  const rules = program.command('rules').description('browse the rule pack; validate and test rule packs');
  addCommonOptions(
    rules
      .command('list')
      .description('list rules (built-in and --rules packs)')
      .option('--rules <dir>', 'include a rule pack (repeatable)', repeat)
      .option('--provider <providers>', 'only rules for these providers: aws, azure, gcp, cross', listRepeat)
      .option('--severity <severities>', 'only these severities', listRepeat)
      .option('--category <categories>', 'only these categories', listRepeat)
      .option('--framework <key[=id]>', 'only rules mapped to a framework, e.g. owasp-llm-2025 or owasp-llm-2025=LLM01:2025 (repeatable)', repeat)
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table')),
  ).action((options) =>
    run(async () => {
      const { rulesListCommand } = await import('./commands/rules-list.js');
      return rulesListCommand(options);
    }),
  );
  addCommonOptions(
    rules
      .command('show')
      .description('everything about one rule: condition, remediation, references, framework mappings')
      .argument('<id>', 'rule id or alias')
      .option('--rules <dir>', 'include a rule pack (repeatable)', repeat)
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'yaml', 'json']).default('text')),
  ).action((id: string, options) =>
    run(async () => {
      const { rulesShowCommand } = await import('./commands/rules-show.js');
      return rulesShowCommand(id, options);
    }),
  );
  addCommonOptions(rules.command('validate').description('check every rule and rule test in a pack; exit 2 with each problem').argument('<dir>', 'rule pack directory')).action((dir: string, options) =>
    run(async () => {
      const { rulesValidateCommand } = await import('./commands/rules-check.js');
      return rulesValidateCommand(dir, options);
    }),
  );
  addCommonOptions(rules.command('test').description("run a pack's rule tests (<rule>.test.yaml); exit 1 when a case fails").argument('<dir>', 'rule pack directory')).action((dir: string, options) =>
    run(async () => {
      const { rulesTestCommand } = await import('./commands/rules-check.js');
      return rulesTestCommand(dir, options);
    }),
  );
  return program;
}

/**
 * Ctrl-C, or SIGTERM from a CI runner cancelling the job: stop at once with 130 (143 for SIGTERM).
 * Reports are written atomically and their temporary files are removed on exit (src/files.ts), so
 * neither a half report nor a stray temporary file is left behind.
 */
function abortOnInterrupt(): AbortSignal {
  const controller = new AbortController();
  const stop = (message: string, code: number) => () => {
    controller.abort(new InterruptedError());
    process.stderr.write(`\naispm: ${message}\n`);
    process.exit(code);
  };
  process.once('SIGINT', stop('interrupted', EXIT_INTERRUPTED));
  process.once('SIGTERM', stop('terminated', EXIT_TERMINATED));
  return controller.signal;
}

export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // A reader that stops early (`aispm scan --format json | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const program = buildProgram(async (action) => {
    process.exitCode = await action();
  });
  // Commander's errors quote what was typed (or passed by a script): shown as text, never as escape sequences.
  const output = { writeErr: (text: string) => writeError(escapeLines(text.startsWith('error:') ? `aispm: ${text}` : text)) };
  const configure = (command: Command) => {
    command.exitOverride().configureOutput(output);
    command.commands.forEach(configure);
  };
  configure(program);
  program.hook('preAction', (_program, action) => rejectEmptyValues(action));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.exitCode = handleError(error, debug);
  }
}

/**
 * The config file's `scan:` settings for the flags not given on the command line (a flag's default
 * gives way to the file; a flag typed by the user wins).
 */
async function configuredScanDefaults(command: Command, options: { config?: string }): Promise<Record<string, unknown>> {
  const file = options.config ?? defaultConfigFile();
  if (!file) return {};
  const { loadScanSettings } = await import('../config.js');
  const settings = loadScanSettings(file, (flag, value) => {
    const parser = command.options.find((option) => option.long === `--${flag}`)?.parseArg;
    if (!parser || typeof value === 'boolean') return value;
    // Lists are read item by item, as if the flag were repeated; numbers as if typed.
    return Array.isArray(value) ? value.flatMap((item) => parser(String(item), undefined) as unknown) : parser(String(value), undefined);
  });
  const defaults: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(settings)) {
    if (command.getOptionValueSource(name) === 'cli') continue;
    defaults[name] = value;
    // Options the user did not type are overwritten below by their defaults otherwise.
    command.setOptionValueWithSource(name, value, 'config');
  }
  return defaults;
}

/** `--snapshot ""` is a mistake (an unset variable in a script), never a request for the default. */
function rejectEmptyValues(command: Command): void {
  for (const option of command.options) {
    const value: unknown = command.getOptionValue(option.attributeName());
    if (value === '' || (Array.isArray(value) && value.includes(''))) {
      throw new InputError({ field: option.long ?? option.flags, message: 'is empty', hint: 'give a value, or leave the flag out' });
    }
  }
}

/** Errors quote what they were given (a flag, a file's value, an SDK's message): scrubbed of secrets on the way out. */
function writeError(text: string): void {
  process.stderr.write(scrubText(text));
}

function handleError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return 0;
    // Commander has printed the message; add how to get help.
    process.stderr.write('Run "aispm help" or "aispm help <command>" for usage.\n');
    return EXIT_INPUT_ERROR;
  }
  // Problems quote rule files, snapshots, ignore files, baselines and the cloud: every one is escaped
  // here, where it reaches the terminal, on one line of its own (a line break in a name cannot forge a line).
  if (error instanceof InputError) {
    for (const problem of error.problems) writeError(`aispm: error: ${escapeText(formatProblem(problem))}\n`);
    if (debug && error.stack) writeError(`${escapeLines(error.stack)}\n`);
    return EXIT_INPUT_ERROR;
  }
  if (error instanceof InterruptedError) return EXIT_INTERRUPTED;
  const message = error instanceof Error ? error.message : String(error);
  writeError(`aispm: internal error: ${escapeText(message)}\n`);
  if (debug && error instanceof Error && error.stack) writeError(`${escapeLines(error.stack)}\n`);
  else process.stderr.write('Run again with --debug for the stack trace, and please report it.\n');
  return EXIT_INPUT_ERROR;
}
