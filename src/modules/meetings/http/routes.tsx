import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize, can, PUBLIC } from '../../../access/permissions.js';
import { Conflict, Invalid, NotFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { blankToUndefined, formBodySchema, handleFormSubmit } from '../../../http/forms.js';
import type { App, AppDeps } from '../../../http/types.js';
import { localisedFieldErrors } from '../../../http/validation.js';
import { emptyForm, type FormState } from '../../../views/context.js';
import { renderPdf } from '../../../views/pdf.js';
import { listBodies, PAGE_SIZE_MAX } from '../../organisation/index.js';
import { stockholmDate } from '../../registry/index.js';
import { addAgendaItem } from '../commands/add-agenda-item.js';
import { approveItemImmediately } from '../commands/approve-item-immediately.js';
import { approveMinutes } from '../commands/approve-minutes.js';
import { createMeeting } from '../commands/create-meeting.js';
import { deleteMeeting } from '../commands/delete-meeting.js';
import { extractFilename } from '../commands/finalize.js';
import { removeAgendaItem } from '../commands/remove-agenda-item.js';
import { reorderAgenda } from '../commands/reorder-agenda.js';
import { setAttendance } from '../commands/set-attendance.js';
import { updateItem } from '../commands/update-item.js';
import { updateMeeting } from '../commands/update-meeting.js';
import { extractPdfBlocks } from '../minutes-text.js';
import { canManage, MEETINGS_MANAGE } from '../policy.js';
import { itemHref, meetingHref, presentCaseDecision, presentExtract, presentItem, presentMeeting, presentMeetingPage } from '../presenters.js';
import {
  caseChoices,
  decisionsForCase,
  getExtract,
  getItem,
  getMeeting,
  listMeetings,
  meetingFilterOptions,
  memberChoices,
  type ItemView,
  type MeetingView,
} from '../queries.js';
import { AttendancePage, ExtractPage, ItemEditPage, ItemPage, MeetingDetailPage, MeetingFormPage, MeetingListPage, type GroupCounts } from '../views/pages.js';
import {
  attendanceFormInput,
  attendanceFormValues,
  formField,
  groupCount,
  itemFormInput,
  itemFormValues,
  lines,
  remapInvalid,
  type MemberChoice,
} from './form-input.js';
import {
  addItemBody,
  approveBody,
  attendanceBody,
  caseDecisionSchema,
  createMeetingBody,
  decisionsQuery,
  extractSchema,
  idParams,
  immediateApprovalBody,
  itemParams,
  itemSchema,
  listQuery,
  meetingPageSchema,
  meetingSchema,
  meetingsErrorSchema,
  patchItemBody,
  patchMeetingBody,
  reorderBody,
} from './schemas.js';

const TAGS = ['meetings'];
const errors = { 400: meetingsErrorSchema, 401: meetingsErrorSchema, 403: meetingsErrorSchema, 404: meetingsErrorSchema, 409: meetingsErrorSchema, 422: meetingsErrorSchema };
const readErrors = { 400: meetingsErrorSchema, 401: meetingsErrorSchema, 403: meetingsErrorSchema, 404: meetingsErrorSchema };

/** Page ids that are not uuids are simply not found (the API answers 400 instead). */
const pageId = (id: string) => {
  if (!isUuid(id)) throw new NotFound();
  return id;
};
const pageParams = z.object({ id: z.string().max(200) });
const pageItemParams = z.object({ id: z.string().max(200), itemId: z.string().max(200) });
const pageQuery = z.record(z.string(), z.union([z.string().max(1000), z.array(z.string().max(1000))]));
const listFilter = z.object({ ...listQuery.shape });
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** An item addressed under a meeting must belong to it. */
async function itemIn(req: FastifyRequest, meetingId: string, itemId: string): Promise<ItemView> {
  return getItem(req.ctx, meetingId, itemId);
}

/** Bodies whose minutes the reader keeps (the new-meeting form's choices). */
async function manageableBodies(req: FastifyRequest): Promise<Array<{ id: string; name: string }>> {
  const out: Array<{ id: string; name: string }> = [];
  for (let page = 1; page <= 50; page++) {
    const p = await listBodies(req.ctx.db, { page, pageSize: PAGE_SIZE_MAX });
    out.push(...p.items.filter((b) => canManage(req.actor, b.id)).map((b) => ({ id: b.id, name: b.name })));
    if (page * PAGE_SIZE_MAX >= p.total) break;
  }
  return out;
}

const dnrChoices = async (req: FastifyRequest, bodyId: string) =>
  (await caseChoices(req.ctx, bodyId)).map((c) => ({ value: c.registryNumber, label: c.title ?? c.registryNumber }));

const toMemberChoices = async (req: FastifyRequest, meeting: MeetingView['meeting']): Promise<MemberChoice[]> => {
  const seen = new Map<string, MemberChoice>();
  for (const m of await memberChoices(req.ctx.db, meeting.bodyId, meeting.meetingDate)) {
    // One row per person: the first (chair before member before substitute) wins.
    if (!seen.has(m.personId)) seen.set(m.personId, { personId: m.personId, name: m.personName, party: m.partyAbbreviation, role: m.role });
  }
  return [...seen.values()];
};

export function registerMeetingsRoutes(app: App, deps: AppDeps): void {
  const today = () => stockholmDate(deps.clock.now());

  // ── API ──────────────────────────────────────────────────────────────────
  app.get(
    '/api/meetings',
    {
      config: { permission: PUBLIC },
      schema: { tags: TAGS, summary: 'Meetings (sammanträden), newest first', querystring: listQuery, response: { 200: meetingPageSchema, 400: meetingsErrorSchema } },
    },
    async (req) => {
      const { lang: _lang, ...filter } = req.query;
      return presentMeetingPage(await listMeetings(req.ctx, filter));
    },
  );

  app.post(
    '/api/meetings',
    {
      config: { permission: MEETINGS_MANAGE },
      schema: {
        tags: TAGS,
        summary: "Create a meeting of a body (the body's board secretary or an administrator)",
        body: createMeetingBody,
        response: { 201: meetingSchema, ...errors },
      },
    },
    async (req, reply) => {
      const created = await createMeeting(req.ctx, req.body);
      return reply.code(201).send(presentMeeting(await getMeeting(req.ctx, created.id)));
    },
  );

  app.get(
    '/api/meetings/decisions',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'The decisions on a case: final ones for everyone, drafts also for the staff of the body',
        querystring: decisionsQuery,
        response: { 200: z.array(caseDecisionSchema), 400: meetingsErrorSchema },
      },
    },
    async (req) => (await decisionsForCase(req.ctx, req.query.caseId)).map(presentCaseDecision),
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'A meeting with its attendance and agenda',
        description: 'Agenda items that are not final show their heading only (`visibility: heading`) unless the reader is staff of the body.',
        params: idParams,
        response: { 200: meetingSchema, ...readErrors },
      },
    },
    async (req) => presentMeeting(await getMeeting(req.ctx, req.params.id)),
  );

  app.patch(
    '/api/meetings/:id',
    {
      config: { permission: MEETINGS_MANAGE },
      schema: { tags: TAGS, summary: 'Change date, time, place, wording or status (planned/held)', params: idParams, body: patchMeetingBody, response: { 200: meetingSchema, ...errors } },
    },
    async (req) => {
      await updateMeeting(req.ctx, req.params.id, req.body);
      return presentMeeting(await getMeeting(req.ctx, req.params.id));
    },
  );

  app.delete(
    '/api/meetings/:id',
    {
      config: { permission: MEETINGS_MANAGE },
      schema: { tags: TAGS, summary: 'Delete a meeting none of whose decisions is final', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await deleteMeeting(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/meetings/:id/attendance',
    {
      config: { permission: MEETINGS_MANAGE },
      schema: {
        tags: TAGS,
        summary: 'Set who attended: members, serving substitutes (with whom they replace), the chair',
        params: idParams,
        body: attendanceBody,
        response: { 200: meetingSchema, ...errors },
      },
    },
    async (req) => {
      await setAttendance(req.ctx, req.params.id, req.body);
      return presentMeeting(await getMeeting(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/meetings/:id/items',
    {
      config: { permission: MEETINGS_MANAGE },
      schema: {
        tags: TAGS,
        summary: 'Add an item (§) to the agenda, optionally linked to a case of the body',
        params: idParams,
        body: addItemBody,
        response: { 201: itemSchema, ...errors },
      },
    },
    async (req, reply) => {
      const created = await addAgendaItem(req.ctx, req.params.id, req.body);
      return reply.code(201).send(presentItem(await getItem(req.ctx, req.params.id, created.id)));
    },
  );

  app.put(
    '/api/meetings/:id/agenda',
    {
      config: { permission: MEETINGS_MANAGE },
      schema: {
        tags: TAGS,
        summary: "Reorder the agenda; the items keep the meeting's § numbers in the new order",
        params: idParams,
        body: reorderBody,
        response: { 200: meetingSchema, ...errors },
      },
    },
    async (req) => {
      await reorderAgenda(req.ctx, req.params.id, req.body);
      return presentMeeting(await getMeeting(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/meetings/:id/approval',
    {
      config: { permission: MEETINGS_MANAGE },
      schema: {
        tags: TAGS,
        summary: 'Approve the minutes (justering): every decision becomes final and its extract is registered in its case',
        params: idParams,
        body: approveBody,
        response: { 200: meetingSchema, ...errors },
      },
    },
    async (req) => {
      await approveMinutes(req.ctx, req.params.id, req.body);
      return presentMeeting(await getMeeting(req.ctx, req.params.id));
    },
  );

  app.get(
    '/api/meetings/:id/items/:itemId',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'An agenda item with everything recorded (drafts: staff of the body only)',
        params: itemParams,
        response: { 200: itemSchema, ...readErrors },
      },
    },
    async (req) => presentItem(await getItem(req.ctx, req.params.id, req.params.itemId)),
  );

  app.patch(
    '/api/meetings/:id/items/:itemId',
    {
      config: { permission: MEETINGS_MANAGE },
      schema: {
        tags: TAGS,
        summary: 'Record an item: heading, case, matter, proposals, procedure, decision, reservations, special statements',
        description:
          'Given fields replace what was recorded. Reservations name the own proposal they favour by its number (1-based) in `proposals`. Final items answer 409.',
        params: itemParams,
        body: patchItemBody,
        response: { 200: itemSchema, ...errors },
      },
    },
    async (req) => {
      await itemIn(req, req.params.id, req.params.itemId);
      await updateItem(req.ctx, req.params.itemId, req.body);
      return presentItem(await getItem(req.ctx, req.params.id, req.params.itemId));
    },
  );

  app.delete(
    '/api/meetings/:id/items/:itemId',
    {
      config: { permission: MEETINGS_MANAGE },
      schema: { tags: TAGS, summary: 'Take an item off the agenda before its decision is final', params: itemParams, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await itemIn(req, req.params.id, req.params.itemId);
      await removeAgendaItem(req.ctx, req.params.itemId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/meetings/:id/items/:itemId/immediate-approval',
    {
      config: { permission: MEETINGS_MANAGE },
      schema: {
        tags: TAGS,
        summary: 'Omedelbar justering: the decision of this item is final at once',
        params: itemParams,
        body: immediateApprovalBody,
        response: { 200: itemSchema, ...errors },
      },
    },
    async (req) => {
      await itemIn(req, req.params.id, req.params.itemId);
      await approveItemImmediately(req.ctx, req.params.itemId, req.body);
      return presentItem(await getItem(req.ctx, req.params.id, req.params.itemId));
    },
  );

  app.get(
    '/api/meetings/:id/items/:itemId/extract',
    {
      config: { permission: PUBLIC },
      schema: { tags: TAGS, summary: 'The protocol extract (protokollsutdrag) as text', params: itemParams, response: { 200: extractSchema, ...readErrors } },
    },
    async (req) => presentExtract(await getExtract(req.ctx, req.params.id, req.params.itemId)),
  );

  // ── pages ────────────────────────────────────────────────────────────────
  app.get('/meetings', { config: { permission: PUBLIC }, schema: { hide: true, querystring: pageQuery } }, async (req, reply) => {
    const values = blankToUndefined(req.query);
    const parsed = listFilter.safeParse(values, { reportInput: true });
    const options = await meetingFilterOptions(req.ctx);
    const form: FormState = { values, errors: parsed.success ? {} : localisedFieldErrors(parsed.error.issues, req.locale) };
    const filter = parsed.success ? parsed.data : { page: 1, pageSize: 20 };
    const { lang: _lang, ...rest } = filter as z.output<typeof listFilter>;
    const result = parsed.success ? await listMeetings(req.ctx, rest) : { items: [], page: 1, pageSize: 20, total: 0 };
    return reply.html(
      <MeetingListPage
        ctx={req.pageContext()}
        result={result}
        form={form}
        bodies={options.bodies}
        years={options.years}
        baseUrl={req.url}
        canCreate={can(req.actor, MEETINGS_MANAGE)}
      />,
      parsed.success ? 200 : 400,
    );
  });

  app.get('/meetings/new', { config: { permission: MEETINGS_MANAGE }, schema: { hide: true } }, async (req, reply) => {
    const bodies = await manageableBodies(req);
    return reply.html(<MeetingFormPage ctx={req.pageContext()} form={emptyForm({ minutesTense: 'past', ...(bodies.length === 1 && { bodyId: bodies[0]!.id }) })} bodies={bodies} />);
  });

  app.post('/meetings', { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const values = blankToUndefined(req.body);
    const bodies = await manageableBodies(req);
    return handleFormSubmit(req, reply, {
      values,
      run: () =>
        createMeeting(req.ctx, {
          bodyId: str(values.bodyId) ?? '',
          meetingDate: str(values.meetingDate) ?? '',
          startTime: str(values.startTime) ?? null,
          place: str(values.place) ?? null,
          minutesTense: str(values.minutesTense) as 'past' | 'present' | undefined,
        }),
      render: (form) => <MeetingFormPage ctx={req.pageContext()} form={form} bodies={bodies} />,
      redirect: (m) => meetingHref(m.id),
      flash: () => req.t('meetings.meeting.created'),
    });
  });

  const renderMeeting = async (req: FastifyRequest, view: MeetingView, forms: { itemForm?: FormState; approveForm?: FormState } = {}) => {
    const manage = view.canManage && view.meeting.status !== 'approved';
    return (
      <MeetingDetailPage
        ctx={req.pageContext()}
        view={view}
        itemForm={manage ? (forms.itemForm ?? emptyForm()) : null}
        approveForm={manage ? (forms.approveForm ?? emptyForm({ approvedOn: today() })) : null}
        caseChoices={manage ? await dnrChoices(req, view.meeting.bodyId) : []}
      />
    );
  };

  app.get('/meetings/:id', { config: { permission: PUBLIC }, schema: { hide: true, params: pageParams } }, async (req, reply) => {
    const view = await getMeeting(req.ctx, pageId(req.params.id));
    return reply.html(await renderMeeting(req, view));
  });

  /** Manage pages: the meeting's secretary (401 for anonymous visitors, 403 for others). */
  const managedMeeting = async (req: FastifyRequest, id: string) => {
    const view = await getMeeting(req.ctx, pageId(id));
    authorize(req.actor, MEETINGS_MANAGE, { bodyId: view.meeting.bodyId });
    return view;
  };

  const meetingFormValues = (m: MeetingView['meeting']) =>
    emptyForm({ meetingDate: m.meetingDate, startTime: m.startTime ?? '', place: m.place ?? '', minutesTense: m.minutesTense, status: m.status });

  app.get('/meetings/:id/edit', { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageParams } }, async (req, reply) => {
    const view = await managedMeeting(req, req.params.id);
    return reply.html(<MeetingFormPage ctx={req.pageContext()} form={meetingFormValues(view.meeting)} meeting={view.meeting} />);
  });

  app.post('/meetings/:id/edit', { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageParams, body: formBodySchema } }, async (req, reply) => {
    const view = await managedMeeting(req, req.params.id);
    const values = blankToUndefined(req.body);
    return handleFormSubmit(req, reply, {
      values,
      run: () =>
        updateMeeting(req.ctx, view.meeting.id, {
          meetingDate: str(values.meetingDate) ?? '',
          startTime: str(values.startTime) ?? null,
          place: str(values.place) ?? null,
          minutesTense: str(values.minutesTense) as 'past' | 'present' | undefined,
          status: (str(values.status) as 'planned' | 'held' | undefined) ?? undefined,
        }),
      render: (form) => <MeetingFormPage ctx={req.pageContext()} form={form} meeting={view.meeting} />,
      redirect: (m) => meetingHref(m.id),
      flash: () => req.t('meetings.meeting.updated'),
    });
  });

  app.post('/meetings/:id/delete', { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageParams, body: formBodySchema } }, async (req, reply) => {
    const view = await managedMeeting(req, req.params.id);
    await deleteMeeting(req.ctx, view.meeting.id);
    reply.setFlash(req.t('meetings.meeting.deleted'));
    return reply.redirect('/meetings', 303);
  });

  app.get('/meetings/:id/attendance', { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageParams } }, async (req, reply) => {
    const view = await managedMeeting(req, req.params.id);
    const choices = await toMemberChoices(req, view.meeting);
    return reply.html(<AttendancePage ctx={req.pageContext()} meeting={view.meeting} choices={choices} form={emptyForm(attendanceFormValues(view.attendees, choices))} />);
  });

  app.post(
    '/meetings/:id/attendance',
    { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageParams, body: formBodySchema } },
    async (req, reply) => {
      const view = await managedMeeting(req, req.params.id);
      const choices = await toMemberChoices(req, view.meeting);
      const values = req.body;
      return handleFormSubmit(req, reply, {
        values,
        run: async () => {
          try {
            return await setAttendance(req.ctx, view.meeting.id, attendanceFormInput(values, choices));
          } catch (e) {
            throw e instanceof Invalid ? remapInvalid(e, (p) => (p.startsWith('attendees') ? 'attendees' : p)) : e;
          }
        },
        render: (form) => <AttendancePage ctx={req.pageContext()} meeting={view.meeting} choices={choices} form={form} />,
        redirect: () => meetingHref(view.meeting.id),
        flash: () => req.t('meetings.attendance.saved'),
      });
    },
  );

  app.post('/meetings/:id/items', { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageParams, body: formBodySchema } }, async (req, reply) => {
    const view = await managedMeeting(req, req.params.id);
    const values = blankToUndefined(req.body);
    const paragraph = str(values.paragraph);
    return handleFormSubmit(req, reply, {
      values,
      run: () =>
        addAgendaItem(req.ctx, view.meeting.id, {
          ...(paragraph !== undefined && { paragraph: Number(paragraph) }),
          title: str(values.title) ?? '',
          subtitle: str(values.subtitle) ?? null,
          registryNumber: str(values.registryNumber) ?? null,
        }),
      render: (form) => renderMeeting(req, view, { itemForm: form }) as unknown as JSX.Element,
      redirect: (item) => `${itemHref(view.meeting.id, item.id)}/edit`,
      flash: (item) => req.t('meetings.item.added', { paragraph: item.paragraph }),
    });
  });

  app.post('/meetings/:id/approval', { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageParams, body: formBodySchema } }, async (req, reply) => {
    const view = await managedMeeting(req, req.params.id);
    const values = blankToUndefined(req.body);
    return handleFormSubmit(req, reply, {
      values,
      run: () => approveMinutes(req.ctx, view.meeting.id, { approvedOn: str(values.approvedOn) ?? '', approvers: lines(values.approvers) }),
      render: (form) => renderMeeting(req, view, { approveForm: form }) as unknown as JSX.Element,
      redirect: (m) => meetingHref(m.id),
      flash: () => req.t('meetings.approve.done'),
    });
  });

  const managedItem = async (req: FastifyRequest, id: string, itemId: string) => {
    const view = await getItem(req.ctx, pageId(id), pageId(itemId));
    authorize(req.actor, MEETINGS_MANAGE, { bodyId: view.meeting.bodyId });
    return view;
  };

  app.post(
    '/meetings/:id/items/:itemId/move',
    { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageItemParams, body: formBodySchema } },
    async (req, reply) => {
      const view = await managedItem(req, req.params.id, req.params.itemId);
      const order = view.agenda.map((i) => i.id);
      const at = order.indexOf(view.item.id);
      const to = str(req.body.direction) === 'up' ? at - 1 : at + 1;
      if (to >= 0 && to < order.length) {
        [order[at], order[to]] = [order[to]!, order[at]!];
        await reorderAgenda(req.ctx, view.meeting.id, { itemIds: order });
        reply.setFlash(req.t('meetings.agenda.moved'));
      }
      return reply.redirect(meetingHref(view.meeting.id), 303);
    },
  );

  app.post(
    '/meetings/:id/items/:itemId/delete',
    { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageItemParams, body: formBodySchema } },
    async (req, reply) => {
      const view = await managedItem(req, req.params.id, req.params.itemId);
      await removeAgendaItem(req.ctx, view.item.id);
      reply.setFlash(req.t('meetings.item.removed', { paragraph: view.item.paragraph }));
      return reply.redirect(meetingHref(view.meeting.id), 303);
    },
  );

  app.get('/meetings/:id/items/:itemId', { config: { permission: PUBLIC }, schema: { hide: true, params: pageItemParams } }, async (req, reply) => {
    const view = await getItem(req.ctx, pageId(req.params.id), pageId(req.params.itemId));
    return reply.html(<ItemPage ctx={req.pageContext()} view={view} immediateForm={view.canManage ? emptyForm({ approvedOn: view.meeting.meetingDate }) : null} />);
  });

  app.post(
    '/meetings/:id/items/:itemId/immediate-approval',
    { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageItemParams, body: formBodySchema } },
    async (req, reply) => {
      const view = await managedItem(req, req.params.id, req.params.itemId);
      const values = blankToUndefined(req.body);
      return handleFormSubmit(req, reply, {
        values,
        run: () => approveItemImmediately(req.ctx, view.item.id, { ...(str(values.approvedOn) !== undefined && { approvedOn: str(values.approvedOn) }) }),
        render: (form) => <ItemPage ctx={req.pageContext()} view={view} immediateForm={form} />,
        redirect: () => itemHref(view.meeting.id, view.item.id),
        flash: () => req.t('meetings.immediate.done'),
      });
    },
  );

  // ── record an item (progressive: "add another" re-renders the form without saving) ──
  const minimumCounts = (view: ItemView): GroupCounts => ({
    proposals: Math.max(1, view.item.proposals.length),
    reservations: view.item.reservations.length,
    specialStatements: view.item.specialStatements.length,
  });
  const countsOf = (values: Record<string, unknown>, min: GroupCounts): GroupCounts => ({
    proposals: Math.max(min.proposals, groupCount(values as never, 'proposals')),
    reservations: Math.max(min.reservations, groupCount(values as never, 'reservations')),
    specialStatements: Math.max(min.specialStatements, groupCount(values as never, 'specialStatements')),
  });
  const editableItem = async (req: FastifyRequest, id: string, itemId: string) => {
    const view = await managedItem(req, id, itemId);
    if (view.item.finalOn !== null) throw new Conflict('the decision is final', 'meetings.item.finalLocked');
    return view;
  };

  app.get(
    '/meetings/:id/items/:itemId/edit',
    { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageItemParams } },
    async (req, reply) => {
      const view = await editableItem(req, req.params.id, req.params.itemId);
      return reply.html(
        <ItemEditPage
          ctx={req.pageContext()}
          view={view}
          form={emptyForm(itemFormValues(view.item))}
          counts={minimumCounts(view)}
          caseChoices={await dnrChoices(req, view.meeting.bodyId)}
        />,
      );
    },
  );

  app.post(
    '/meetings/:id/items/:itemId/edit',
    { config: { permission: MEETINGS_MANAGE }, schema: { hide: true, params: pageItemParams, body: formBodySchema } },
    async (req, reply) => {
      const view = await editableItem(req, req.params.id, req.params.itemId);
      const values = req.body as Record<string, string | string[] | undefined>;
      const choices = await dnrChoices(req, view.meeting.bodyId);
      const min = minimumCounts(view);
      const add = str(values._add);
      if (add) {
        const counts = countsOf(values, { proposals: 1, reservations: 0, specialStatements: 0 });
        if (add === 'proposal') counts.proposals++;
        if (add === 'reservation') counts.reservations++;
        if (add === 'specialStatement') counts.specialStatements++;
        return reply.html(<ItemEditPage ctx={req.pageContext()} view={view} form={emptyForm(values)} counts={counts} caseChoices={choices} />);
      }
      return handleFormSubmit(req, reply, {
        values,
        run: async () => {
          const { input, map } = itemFormInput(values);
          try {
            return await updateItem(req.ctx, view.item.id, input);
          } catch (e) {
            throw e instanceof Invalid ? remapInvalid(e, (p) => formField(p, map)) : e;
          }
        },
        render: (form) => <ItemEditPage ctx={req.pageContext()} view={view} form={form} counts={countsOf(values, { ...min, proposals: 1 })} caseChoices={choices} />,
        redirect: () => itemHref(view.meeting.id, view.item.id),
        flash: () => req.t('meetings.item.saved'),
      });
    },
  );

  // ── the protocol extract ─────────────────────────────────────────────────
  app.get(
    '/meetings/:id/items/:itemId/extract',
    { config: { permission: PUBLIC }, schema: { hide: true, params: pageItemParams } },
    async (req, reply) => reply.html(<ExtractPage ctx={req.pageContext()} view={await getExtract(req.ctx, pageId(req.params.id), pageId(req.params.itemId))} />),
  );

  app.get(
    '/meetings/:id/items/:itemId/extract.pdf',
    { config: { permission: PUBLIC }, schema: { hide: true, params: pageItemParams } },
    async (req, reply) => {
      const view = await getExtract(req.ctx, pageId(req.params.id), pageId(req.params.itemId));
      const pdf = await renderPdf({
        title: view.extract.title,
        lang: 'sv',
        author: view.meeting.bodyName,
        blocks: extractPdfBlocks(view.extract),
        footer: view.extract.footer,
      });
      const filename = extractFilename(view.meeting.meetingDate, view.item.paragraph);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; object-src 'self'")
        .send(pdf);
    },
  );
}
