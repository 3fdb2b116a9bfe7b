import { describe, expect, it } from 'vitest';
import { focusDay, overviewDefaultRange, overviewPlan } from '@/app/(dashboard)/(overview)/overview-plan';
import { chooseWeek, weeklyPlan } from '@/app/(dashboard)/weekly/plan';
import { NO_FILTERS } from '@/lib/dashboard/params';

const data = { from: '2026-08-25', to: '2026-11-22' };

describe('overview plan', () => {
  it('opens on the last 90 days, never before the data', () => {
    expect(overviewDefaultRange(data)).toEqual({ from: '2026-08-25', to: '2026-11-22' });
    expect(overviewDefaultRange({ from: '2026-11-01', to: '2026-11-22' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-22',
    });
  });
  it.each([
    { asked: null, today: '2026-11-22', day: '2026-11-21', name: 'yesterday by default (today is not over)' },
    { asked: '2026-10-30', today: '2026-11-22', day: '2026-10-30', name: 'the day asked for, inside the range' },
    { asked: '2026-01-01', today: '2026-11-22', day: '2026-11-21', name: 'a day outside the range falls back' },
    { asked: null, today: '2026-12-25', day: '2026-11-22', name: 'data that stopped a while ago: its last day' },
  ])('focus: $name', ({ asked, today, day }) => {
    expect(focusDay(asked, data, today)).toBe(day);
  });
  it('reads two weeks before the range so its first days have a baseline', () => {
    const plan = overviewPlan({ from: '2026-11-01', to: '2026-11-22', day: null }, NO_FILTERS, data, '2026-11-22');
    expect(plan.daily.range).toEqual({ from: '2026-10-18', to: '2026-11-22' });
    expect(plan.byClass.groupBy).toEqual(['day', 'workload_class']);
  });
});

describe('weekly plan', () => {
  it.each([
    {
      asked: null,
      today: '2026-11-22',
      week: '2026-11-09',
      name: 'the last complete week (Nov 16-22 is still running)',
    },
    { asked: null, today: '2026-11-23', week: '2026-11-16', name: 'on Monday the week just ended' },
    { asked: '2026-10-01', today: '2026-11-22', week: '2026-09-28', name: 'any day of an asked week picks its Monday' },
    { asked: '2026-01-05', today: '2026-11-22', week: '2026-11-09', name: 'a week without data is not offered' },
  ])('$name', ({ asked, today, week }) => {
    expect(chooseWeek(asked, { from: '2026-08-25', to: today }, today)).toBe(week);
  });
  it('reads the week and the one before it, per class and in total', () => {
    const plan = weeklyPlan('2026-11-09', NO_FILTERS);
    expect(plan.week).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(plan.byClass.range).toEqual({ from: '2026-11-02', to: '2026-11-15' });
    expect(plan.rejections.range).toEqual(plan.week);
  });
});
