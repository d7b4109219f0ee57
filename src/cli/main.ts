// The `poa` program: commands and flags, usage errors as one line, exit codes as ESLint (0 ok, 1 lint errors, 2 usage or input).

import { Command, CommanderError } from 'commander';
import { PoaError } from '../errors.js';
import { registerExplain } from './explain.js';
import { registerInit } from './init.js';
import { registerLint, type CommandState } from './lint.js';
import { registerRules } from './rules.js';
import { nearest } from './suggest.js';

export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_USAGE = 2;

function oneLine(message: string): string {
  return message
    .replace(/^error:\s*/i, '')
    .replace(/\n\(Did you mean (.+)\?\)/, ' — did you mean $1?')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

export function buildProgram(state: CommandState): Command {
  const program = new Command('poa');
  program
    .description('Lint and write Plans of Action for Amazon seller account appeals.')
    .version(process.env['POA_VERSION'] ?? '0.1.0', '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  registerLint(program, state);
  registerRules(program);
  registerExplain(program);
  registerInit(program, state);
  program.on('command:*', (operands: string[]) => {
    const name = operands[0] ?? '';
    const suggestion = nearest(name, program.commands.map((c) => c.name()));
    throw new PoaError(`unknown command "${name}"`, { hint: suggestion ? `did you mean "${suggestion}"?` : 'run `poa --help` for the commands' });
  });
  return program;
}

/** Run the CLI; returns the exit code instead of exiting, so tests and embedders can call it. */
export async function main(argv: string[]): Promise<number> {
  const state: CommandState = { exitCode: EXIT_OK };
  const program = buildProgram(state);
  const debug = argv.includes('--debug');
  if (argv.length === 0) {
    process.stderr.write(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT_OK;
      }
      process.stderr.write(`poa: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof PoaError) {
      process.stderr.write(`poa: ${error.format()}\n`);
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`poa: internal error: ${message} — please report it with the draft that caused it (run with --debug for details)\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}
