import { load } from 'js-yaml';
import { ZkError } from '../../core/zk-error';

export const CONFIG_FORMATS = ['json', 'yaml', 'properties', 'text'] as const;
export type ConfigFormat = (typeof CONFIG_FORMATS)[number];

export function isConfigFormat(value: unknown): value is ConfigFormat {
  return CONFIG_FORMATS.includes(value as ConfigFormat);
}

/** Why `content` is not valid `format`, or undefined when it is. */
export function formatProblem(format: ConfigFormat, content: string): string | undefined {
  switch (format) {
    case 'json':
      try {
        JSON.parse(content);
        return undefined;
      } catch (err) {
        return `not valid JSON: ${(err as Error).message}`;
      }
    case 'yaml':
      try {
        load(content);
        return undefined;
      } catch (err) {
        return `not valid YAML: ${(err as Error).message.split('\n')[0] ?? ''}`;
      }
    case 'properties':
      return propertiesProblem(content);
    case 'text':
      return undefined;
  }
}

export function validateConfig(format: ConfigFormat, content: string): void {
  const problem = formatProblem(format, content);
  if (problem !== undefined) throw ZkError.badArguments(`content is ${problem}`);
}

/** java.util.Properties accepts nearly anything; what it refuses is a malformed \uXXXX escape. */
function propertiesProblem(content: string): string | undefined {
  const lines = content.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trimStart();
    if (trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    const bad = /\\u(?![0-9a-fA-F]{4})/.exec(line.replace(/\\\\/g, ''));
    if (bad) return `not valid properties: malformed \\uxxxx escape on line ${i + 1}`;
  }
  return undefined;
}
