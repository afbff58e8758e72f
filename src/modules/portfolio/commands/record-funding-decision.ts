import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { actorLabel, systemActor } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { addAgendaItem, approveItemImmediately, approveMinutes, createMeeting, getMeeting, updateItem } from '../../meetings/index.js';
import { stockholmDate } from '../../registry/index.js';
import type { CandidateView } from '../evaluation.js';
import { PORTFOLIO_PRIORITISE } from '../policy.js';
import { portfolioRepository as repo, type RoundRow } from '../repository.js';
import { recordDecisionInput, type RecordDecisionInput } from './inputs.js';
import { checkSelection } from './save-selection.js';
import { roundDecided } from './set-scores.js';
import { roundForWrite } from './shared.js';

export { recordDecisionInput, type RecordDecisionInput };

const sek = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
/** "1 500 000 kr" with plain spaces, so the minutes' text is found by a search for what a person types. */
export const kronor = (n: number) => `${sek.format(n).replace(/\s/g, ' ')} kr`;

/** The item's text as the minutes print it (Swedish: the minutes' language). Pure. */
export function fundingDecisionText(
  round: Pick<RoundRow, 'title' | 'year' | 'budget' | 'criteria'> & { councilBodyName: string },
  funded: Array<{ title: string; ownerBodyName: string; amount: number }>,
  candidates: number,
  followsTool: boolean,
): { title: string; matterText: string; decisionPoints: string[] } {
  const total = funded.reduce((s, f) => s + f.amount, 0);
  const criteria = round.criteria.map((c) => `${c.labelSv.replace(/\s*\(.*\)$/, '').toLowerCase()} (vikt ${c.weight}${c.inverse ? ', omvänd' : ''})`).join(', ');
  return {
    title: `Prioritering och finansiering av projekt ${round.year}: ${round.title}`,
    matterText: [
      `${round.councilBodyName} prioriterar och finansierar projekt för att genomföra strategin. I prioriteringen ${round.title} har ${candidates} föreslagna projekt poängsatts 0–5 efter viktade kriterier: ${criteria}. Ramen är ${kronor(round.budget)}.`,
      followsTool
        ? 'Urvalet är det som verktyget föreslog: den största sammanlagda viktade poängen inom ramen, där ett projekt bara tas med tillsammans med de projekt det är beroende av.'
        : 'Rådet har justerat verktygets förslag (den största sammanlagda viktade poängen inom ramen, med beroenden mellan projekten respekterade).',
    ].join('\n\n'),
    decisionPoints: [
      `${round.councilBodyName} beslutar att finansiera följande projekt år ${round.year}, sammanlagt ${kronor(total)} inom ramen ${kronor(round.budget)}:`,
      ...funded.map((f) => `${f.title} (${f.ownerBodyName}): ${kronor(f.amount)}.`),
      'Projektägarna rapporterar status per period i Stadsnav.',
    ],
  };
}

/**
 * Record the funding decision as a decision of the council, through the meetings module: a new
 * meeting of the council on `decisionDate` (or an existing, not yet approved one) gets an agenda
 * item whose decision points list the funded projects and amounts; the minutes (or the item) are
 * approved, so the decision is final. Then the round is decided with the item's id, every funded
 * project becomes ongoing and gets the decision linked. One transaction: all or nothing.
 *
 * Council members need not be the council's board secretary, so the meetings commands run as the
 * system actor "portfolio:<user>"; this command's own audit entry names the user.
 */
