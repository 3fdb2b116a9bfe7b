import { MetricTile } from '@/components/metric-tile';
import type { TileSpec } from '@/lib/dashboard/overview-tiles';

export function OverviewTiles({ tiles }: { tiles: readonly TileSpec[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5" data-testid="overview-tiles">
      {tiles.map((t) => (
        <MetricTile
          key={t.key}
          testId={`tile-${t.key}`}
          label={t.label}
          value={t.value}
          hint={t.hint}
          change={t.change}
          tone={t.tone}
        />
      ))}
    </dl>
  );
}
