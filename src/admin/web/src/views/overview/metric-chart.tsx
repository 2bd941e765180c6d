import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { StatsSample } from '../../api/types';
import { formatTime } from '../../lib/format';

export interface Series {
  key: keyof StatsSample;
  label: string;
  color: string;
}

/** One overview chart: a few series of the samples over time. */
export function MetricChart({
  samples,
  series,
  unit = '',
}: {
  samples: StatsSample[];
  series: readonly Series[];
  unit?: string;
}) {
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height={200}>
        <AreaChart data={samples} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
          <defs>
            {series.map((s) => (
              <linearGradient key={s.key} id={`fill-${s.key}`} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={s.color} stopOpacity={0.28} />
                <stop offset="100%" stopColor={s.color} stopOpacity={0.02} />
              </linearGradient>
            ))}
          </defs>
          <CartesianGrid stroke="#eef1f6" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => formatTime(v)}
            tick={{ fontSize: 11, fill: '#8a94a6' }}
            stroke="#e3e8ef"
            minTickGap={60}
          />
          <YAxis
            domain={[0, 'auto']}
            tick={{ fontSize: 11, fill: '#8a94a6' }}
            stroke="#e3e8ef"
            allowDecimals={unit !== ''}
            width={48}
          />
          <Tooltip
            labelFormatter={(v) => formatTime(Number(v))}
            formatter={(value) => `${String(value)}${unit}`}
            contentStyle={{ borderRadius: 8, border: '1px solid #e3e8ef', fontSize: 12 }}
          />
          {series.length > 1 && (
            <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
          )}
          {series.map((s) => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              fill={`url(#fill-${s.key})`}
              isAnimationActive={false}
              connectNulls
              dot={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
