/**
 * The worker thread that reads an uploaded task sheet (see task-sheet-thread.ts): it gets the file's
 * bytes as workerData and posts back the sheet read, or the refusal as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import { readTaskSheet } from './task-sheet-reader.ts';
import type { SheetReadOutcome } from './task-sheet-thread.ts';

const { bytes } = workerData as { bytes: Uint8Array };

async function outcome(): Promise<SheetReadOutcome> {
  try {
    return { sheet: await readTaskSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { code, message, details, fieldErrors } = error;
    return { refused: { code, message, details, ...(fieldErrors ? { fieldErrors } : {}) } };
  }
}

parentPort?.postMessage(await outcome());
