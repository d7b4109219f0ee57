// `poa init`: flags, the terminal check, the answers file and printing; the scaffold (prompts, templates) loads only when this command runs.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { originPosition } from '../config/file.js';
import { ConfigResolver, type Setting } from '../config/resolve.js';
import { PoaError } from '../errors.js';
import { readStdin } from './stdin.js';
import { loadCatalogue, localised } from '../scaffold/catalogue.js';
import type { CommandState } from './lint.js';

/** Exit code after Ctrl-C, as shells report a process ended by SIGINT. */
export const EXIT_CANCELLED = 130;

interface InitFlags {
  out?: string;
  answers?: string;
  lang?: string;
  marketplace?: string;
  reason?: string;
  order?: string[];
  asin?: string[];
  noticeDate?: string;
  sellerName?: string;
  sellerId?: string;
  yes?: boolean;
  force?: boolean;
  stdout?: boolean;
  guidance: boolean;
  /** A path with --config, false with --no-config. */
  config?: string | false;
  debug?: boolean;
}

/** Repeatable flag that also takes comma- or space-separated lists: --order "a, b" --order c */
function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(/[\s,;]+/u).filter((v) => v !== '')];
}

function reasonsHelp(): string {
  const catalogue = loadCatalogue();
  const width = Math.max(...[...catalogue.reasons.keys()].map((k) => k.length));
  const lines = [...catalogue.reasons.values()].map((r) => `  ${r.key.padEnd(width)}  ${localised(r.names, 'en')}`);
  return [
    '',
    'Reasons (--reason, or reason: in the answers file):',
    ...lines,
    '',
    'Without --answers or --yes, poa init asks its questions in a terminal.',
    'Examples:',
    '  poa init                                        ask, then write plan-<reason>-<date>.md',
    '  poa init --answers examples/answers.en.yaml     from an answers file (schema/answers.schema.json)',
    '  poa init --yes --reason late-shipment --lang it --order 171-1234567-1234567 --stdout',
  ].join('\n');
}

type ConfigDefaults = { language?: { value: string; where: string }; marketplace?: { value: string; where: string }; reason?: { value: string; where: string } };

/** The config's language, marketplace and reason for a plan written at `target`, each with where it is written. */
function configDefaults(cwd: string, target: string, config: string | false | undefined): ConfigDefaults {
  const settings = new ConfigResolver({ cwd, ...(config === undefined ? {} : { config }) }).settingsFor(resolve(cwd, target));
  const entry = (setting: Setting<string> | undefined): { value: string; where: string } | undefined =>
    setting === undefined ? undefined : { value: setting.value, where: originPosition(setting.origin) };
  const out: ConfigDefaults = {};
  for (const key of ['language', 'marketplace', 'reason'] as const) {
    const value = entry(settings[key]);
    if (value) out[key] = value;
  }
  return out;
}

