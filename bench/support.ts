import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export const ROOT = path.resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts a Node child (the project's Node 24) and resolves once `ready` appears in its output. */
export async function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out starting ${args.join(' ')}:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
  });
  return child;
}

export function temporaryDirectory(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export async function measure(name: string, options: autocannon.Options): Promise<Measurement> {
  const result = await autocannon({ connections: 10, duration: Number(process.env.BENCH_SECONDS ?? 5), ...options });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function report(title: string, baseline: Measurement, others: Measurement[]): void {
  console.log(`\n${title}`);
  console.log('| measurement | req/s | ratio to baseline | p50 ms | p99 ms | errors | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of [baseline, ...others]) {
    const ratio = (row.requestsPerSecond / baseline.requestsPerSecond).toFixed(3);
    console.log(
      `| ${row.name} | ${row.requestsPerSecond} | ${ratio} | ${row.p50Ms} | ${row.p99Ms} | ${row.errors} | ${row.non2xx} |`,
    );
  }
}

export interface Timing {
  name: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  /** The one-minute load average, the higher of the measurement's start and end. */
  load: number;
}

/** The machine's CPUs: a load average above them means calls waited for a CPU, and times say little. */
export const CPUS = os.availableParallelism();

const loadAverage = () => os.loadavg()[0] ?? 0;

/**
 * A timing against its p95 target in milliseconds. Judged only when the machine was quiet (load
 * average at most its CPUs): under load the absolute figures measure the queue for a CPU, and only
 * the ratios to a baseline timed in the same run compare.
 */
export function verdict(timing: Timing, targetMs: number): 'met' | 'missed' | 'not judged' {
  if (timing.load > CPUS) return 'not judged';
  return timing.p95 <= targetMs ? 'met' : 'missed';
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export interface TimingOptions {
  warmUp: number;
  repetitions: number;
  /** The measurement stops early after this long (once it has 20 calls), so a slow call cannot take the run hostage. */
  maxSeconds: number;
}

/**
 * Times `run` over sequential calls after a warm-up: p50/p95/p99 in milliseconds. Each call gets
 * its number, counted from 0 over the warm-up and the measured calls alike.
 */
export async function time(
  name: string,
  run: (call: number) => Promise<unknown>,
  options: TimingOptions,
): Promise<Timing> {
  let call = 0;
  for (; call < options.warmUp; call += 1) await run(call);
  const loadAtStart = loadAverage();
  const durations: number[] = [];
  const stopAt = performance.now() + options.maxSeconds * 1000;
  while (durations.length < options.repetitions && (durations.length < 20 || performance.now() < stopAt)) {
    const start = performance.now();
    await run(call);
    durations.push(performance.now() - start);
    call += 1;
  }
  durations.sort((a, b) => a - b);
  return {
    name,
    n: durations.length,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    p99: percentile(durations, 99),
    load: Math.max(loadAtStart, loadAverage()),
  };
}

/** Milliseconds as the tables print them. */
export const ms = (value: number) => value.toFixed(1);

/** A Markdown table: the first column left-aligned, the others (figures) right-aligned. */
export function printTable(header: string[], rows: string[][]): void {
  console.log(`| ${header.join(' | ')} |`);
  console.log(
    `| --- | ${header
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
  );
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}
