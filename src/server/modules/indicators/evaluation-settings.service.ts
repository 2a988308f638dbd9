import type { Db } from '../../db/database.ts';
import {
  DEFAULT_STATUS_THRESHOLDS,
  type StatusThresholds,
  thresholdsProblem,
} from '../../../shared/domain/indicator-achievement.ts';
import { can } from '../../../shared/domain/roles.ts';
import {
  bandsProblem,
  DEFAULT_SCORE_BANDS,
  DEFAULT_SCORE_WEIGHTS,
  type ScoreWeights,
  weightsProblem,
} from '../../../shared/domain/scorecard.ts';
import type { EvaluationSettings, PutEvaluationSettings } from '../../../shared/schemas/indicators.ts';
import { AppError, forbidden, staleVersion } from '../../errors.ts';
import { actorIdOf, type Principal } from '../../kernel/principal.ts';
import * as audit from '../audit/audit.service.ts';
import { rootPaths } from '../organizations/organizations.repository.ts';
import * as repository from './evaluation-settings.repository.ts';

/** The settings in force: an administrator's, else the defaults (version 0: nothing set yet). */
export async function getEvaluationSettings(db: Db): Promise<EvaluationSettings> {
  const row = await repository.findSettings(db);
  if (!row) {
    return {
      ...DEFAULT_STATUS_THRESHOLDS,
      weights: DEFAULT_SCORE_WEIGHTS,
      bands: DEFAULT_SCORE_BANDS,
      version: 0,
      updatedAt: null,
    };
  }
  return {
    onTrack: row.on_track,
    atRisk: row.at_risk,
    // Written by putEvaluationSettings from validated input only.
    weights: row.weights as ScoreWeights,
    bands: { ready: row.ready_band, warning: row.warning_band },
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function statusThresholds(db: Db): Promise<StatusThresholds> {
  const { onTrack, atRisk } = await getEvaluationSettings(db);
  return { onTrack, atRisk };
}

/**
 * Sets the thresholds, and the scorecard's weights and bands when sent, for the whole country: an
 * administrator of a root. Like the holiday calendar, the first setting needs no If-Match and later
 * ones do.
 */
export async function putEvaluationSettings(
  db: Db,
  principal: Principal,
  expectedVersion: number | undefined,
  input: PutEvaluationSettings,
): Promise<EvaluationSettings> {
  checked(input);
  return db.transaction().execute(async (tx) => {
    const rootPath = (await rootPaths(tx)).find((path) => can(principal.grants, 'evaluation.configure', path));
    if (!rootPath) throw forbidden('set the evaluation settings');
    const before = await getEvaluationSettings(tx);
    const weights = input.weights ?? before.weights;
    const bands = input.bands ?? before.bands;
    const columns = {
      on_track: input.onTrack,
      at_risk: input.atRisk,
      weights: JSON.stringify(weights),
      ready_band: bands.ready,
      warning_band: bands.warning,
      updated_by: actorIdOf(principal),
    };
    let saved: repository.SettingsRow | undefined;
    if (before.version === 0) {
      if (expectedVersion !== undefined) throw staleVersion('evaluation settings', 0);
      saved = await repository.insertSettings(tx, columns);
    } else {
      if (expectedVersion === undefined) {
        throw new AppError('precondition_required', 'Send If-Match with the ETag you read');
      }
      saved = await repository.updateSettingsIfVersion(tx, expectedVersion, columns);
    }
    if (!saved) throw staleVersion('evaluation settings', before.version);
    await audit.record(tx, principal, [
      {
        action: 'evaluation.settings_changed',
        entityType: 'evaluation_settings',
        entityId: 'settings',
        scopePath: rootPath,
        before: { onTrack: before.onTrack, atRisk: before.atRisk, weights: before.weights, bands: before.bands },
        after: { onTrack: input.onTrack, atRisk: input.atRisk, weights, bands },
      },
    ]);
    return getEvaluationSettings(tx);
  });
}

/** Refuses settings the rules cannot use, naming the field (400). */
function checked(input: PutEvaluationSettings): void {
  const refuse = (what: string, path: string, message: string): never => {
    throw new AppError('validation', `Unusable ${what}`, {}, [{ path, message }]);
  };
  const thresholds = thresholdsProblem(input);
  if (thresholds) {
    refuse(
      'thresholds',
      thresholds === 'not_positive' ? 'atRisk' : 'onTrack',
      `indicator.error.thresholds.${thresholds}`,
    );
  }
  const weights = input.weights ? weightsProblem(input.weights) : null;
  if (weights) refuse('weights', 'weights', `scorecard.error.weights.${weights}`);
  const bands = input.bands ? bandsProblem(input.bands) : null;
  if (bands) refuse('bands', 'bands', `scorecard.error.bands.${bands}`);
}
