import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../../reference');

const count = z.coerce.number().int().min(0);

const ProvinceSchema = z.object({
  code: z.string().regex(/^\d{2}$/),
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  kind: z.enum(['province', 'city']),
  formed_from: z.string(),
  communes_total: count,
  xa: count,
  phuong: count,
  dac_khu: count,
});
export type Province = z.infer<typeof ProvinceSchema>;

const MinistrySchema = z.object({
  code: z.string().min(1),
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  kind: z.enum(['ministry', 'ministry_level']),
});
export type Ministry = z.infer<typeof MinistrySchema>;

function readCsv<T>(file: string, schema: z.ZodType<T>): T[] {
  const records: unknown[] = parse(fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
  return records.map((record, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) throw new Error(`${file} line ${index + 2}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

export function readProvinces(): Province[] {
  const provinces = readCsv('provinces.csv', ProvinceSchema);
  for (const province of provinces) {
    if (province.xa + province.phuong + province.dac_khu !== province.communes_total) {
      throw new Error(`provinces.csv: ${province.code} counts do not add up to communes_total`);
    }
  }
  return provinces;
}

export const readMinistries = (): Ministry[] => readCsv('ministries.csv', MinistrySchema);
