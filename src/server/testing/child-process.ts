import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DatabaseHandle, openPglite, openPostgres } from '../db/database.ts';
import { createScratchDatabase, type TestDatabaseKind } from './test-database.ts';

/** The steerboard command's entry point, run as `node src/cli/main.ts …` like bin/steerboard. */
export const CLI_MAIN = path.resolve(import.meta.dirname, '../../cli/main.ts');

/** The crash tests' child script (crash-child.ts), which runs one real code path and signals. */
export const CRASH_CHILD = path.resolve(import.meta.dirname, 'crash-child.ts');

export interface NodeChild {
  child: ChildProcess;
  /** Standard output and error so far, interleaved as they came. */
  output(): string;
  /** Resolves when the output matches; rejects if the child exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** How the child ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, as a crash or `kill -9` would, and waits for the end. */
  kill(): Promise<void>;
}

/**
 * Runs a Node script as a child process, with this process's Node (24, from node_modules) and
 * the environment given (which replaces the parent's: a test names DATA_DIR or DATABASE_URL).
 * Tests synchronise on what the child prints, never on durations.
 */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv): NodeChild {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let hasExited = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    // 'close' comes after the pipes are drained: the last lines are in `output` by then.
    child.once('close', (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
      for (const listener of listeners) listener();
    });
  });

  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`no ${pattern} from the child within ${timeoutMs} ms; it printed:\n${output}`)),
          timeoutMs,
        );
        const check = () => {
          const match = output.match(pattern);
          if (match) return finish(undefined, match);
          if (hasExited) finish(new Error(`the child exited before printing ${pattern}; it printed:\n${output}`));
        };
        function finish(error: Error | undefined, match?: RegExpMatchArray) {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(match as RegExpMatchArray);
        }
        listeners.add(check);
        check();
      });
    },
    async kill() {
      if (!hasExited) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The environment for a child on PGlite in `dataDir`, or on PostgreSQL at `databaseUrl`. */
export function childEnv(target: { dataDir: string } | { databaseUrl: string }): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return {
    ...inherited,
    LOG_LEVEL: 'warn',
    STEERBOARD_DEMO_PASSWORD: 'crash test demo password',
    ...('dataDir' in target ? { DATA_DIR: target.dataDir } : { DATABASE_URL: target.databaseUrl }),
  };
}

/** Resolves once `check` holds, looking every 50 ms; fails after `timeoutMs`, naming `what`. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A database for a test's child processes: a PGlite directory, or a scratch PostgreSQL database. */
export interface CrashTarget {
  env: NodeJS.ProcessEnv;
  open(): Promise<DatabaseHandle>;
  /** Removes the directory, or drops the database. */
  remove(): Promise<void>;
}

export async function crashTarget(kind: TestDatabaseKind): Promise<CrashTarget> {
  if (kind === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steerboard-crash-'));
    return {
      env: childEnv({ dataDir }),
      open: () => openPglite(dataDir),
      remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const scratch = await createScratchDatabase(serverUrl);
  return { env: childEnv({ databaseUrl: scratch.url }), open: () => openPostgres(scratch.url), remove: scratch.drop };
}
