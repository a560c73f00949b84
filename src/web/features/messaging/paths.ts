export const conversationPath = (participantId: string) => `/participants/${encodeURIComponent(participantId)}/messages`;
export const messagesPath = '/messages';
