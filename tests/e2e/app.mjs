// Page object: the app as a user sees it, found by role and accessible name.
import assert from 'node:assert/strict';
import { eventually } from './harness.mjs';
import { BASE } from './serve.mjs';

// The app keeps its data under this key; under a subpath, the path is part of it
// (two deployments on one origin keep their data apart).
export const STORAGE_KEY = BASE ? `devops-maturity@${BASE}` : 'devops-maturity';

export class AssessmentApp {
  constructor(page, origin, watched) {
    this.page = page;
    this.origin = origin;
    this.watched = watched;
  }

  async open(path = '/') {
    await this.page.goto(this.origin + path);
    await this.page.locator('main h1').first().waitFor();
  }

  async audit(where) {
    await this.watched.audit(this.page, where);
  }

  questionnaire(title) {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${title}\\b`) });
  }

  async start(team, { questionnaires = ['CALMS'] } = {}) {
    await this.page.getByLabel('Team name').fill(team);
    for (const box of await this.page.getByRole('checkbox').all()) await box.uncheck();
    for (const title of questionnaires) await this.questionnaire(title).check();
    await this.page.getByRole('button', { name: 'Start assessment' }).click();
    await this.page.getByText(/^Question 1 of \d+$/).waitFor();
  }

  /** "Question X of N" as shown, as numbers. */
  async progress() {
    const text = await this.page.locator('#progress-label').textContent();
    const m = /^Question (\d+) of (\d+)$/.exec(text.trim());
    assert.ok(m, `progress reads ${JSON.stringify(text)}`);
    return { at: Number(m[1]), of: Number(m[2]) };
  }

  async questionText() {
    return (await this.page.getByRole('heading', { level: 2 }).first().textContent()).trim();
  }

  /** The radios of the current question's scale, in order ("Don't know" apart). */
  choices() {
    return this.page.getByRole('group').filter({ has: this.page.getByRole('radio') })
      .locator('input[type=radio]:not([value="dont-know"])');
  }

  /** The current question's "Don't know" answer. */
  dontKnow() {
    return this.page.getByRole('radio', { name: /^Don't know\b/ });
  }

  async choose(index) {
    await this.choices().nth(index).check();
  }

  async chosen() {
    const radios = await this.choices().all();
    for (let i = 0; i < radios.length; i++) if (await radios[i].isChecked()) return i;
    return null;
  }

  async next() {
    const before = (await this.progress()).at;
    await this.page.getByRole('button', { name: 'Next' }).click();
    await eventually(() => this.progress(), (p) => p.at === before + 1, 'moved to the next question');
  }

  async previous() {
    const before = (await this.progress()).at;
    await this.page.getByRole('button', { name: 'Previous' }).click();
    await eventually(() => this.progress(), (p) => p.at === before - 1, 'moved to the previous question');
  }

  async finish() {
    await this.page.getByRole('button', { name: 'Finish and see results' }).click();
    await this.page.getByRole('heading', { level: 1, name: /^Results for / }).waitFor();
  }

  /** Rows of a results table as { name: [score, answered] }. */
  async scoreTable(caption) {
    const table = this.page.getByRole('table', { name: caption });
    const rows = await table.getByRole('row').all();
    const out = {};
    for (const row of rows.slice(1)) {
      const header = (await row.getByRole('rowheader').textContent()).trim();
      const cells = await row.getByRole('cell').allTextContents();
      out[header] = cells.map((c) => c.trim());
    }
    return out;
  }

  /** The saved state as one store's JSON (what a backup holds): the envelope
   * with every team's runs read from the entries it names. */
  async stored() {
    return this.page.evaluate(storedWhole, STORAGE_KEY);
  }
}

/** In the page: the saved state under `key` joined into one store's JSON (the
 * envelope names the entries holding the runs, one per team; see src/storage.rs). */
export function storedWhole(key) {
  const raw = localStorage.getItem(key);
  if (raw === null) return null;
  const envelope = JSON.parse(raw);
  if (!envelope.runs_in) return raw;
  const runs = [...envelope.runs];
  // Each entry is written as a store holding one team's runs.
  for (const name of envelope.runs_in) runs.push(...JSON.parse(localStorage.getItem(name)).runs);
  delete envelope.runs_in;
  envelope.runs = runs;
  return JSON.stringify(envelope);
}
