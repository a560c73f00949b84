import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attendanceOf, conferencePhoneOf, conferenceProviderOf, formattedAddressOf } from '../../src/shared/meetings/attendance-mode.js';
import { feedProblems, readListing } from '../../src/shared/meetings/feed.js';
import { minutesUntil, timesOfDayOf } from '../../src/shared/meetings/schedule.js';
import { meetingTypeName } from '../../src/shared/meetings/types.js';

const fixture = (name: string) => JSON.parse(readFileSync(path.resolve('../shared/data/meeting-guide', name), 'utf8')) as Array<Record<string, any>>;

describe('attendance mode, as tsml-ui works it out', () => {
  it('gives tsml-ui’s own fixture in person, online and inactive', () => {
    expect(fixture('tsml-ui-unit-fixture-meetings.json').map((m) => attendanceOf(m).mode)).toEqual(['in_person', 'online', 'inactive']);
  });

  it('counts a conference URL only on a known video service host (or a subdomain of it)', () => {
    expect(conferenceProviderOf('https://zoom.us/j/123')).toBe('Zoom');
    expect(conferenceProviderOf('https://us02web.zoom.us/j/123?pwd=x')).toBe('Zoom');
    expect(conferenceProviderOf('https://meet.google.com/abc-defg-hij')).toBe('Google Meet');
    expect(conferenceProviderOf('https://teams.microsoft.com/l/meetup-join/x')).toBe('Teams');
    expect(conferenceProviderOf('https://evilzoom.us/j/123')).toBeNull();
    expect(conferenceProviderOf('https://example.org/our-zoom-page')).toBeNull();
    expect(conferenceProviderOf('javascript:alert(1)//zoom.us')).toBeNull();
    expect(conferenceProviderOf('not a url')).toBeNull();
    const site = { formatted_address: 'Chicago, IL, USA', conference_url: 'https://example.org/join' };
    expect(attendanceOf(site).mode).toBe('inactive');
  });

  it('counts a dial-in number of ten or more digits', () => {
    expect(conferencePhoneOf('+1 (646) 558-8656,,123#')).toBe('+16465588656,,123#');
    expect(conferencePhoneOf('555-1234')).toBeNull();
    expect(attendanceOf({ formatted_address: 'Tulsa, OK, USA', conference_phone: '+1 646 558 8656' }).mode).toBe('online');
  });

  it('treats fewer than four address parts as approximate unless the feed says otherwise', () => {
    expect(attendanceOf({ formatted_address: '123 Main St, Springfield, IL 62701, USA' }).mode).toBe('in_person');
    expect(attendanceOf({ formatted_address: 'Springfield, IL, USA' }).mode).toBe('inactive');
    expect(attendanceOf({ formatted_address: 'Springfield, IL, USA', approximate: 'no' }).mode).toBe('in_person');
    expect(attendanceOf({ formatted_address: '123 Main St, Springfield, IL 62701, USA', approximate: 'yes' }).mode).toBe('inactive');
  });

  it('makes a temporarily closed room not in person, while its online link still works (hybrid becomes online)', () => {
    const hybrid = { formatted_address: '1 Oak St, Tulsa, OK 74103, USA', conference_url: 'https://zoom.us/j/1' };
    expect(attendanceOf(hybrid).mode).toBe('hybrid');
    expect(attendanceOf({ ...hybrid, types: ['TC'] }).mode).toBe('online');
    expect(attendanceOf({ formatted_address: '1 Oak St, Tulsa, OK 74103, USA', types: ['TC', 'D'] }).mode).toBe('inactive');
  });

  it('builds the address line from split fields, inferring the country from a US or Canadian state', () => {
    expect(formattedAddressOf({ address: '303 Bourbon St', city: 'New Orleans', state: 'LA' })).toBe('303 Bourbon St, New Orleans, LA, USA');
    expect(formattedAddressOf({ address: '1 Rue X', city: 'Montréal', state: 'QC', postal_code: 'H2X 1Y4' })).toBe('1 Rue X, Montréal, QC H2X 1Y4, Canada');
    expect(formattedAddressOf({ address: '100 Main St, Tupelo, MS' })).toBe('100 Main St, Tupelo, MS, USA');
    // "Online" in the street field is not a place: what is left is an approximate area.
    expect(formattedAddressOf({ address: 'Online', city: 'Memphis', state: 'TN' })).toBe('Memphis, TN, USA');
    expect(formattedAddressOf({})).toBeNull();
  });
});

