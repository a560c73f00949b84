import type { AttendanceMode } from './vocabulary.js';

/**
 * How a listing can be attended, worked out as tsml-ui (Code for Recovery's meeting finder) does:
 * - online when it has a conference URL on a known video-service host, or a dial-in number of at
 *   least 10 digits; a link to anywhere else is not a way to attend;
 * - in person unless the location is temporarily closed (type TC) or the address is approximate
 *   (the feed says `approximate: "yes"`, or the address has fewer than four comma-separated parts,
 *   as "Chicago, IL, USA" has);
 * - hybrid when both, inactive when neither.
 * Two additions, for feeds that write US addresses in one field: "100 Main St, Tupelo, MS" gets its
 * country as a split address with `state: "MS"` would; and "Online" in the street field is not a place.
 */

/** tsml-ui's known video-service hosts (settings.ts `conference_providers`). */
export const conferenceProviders: Readonly<Record<string, string>> = {
  'bluejeans.com': 'Bluejeans',
  'discord.gg': 'Discord',
  'freeconference.com': 'Free Conference',
  'freeconferencecall.com': 'FreeConferenceCall',
  'goto.com': 'GoTo',
  'gotomeet.me': 'GoTo',
  'gotomeeting.com': 'GoTo',
  'horizon.meta.com': 'Virtual Reality',
  'maps.secondlife.com': 'Virtual Reality',
  'meet.google.com': 'Google Meet',
  'meet.jit.si': 'Jitsi',
  'meetings.dialpad.com': 'Dialpad',
  'signal.group': 'Signal',
  'skype.com': 'Skype',
  'slurl.com': 'Virtual Reality',
  'teams.live.com': 'Teams',
  'teams.microsoft.com': 'Teams',
  'vrchat.com': 'Virtual Reality',
  'webex.com': 'WebEx',
  'zoho.com': 'Zoho',
  'zoom.us': 'Zoom',
};

/** Types that only make sense in a room (wheelchair access, babysitting…), dropped when nobody meets in one. */
export const inPersonTypes: readonly string[] = ['BA', 'BRK', 'CAN', 'CF', 'AL-AN', 'AL', 'FF', 'OUT', 'SM', 'X', 'XB'];

const usStates = 'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY'.split(' ');
const canadianProvinces = 'AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' ');

function countryOfState(state: string | undefined): string | undefined {
  const code = state?.trim().toUpperCase();
  if (!code) return undefined;
  if (usStates.includes(code)) return 'USA';
  if (canadianProvinces.includes(code)) return 'Canada';
  return undefined;
}

/** The provider's name when the URL is an http(s) link on a known host (the host itself or a subdomain of it). */
export function conferenceProviderOf(url: string | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    host = parsed.hostname.toLowerCase();
  } catch {
    return null;
  }
  const domain = Object.keys(conferenceProviders).find((d) => host === d || host.endsWith(`.${d}`));
  return domain ? conferenceProviders[domain]! : null;
}

/** A dial-in number as tsml-ui keeps it: digits, `+`, `,` and `#`, at least 10 characters. */
export function conferencePhoneOf(phone: string | undefined): string | null {
  const clean = phone?.replace(/[^\d,+#]/g, '') ?? '';
  return clean.length >= 10 ? clean : null;
}

export interface AddressFields {
  formatted_address?: string;
  address?: string;
  city?: string;
  state?: string;
  postal_code?: string;
  country?: string;
  approximate?: string;
}

const placeholderStreets = new Set(['online', 'virtual', 'zoom', 'n/a', 'na', 'tbd', 'tba']);

/** One line of address, from formatted_address or the split fields; null when there is none. */
export function formattedAddressOf(m: AddressFields): string | null {
  if (m.formatted_address?.trim()) return m.formatted_address.trim();
  let street = m.address?.trim();
  if (street && placeholderStreets.has(street.toLowerCase())) street = undefined;
  let country = m.country?.trim() || countryOfState(m.state);
  if (!country && !m.state && !m.city && street) {
    // "100 Main St, Tupelo, MS" or "… , MS 38801": the state (and ZIP) written into the street field.
    const last = street.split(',').at(-1)!.trim().split(/\s+/)[0];
    if (street.includes(',')) country = countryOfState(last);
  }
  const line = [street, m.city, [m.state, m.postal_code].map((p) => p?.trim()).filter(Boolean).join(' '), country]
    .map((p) => p?.trim())
    .filter((p): p is string => Boolean(p))
    .join(', ');
  return line || null;
}

export function isApproximate(m: AddressFields, formatted: string): boolean {
  const said = m.approximate?.trim().toLowerCase();
  if (said === 'yes') return true;
  if (said === 'no') return false;
  return formatted.split(',').length < 4;
}

export interface AttendanceFacts {
  mode: AttendanceMode;
  online: boolean;
  inPerson: boolean;
  approximate: boolean;
  formattedAddress: string | null;
  conferenceProvider: string | null;
  conferencePhone: string | null;
}

export function attendanceOf(m: AddressFields & { types?: string[]; conference_url?: string; conference_phone?: string }): AttendanceFacts {
  const conferenceProvider = conferenceProviderOf(m.conference_url);
  const conferencePhone = conferencePhoneOf(m.conference_phone);
  const formattedAddress = formattedAddressOf(m);
  const approximate = formattedAddress === null ? true : isApproximate(m, formattedAddress);
  const online = conferenceProvider !== null || conferencePhone !== null;
  const inPerson = !(m.types ?? []).includes('TC') && !approximate;
  const mode: AttendanceMode = online && inPerson ? 'hybrid' : online ? 'online' : inPerson ? 'in_person' : 'inactive';
  return { mode, online, inPerson, approximate, formattedAddress, conferenceProvider, conferencePhone };
}
