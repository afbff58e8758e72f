import { describe, expect, it } from 'vitest';
import './messages.js';
import { translator } from '../../../core/i18n.js';
import { compilationCsv, inertCell } from './exports.js';
import type { Compilation } from './model.js';

const t = translator('sv');

const compilation = (): Compilation => ({
  referral: {
    id: '00000000-0000-4000-8000-000000000001',
    caseId: '00000000-0000-4000-8000-000000000002',
    registryNumber: 'KS 2016/1',
    subject: 'Strategi',
    description: null,
    senderBodyId: '00000000-0000-4000-8000-000000000003',
    senderBodyName: 'Kommunstyrelsen',
    letterDate: '2016-06-01',
    deadline: '2016-09-30',
    status: 'sent',
    url: '/registry/cases/x',
  },
  compiledOn: '2026-11-23',
  counts: {
    recipients: 1,
    byStance: { approves: 0, approvesWithViews: 0, rejects: 0, declined: 0, noAnswer: 1, unspecified: 0 },
    byStatus: { pending: 0, received: 1, drafting: 0, onAgenda: 0, decided: 0, answered: 0, declined: 0 },
    late: 1,
    answeredLate: 0,
  },
  recipients: [
    {
      id: '00000000-0000-4000-8000-000000000004',
      bodyId: '00000000-0000-4000-8000-000000000005',
      bodyName: '=HYPERLINK("http://x")',
      caseId: null,
      registryNumber: null,
      status: 'received',
      stance: 'noAnswer',
      receivedOn: '2016-06-02',
      answeredOn: null,
      late: true,
      answeredLate: false,
      declineReason: null,
      restricted: false,
      decision: null,
      statement: null,
      answerDocuments: [],
      reservationParties: [],
      themes: ['privacy'],
    },
  ],
  reservations: [],
  specialStatements: [],
  themes: [{ id: 'privacy', label: { sv: 'Integritet', en: 'Privacy' }, terms: [], recipientCount: 1, bodies: [], passages: [] }],
});

describe('CSV export', () => {
  it('starts with a BOM, uses CRLF and keeps formulas inert', () => {
    const csv = compilationCsv(compilation(), t, 'sv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")",,Mottagen,Inget svar,,Försenad,,,Integritet`);
    expect(inertCell('-1')).toBe("'-1");
    expect(inertCell('2016-09-29')).toBe('2016-09-29');
  });
});
