import { ZkError } from '../../core/zk-error';
import { ASSIGNORS } from '../../protocol/recipes/assignors';
import type { MemberInfo } from '../../protocol/recipes/group-member-info';
import { oneOf, type Fields } from '../common/recipe-fields';

/** A join's `{topics, assignor}`: at least one topic; the range assignor by default. */
export function memberInfoOf(fields: Fields): MemberInfo {
  const topics = fields.topics;
  if (
    !Array.isArray(topics) ||
    topics.length === 0 ||
    !topics.every((t): t is string => typeof t === 'string')
  ) {
    throw ZkError.badArguments('topics must be a non-empty list of topic names');
  }
  return { topics, assignor: oneOf(fields, 'assignor', ASSIGNORS, 'range') };
}
