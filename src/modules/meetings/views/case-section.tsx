import type { PageContext } from '../../../views/context.js';
import { itemHref, meetingHref } from '../presenters.js';
import type { ItemSummary } from '../queries.js';
import type { MeetingWithBody } from '../repository.js';
import { day, itemStatusText } from './parts.js';

/** "Behandlad på sammanträde 22 september 2016 § 13", on the registry's case page. */
export function CaseMeetingsSection({ ctx, rows }: { ctx: PageContext; rows: Array<{ meeting: MeetingWithBody; item: ItemSummary }> }): JSX.Element {
  const { t } = ctx;
  return (
    <section aria-labelledby="case-meetings-title">
      <h2 id="case-meetings-title" safe>{t('meetings.case.title')}</h2>
      <ul>
        {rows.map(({ meeting, item }) => (
          <li>
            <a href={meetingHref(meeting.id)} safe>
              {t('meetings.case.treated', { body: meeting.bodyName, date: day(ctx, meeting.meetingDate), paragraph: item.paragraph })}
            </a>
            <span safe>{` – ${itemStatusText(ctx, item)}`}</span>
            {item.visibility === 'full' ? (
              <>
                {' '}
                <a href={`${itemHref(meeting.id, item.id)}/extract`} safe>
                  {t('meetings.extract.link')}
                </a>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
