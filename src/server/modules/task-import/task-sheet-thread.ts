import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type FieldError } from '../../errors.ts';
import { readTaskSheet, type TaskSheet } from './task-sheet-reader.ts';

/** What the reading thread posts back: the sheet read, or why the file was refused. */
export type SheetReadOutcome =
  | { sheet: TaskSheet }
  | {
      refused: { code: ErrorCode; message: string; details: Record<string, unknown>; fieldErrors?: FieldError[] };
    };

/**
 * Files up to this size are read in place: a thread costs about 0.4 s to start (it loads exceljs),
 * which every import would pay, while such a file holds the event loop 0.25 s at most, even with
 * its formatting drawn thousands of rows below the data (a filled 5,000-row template is about
 * 130 KiB and holds it about 0.1 s). Decision 0010 has the figures.
 */
export const IN_PLACE_MAX_BYTES = 256 * 1024;

/**
 * A thread's heap, at most: 5 MiB of XLSX can unpack to far more (a 4.7 MB sheet formatted down to
 * row 180,000 peaked at 1.1 GB read in place; under this cap it still reads, collecting sooner). A
 * file that needs more is refused rather than let starve the server.
 */
const MAX_HEAP_MB = 1024;

/**
 * readTaskSheet in a worker thread of its own, so that the event loop stays free while exceljs
 * parses: a large sheet formatted far below its data holds it for seconds. The thread lives for
 * one file; its refusals come back as the same AppError.
 */
export function readTaskSheetOffThread(bytes: Buffer): Promise<TaskSheet> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./task-sheet-thread-entry.ts', import.meta.url), {
      workerData: { bytes },
      resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB },
    });
    // The first of message, error and exit decides; the others follow it and are ignored.
    let isSettled = false;
    const settle = (settleWith: () => void) => {
      if (!isSettled) settleWith();
      isSettled = true;
    };
    worker.once('message', (outcome: SheetReadOutcome) =>
      settle(() => {
        if ('sheet' in outcome) return resolve(outcome.sheet);
        const { code, message, details, fieldErrors } = outcome.refused;
        reject(new AppError(code, message, details, fieldErrors));
      }),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('payload_too_large', `Reading the workbook needs more than ${MAX_HEAP_MB} MB`)
            : error,
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`The sheet-reading thread exited with ${code}`))));
  });
}

/** Reads an upload's task sheet: in place when small, else in a thread (see IN_PLACE_MAX_BYTES). */
export function readUploadedTaskSheet(bytes: Buffer): Promise<TaskSheet> {
  return bytes.length <= IN_PLACE_MAX_BYTES ? readTaskSheet(bytes) : readTaskSheetOffThread(bytes);
}
