import { pathProblem } from '../../core/path';
import { ZkError } from '../../core/zk-error';

const MAX_NAME = 255;

/** A recipe's name (lock, queue, group...): one znode name, so it cannot hold a slash. */
export function recipeName(value: unknown, what = 'name'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_NAME) {
    throw ZkError.badArguments(`${what} must be a string of 1 to ${MAX_NAME} characters`);
  }
  if (value.includes('/')) throw ZkError.badArguments(`${what} must not contain "/"`, value);
  const problem = pathProblem(`/${value}`);
  if (problem !== undefined)
    throw ZkError.badArguments(`${what} is not a valid znode name: ${problem}`, value);
  return value;
}
