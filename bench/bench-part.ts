/** One named part of `npm run bench`; each part adds its figures to the shared result. */
export interface BenchPart {
  name: string;
  description: string;
  run(report: BenchReport): Promise<void>;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export class BenchReport {
  readonly figures: Figure[] = [];

  add(name: string, value: number, unit: string, note?: string): void {
    this.figures.push(note === undefined ? { name, value, unit } : { name, value, unit, note });
  }

  asTable(): string {
    const width = Math.max(...this.figures.map((f) => f.name.length), 10);
    return this.figures
      .map(
        (f) =>
          `${f.name.padEnd(width)}  ${formatValue(f.value).padStart(12)} ${f.unit}${f.note ? `  (${f.note})` : ''}`,
      )
      .join('\n');
  }

  asJson(): Record<string, number> {
    return Object.fromEntries(this.figures.map((f) => [f.name, f.value]));
  }
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}
