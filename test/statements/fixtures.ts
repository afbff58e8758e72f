import { addUser, Client, type TestApp } from '../helpers/app.js';
import { insertBody } from '../registry/fixtures.js';

/** Two boards, their staff and a case registered in Kulturnämnden's registry. */
export async function statementsSetup(t: TestApp) {
  const kultur = await insertBody(t.database.db, { name: 'Kulturnämnden', pattern: '171-{seq}/{year}' });
  const social = await insertBody(t.database.db, { name: 'Socialnämnden', pattern: '{class}-{seq}/{year}', defaultClassCode: '1.7.1' });
  await addUser(t, 'reg.k', [{ role: 'registrar', bodyId: kultur }]);
  await addUser(t, 'officer.k', [{ role: 'caseOfficer', bodyId: kultur }]);
  await addUser(t, 'secretary.k', [{ role: 'boardSecretary', bodyId: kultur }]);
  await addUser(t, 'member.k', [{ role: 'boardMember', bodyId: kultur }]);
  await addUser(t, 'officer.s', [{ role: 'caseOfficer', bodyId: social }]);
  const login = async (name: string) => {
    const c = new Client(t.app);
    if (name !== 'anonymous') await c.login(name);
    return c;
  };
  const clients = {
    reg: await login('reg.k'),
    officer: await login('officer.k'),
    secretary: await login('secretary.k'),
    member: await login('member.k'),
    other: await login('officer.s'),
    anon: await login('anonymous'),
  };
  const newCase = async (title: string, confidentiality = 0): Promise<{ id: string; registryNumber: string }> => {
    const res = await clients.reg.post('/api/cases', { bodyId: kultur, title, classification: { confidentiality } });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };
  return { kultur, social, clients, newCase };
}

export const firstDraft = {
  documentDate: '2017-08-22',
  proposedDecision: ['Att remissvaret godkänns.'],
  summary: 'Kulturförvaltningen anser att strategin är ett naturligt led för att uppnå Vision 2040.',
  preparation: 'Ärendet har beretts av kulturstrategiska staben.',
  background: 'Sedan 2009 har kulturförvaltningen utvecklat e-tjänster för mer än 20 mnkr.',
  views: 'Ökade resurser behöver avsättas för att genomföra strategin.',
  attachmentNames: ['Strategi', 'Kommunikationsstrategi', 'Kartläggning pågående projekt', 'Möjliga projekt'],
};
