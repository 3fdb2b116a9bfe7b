/**
 * Where the what-if and break-even panels go (they are built as their own components). Marked so
 * the page keeps a stable place for them and readers know what will appear here.
 */
export function DecisionsSlot({ context }: { context: string }) {
  return (
    <section
      aria-labelledby="decisions-heading"
      data-testid="decisions-slot"
      className="rounded-tremor-default border border-dashed border-tremor-border-default p-5 print:hidden"
    >
      <h2 id="decisions-heading" className="text-tremor-default font-semibold text-tremor-content-strong">
        Decisions
      </h2>
      <p className="mt-1 text-tremor-label text-tremor-content-default">
        What-if and break-even analysis for {context} will appear here.
      </p>
    </section>
  );
}
