export const profilePath = (participantId: string) => `/participants/${participantId}/profile`;
