// Profiles, deadline tables and calendar data are cached on disk keyed on every file under rules/:
// reading them back gives the same resources, and an edit to a profile or the calendar is picked up.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadResources, rulesDir } from '@replylint/core';

const dir = mkdtempSync(join(tmpdir(), 'replylint-resources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(rulesDir(), dir, { recursive: true });

const plain = (r: ReturnType<typeof loadResources>) => ({
  profiles: [...r.profiles.values()],
  tables: [...r.deadlineTables],
  years: r.calendar.years,
  calendar: r.calendarSource,
});

describe('resources cache', () => {
  it('reads back the same resources and picks up edits to profiles and the calendar', () => {
    const first = loadResources(dir);
    expect(plain(loadResources(dir))).toEqual(plain(first));
    const completion = (r: ReturnType<typeof loadResources>) => r.deadlineTables.get('suzhou-jkq')!.events.find((e) => e.event === 'completion')!.byType!.complaint!.due;
    expect(completion(first)).toEqual({ kind: 'working-days', days: 7 });

    const profile = join(dir, 'profiles', 'suzhou-jkq.yaml');
    writeFileSync(profile, readFileSync(profile, 'utf8').replace(/(complaint:[\s\S]*?days: )7/, '$18'));
    expect(completion(loadResources(dir))).toEqual({ kind: 'working-days', days: 8 });

    const calendar = join(dir, 'calendar', 'cn.yaml');
    writeFileSync(calendar, `${readFileSync(calendar, 'utf8')}  2027:\n    notice: 测试\n    holidays:\n      - { name: 元旦, from: 2027-01-01, to: 2027-01-01 }\n`);
    expect(loadResources(dir).calendar.years).toContain(2027);
  });
});
