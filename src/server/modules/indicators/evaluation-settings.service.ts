import type { Db } from '../../db/database.ts';
import {
  DEFAULT_STATUS_THRESHOLDS,
  type StatusThresholds,
  thresholdsProblem,
} from '../../../shared/domain/indicator-achievement.ts';
import { can } from '../../../shared/domain/roles.ts';
import type { EvaluationSettings } from '../../../shared/schemas/indicators.ts';
import { AppError, forbidden, staleVersion } from '../../errors.ts';
import { actorIdOf, type Principal } from '../../kernel/principal.ts';
import * as audit from '../audit/audit.service.ts';
import * as repository from './evaluation-settings.repository.ts';

/** The thresholds in force: an administrator's, else the defaults (version 0: nothing set yet). */
export async function getEvaluationSettings(db: Db): Promise<EvaluationSettings> {
  const row = await repository.findSettings(db);
  if (!row) return { ...DEFAULT_STATUS_THRESHOLDS, version: 0, updatedAt: null };
  return { onTrack: row.on_track, atRisk: row.at_risk, version: row.version, updatedAt: row.updated_at.toISOString() };
}

export async function statusThresholds(db: Db): Promise<StatusThresholds> {
  const { onTrack, atRisk } = await getEvaluationSettings(db);
  return { onTrack, atRisk };
}

/**
 * Sets the thresholds, for the whole country: an administrator of a root. Like the holiday
 * calendar, the first setting needs no If-Match and later ones do.
 */
export async function putEvaluationSettings(
  db: Db,
  principal: Principal,
  expectedVersion: number | undefined,
  input: StatusThresholds,
): Promise<EvaluationSettings> {
  const problem = thresholdsProblem(input);
  if (problem) {
    throw new AppError('validation', `Unusable thresholds (${problem})`, {}, [
      { path: problem === 'not_positive' ? 'atRisk' : 'onTrack', message: `indicator.error.thresholds.${problem}` },
    ]);
  }
  return db.transaction().execute(async (tx) => {
    const rootPath = (await repository.rootPaths(tx)).find((path) =>
      can(principal.grants, 'evaluation.configure', path),
    );
    if (!rootPath) throw forbidden('set the evaluation thresholds');
    const before = await getEvaluationSettings(tx);
    const columns = { on_track: input.onTrack, at_risk: input.atRisk, updated_by: actorIdOf(principal) };
    let saved: repository.SettingsRow | undefined;
    if (before.version === 0) {
      if (expectedVersion !== undefined) throw staleVersion('evaluation settings', 0);
      saved = await repository.insertSettings(tx, columns);
    } else {
      if (expectedVersion === undefined)
        throw new AppError('precondition_required', 'Send If-Match with the ETag you read');
      saved = await repository.updateSettingsIfVersion(tx, expectedVersion, columns);
    }
    if (!saved) throw staleVersion('evaluation settings', before.version);
    await audit.record(tx, principal, [
      {
        action: 'evaluation.settings_changed',
        entityType: 'evaluation_settings',
        entityId: 'thresholds',
        scopePath: rootPath,
        before: { onTrack: before.onTrack, atRisk: before.atRisk },
        after: { onTrack: input.onTrack, atRisk: input.atRisk },
      },
    ]);
    return getEvaluationSettings(tx);
  });
}
