// Workshop mode, with one browser context per person: a facilitator and three
// participants on their own "devices". Invite by link, answer privately, hand over
// codes (pasted, opened as a link, dropped as a file), refuse bad codes with a
// reason, present with hidden answers and a timer, agree, save as the team's run
// with its spread, and see last time's actions at the next workshop.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Suite, eventually } from './harness.mjs';
import { AssessmentApp, STORAGE_KEY } from './app.mjs';

const WESTRUM = JSON.parse(readFileSync(new URL('../../questionnaires/westrum.json', import.meta.url)));
const QUESTIONS = WESTRUM.questions.filter((q) => !q.retired);

// Answers per participant, one per Westrum question (choice indices 0-6).
// Question 1 splits the room (0, 3, 6); question 2 is unanimous; the rest spread a little.
const ANSWERS = [
  [0, 3, 2, 2, 2, 2],
  [6, 3, 3, 3, 3, 3],
  [3, 3, 4, 4, 4, 4],
];

// The answer-code format, restated independently: "a2." + base64url(workshop u32 BE,
// participant u32 BE, layout u32 BE, packed answers, CRC-32 BE of "a2." + the rest).
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function reseal(code, edit) {
  const [head, body] = code.split('.');
  const bytes = Buffer.from(body, 'base64url');
  const content = Buffer.from(bytes.subarray(0, bytes.length - 4));
  edit(content);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(`${head}.`), content])));
  return `${head}.${Buffer.concat([content, crc]).toString('base64url')}`;
}

let suite;
before(async () => { suite = await new Suite().start(); });
after(async () => { await suite?.stop(); });

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'answers-')), file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

/** One participant on their own device: opens the join link, answers, gets a code. */
async function participate(w, joinLink, answers, { reloadHalfway = false } = {}) {
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  await page.goto(joinLink);
  await page.getByRole('heading', { level: 1, name: /workshop for Payments/ }).waitFor();
  await page.getByText(/^Question 1 of 6$/).waitFor();
  for (let i = 0; i < answers.length; i++) {
    await app.choose(answers[i]);
    if (reloadHalfway && i === 2) {
      // Answers autosave on the device: a reload resumes where they were.
      await page.reload();
      await page.getByText(/^Question 3 of 6$/).waitFor();
      assert.equal(await app.chosen(), answers[i], 'the answer survived a reload');
    }
    if (i < answers.length - 1) await app.next();
  }
  await page.getByRole('button', { name: 'Done: show my answer code' }).click();
  await page.getByRole('heading', { name: 'Your answer code' }).waitFor();
  const link = await page.getByRole('textbox', { name: 'Answer link' }).inputValue();
  return { page, app, link };
}

const codeOf = (link) => link.slice(link.indexOf('#') + 1);

