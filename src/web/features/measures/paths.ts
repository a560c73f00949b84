/** Where a participant's measures live for staff (the participant's own are under `/measures`). */
export const participantMeasuresPath = (participantId: string) => `/participants/${participantId}/measures`;
