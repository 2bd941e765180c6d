import type { ConfigFormat } from '../../api/types';

const FORMATS: readonly ConfigFormat[] = ['json', 'yaml', 'properties', 'text'];

export function FormatSelect({
  value,
  onChange,
}: {
  value: ConfigFormat;
  onChange: (format: ConfigFormat) => void;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as ConfigFormat)}>
      {FORMATS.map((f) => (
        <option key={f} value={f}>
          {f}
        </option>
      ))}
    </select>
  );
}
