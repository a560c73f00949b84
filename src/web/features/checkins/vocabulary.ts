import { MOOD_MAX, MOOD_MIN } from '../../../shared/schemas/checkins.js';

/** The mood scale as strings, since radio values are strings; 1 is the lowest. */
export const moodValues = Array.from({ length: MOOD_MAX - MOOD_MIN + 1 }, (_, i) => String(MOOD_MIN + i)) as Array<'1' | '2' | '3' | '4' | '5'>;
export type MoodValue = (typeof moodValues)[number];
