import { CsrfField, ErrorSummary, Pager, SelectField, TextArea, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import { paragraphsOf, procedureParagraphs, proposalContent, proposalSentence, reservationSentence, specialStatementSentence } from '../minutes-text.js';
import { inFavourIndex } from '../details.js';
import { itemHref, meetingHref, wordingOf } from '../presenters.js';
import type { ExtractView, ItemView, MeetingPage as MeetingPageData, MeetingView } from '../queries.js';
import { MINUTES_TENSES } from '../schema.js';
import type { MemberChoice } from '../http/form-input.js';
import { CheckboxField, day, ExtractArticle, fieldId, itemStatusText, itemTitle, meetingHeading, meetingStatusLabel, Points, SuggestField } from './parts.js';

const caseHref = (id: string) => `/registry/cases/${id}`;
type Choice = { value: string; label: string };

// ── the public list ─────────────────────────────────────────────────────────
export function MeetingListPage(props: {
  ctx: PageContext;
  result: MeetingPageData;
  form: FormState;
  bodies: Array<{ id: string; name: string }>;
  years: number[];
  baseUrl: string;
  canCreate: boolean;
}): JSX.Element {
  const { ctx, result, form } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('meetings.title')} description={t('meetings.lead')}>
      <h1 safe>{t('meetings.title')}</h1>
      <p class="lead" safe>{t('meetings.lead')}</p>
      {props.canCreate ? (
        <p class="actions">
          <a class="button" href="/meetings/new" safe>
            {t('meetings.meeting.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      <ErrorSummary errors={form.errors} t={t} />
      <form method="get" action="/meetings" role="search">
        <fieldset>
          <legend safe>{t('meetings.list.filters')}</legend>
          <SelectField
            name="bodyId"
            label={t('meetings.col.body')}
            form={form}
            t={t}
            emptyLabel={t('meetings.list.allBodies')}
            options={props.bodies.map((b) => ({ value: b.id, label: b.name }))}
          />
          <SelectField
            name="year"
            label={t('meetings.list.year')}
            form={form}
            t={t}
            emptyLabel={t('meetings.list.allYears')}
            options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <div class="actions">
            <button type="submit" safe>{t('meetings.list.apply')}</button>
            <a href="/meetings" safe>{t('meetings.list.clear')}</a>
          </div>
        </fieldset>
      </form>
      {result.items.length ? (
        <table>
          <caption safe>{t('meetings.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('meetings.col.date')}</th>
              <th scope="col" safe>{t('meetings.col.body')}</th>
              <th scope="col" safe>{t('meetings.col.place')}</th>
              <th scope="col" safe>{t('meetings.col.status')}</th>
              <th scope="col" safe>{t('meetings.col.items')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((m) => (
              <tr>
                <td>
                  <a href={meetingHref(m.id)} safe>
                    {day(ctx, m.meetingDate)}
                  </a>
                </td>
                <td safe>{m.bodyName}</td>
                <td safe>{[m.startTime, m.place].filter(Boolean).join(', ') || t('common.none')}</td>
                <td safe>{meetingStatusLabel(t, m.status)}</td>
                <td safe>{String(m.itemCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p safe>{t('meetings.list.empty')}</p>
      )}
      <Pager info={result} baseUrl={props.baseUrl} t={t} />
    </Layout>
  );
}

// ── new / edit meeting ──────────────────────────────────────────────────────
const tenseOptions = (ctx: PageContext): Choice[] => MINUTES_TENSES.map((v) => ({ value: v, label: ctx.t(`meetings.tense.${v}`) }));

export function MeetingFormPage(props: {
  ctx: PageContext;
  form: FormState;
  /** New meeting: the bodies the secretary may choose from. */
  bodies?: Array<{ id: string; name: string }>;
  /** Edit: the meeting. */
  meeting?: MeetingView['meeting'];
}): JSX.Element {
  const { ctx, form, meeting } = props;
  const { t } = ctx;
  const heading = meeting ? t('meetings.meeting.edit') : t('meetings.meeting.new');
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={meeting ? meetingHref(meeting.id) : '/meetings'} safe>
          {meeting ? t('meetings.backToMeeting') : t('meetings.backToList')}
        </a>
      </p>
      <h1 safe>{heading}</h1>
      {meeting ? <p class="lead" safe>{meetingHeading(ctx, meeting)}</p> : ''}
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={meeting ? `${meetingHref(meeting.id)}/edit` : '/meetings'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {meeting ? (
          ''
        ) : (
          <SelectField
            name="bodyId"
            label={t('meetings.meeting.body')}
            hint={t('meetings.meeting.bodyHint')}
            form={form}
            t={t}
            required
            emptyLabel={t('meetings.meeting.chooseBody')}
            options={(props.bodies ?? []).map((b) => ({ value: b.id, label: b.name }))}
          />
        )}
        <TextField name="meetingDate" type="date" label={t('meetings.meeting.date')} hint={t('meetings.dateHint')} form={form} t={t} required />
        <TextField name="startTime" label={t('meetings.meeting.startTime')} hint={t('meetings.meeting.startTimeHint')} form={form} t={t} maxlength={5} inputmode="numeric" />
        <TextField name="place" label={t('meetings.meeting.place')} form={form} t={t} maxlength={300} />
        <SelectField name="minutesTense" label={t('meetings.meeting.tense')} hint={t('meetings.meeting.tenseHint')} form={form} t={t} options={tenseOptions(ctx)} />
        {meeting ? (
          <SelectField
            name="status"
            label={t('meetings.meeting.status')}
            form={form}
            t={t}
            options={(['planned', 'held'] as const).map((s) => ({ value: s, label: meetingStatusLabel(t, s) }))}
          />
        ) : (
          ''
        )}
        <button type="submit" safe>{meeting ? t('form.save') : t('meetings.meeting.create')}</button>
      </form>
    </Layout>
  );
}

// ── one meeting ─────────────────────────────────────────────────────────────
const roleLabel = (ctx: PageContext, role: string) => ctx.t(`meetings.role.${role}`);

export function MeetingDetailPage(props: {
  ctx: PageContext;
  view: MeetingView;
  /** Present when the reader keeps the minutes and they are open. */
  itemForm: FormState | null;
  approveForm: FormState | null;
  caseChoices: Choice[];
}): JSX.Element {
  const { ctx, view } = props;
  const { t } = ctx;
  const m = view.meeting;
  const open = view.canManage && m.status !== 'approved';
  const heading = meetingHeading(ctx, m);
  const anyFinal = view.items.some((i) => i.final);
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href="/meetings" safe>{t('meetings.backToList')}</a>
      </p>
      <h1 safe>{heading}</h1>
      <dl class="meta">
        <dt safe>{t('meetings.col.body')}</dt>
        <dd safe>{m.bodyName}</dd>
        <dt safe>{t('meetings.meeting.date')}</dt>
        <dd safe>{day(ctx, m.meetingDate)}</dd>
        <dt safe>{t('meetings.meeting.startTime')}</dt>
        <dd safe>{m.startTime ?? t('common.none')}</dd>
        <dt safe>{t('meetings.meeting.place')}</dt>
        <dd safe>{m.place ?? t('common.none')}</dd>
        <dt safe>{t('meetings.meeting.status')}</dt>
        <dd safe>{meetingStatusLabel(t, m.status)}</dd>
        {m.approvedOn ? (
          <>
            <dt safe>{t('meetings.meeting.approvedOn')}</dt>
            <dd safe>{day(ctx, m.approvedOn)}</dd>
          </>
        ) : (
          ''
        )}
        {m.approvers.length ? (
          <>
            <dt safe>{t('meetings.meeting.approvers')}</dt>
            <dd safe>{m.approvers.join(', ')}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {open ? (
        <p class="actions">
          <a href={`${meetingHref(m.id)}/edit`} safe>{t('meetings.meeting.edit')}</a>
          <a href={`${meetingHref(m.id)}/attendance`} safe>{t('meetings.attendance.edit')}</a>
        </p>
      ) : (
        ''
      )}

      <h2 safe>{t('meetings.attendance.title')}</h2>
      {view.attendees.length ? (
        <table>
          <caption safe>{t('meetings.attendance.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('meetings.attendance.name')}</th>
              <th scope="col" safe>{t('meetings.attendance.party')}</th>
              <th scope="col" safe>{t('meetings.attendance.role')}</th>
              <th scope="col" safe>{t('meetings.attendance.replaces')}</th>
            </tr>
          </thead>
          <tbody>
            {view.attendees.map((a) => (
              <tr>
                <th scope="row" safe>{a.name}</th>
                <td safe>{a.party ?? t('common.none')}</td>
                <td safe>{roleLabel(ctx, a.role)}</td>
                <td safe>{a.replacesName ?? t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p safe>{t('meetings.attendance.none')}</p>
      )}

      <h2 safe>{t('meetings.agenda.title')}</h2>
      {view.items.length ? (
        <table>
          <caption safe>{t('meetings.agenda.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">§</th>
              <th scope="col" safe>{t('meetings.agenda.item')}</th>
              <th scope="col" safe>{t('meetings.agenda.case')}</th>
              <th scope="col" safe>{t('meetings.agenda.status')}</th>
              {open ? <th scope="col" safe>{t('meetings.agenda.actions')}</th> : ''}
            </tr>
          </thead>
          <tbody>
            {view.items.map((i, index) => (
              <tr>
                <td safe>{`§ ${i.paragraph}`}</td>
                <td>
                  {i.visibility === 'restricted' ? (
                    <span class="secret" safe>
                      {itemTitle(ctx, i)}
                    </span>
                  ) : i.visibility === 'heading' ? (
                    <span safe>{i.title ?? ''}</span>
                  ) : (
                    <a href={itemHref(m.id, i.id)} safe>
                      {i.title ?? ''}
                    </a>
                  )}
                  {i.subtitle ? (
                    <>
                      <br />
                      <span class="hint" safe>
                        {i.subtitle}
                      </span>
                    </>
                  ) : (
                    ''
                  )}
                </td>
                <td>
                  {i.caseId && i.registryNumber ? (
                    <a href={caseHref(i.caseId)} safe>
                      {i.registryNumber}
                    </a>
                  ) : (
                    <span safe>{t('common.none')}</span>
                  )}
                </td>
                <td>
                  <span safe>{itemStatusText(ctx, i)}</span>
                  {i.visibility === 'full' && (i.final || view.canReadDrafts) ? (
                    <>
                      <br />
                      <a href={`${itemHref(m.id, i.id)}/extract`} safe>
                        {t('meetings.extract.link')}
                      </a>
                    </>
                  ) : (
                    ''
                  )}
                </td>
                {open ? (
                  <td>
                    {!i.final ? (
                      <div class="actions">
                        <a href={`${itemHref(m.id, i.id)}/edit`}>
                          <span safe>{t('meetings.item.record')}</span>
                          <span class="visually-hidden" safe>{` § ${i.paragraph}`}</span>
                        </a>
                        {!anyFinal && index > 0 ? (
                          <form method="post" action={`${itemHref(m.id, i.id)}/move`} class="inline-form">
                            <CsrfField token={ctx.csrfToken} />
                            <input type="hidden" name="direction" value="up" />
                            <button type="submit" class="secondary">
                              <span safe>{t('meetings.agenda.moveUp')}</span>
                              <span class="visually-hidden" safe>{` § ${i.paragraph}`}</span>
                            </button>
                          </form>
                        ) : (
                          ''
                        )}
                        {!anyFinal && index < view.items.length - 1 ? (
                          <form method="post" action={`${itemHref(m.id, i.id)}/move`} class="inline-form">
                            <CsrfField token={ctx.csrfToken} />
                            <input type="hidden" name="direction" value="down" />
                            <button type="submit" class="secondary">
                              <span safe>{t('meetings.agenda.moveDown')}</span>
                              <span class="visually-hidden" safe>{` § ${i.paragraph}`}</span>
                            </button>
                          </form>
                        ) : (
                          ''
                        )}
                        <form method="post" action={`${itemHref(m.id, i.id)}/delete`} class="inline-form">
                          <CsrfField token={ctx.csrfToken} />
                          <button type="submit" class="secondary">
                            <span safe>{t('meetings.agenda.remove')}</span>
                            <span class="visually-hidden" safe>{` § ${i.paragraph}`}</span>
                          </button>
                        </form>
                      </div>
                    ) : (
                      <span safe>{t('common.none')}</span>
                    )}
                  </td>
                ) : (
                  ''
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p safe>{t('meetings.agenda.empty')}</p>
      )}

      {open && props.itemForm ? <AddItemForm ctx={ctx} meetingId={m.id} form={props.itemForm} caseChoices={props.caseChoices} /> : ''}
      {open && props.approveForm ? <ApproveForm ctx={ctx} meetingId={m.id} form={props.approveForm} /> : ''}
      {open && !anyFinal ? (
        <section aria-labelledby="delete-meeting-title">
          <h2 id="delete-meeting-title" safe>{t('meetings.meeting.delete')}</h2>
          <p safe>{t('meetings.meeting.deleteHint')}</p>
          <form method="post" action={`${meetingHref(m.id)}/delete`}>
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="secondary" safe>{t('meetings.meeting.delete')}</button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

function AddItemForm({ ctx, meetingId, form, caseChoices }: { ctx: PageContext; meetingId: string; form: FormState; caseChoices: Choice[] }): JSX.Element {
  const { t } = ctx;
  return (
    <section aria-labelledby="add-item-title">
      <h2 id="add-item-title" safe>{t('meetings.agenda.add')}</h2>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${meetingHref(meetingId)}/items`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="paragraph" type="number" label={t('meetings.item.paragraph')} hint={t('meetings.item.paragraphHint')} form={form} t={t} inputmode="numeric" />
        <TextField name="title" label={t('meetings.item.title')} form={form} t={t} required maxlength={500} />
        <TextField name="subtitle" label={t('meetings.item.subtitle')} hint={t('meetings.item.subtitleHint')} form={form} t={t} maxlength={500} />
        <SuggestField name="registryNumber" label={t('meetings.item.registryNumber')} hint={t('meetings.item.registryNumberHint')} form={form} options={caseChoices} maxlength={100} />
        <button type="submit" safe>{t('meetings.agenda.addSubmit')}</button>
      </form>
    </section>
  );
}

function ApproveForm({ ctx, meetingId, form }: { ctx: PageContext; meetingId: string; form: FormState }): JSX.Element {
  const { t } = ctx;
  return (
    <section aria-labelledby="approve-title">
      <h2 id="approve-title" safe>{t('meetings.approve.title')}</h2>
      <p safe>{t('meetings.approve.lead')}</p>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${meetingHref(meetingId)}/approval`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="approvedOn" type="date" label={t('meetings.approve.approvedOn')} hint={t('meetings.dateHint')} form={form} t={t} required />
        <TextArea name="approvers" label={t('meetings.approve.approvers')} hint={t('meetings.approve.approversHint')} form={form} t={t} rows={3} />
        <button type="submit" safe>{t('meetings.approve.submit')}</button>
      </form>
    </section>
  );
}

// ── attendance ──────────────────────────────────────────────────────────────
export function AttendancePage(props: { ctx: PageContext; meeting: MeetingView['meeting']; choices: MemberChoice[]; form: FormState }): JSX.Element {
  const { ctx, meeting, choices, form } = props;
  const { t } = ctx;
  const roles = (['chair', 'member', 'servingSubstitute', 'substitute'] as const).map((r) => ({ value: r, label: roleLabel(ctx, r) }));
  const value = (name: string) => (typeof form.values[name] === 'string' ? (form.values[name] as string) : '');
  const attendeeErrors = form.errors.attendees ?? [];
  return (
    <Layout ctx={ctx} title={t('meetings.attendance.edit')}>
      <p>
        <a href={meetingHref(meeting.id)} safe>{t('meetings.backToMeeting')}</a>
      </p>
      <h1 safe>{t('meetings.attendance.edit')}</h1>
      <p class="lead" safe>{meetingHeading(ctx, meeting)}</p>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${meetingHref(meeting.id)}/attendance`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset id={fieldId('attendees')}>
          <legend safe>{t('meetings.attendance.fromOrganisation')}</legend>
          {attendeeErrors.map((e) => (
            <p class="error-message" safe>
              {e}
            </p>
          ))}
          {choices.length ? (
            <table>
              <caption safe>{t('meetings.attendance.choicesCaption', { date: day(ctx, meeting.meetingDate) })}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('meetings.attendance.present')}</th>
                  <th scope="col" safe>{t('meetings.attendance.role')}</th>
                  <th scope="col" safe>{t('meetings.attendance.replaces')}</th>
                </tr>
              </thead>
              <tbody>
                {choices.map((c) => {
                  const label = `${c.name}${c.party ? ` (${c.party})` : ''}`;
                  const current = value(`role.${c.personId}`) || (c.role === 'servingSubstitute' ? 'substitute' : c.role);
                  return (
                    <tr>
                      <td>
                        <label for={fieldId(`present.${c.personId}`)}>
                          <input
                            type="checkbox"
                            id={fieldId(`present.${c.personId}`)}
                            name={`present.${c.personId}`}
                            value="1"
                            checked={value(`present.${c.personId}`) === '1'}
                          />{' '}
                          <span safe>{label}</span>
                        </label>
                      </td>
                      <td>
                        <select name={`role.${c.personId}`} aria-label={t('meetings.attendance.roleOf', { name: c.name })}>
                          {roles.map((r) => (
                            <option value={r.value} selected={r.value === current} safe>
                              {r.label}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          type="text"
                          name={`replaces.${c.personId}`}
                          value={value(`replaces.${c.personId}`)}
                          maxlength="200"
                          aria-label={t('meetings.attendance.replacesOf', { name: c.name })}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p safe>{t('meetings.attendance.noChoices')}</p>
          )}
        </fieldset>
        <TextArea name="others" label={t('meetings.attendance.others')} hint={t('meetings.attendance.othersHint')} form={form} t={t} rows={6} />
        <button type="submit" safe>{t('meetings.attendance.submit')}</button>
      </form>
    </Layout>
  );
}

// ── one item ────────────────────────────────────────────────────────────────
export function ItemPage(props: { ctx: PageContext; view: ItemView; immediateForm: FormState | null }): JSX.Element {
  const { ctx, view } = props;
  const { t, locale } = ctx;
  const { item, meeting } = view;
  const w = wordingOf(meeting);
  const href = itemHref(meeting.id, item.id);
  const heading = `§ ${item.paragraph} ${item.title}`;
  const procedure = procedureParagraphs(
    {
      kind: item.procedureKind,
      text: item.procedureText,
      votes: item.procedureKind === 'vote' && item.votesYes !== null && item.votesNo !== null ? { yes: item.votesYes, no: item.votesNo, abstain: item.votesAbstain ?? 0 } : null,
      rollCall: item.rollCall,
    },
    w,
    locale,
  );
  const final = item.finalOn !== null;
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={meetingHref(meeting.id)} safe>{t('meetings.backToMeeting')}</a>
      </p>
      <h1 safe>{heading}</h1>
      {item.subtitle ? <p class="lead" safe>{item.subtitle}</p> : ''}
      <dl class="meta">
        <dt safe>{t('meetings.item.meeting')}</dt>
        <dd>
          <a href={meetingHref(meeting.id)} safe>
            {meetingHeading(ctx, meeting)}
          </a>
        </dd>
        <dt safe>{t('meetings.item.registryNumber')}</dt>
        <dd>
          {item.caseId && item.registryNumber ? (
            <a href={caseHref(item.caseId)} safe>
              {item.registryNumber}
            </a>
          ) : (
            <span safe>{t('common.none')}</span>
          )}
        </dd>
        <dt safe>{t('meetings.agenda.status')}</dt>
        <dd safe>{itemStatusText(ctx, { final, finalOn: item.finalOn, immediateApproval: item.immediateApproval })}</dd>
      </dl>
      <p class="actions">
        <a href={`${href}/extract`} safe>{t('meetings.extract.link')}</a>
        <a href={`${href}/extract.pdf`} safe>{t('meetings.extract.pdf')}</a>
        {view.canManage ? (
          <a href={`${href}/edit`} safe>
            {t('meetings.item.record')}
          </a>
        ) : (
          ''
        )}
      </p>
      {locale === 'en' ? <p class="hint" safe>{t('meetings.item.englishNote')}</p> : ''}

      <h2 safe>{t('meetings.item.decision')}</h2>
      {item.decisionPoints.length ? <Points items={item.decisionPoints} /> : <p safe>{t('meetings.item.noDecisionYet')}</p>}

      {paragraphsOf(item.matterText).length ? (
        <>
          <h2 safe>{t('meetings.item.matter')}</h2>
          {paragraphsOf(item.matterText).map((p) => (
            <p safe>{p}</p>
          ))}
        </>
      ) : (
        ''
      )}
      {item.administrationProposal.length ? (
        <>
          <h2 safe>{t('meetings.item.administrationProposal')}</h2>
          <Points items={item.administrationProposal} />
        </>
      ) : (
        ''
      )}
      {item.proposals.length || item.debateClosedText ? (
        <>
          <h2 safe>{t('meetings.item.proposals')}</h2>
          {item.proposals.map((p) => (
            <>
              <p safe>{proposalSentence(p, w, locale)}</p>
              {p.kind === 'own' ? (
                <blockquote lang="sv">
                  {proposalContent(p).map((line) => (
                    <p safe>{line}</p>
                  ))}
                </blockquote>
              ) : (
                ''
              )}
            </>
          ))}
          {item.debateClosedText ? (
            <p lang="sv" safe>
              {item.debateClosedText}
            </p>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
      {procedure.length ? (
        <>
          <h2 safe>{t('meetings.item.procedure')}</h2>
          {procedure.map((p) => (
            <p safe>{p}</p>
          ))}
        </>
      ) : (
        ''
      )}
      {item.reservations.length ? (
        <>
          <h2 safe>{t('meetings.item.reservations')}</h2>
          {item.reservations.map((r) => {
            const favoured = inFavourIndex(r, item.proposals);
            return (
              <>
                <p safe>{reservationSentence({ ...r, inFavourOwnProposal: favoured !== null && item.proposals[favoured]?.kind === 'own' }, w, locale)}</p>
                {r.text ? (
                  <blockquote lang="sv">
                    {paragraphsOf(r.text).map((line) => (
                      <p safe>{line}</p>
                    ))}
                  </blockquote>
                ) : (
                  ''
                )}
              </>
            );
          })}
        </>
      ) : (
        ''
      )}
      {item.specialStatements.length ? (
        <>
          <h2 safe>{t('meetings.item.specialStatements')}</h2>
          {item.specialStatements.map((s) => (
            <>
              <p safe>{specialStatementSentence(s, w, locale)}</p>
              <blockquote lang="sv">
                {paragraphsOf(s.text).map((line) => (
                  <p safe>{line}</p>
                ))}
              </blockquote>
            </>
          ))}
        </>
      ) : (
        ''
      )}
      {view.canManage && props.immediateForm && item.decisionPoints.length ? (
        <section aria-labelledby="immediate-title">
          <h2 id="immediate-title" safe>{t('meetings.immediate.title')}</h2>
          <p safe>{t('meetings.immediate.lead')}</p>
          <ErrorSummary errors={props.immediateForm.errors} t={t} />
          <form method="post" action={`${href}/immediate-approval`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField name="approvedOn" type="date" label={t('meetings.immediate.approvedOn')} hint={t('meetings.dateHint')} form={props.immediateForm} t={t} />
            <button type="submit" safe>{t('meetings.immediate.submit')}</button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

// ── record an item ──────────────────────────────────────────────────────────
export interface GroupCounts {
  proposals: number;
  reservations: number;
  specialStatements: number;
}

export function ItemEditPage(props: { ctx: PageContext; view: ItemView; form: FormState; counts: GroupCounts; caseChoices: Choice[] }): JSX.Element {
  const { ctx, view, form, counts } = props;
  const { t } = ctx;
  const { item, meeting } = view;
  const href = itemHref(meeting.id, item.id);
  const heading = t('meetings.item.recordHeading', { paragraph: item.paragraph });
  const kindOptions: Choice[] = [
    { value: 'supportsAdministration', label: t('meetings.proposal.kind.supportsAdministration') },
    { value: 'own', label: t('meetings.proposal.kind.own') },
  ];
  const proposalOptions: Choice[] = Array.from({ length: counts.proposals }, (_, i) => ({ value: String(i + 1), label: t('meetings.proposal.number', { n: i + 1 }) }));
  const tenseExample = meeting.minutesTense === 'past' ? 'past' : 'present';
  const Who = ({ prefix }: { prefix: string }) => (
    <>
      <TextArea name={`${prefix}.members`} label={t('meetings.who.members')} hint={t('meetings.who.membersHint')} form={form} t={t} rows={3} />
      <TextField name={`${prefix}.parties`} label={t('meetings.who.parties')} hint={t('meetings.who.partiesHint')} form={form} t={t} maxlength={100} />
    </>
  );
  const AddButton = ({ group, label }: { group: string; label: string }) => (
    <p>
      <button type="submit" name="_add" value={group} class="secondary" safe>
        {label}
      </button>
    </p>
  );
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={href} safe>{t('meetings.backToItem')}</a>
      </p>
      <h1 safe>{heading}</h1>
      <p class="lead" safe>{meetingHeading(ctx, meeting)}</p>
      <p safe>{t('meetings.item.recordLead')}</p>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${href}/edit`} novalidate>
        {/* Enter in a text field submits the first button: saving, not adding a group. */}
        <button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true" safe>
          {t('form.save')}
        </button>
        <CsrfField token={ctx.csrfToken} />
        <fieldset>
          <legend safe>{t('meetings.item.headingFields')}</legend>
          <TextField name="paragraph" type="number" label={t('meetings.item.paragraph')} form={form} t={t} required inputmode="numeric" />
          <TextField name="title" label={t('meetings.item.title')} form={form} t={t} required maxlength={500} />
          <TextField name="subtitle" label={t('meetings.item.subtitle')} hint={t('meetings.item.subtitleHint')} form={form} t={t} maxlength={500} />
          <SuggestField name="registryNumber" label={t('meetings.item.registryNumber')} hint={t('meetings.item.registryNumberHint')} form={form} options={props.caseChoices} maxlength={100} />
        </fieldset>
        <fieldset>
          <legend safe>{t('meetings.item.matter')}</legend>
          <TextArea name="matterText" label={t('meetings.item.matterText')} hint={t('meetings.item.paragraphsHint')} form={form} t={t} rows={10} />
          <TextArea name="administrationProposal" label={t('meetings.item.administrationProposal')} hint={t('meetings.item.pointsHint')} form={form} t={t} rows={3} />
        </fieldset>

        <h2 safe>{t('meetings.item.proposals')}</h2>
        {Array.from({ length: counts.proposals }, (_, i) => (
          <fieldset id={fieldId(`proposals.${i}`)}>
            <legend safe>{t('meetings.proposal.number', { n: i + 1 })}</legend>
            <Who prefix={`proposals.${i}`} />
            <SelectField name={`proposals.${i}.kind`} label={t('meetings.proposal.kind')} form={form} t={t} options={kindOptions} />
            <TextArea name={`proposals.${i}.points`} label={t('meetings.proposal.points')} hint={t('meetings.proposal.pointsHint')} form={form} t={t} rows={3} />
            <TextArea name={`proposals.${i}.text`} label={t('meetings.proposal.text')} hint={t('meetings.item.paragraphsHint')} form={form} t={t} rows={6} />
            <CheckboxField name={`proposals.${i}.remove`} label={t('meetings.group.remove')} form={form} />
          </fieldset>
        ))}
        <AddButton group="proposal" label={t('meetings.proposal.add')} />
        <TextField name="debateClosedText" label={t('meetings.item.debateClosed')} hint={t('meetings.item.debateClosedHint')} form={form} t={t} maxlength={2000} />

        <fieldset>
          <legend safe>{t('meetings.item.procedure')}</legend>
          <SelectField
            name="procedure.kind"
            label={t('meetings.procedure.kind')}
            form={form}
            t={t}
            emptyLabel={t('meetings.procedure.kind.none')}
            options={[
              { value: 'acclamation', label: t('meetings.procedure.kind.acclamation') },
              { value: 'vote', label: t('meetings.procedure.kind.vote') },
            ]}
          />
          <TextArea name="procedure.text" label={t('meetings.procedure.text')} hint={t(`meetings.procedure.textHint.${tenseExample}`)} form={form} t={t} rows={3} />
          <TextField name="procedure.votesYes" type="number" label={t('meetings.procedure.votesYes')} form={form} t={t} inputmode="numeric" />
          <TextField name="procedure.votesNo" type="number" label={t('meetings.procedure.votesNo')} form={form} t={t} inputmode="numeric" />
          <TextField name="procedure.votesAbstain" type="number" label={t('meetings.procedure.votesAbstain')} form={form} t={t} inputmode="numeric" />
          <TextArea name="procedure.rollCall" label={t('meetings.procedure.rollCall')} hint={t('meetings.procedure.rollCallHint')} form={form} t={t} rows={4} />
        </fieldset>

        <TextArea name="decisionPoints" label={t('meetings.item.decisionPoints')} hint={t('meetings.item.pointsHint')} form={form} t={t} rows={4} />

        <h2 safe>{t('meetings.item.reservations')}</h2>
        {Array.from({ length: counts.reservations }, (_, i) => (
          <fieldset id={fieldId(`reservations.${i}`)}>
            <legend safe>{t('meetings.reservation.number', { n: i + 1 })}</legend>
            <Who prefix={`reservations.${i}`} />
            <SelectField
              name={`reservations.${i}.inFavourOfProposal`}
              label={t('meetings.reservation.inFavourOf')}
              hint={t('meetings.reservation.inFavourOfHint')}
              form={form}
              t={t}
              emptyLabel={t('meetings.reservation.noProposal')}
              options={proposalOptions}
            />
            <TextArea name={`reservations.${i}.text`} label={t('meetings.reservation.text')} hint={t('meetings.reservation.textHint')} form={form} t={t} rows={6} />
            <CheckboxField name={`reservations.${i}.remove`} label={t('meetings.group.remove')} form={form} />
          </fieldset>
        ))}
        <AddButton group="reservation" label={t('meetings.reservation.add')} />

        <h2 safe>{t('meetings.item.specialStatements')}</h2>
        {Array.from({ length: counts.specialStatements }, (_, i) => (
          <fieldset id={fieldId(`specialStatements.${i}`)}>
            <legend safe>{t('meetings.statement.number', { n: i + 1 })}</legend>
            <Who prefix={`specialStatements.${i}`} />
            <TextArea name={`specialStatements.${i}.text`} label={t('meetings.statement.text')} form={form} t={t} rows={4} />
            <CheckboxField name={`specialStatements.${i}.remove`} label={t('meetings.group.remove')} form={form} />
          </fieldset>
        ))}
        <AddButton group="specialStatement" label={t('meetings.statement.add')} />

        <div class="actions">
          <button type="submit" safe>{t('meetings.item.save')}</button>
          <a href={href} safe>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

// ── the protocol extract ────────────────────────────────────────────────────
export function ExtractPage({ ctx, view }: { ctx: PageContext; view: ExtractView }): JSX.Element {
  const { t } = ctx;
  const href = itemHref(view.meeting.id, view.item.id);
  return (
    <Layout ctx={ctx} title={view.extract.title}>
      <p class="actions">
        <a href={href} safe>{t('meetings.backToItem')}</a>
        <a href={`${href}/extract.pdf`} safe>{t('meetings.extract.pdf')}</a>
        {view.item.extractDocumentId ? (
          <a href={`/registry/documents/${view.item.extractDocumentId}`} safe>
            {t('meetings.extract.document')}
          </a>
        ) : (
          ''
        )}
      </p>
      <ExtractArticle extract={view.extract} />
    </Layout>
  );
}
