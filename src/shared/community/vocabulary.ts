/** The community's fixed words: used by the database enums, the API schemas and the web app. */

/** Who a space is open to: everyone in the organization, one program, or the people added to it. */
export const spaceAudiences = ['organization', 'program', 'group'] as const;
export type SpaceAudience = (typeof spaceAudiences)[number];

/** Supportive reactions only: no down-votes, and nobody sees who reacted. */
export const reactionKinds = ['me_too', 'sending_strength', 'thank_you'] as const;
export type ReactionKind = (typeof reactionKinds)[number];

export const postStatuses = ['published', 'held', 'removed'] as const;
export type PostStatus = (typeof postStatuses)[number];

export const storyStatuses = ['pending', 'published', 'declined', 'removed'] as const;
export const contentNotes = ['relapse', 'overdose', 'trauma', 'incarceration', 'self_harm', 'grief'] as const;

export const queueKinds = ['crisis', 'held', 'report', 'appeal'] as const;
export type QueueKind = (typeof queueKinds)[number];

export const moderationActionKinds = [
  'approve',
  'edit',
  'remove',
  'warn',
  'mute',
  'suspend',
  'ban',
  'escalate',
  'dismiss',
  'restore',
] as const;
export type ModerationActionKind = (typeof moderationActionKinds)[number];

export const reportReasons = ['contact_request', 'dealing', 'recruiting', 'harassment', 'unsafe', 'spam', 'other'] as const;

export const appealStatuses = ['open', 'upheld', 'overturned'] as const;

export const roomStatuses = ['scheduled', 'open', 'ended'] as const;

export const blockKinds = ['block', 'mute'] as const;

export const leaveChoices = ['remove', 'anonymise'] as const;
