'use client';

import type { DecisionOptionsBody } from '@/lib/api/decision-options-wire';
import { modelRoute, poolRoute, UNCHANGED, type WhatIfSettings } from '@/lib/decisions/panel-settings';
import { NumberField, SelectField, SliderField } from './controls';

const pct = (v: number) => (v === 0 ? '0%' : `−${v}%`);
const points = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v)} pts`;

/** Every lever of the what-if, each a labelled control; the parent owns the settings. */
export function WhatIfControls({
  settings,
  options,
  onChange,
}: {
  settings: WhatIfSettings;
  options: DecisionOptionsBody | undefined;
  onChange: (next: WhatIfSettings) => void;
}) {
  const set = <K extends keyof WhatIfSettings>(key: K, value: WhatIfSettings[K]) =>
    onChange({ ...settings, [key]: value });
  const routes: Array<readonly [string, string]> = [
    ['keep', 'Where it runs today'],
    ...(options?.models ?? []).map((m) => [modelRoute(m.provider, m.model), `API: ${m.provider}/${m.model}`] as const),
    ...(options?.pools ?? []).map(
      (p) => [poolRoute(p.name), `Pool: ${p.name} (${p.gpu_count} × ${p.gpu_type})`] as const,
    ),
  ];
  const onPool = settings.route.startsWith('pool:');
  return (
    <fieldset className="flex flex-col gap-4" aria-label="What-if changes">
      <SliderField
        label="Prompt tokens (not retrieved)"
        value={settings.inputCutPct}
        min={0}
        max={80}
        format={pct}
        onChange={(v) => set('inputCutPct', v)}
        testId="slider-input"
      />
      <SliderField
        label="Retrieved context tokens"
        value={settings.retrievedCutPct}
        min={0}
        max={90}
        format={pct}
        onChange={(v) => set('retrievedCutPct', v)}
        testId="slider-retrieved"
      />
      <SliderField
        label="Output verbosity (visible output)"
        value={settings.outputCutPct}
        min={0}
        max={80}
        format={pct}
        onChange={(v) => set('outputCutPct', v)}
        testId="slider-output"
      />
      <SliderField
        label="Acceptance rate"
        value={settings.acceptancePoints}
        min={-20}
        max={20}
        format={points}
        onChange={(v) => set('acceptancePoints', v)}
        testId="slider-acceptance"
      />
      <div className="flex flex-col gap-1">
        <label className="flex items-center gap-2 text-tremor-default font-medium text-tremor-content-emphasis">
          <input
            type="checkbox"
            checked={settings.cacheHitPct !== null}
            onChange={(e) => set('cacheHitPct', e.target.checked ? 50 : null)}
            className="accent-blue-600"
          />
          Set the cache hit rate
        </label>
        {settings.cacheHitPct !== null ? (
          <SliderField
            label="Cache hit rate"
            value={settings.cacheHitPct}
            min={0}
            max={100}
            format={(v) => `${v}%`}
            onChange={(v) => set('cacheHitPct', v)}
            testId="slider-cache"
          />
        ) : (
          <p className="text-tremor-label text-tremor-content-default">Each call keeps its observed cache hits.</p>
        )}
      </div>
      <NumberField
        label="Cap retries per call at"
        value={settings.maxRetries}
        placeholder="no cap"
        min={0}
        step={1}
        onChange={(v) => set('maxRetries', v)}
        testId="input-max-retries"
      />
      <SelectField
        label="Run the class's model calls on"
        value={settings.route}
        options={routes}
        onChange={(v) => onChange({ ...settings, route: v, tokensPerGpuHour: '', poolGpus: '' })}
        testId="select-route"
      />
      {onPool ? (
        <div className="grid grid-cols-2 gap-4">
          <NumberField
            label="Tokens per GPU-hour"
            value={settings.tokensPerGpuHour}
            placeholder="measured"
            hint="Output-equivalent; empty uses the pool's measured throughput."
            onChange={(v) => set('tokensPerGpuHour', v)}
          />
          <NumberField
            label="Pool GPUs"
            value={settings.poolGpus}
            placeholder="as provisioned"
            step={1}
            onChange={(v) => set('poolGpus', v)}
          />
        </div>
      ) : null}
      <div>
        <button
          type="button"
          onClick={() => onChange(UNCHANGED)}
          className="rounded-tremor-small border border-tremor-border-default bg-tremor-background-default px-3 py-1.5 text-tremor-default font-medium text-tremor-content-emphasis shadow-tremor-input hover:bg-tremor-background-muted"
        >
          Reset to observed
        </button>
      </div>
    </fieldset>
  );
}