test('a whole workshop: invite, answer privately, collect, present, agree, save with the spread, follow up', async () => {
  const f = await suite.context();
  const page = await f.newPage();
  const app = new AssessmentApp(page, suite.server.url, f);
  await app.open('/');
  await page.getByLabel('Team name').fill('Payments');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await app.questionnaire('Westrum').check();
  await page.getByRole('button', { name: 'Start a workshop' }).click();
  await page.getByRole('heading', { level: 1, name: /^Workshop for Payments/ }).waitFor();
  await page.getByText('0 answer codes collected').waitFor();
  const joinLink = await page.getByRole('textbox', { name: 'Join link' }).inputValue();
  assert.match(joinLink, new RegExp(`^${suite.server.url}/join#j1\\.[A-Za-z0-9_-]+$`));
  await page.getByRole('img', { name: 'QR code of the join link' }).waitFor();
  await app.audit('workshop page');

  // Three participants, each in a browser profile of their own.
  const people = [];
  for (let i = 0; i < 3; i++) {
    const w = await suite.context();
    people.push({ w, ...(await participate(w, joinLink, ANSWERS[i], { reloadHalfway: i === 0 })) });
  }
  await people[0].page.getByRole('img', { name: 'QR code of your answer link' }).waitFor();
  await people[0].app.audit('participant answer code');
  people.forEach((p, i) => { p.index = i; });
  for (const p of people) {
    const code = codeOf(p.link);
    assert.match(code, /^a2\.[A-Za-z0-9_-]+$/);
    assert.ok(code.length <= 200, `${code.length} characters`);
    // Kept on the participant's device: their answers and a random number, no name.
    const stored = JSON.parse(await p.app.stored());
    assert.equal(stored.participations.length, 1);
    const mine = stored.participations[0];
    assert.deepEqual(Object.keys(mine).sort(), ['answers', 'done', 'edits', 'joined_at', 'layout', 'participant', 'position', 'questionnaires', 'team_name', 'workshop']);
    assert.deepEqual(QUESTIONS.map((q) => mine.answers.westrum[q.id.slice('westrum.'.length)]), ANSWERS[p.index]);
    assert.equal(stored.runs.length, 0, "a participant's answers are not a run of theirs");
  }

  // Paste two links; the same code again is ignored with a notice.
  await page.getByLabel('Paste answer codes or links (one or many)').fill(`${people[0].link}\n${codeOf(people[1].link)}`);
  await page.getByRole('button', { name: 'Add answers' }).click();
  await page.getByText("Added: participant 1's answers.").waitFor();
  await page.getByText("Added: participant 2's answers.").waitFor();
  await page.getByText('2 answer codes collected').waitFor();
  await page.getByLabel('Paste answer codes or links (one or many)').fill(people[0].link);
  await page.getByRole('button', { name: 'Add answers' }).click();
  await page.getByText("Ignored: participant 1's code was already collected.").waitFor();

  // Bad codes: each refused with its reason, and nothing collected changes.
  const good = codeOf(people[0].link);
  const before = JSON.parse(await app.stored()).workshops[0].submissions;
  const bad = [
    ['hello there', /not a code from this app/],
    [good.slice(0, -7), /incomplete/],
    [good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21), /altered or damaged/],
    [good.replace(/^a2\./, 'a0.'), /old format/],
    // Format 1 had no "Don't know": refused, never misread.
    [good.replace(/^a2\./, 'a1.'), /old format/],
    [good.replace(/^a2\./, 'a7.'), /newer version/],
    [reseal(good, (c) => c.writeUInt32BE((c.readUInt32BE(0) + 1) >>> 0, 0)), /another workshop/],
    [codeOf(joinLink), /join link for participants, not an answer code/],
  ];
  for (const [text, reason] of bad) {
    await page.getByLabel('Paste answer codes or links (one or many)').fill(text);
    await page.getByRole('button', { name: 'Add answers' }).click();
    const outcome = page.locator('.outcomes li').first();
    await eventually(() => outcome.textContent(), (t) => reason.test(t), `refusal of ${text}`);
    assert.match(await outcome.textContent(), /^Refused/);
  }
  assert.deepEqual(JSON.parse(await app.stored()).workshops[0].submissions, before, 'bad codes changed nothing');
  await page.getByText('2 answer codes collected').waitFor();

  // The third participant's answers arrive as a file, dropped in the file picker.
  const file = await download(people[2].page, () => people[2].page.getByRole('button', { name: 'Save as a file' }).click());
  assert.match(file.name, /^answers-[0-9a-f]{8}\.txt$/);
  assert.ok(file.text.includes(people[2].link));
  await page.getByLabel('Or add answer files').setInputFiles(file.path);
  await page.getByText("Added: participant 3's answers.").waitFor();
  await page.getByText('3 answer codes collected').waitFor();
  assert.deepEqual(await page.locator('.outcomes li').allTextContents(), ["Added: participant 3's answers."],
    "the file's sentence is not read as refused codes");
  // One can be dropped, and come back.
  await page.getByRole('button', { name: "Drop participant 3's answers" }).click();
  await page.getByText('2 answer codes collected').waitFor();
  await page.getByLabel('Or add answer files').setInputFiles(file.path);
  await page.getByText('3 answer codes collected').waitFor();

  // A participant changes their mind: their new code replaces the old one.
  const p1 = people[0];
  await p1.page.getByRole('button', { name: 'Change my answers' }).click();
  await p1.page.getByText(/^Question 1 of 6$/).waitFor();
  await p1.app.next();
  await p1.app.next();
  await p1.app.choose(1); // question 3: 2 -> 1
  for (let i = 3; i < 6; i++) await p1.app.next();
  await p1.page.getByRole('button', { name: 'Done: show my answer code' }).click();
  const changed = await p1.page.getByRole('textbox', { name: 'Answer link' }).inputValue();
  assert.notEqual(changed, p1.link);
  // The facilitator opens the link on their own device.
  const landing = await f.newPage();
  await landing.goto(changed);
  await landing.getByText(/^Updated: participant 1 sent changed answers/).waitFor();
  // Their first link opened again (say, from the chat history) does not undo that.
  await landing.goto(p1.link);
  await landing.getByText(/^Ignored: an earlier code of participant 1/).waitFor();
  await landing.close();
  await page.reload();
  await page.getByText('3 answer codes collected').waitFor();

  // Presenter view: the split question first, the unanimous one last; answers hidden.
  const workshopUrl = page.url();
  await page.getByRole('link', { name: 'Open the presenter view' }).click();
  await page.getByRole('navigation', { name: 'Discuss first' }).waitFor();
  const order = await page.getByRole('navigation', { name: 'Discuss first' }).getByRole('button').allTextContents();
  assert.equal(order.length, 6);
  assert.ok(order[0].startsWith(QUESTIONS[0].text), `first to discuss: ${order[0]}`);
  assert.ok(order[5].startsWith(QUESTIONS[1].text), `last to discuss: ${order[5]}`);
  await page.getByRole('heading', { level: 2, name: QUESTIONS[0].text }).waitFor();
  await page.getByText('3 of 3 answered').waitFor();
  await page.getByText('Answers are hidden. Hear each view first, then reveal.').waitFor();
  assert.equal(await page.getByRole('table', { name: 'How many chose each answer' }).count(), 0, 'no figures before the reveal');
  await f.audit(page, 'presenter view, answers hidden');

  await page.getByRole('button', { name: 'Reveal answers' }).click();
  const histogram = page.getByRole('table', { name: 'How many chose each answer' });
  await histogram.waitFor();
  const counts = await histogram.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector('td.count').textContent.trim()));
  assert.deepEqual(counts, ['1', '0', '0', '1', '0', '0', '1']);
  const labels = QUESTIONS[0].choices.map((c) => c.label);
  await page.getByText(`Range: ${labels[0]} to ${labels[6]}`).waitFor();
  await page.getByText('Mean 5.0 / 10').waitFor();
  await page.getByText('The room is split: discuss this one.').waitFor();
  await f.audit(page, 'presenter view, answers revealed');
  // Codes keep arriving in the workshop page's window: the figures on screen follow,
  // and the question being discussed stays on screen.
  const other = await f.newPage();
  await other.goto(workshopUrl);
  await other.getByRole('button', { name: "Drop participant 3's answers" }).click();
  await page.getByText('2 of 2 answered').waitFor();
  await page.getByText(`Range: ${labels[0]} to ${labels[6]}`).waitFor();
  assert.equal(await page.locator('td.count', { hasText: '1' }).count(), 2, 'histogram without participant 3');
  await other.getByLabel('Or add answer files').setInputFiles(file.path);
  await page.getByText('3 of 3 answered').waitFor();
  await page.getByRole('heading', { level: 2, name: QUESTIONS[0].text }).waitFor();
  await other.close();
  await page.getByRole('button', { name: 'Hide answers' }).click();
  await page.getByText('Answers are hidden. Hear each view first, then reveal.').waitFor();
  assert.equal(await histogram.count(), 0, 'hidden again');
  await page.getByRole('button', { name: 'Reveal answers' }).click();
  await histogram.waitFor();

  // The timer counts down.
  const timer = page.getByRole('timer');
  assert.equal((await timer.textContent()).trim(), '5:00 left');
  await page.getByRole('button', { name: 'Start timer' }).click();
  await eventually(() => timer.textContent(), (t) => /^4:5\d left$/.test(t.trim()), 'timer running', 4000);
  await page.getByRole('button', { name: 'Pause timer' }).click();

  // The team answer defaults to the median (choice 4 of 7); the room picks choice 5.
  const team = page.getByRole('group', { name: 'Team answer' });
  assert.equal(await team.getByRole('radio', { name: `4. ${labels[3]}` }).isChecked(), true);
  await team.getByRole('radio', { name: `5. ${labels[4]}` }).check();
  await page.getByLabel('Note from the discussion (optional)').fill('Ops hears bad news <late>.');
  await page.getByLabel('Note from the discussion (optional)').blur();
  await eventually(async () => JSON.parse(await app.stored()).workshops[0].discussion ?? {}, (d) => Object.keys(d).length === 1, 'note saved');

  // Back on the workshop page: an action, then save.
  await page.getByRole('link', { name: 'Back to the workshop' }).click();
  await page.getByLabel('Action', { exact: true }).fill('Blameless review after every incident');
  await page.getByLabel('Owner (optional)').fill('Sam');
  await page.getByLabel('Due (optional)').fill('2026-12-01');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByRole('button', { name: 'Remove action: Blameless review after every incident' }).waitFor();
  await page.getByRole('button', { name: 'Save the workshop' }).click();
  await page.getByRole('heading', { level: 1, name: 'Results for Payments' }).waitFor();
  await page.getByText(/agreed in a workshop of 3 participants/).waitFor();

  // The spread is kept with the run, and shown beside the team answers.
  const stored = JSON.parse(await app.stored());
  const run = stored.runs[0];
  assert.equal(run.answers.westrum[QUESTIONS[0].id.slice('westrum.'.length)], 4, 'agreed answer');
  assert.equal(run.answers.westrum[QUESTIONS[1].id.slice('westrum.'.length)], 3, 'median of a unanimous room');
  assert.deepEqual(run.workshop.spread[QUESTIONS[0].id], [0, 3, 6]);
  assert.deepEqual(run.workshop.spread[QUESTIONS[2].id], [1, 3, 4], "participant 1's changed answer");
  assert.equal(run.workshop.participants, 3);
  const room = page.getByRole('region', { name: 'How the room answered' });
  const first = room.getByRole('row').filter({ has: page.getByRole('rowheader', { name: QUESTIONS[0].text }) });
  const cells = (await first.getByRole('cell').allTextContents()).map((c) => c.trim());
  assert.deepEqual(cells, [labels[4], '3', `${labels[0]} ×1, ${labels[3]} ×1, ${labels[6]} ×1`, 'Ops hears bad news <late>.']);
  await page.getByRole('checkbox', { name: /Blameless review after every incident/ }).waitFor();
  await app.audit('results of a workshop');

  // The team's history lists it, with the action marked on the trend's timeline.
  await app.open(`/teams/${run.team}`);
  const trend = page.getByRole('table', { name: 'Westrum culture scores at each finished assessment' });
  await trend.waitFor();
  const trendRows = await trend.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.equal(trendRows.length, 1);
  assert.equal(trendRows[0].at(-1), '1', 'one action agreed at this assessment');
  await page.locator('.trend svg text', { hasText: '1 action' }).first().waitFor();
  await page.getByRole('cell', { name: /Workshop of 3\. 1 action agreed, 0 done\./ }).waitFor();

  // The next workshop asks about last time's actions.
  await app.open('/');
  await page.getByLabel('Team name').fill('Payments');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await app.questionnaire('Westrum').check();
  await page.getByRole('button', { name: 'Start a workshop' }).click();
  const lastActions = page.getByRole('region', { name: "Last time's actions: did we do them?" });
  await lastActions.waitFor();
  await lastActions.getByRole('checkbox', { name: /Blameless review after every incident · Sam · due 2026-12-01/ }).check();
  await eventually(async () => JSON.parse(await app.stored()).runs[0].actions[0].done, (d) => d === true, 'action marked done');
  await app.audit('next workshop with last actions');

  for (const p of people) await p.w.close();
  await f.close();
});

test('bad join and answer links say what is wrong, and change nothing', async () => {
  const w = await suite.context();
  const page = await w.newPage();
  const app = new AssessmentApp(page, suite.server.url, w);
  const cases = [
    ['/join#nonsense', /not a code from this app/],
    ['/join#j1.AAAA', /incomplete|altered/],
    ['/join#j5.AAAAAAAAAAAA', /newer version of the app/],
    ['/join', /Nothing to read/],
  ];
  for (const [path, reason] of cases) {
    await app.open(path);
    await page.getByRole('heading', { level: 1, name: 'This join link cannot be used' }).waitFor();
    assert.match(await page.getByRole('alert').textContent(), reason, path);
  }
  await app.audit('refused join link');
  // An answer link opened on a device without its workshop.
  await app.open('/collect#a2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await page.getByRole('heading', { level: 1, name: 'These answers belong to a workshop on another device' }).waitFor();
  assert.equal(await app.stored(), null, 'nothing was stored');
  await w.close();
});
