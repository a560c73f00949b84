/**
 * How a person can attend a mutual-aid meeting, worked out from its listing the way the Meeting
 * Guide tools do (see attendance-mode.ts): in person, online, both, or neither for now (inactive).
 */
export const attendanceModes = ['in_person', 'online', 'hybrid', 'inactive'] as const;
export type AttendanceMode = (typeof attendanceModes)[number];

/** tsml-ui's times of day, in minutes after midnight; they overlap on purpose. */
export const timesOfDay = ['morning', 'midday', 'evening', 'night', 'appointment'] as const;
export type TimeOfDay = (typeof timesOfDay)[number];
