/** The NOTIFY channel a commit announces its zxid on; one per schema, so clusters do not mix. */
export function commitChannel(schema: string | undefined): string {
  return `zoonest_commit_${schema ?? 'public'}`;
}
