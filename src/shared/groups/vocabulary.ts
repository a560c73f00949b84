/** Words of program groups, shared by the database enums, the API schemas and the web app. */
export const groupModes = ['in_person', 'online', 'hybrid'] as const;
export type GroupMode = (typeof groupModes)[number];

/** How often a group meets; every n days or weeks (interval) on the chosen weekdays. */
export const groupFrequencies = ['daily', 'weekly'] as const;
export type GroupFrequency = (typeof groupFrequencies)[number];

export const weekdayCodes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];

export const groupSessionStatuses = ['scheduled', 'cancelled'] as const;
export type GroupSessionStatus = (typeof groupSessionStatuses)[number];

export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export const rsvpResponses = ['going', 'not_going'] as const;
export type RsvpResponse = (typeof rsvpResponses)[number];