describe('reading a listing', () => {
  it('normalizes slugs, days and times, and fills in the default time zone', () => {
    const read = readListing({ slug: 42, name: ' Serenity ', day: '3', time: '7:05', types: ['O', 'O', 11, ' D '], city: 'Tulsa', state: 'OK' }, 'America/Chicago');
    expect(read).toEqual({ ok: true, records: [{ city: 'Tulsa', day: 3, name: 'Serenity', slug: '42', state: 'OK', time: '07:05', timezone: 'America/Chicago', types: ['O', '11', 'D'] }] });
  });

  it('keeps by-appointment listings without day or time, and needs no time zone for them', () => {
    expect(readListing({ slug: 'a', name: 'By appointment', city: 'Tulsa' })).toMatchObject({ ok: true, records: [{ slug: 'a' }] });
  });

  it('writes what it reads in a form that reads back the same', () => {
    for (const name of ['c4r-pdf-fixture-meetings.json', 'tsml-ui-unit-fixture-meetings.json']) {
      const records = fixture(name).flatMap((m) => {
        const r = readListing(m, 'America/Chicago');
        return r.ok ? r.records : [];
      });
      expect(feedProblems(records)).toEqual([]);
      expect(records.flatMap((m) => (readListing(m) as { records: unknown[] }).records)).toEqual(records);
    }
  });

  it('finds what breaks the spec’s rules in a feed', () => {
    expect(feedProblems({})).toEqual([{ index: -1, slug: null, problem: 'the feed is not a JSON array' }]);
    const problems = feedProblems([{ slug: 'a', name: 'A', day: 9, time: '25:00', city: 'X' }, { slug: 'a', name: 'B', city: 'Y', latitude: '1' }]).map((p) => p.problem);
    expect(problems).toEqual(['day must be an integer 0-6', 'time must be HH:MM', 'slug is not unique', 'latitude must be a number']);
  });
});

describe('finder vocabulary', () => {
  it('gives type names in the reader’s language, falling back to English', () => {
    expect(meetingTypeName('O', 'es')).toBe('Abierta');
    expect(meetingTypeName('X', 'en')).toBe('Wheelchair Access');
    expect(meetingTypeName('O', 'de')).toBe('Open');
    expect(meetingTypeName('ONL', 'en')).toBeNull();
  });

  it('places times in tsml-ui’s overlapping bands', () => {
    expect(timesOfDayOf(7 * 60)).toEqual(['morning']);
    expect(timesOfDayOf(11 * 60 + 30)).toEqual(['morning', 'midday']);
    expect(timesOfDayOf(16 * 60 + 30)).toEqual(['midday', 'evening']);
    expect(timesOfDayOf(20 * 60 + 30)).toEqual(['evening', 'night']);
    expect(timesOfDayOf(2 * 60)).toEqual(['night']);
    expect(timesOfDayOf(null)).toEqual(['appointment']);
  });

  it('counts minutes until a weekly start across the end of the week, keeping ten minutes of grace', () => {
    const sat2350 = 6 * 1440 + 23 * 60 + 50;
    expect(minutesUntil(0 * 1440 + 15, sat2350)).toBe(25);
    expect(minutesUntil(sat2350 - 5, sat2350)).toBe(-5);
    expect(minutesUntil(sat2350 - 11, sat2350)).toBe(7 * 1440 - 11);
  });
});