export async function recordFundingDecision(ctx: Ctx, roundId: string, input: RecordDecisionInput = {}): Promise<{ roundId: string; meetingId: string; itemId: string; funded: string[] }> {
  const id = validate(z.uuid(), roundId);
  const data = validate(recordDecisionInput, input);
  authorize(ctx.actor, PORTFOLIO_PRIORITISE);
  return ctx.db.transaction(async (tx) => {
    const locked = await roundForWrite(tx, ctx, id);
    if (locked.status !== 'open') throw roundDecided(locked);
    const round = (await repo.findRound(tx, id))!;
    const today = stockholmDate(ctx.clock.now());
    const decisionDate = data.decisionDate ?? today;
    if (decisionDate > today) throw new Invalid({ decisionDate: ['portfolio.decision.futureDate'] });

    const selections = await repo.selectionsOf(tx, id);
    const selected = selections.filter((s) => s.selected);
    if (selected.length === 0) throw new Invalid({ items: ['portfolio.decision.nothingSelected'] });
    const { evaluation } = await checkSelection(
      tx,
      round,
      selected.map((s) => ({ projectId: s.projectId, selected: true, amount: s.amount })),
    );
    const funded = evaluation.candidates
      .filter((c) => selected.some((s) => s.projectId === c.project.id))
      .map((c: CandidateView) => ({ c, amount: selected.find((s) => s.projectId === c.project.id)!.amount ?? c.project.estimatedCostPerYear ?? 0 }));
    const proposal = new Set(evaluation.proposal.selected);
    const followsTool = proposal.size === funded.length && funded.every((f) => proposal.has(f.c.project.id) && f.amount === f.c.project.estimatedCostPerYear);
    const text = fundingDecisionText(
      round,
      funded.map((f) => ({ title: f.c.project.title, ownerBodyName: f.c.project.ownerBodyName, amount: f.amount })),
      evaluation.candidates.filter((c) => c.project.status === 'proposed').length,
      followsTool,
    );

    // The meetings module's own commands, inside this transaction.
    const secretary: Ctx = { ...ctx, db: tx, actor: systemActor(`portfolio:${actorLabel(ctx.actor)}`) };
    let meetingId = data.meetingId;
    if (meetingId) {
      let meeting;
      try {
        meeting = await getMeeting({ db: tx, actor: secretary.actor }, meetingId);
      } catch (e) {
        if (e instanceof NotFound) throw new Invalid({ meetingId: ['portfolio.decision.meetingUnknown'] });
        throw e;
      }
      if (meeting.meeting.bodyId !== round.councilBodyId) throw new Invalid({ meetingId: ['portfolio.decision.meetingOtherBody'] });
      if (meeting.meeting.status === 'approved') throw new Invalid({ meetingId: ['portfolio.decision.meetingApproved'] });
      if (decisionDate < meeting.meeting.meetingDate) throw new Invalid({ decisionDate: ['portfolio.decision.beforeMeeting'] });
    } else {
      meetingId = (await createMeeting(secretary, { bodyId: round.councilBodyId, meetingDate: decisionDate })).id;
    }
    const item = await addAgendaItem(secretary, meetingId, { title: text.title.length > 500 ? `${text.title.slice(0, 499)}…` : text.title });
    await updateItem(secretary, item.id, {
      matterText: text.matterText,
      decisionPoints: text.decisionPoints.map((p) => (p.length > 5000 ? `${p.slice(0, 4999)}…` : p)),
      procedure: { kind: 'acclamation', text: 'Ordföranden frågade om rådet beslutade enligt förslaget och fann att så var fallet.' },
    });
    if (data.meetingId) await approveItemImmediately(secretary, item.id, { approvedOn: decisionDate });
    else await approveMinutes(secretary, meetingId, { approvedOn: decisionDate, approvers: data.approvers ?? [] });

    const now = ctx.clock.now();
    // The record: the tool's proposal at the time of the decision beside the council's choice.
    await repo.replaceSelections(
      tx,
      id,
      evaluation.candidates
        .filter((c) => proposal.has(c.project.id) || selected.some((s) => s.projectId === c.project.id))
        .map((c) => {
          const s = selected.find((x) => x.projectId === c.project.id);
          return { projectId: c.project.id, proposedByTool: proposal.has(c.project.id), selected: Boolean(s), amount: s ? (s.amount ?? c.project.estimatedCostPerYear) : null };
        }),
    );
    await repo.updateRound(tx, id, { status: 'decided', decisionItemId: item.id, updatedAt: now });
    for (const f of funded) {
      const p = f.c.project;
      await repo.updateProject(tx, p.id, { status: 'ongoing', updatedAt: now });
      await repo.linkDecision(tx, p.id, item.id);
      await recordAudit(tx, ctx, {
        action: 'portfolio.project.funded',
        subjectType: 'project',
        subjectId: p.id,
        before: { status: p.status },
        after: { status: 'ongoing', amount: f.amount, roundId: id, itemId: item.id },
      });
    }
    await recordAudit(tx, ctx, {
      action: 'portfolio.round.decide',
      subjectType: 'prioritisationRound',
      subjectId: id,
      before: { status: 'open' },
      after: {
        status: 'decided',
        meetingId,
        itemId: item.id,
        decisionDate,
        funded: funded.map((f) => ({ projectId: f.c.project.id, amount: f.amount })),
        followsTool,
      },
    });
    return { roundId: id, meetingId, itemId: item.id, funded: funded.map((f) => f.c.project.id) };
  });
}
