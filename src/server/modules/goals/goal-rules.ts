import { goalStatusChanges, type Goal, type GoalList, type GoalStatus } from '../../../shared/schemas/goals.js';
import { anyAllows, seesOwnPrivate, type Relationship } from '../../platform/access.js';
import { AppError } from '../../platform/errors.js';

/**
 * Who decides what about a goal. The access policy says who may write goals at all (the
 * participant and their peer worker); within that, the goal is the participant's: a peer worker
 * suggests and ticks steps when asked, the participant decides everything else.
 */
export const isGoalOwner = (rels: readonly Relationship[]): boolean => seesOwnPrivate(rels);

const mayWrite = (rels: readonly Relationship[]) => anyAllows(rels, 'goals', 'write');

export function goalPermissions(rels: readonly Relationship[], status: GoalStatus): Goal['can'] {
  const owner = isGoalOwner(rels) && mayWrite(rels);
  return {
    edit: owner,
    changeStatusTo: owner ? [...goalStatusChanges[status]] : [],
    checkSteps: mayWrite(rels),
  };
}

/** A goal made by the participant is theirs at once; one made by a peer worker waits for their yes. */
export function newGoalStatus(rels: readonly Relationship[]): GoalList['can']['create'] {
  if (!mayWrite(rels)) return null;
  return isGoalOwner(rels) ? 'active' : 'suggested';
}

export function requireGoalOwner(rels: readonly Relationship[]): void {
  if (!isGoalOwner(rels)) {
    throw new AppError(
      'goal.participant_decides',
      'This is for the participant to decide. You can suggest a goal, or tick a step done when they ask you to.',
    );
  }
}

export function requireStatusChange(from: GoalStatus, to: GoalStatus): void {
  if (from !== to && !goalStatusChanges[from].includes(to)) {
    throw new AppError('goal.status_change_invalid', `A goal that is ${from.replace('_', ' ')} cannot be marked ${to.replace('_', ' ')}.`);
  }
}
