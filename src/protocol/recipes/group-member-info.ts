import { ASSIGNORS, type AssignorName, type GroupMemberInfo } from './assignors';

/** What a consumer group's member node `ids/{id}` holds, as JSON. */
export interface MemberInfo {
  topics: string[];
  assignor: AssignorName;
}

export function parseMemberInfo(data: Uint8Array): MemberInfo | null {
  try {
    const v = JSON.parse(new TextDecoder().decode(data)) as Partial<MemberInfo>;
    if (!Array.isArray(v.topics) || !v.topics.every((t) => typeof t === 'string')) return null;
    return {
      topics: v.topics,
      assignor: ASSIGNORS.includes(v.assignor as AssignorName)
        ? (v.assignor as AssignorName)
        : 'range',
    };
  } catch {
    return null;
  }
}

/**
 * A group's members from their nodes' data (undefined where a node has gone), and the assignor
 * they all use: the lowest member's choice rules, `fallback` while there is none.
 */
export function groupMembers(
  nodes: ReadonlyMap<string, Uint8Array | undefined>,
  fallback: AssignorName,
): { members: GroupMemberInfo[]; assignor: AssignorName } {
  const members: GroupMemberInfo[] = [];
  let assignor = fallback;
  for (const id of [...nodes.keys()].sort()) {
    const data = nodes.get(id);
    const info = data ? parseMemberInfo(data) : null;
    if (!info) continue;
    if (members.length === 0) assignor = info.assignor;
    members.push({ id, topics: info.topics });
  }
  return { members, assignor };
}
