import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { actorLabel } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { findAdministrationById, findBodyById } from '../../organisation/index.js';
import { formatRegistryNumber, matchPattern, normaliseRegistryNumber, parseRegistryNumber, stockholmYear } from '../numbering.js';
import { REGISTRY_CLASSIFY, REGISTRY_REGISTER } from '../policy.js';
import { isForeignKeyViolation, isUniqueViolation, registryRepository, type CaseRow } from '../repository.js';
import {
  archiveTimestamp,
  classCodeInput,
  classificationInput,
  isoDateInput,
  PUBLIC_CLASSIFICATION,
  refuseFutureDate,
  titleInput,
} from './inputs.js';

export const registerCaseInput = z.strictObject({
  bodyId: z.uuid(),
  title: titleInput,
  description: z.string().trim().max(20_000).nullable().optional(),
  classCode: classCodeInput.nullable().optional(),
  administrationId: z.uuid().nullable().optional(),
  classification: classificationInput.optional(),
  /** Back-registration of archive material in an earlier year (registrars). */
  year: z.number().int().min(1900).max(2199).optional(),
  /** Archive material that already has a number: kept as it is, checked for uniqueness. */
  existingNumber: z.string().trim().min(1).max(100).optional(),
  /** Archive material: the day it was registered originally (only with `year` or `existingNumber`). */
  registeredOn: isoDateInput.optional(),
});
export type RegisterCaseInput = z.input<typeof registerCaseInput>;

/**
 * Register a case (ärende) and give it the next registry number of its body's series.
 *
 * In one transaction: take the number (`UPDATE registry_series … RETURNING`, which holds the
 * series row's lock until commit, so concurrent registrars queue and never share a number),
 * format it with the body's pattern, insert the case and write the audit entry. Anything that
 * fails afterwards – a missing class, a constraint – rolls the counter back too, so the series
 * stays gap-free.
 *
 * With `existingNumber` (archive material) the number is kept as given: it must be readable
 * (the body's pattern or one of the known shapes) and unused; the series only moves up when
 * the number is higher than its last number of that year.
 */
export async function registerCase(ctx: Ctx, input: RegisterCaseInput): Promise<CaseRow> {
  const data = validate(registerCaseInput, input);
  const classification = data.classification ?? PUBLIC_CLASSIFICATION;
  authorize(ctx.actor, REGISTRY_REGISTER, { bodyId: data.bodyId });
  if (classification.confidentiality > 0 || classification.integrity > 0 || classification.availability > 0) {
    authorize(ctx.actor, REGISTRY_CLASSIFY, { bodyId: data.bodyId });
  }
  const now = ctx.clock.now();
  const currentYear = stockholmYear(now);
  if (data.year !== undefined && data.year > currentYear) throw new Invalid({ year: ['registry.case.yearInFuture'] });
  if (data.registeredOn !== undefined) {
    if (data.year === undefined && data.existingNumber === undefined) {
      throw new Invalid({ registeredOn: ['registry.case.registeredOnOnlyArchive'] });
    }
    refuseFutureDate('registeredOn', data.registeredOn, now);
  }
  const registeredAt = data.registeredOn ? archiveTimestamp(data.registeredOn) : now;

  try {
    return await ctx.db.transaction(async (tx) => {
      const body = await findBodyById(tx, data.bodyId);
      if (!body) throw new Invalid({ bodyId: ['registry.body.unknown'] });
      if (body.archivedAt) throw new Invalid({ bodyId: ['registry.body.archived'] });
      if (data.administrationId && !(await findAdministrationById(tx, data.administrationId))) {
        throw new Invalid({ administrationId: ['registry.administration.unknown'] });
      }

      let year: number;
      let sequence: number;
      let registryNumber: string;
      let classCode = data.classCode ?? null;
      if (data.existingNumber !== undefined) {
        registryNumber = normaliseRegistryNumber(data.existingNumber);
        const read = matchPattern(body.registryPattern, registryNumber) ?? parseRegistryNumber(registryNumber);
        if (!read || read.year === null) throw new Invalid({ existingNumber: ['registry.case.numberUnreadable'] });
        if (data.year !== undefined && data.year !== read.year) throw new Invalid({ existingNumber: ['registry.case.numberYearMismatch'] });
        if (read.year > currentYear) throw new Invalid({ existingNumber: ['registry.case.yearInFuture'] });
        if (classCode && read.classCode && classCode !== read.classCode) {
          throw new Invalid({ classCode: ['registry.case.numberClassMismatch'] });
        }
        classCode ??= read.classCode;
        year = read.year;
        sequence = read.sequence;
        if (await registryRepository.caseNumberTaken(tx, body.id, registryNumber, year, sequence)) {
          throw new Invalid({ existingNumber: ['registry.case.numberTaken'] });
        }
        await registryRepository.raiseSeriesTo(tx, body.id, year, sequence);
      } else {
        year = data.year ?? currentYear;
        sequence = await registryRepository.takeNextSequence(tx, body.id, year);
        // May throw Invalid (no class): the rollback returns the number just taken.
        registryNumber = formatRegistryNumber(body.registryPattern, { sequence, year, classCode, defaultClassCode: body.defaultClassCode });
        // Only a pattern without {year} can repeat a number (next year's 1 = this year's 1).
        if (await registryRepository.caseNumberTaken(tx, body.id, registryNumber, year, sequence)) {
          throw new Conflict(`registry number ${registryNumber} exists`, 'registry.pattern.collision', { number: registryNumber });
        }
      }

      classCode ??= body.defaultClassCode;
      const created = await registryRepository.insertCase(tx, {
        bodyId: body.id,
        registryNumber,
        year,
        sequence,
        classCode,
        title: data.title,
        description: data.description ?? null,
        status: 'open',
        administrationId: data.administrationId ?? null,
        ...classification,
        registeredAt,
        registeredBy: actorLabel(ctx.actor),
        updatedAt: now,
      });
      await recordAudit(tx, ctx, {
        action: 'registry.case.register',
        subjectType: 'case',
        subjectId: created.id,
        after: {
          bodyId: created.bodyId,
          registryNumber: created.registryNumber,
          year: created.year,
          sequence: created.sequence,
          classCode: created.classCode,
          title: created.title,
          classification,
        },
        details: {
          ...(data.existingNumber !== undefined && { archive: 'existingNumber' }),
          ...(data.existingNumber === undefined && data.year !== undefined && { archive: 'year' }),
          ...(data.registeredOn !== undefined && { registeredOn: data.registeredOn }),
        },
      });
      return created;
    });
  } catch (e) {
    // Two archive registrations of the same number at once: the unique index decides.
    if (isUniqueViolation(e) && data.existingNumber !== undefined) throw new Invalid({ existingNumber: ['registry.case.numberTaken'] });
    if (isUniqueViolation(e)) throw new Conflict('registry number exists', 'registry.pattern.collision', { number: '' });
    if (isForeignKeyViolation(e)) throw new Invalid({ administrationId: ['registry.administration.unknown'] });
    throw e;
  }
}