async function readAnswersFile(path: string): Promise<{ text: string; name: string }> {
  try {
    if (path === '-') return { text: new TextDecoder().decode(await readStdin()), name: '<stdin>' };
    return { text: readFileSync(path, 'utf8'), name: path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PoaError(code === 'ENOENT' ? 'answers file not found' : `cannot read the answers file (${code ?? (error as Error).message})`, {
      subject: path,
      hint: 'check the path given to --answers (examples/answers.en.yaml shows the format)',
    });
  }
}

export function registerInit(program: Command, state: CommandState): void {
  program
    .command('init')
    .description('write a plan of action: asks the questions a reviewer needs answered, or reads them from a file')
    .argument('[file]', 'file to write (default: plan-<reason>-<notice date>.md)')
    .option('-o, --out <file>', 'file to write (same as [file])')
    .option('--answers <file>', 'read the answers from a YAML file (- for stdin) instead of asking')
    .option('--lang <code>', 'language of the plan: en, it, fr, de, es, nl (default: config, then LANG)')
    .option('--marketplace <domain>', 'marketplace, such as amazon.de (sets the policy links)')
    .option('--reason <key>', 'suspension reason (listed below)')
    .option('--order <id>', 'an affected order ID (repeatable, or comma-separated)', collectList)
    .option('--asin <asin>', 'an affected ASIN (repeatable, or comma-separated)', collectList)
    .option('--notice-date <date>', "date of Amazon's notice, YYYY-MM-DD (gives the appeal deadline)")
    .option('--seller-name <name>', 'store name as Seller Central shows it')
    .option('--seller-id <id>', 'seller ID (merchant token)')
    .option('-y, --yes', 'ask nothing: use the flags and defaults, and leave [[placeholders]] for the rest')
    .option('--force', 'replace the output file if it exists')
    .option('--stdout', 'print the plan instead of writing a file')
    .option('--no-guidance', 'leave out the guidance comments')
    .option('-c, --config <file>', 'take the default language, marketplace and reason from this config file')
    .option('--no-config', 'use no config file')
    .option('--debug', 'show stack traces for unexpected errors')
    .addHelpText('after', reasonsHelp)
    .action(async (file: string | undefined, flags: InitFlags) => {
      if (file !== undefined && flags.out !== undefined && file !== flags.out) {
        throw new PoaError(`two output files given ("${file}" and --out "${flags.out}")`, { hint: 'give the file once, as an argument or with --out' });
      }
      if (flags.stdout && (file ?? flags.out) !== undefined) {
        throw new PoaError(`--stdout and an output file ("${file ?? flags.out}") both given`, { hint: 'print the plan with --stdout, or write it to a file, not both' });
      }
      const interactive = flags.answers === undefined && !flags.yes;
      // Never wait on a prompt nobody can answer (CI, pipes, editors running poa).
      if (interactive && !process.stdin.isTTY) {
        throw new PoaError('cannot ask questions: stdin is not a terminal', {
          subject: 'init',
          hint: 'pass --answers <file> (see examples/answers.en.yaml), or --yes with --reason to write a skeleton',
        });
      }
      const out = file ?? flags.out;
      const answersFile = flags.answers === undefined ? undefined : await readAnswersFile(flags.answers);
      const config = configDefaults(process.cwd(), out ?? 'plan.md', flags.config);
      const scaffold = await import('../scaffold/init.js');
      // Questions go where the user sees them: stdout, or stderr when stdout is a pipe or --stdout.
      const promptOutput = !flags.stdout && process.stdout.isTTY ? process.stdout : process.stderr;
      try {
        const result = await scaffold.runInit({
          cwd: process.cwd(),
          env: process.env,
          ...(answersFile ? { answersFile } : {}),
          config,
          flags: {
            ...(flags.lang !== undefined ? { language: flags.lang } : {}),
            ...(flags.marketplace !== undefined ? { marketplace: flags.marketplace } : {}),
            ...(flags.reason !== undefined ? { reason: flags.reason } : {}),
            ...(flags.order !== undefined ? { orders: flags.order } : {}),
            ...(flags.asin !== undefined ? { asins: flags.asin } : {}),
            ...(flags.noticeDate !== undefined ? { noticeDate: flags.noticeDate } : {}),
            ...(flags.sellerName !== undefined ? { sellerName: flags.sellerName } : {}),
            ...(flags.sellerId !== undefined ? { sellerId: flags.sellerId } : {}),
          },
          ...(interactive ? { prompts: () => scaffold.inquirerPrompts({ input: process.stdin, output: promptOutput }) } : {}),
          ...(out !== undefined ? { out } : {}),
          stdout: flags.stdout === true,
          force: flags.force === true,
          guidance: flags.guidance,
        });
        if (flags.stdout) {
          // The summary waits for the plan to be written: on a full disk the one line about it is all that is said.
          const written = await new Promise<boolean>((resolve) => process.stdout.write(result.text, (error) => resolve(!error)));
          if (written) for (const line of result.summary) process.stderr.write(`${line}\n`);
        } else {
          for (const line of result.summary) process.stdout.write(`${line}\n`);
        }
        state.exitCode = 0;
      } catch (error) {
        if (error instanceof scaffold.InitCancelled) {
          process.stderr.write('poa: init cancelled — nothing was written\n');
          state.exitCode = EXIT_CANCELLED;
          return;
        }
        throw error;
      }
    });
}
