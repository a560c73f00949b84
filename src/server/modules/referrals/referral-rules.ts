import { isFinished, referralTransitions, type ReferralStatus } from '../../../shared/schemas/referrals.js';
import type { Relationship } from '../../platform/access.js';

/**
 * Who does what with a referral. The assigned peer worker makes and moves it; a supervisor reads
 * it; the participant sees it once sent (a draft is not a referral yet) and gives their own word:
 * "I went", and whether it helped.
 */
export const refers = (rels: readonly Relationship[]) => rels.includes('assigned_peer');
export const reportsVisit = (rels: readonly Relationship[]) => rels.includes('self');
export const seesDrafts = (rels: readonly Relationship[]) => !(rels.length === 1 && rels[0] === 'self');

/** A visit can be reported while the referral is out, and "it helped" added after it is done. */
export const VISIT_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'completed'];

export function canDo(rels: readonly Relationship[], status: ReferralStatus) {
  return {
    edit: refers(rels) && !isFinished(status),
    changeStatusTo: refers(rels) ? [...referralTransitions[status]] : [],
    reportVisit: reportsVisit(rels) && VISIT_STATUSES.includes(status),
  };
}
