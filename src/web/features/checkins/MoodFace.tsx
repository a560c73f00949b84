// How far the mouth bends for each mood, from a frown (1) to a wide smile (5). Drawn, not emoji,
// so the faces look the same on every phone and need no emoji font.
const mouthBend: Record<number, number> = { 1: -7, 2: -3.5, 3: 0, 4: 5, 5: 9 };

/** A simple face for a mood from 1 to 5. Decorative: the mood's words always stand beside it. */
export function MoodFace({ mood, size = 40 }: { mood: number; size?: number }) {
  const bend = mouthBend[mood] ?? 0;
  const mouthY = bend < 0 ? 34 : 31;
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="#f8eac9" stroke="#5f5a54" strokeWidth="2" />
      <circle cx="17" cy="19" r="2.6" fill="#3a3734" />
      <circle cx="31" cy="19" r="2.6" fill="#3a3734" />
      <path d={`M14 ${mouthY} Q24 ${mouthY + bend * 1.4} 34 ${mouthY}`} fill="none" stroke="#3a3734" strokeWidth="2.6" strokeLinecap="round" />
    </svg>
  );
}
