import { describe, expect, it } from 'vitest';
import { wallClockOf, zonedTimeToUtc } from '../../src/shared/schemas/appointments.js';
import { appointmentPermissions, requireStatusChange } from '../../src/server/modules/appointments/appointment-rules.js';
import { initials } from '../../src/server/modules/appointments/calendar-file.js';

describe('wall-clock times in the program’s time zone', () => {
  it.each([
    ['2026-06-01', '15:00', 'America/Chicago', '2026-06-01T20:00:00.000Z'],
    ['2026-01-15', '09:30', 'America/Chicago', '2026-01-15T15:30:00.000Z'],
    ['2026-06-01', '15:00', 'Asia/Kolkata', '2026-06-01T09:30:00.000Z'],
    ['2026-12-31', '23:45', 'Pacific/Auckland', '2026-12-31T10:45:00.000Z'],
    // The hour after the clocks go back happens twice; the first is meant.
    ['2026-11-01', '01:30', 'America/Chicago', '2026-11-01T06:30:00.000Z'],
    // 02:30 never happens on the day the clocks go forward: just after the gap.
    ['2026-03-08', '02:30', 'America/Chicago', '2026-03-08T08:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    expect(zonedTimeToUtc(date, time, zone).toISOString()).toBe(iso);
  });

  it('reads an instant back as the wall clock shows it', () => {
    expect(wallClockOf(new Date('2026-06-01T20:00:00Z'), 'America/Chicago')).toEqual({ date: '2026-06-01', time: '15:00' });
    expect(wallClockOf(new Date('2026-06-01T04:30:00Z'), 'America/Chicago')).toEqual({ date: '2026-05-31', time: '23:30' });
  });
});

describe('appointment status changes', () => {
  const past = new Date(Date.now() - 3_600_000);
  const future = new Date(Date.now() + 3_600_000);

  it('the assigned peer worker may cancel a session to come, and mark one that has begun', () => {
    expect(appointmentPermissions(['assigned_peer'], 'scheduled', future)).toEqual({ edit: true, changeStatusTo: ['cancelled'] });
    expect(appointmentPermissions(['assigned_peer'], 'scheduled', past)).toEqual({ edit: true, changeStatusTo: ['cancelled', 'completed', 'missed'] });
    expect(appointmentPermissions(['assigned_peer'], 'cancelled', past)).toEqual({ edit: false, changeStatusTo: [] });
    expect(appointmentPermissions(['assigned_peer'], 'missed', past)).toEqual({ edit: false, changeStatusTo: ['completed'] });
  });

  it('the participant and the supervisor only read', () => {
    for (const rel of ['self', 'supervisor'] as const) expect(appointmentPermissions([rel], 'scheduled', past)).toEqual({ edit: false, changeStatusTo: [] });
  });

  it('refuses changes that do not fit', () => {
    expect(() => requireStatusChange('cancelled', 'completed', past)).toThrow(/cannot be marked/);
    expect(() => requireStatusChange('scheduled', 'missed', future)).toThrow(/once it has begun/);
    expect(() => requireStatusChange('scheduled', 'missed', past)).not.toThrow();
  });
});

describe('initials for calendar titles', () => {
  it.each([
    ['Alex Moreno', 'A. M.'],
    ['  josé   ñúñez ', 'J. Ñ.'],
    ['Cher', 'C.'],
  ])('%s → %s', (name, expected) => expect(initials(name)).toBe(expected));
});
