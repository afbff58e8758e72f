import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { AdministrationRow, BodyRow, PartyRow } from '../repository.js';
import { kindOptions } from './labels.js';

/** The frame every organisation form shares: one h1, the error summary, the CSRF field, save and cancel. */
function FormPage(props: {
  ctx: PageContext;
  title: string;
  action: string;
  form: FormState;
  cancelHref: string;
  children: JSX.Element | JSX.Element[];
  after?: JSX.Element;
}): JSX.Element {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <h1 safe>{props.title}</h1>
      <ErrorSummary errors={props.form.errors} t={t} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        {props.children as 'safe'}
        <div class="actions">
          <button type="submit" safe>{t('form.save')}</button>
          <a href={props.cancelHref} safe>{t('form.cancel')}</a>
        </div>
      </form>
      {(props.after ?? '') as 'safe'}
    </Layout>
  );
}

/** A form with one button that posts (archive, delete), with a short explanation. */
function DangerForm({ ctx, action, heading, hint, button }: { ctx: PageContext; action: string; heading: string; hint: string; button: string }): JSX.Element {
  return (
    <section aria-labelledby="danger-heading">
      <h2 id="danger-heading" safe>
        {heading}
      </h2>
      <p safe>{hint}</p>
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="secondary" safe>
          {button}
        </button>
      </form>
    </section>
  );
}

export function BodyFormPage({ ctx, form, body }: { ctx: PageContext; form: FormState; body?: BodyRow }): JSX.Element {
  const { t } = ctx;
  const path = body ? `/organisation/bodies/${encodeURIComponent(body.slug)}` : '';
  return (
    <FormPage
      ctx={ctx}
      title={body ? t('organisation.body.edit', { name: body.name }) : t('organisation.body.new')}
      action={body ? `${path}/edit` : '/organisation/bodies'}
      form={form}
      cancelHref={body ? path : '/organisation'}
      after={
        body && !body.archivedAt ? (
          <DangerForm
            ctx={ctx}
            action={`${path}/archive`}
            heading={t('organisation.body.archive')}
            hint={t('organisation.body.archiveHint')}
            button={t('organisation.body.archive')}
          />
        ) : undefined
      }
    >
      <TextField name="name" label={t('organisation.body.name')} form={form} t={t} required maxlength={200} />
      <TextField name="shortName" label={t('organisation.body.shortName')} hint={t('organisation.body.shortNameHint')} form={form} t={t} maxlength={50} />
      <SelectField name="kind" label={t('organisation.body.kind')} form={form} t={t} required options={kindOptions(t)} emptyLabel={t('organisation.body.chooseKind')} />
      <TextArea name="description" label={t('organisation.body.description')} form={form} t={t} rows={3} />
      <TextField
        name="registryPattern"
        label={t('organisation.body.registryPattern')}
        hint={t('organisation.body.registryPatternHint')}
        form={form}
        t={t}
        maxlength={100}
      />
      <TextField
        name="defaultClassCode"
        label={t('organisation.body.defaultClassCode')}
        hint={t('organisation.body.defaultClassCodeHint')}
        form={form}
        t={t}
        maxlength={30}
      />
    </FormPage>
  );
}

export function AdministrationFormPage({
  ctx,
  form,
  administration,
  bodies,
}: {
  ctx: PageContext;
  form: FormState;
  administration?: AdministrationRow;
  bodies: BodyRow[];
}): JSX.Element {
  const { t } = ctx;
  const path = administration ? `/organisation/administrations/${encodeURIComponent(administration.slug)}` : '';
  return (
    <FormPage
      ctx={ctx}
      title={administration ? t('organisation.administration.edit', { name: administration.name }) : t('organisation.administration.new')}
      action={administration ? `${path}/edit` : '/organisation/administrations'}
      form={form}
      cancelHref="/organisation"
      after={
        administration ? (
          <DangerForm
            ctx={ctx}
            action={`${path}/delete`}
            heading={t('organisation.administration.delete')}
            hint={t('organisation.administration.deleteHint')}
            button={t('organisation.administration.delete')}
          />
        ) : undefined
      }
    >
      <TextField name="name" label={t('organisation.administration.name')} form={form} t={t} required maxlength={200} />
      <SelectField
        name="bodyId"
        label={t('organisation.administration.body')}
        form={form}
        t={t}
        emptyLabel={t('organisation.administration.noBody')}
        options={bodies.map((b) => ({ value: b.id, label: b.name }))}
      />
    </FormPage>
  );
}

export function PartyFormPage({ ctx, form, party }: { ctx: PageContext; form: FormState; party?: PartyRow }): JSX.Element {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={party ? t('organisation.party.edit', { name: party.name }) : t('organisation.party.new')}
      action={party ? `/organisation/parties/${party.id}/edit` : '/organisation/parties'}
      form={form}
      cancelHref="/organisation"
    >
      <TextField
        name="abbreviation"
        label={t('organisation.party.abbreviation')}
        hint={t('organisation.party.abbreviationHint')}
        form={form}
        t={t}
        required
        maxlength={10}
      />
      <TextField name="name" label={t('organisation.party.name')} form={form} t={t} required maxlength={200} />
    </FormPage>
  );
}

export function PersonFormPage({
  ctx,
  form,
  person,
  parties,
  administrations,
}: {
  ctx: PageContext;
  form: FormState;
  person?: { id: string; name: string };
  parties: PartyRow[];
  administrations: AdministrationRow[];
}): JSX.Element {
  const { t } = ctx;
  return (
    <FormPage
      ctx={ctx}
      title={person ? t('organisation.person.edit', { name: person.name }) : t('organisation.person.new')}
      action={person ? `/organisation/people/${person.id}/edit` : '/organisation/people'}
      form={form}
      cancelHref="/organisation/people"
    >
      <TextField name="name" label={t('organisation.person.name')} form={form} t={t} required maxlength={200} autocomplete="off" />
      <SelectField
        name="partyId"
        label={t('organisation.person.party')}
        form={form}
        t={t}
        emptyLabel={t('organisation.party.none')}
        options={parties.map((p) => ({ value: p.id, label: `${p.abbreviation} – ${p.name}` }))}
      />
      <TextField name="title" label={t('organisation.person.jobTitle')} hint={t('organisation.person.jobTitleHint')} form={form} t={t} maxlength={200} />
      <SelectField
        name="administrationId"
        label={t('organisation.person.administration')}
        form={form}
        t={t}
        emptyLabel={t('organisation.administration.none')}
        options={administrations.map((a) => ({ value: a.id, label: a.name }))}
      />
    </FormPage>
  );
}
