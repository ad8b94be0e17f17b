/**
 * Entity F1 by the CoNLL rule (exact span and type), the same numbers as
 * ../shared/eval/conlleval.py: chunks per sentence from IOB1 or IOB2 tags.
 */
import { spansFromIob } from './labels.js';

export interface Counts { gold: number; pred: number; correct: number }
export interface Prf { precision: number; recall: number; f1: number; gold: number; pred: number; correct: number }

export class EntityScorer {
  readonly byType = new Map<string, Counts>();
  readonly all: Counts = { gold: 0, pred: 0, correct: 0 };
  tokens = 0;

  private counts(type: string): Counts {
    let c = this.byType.get(type);
    if (!c) this.byType.set(type, (c = { gold: 0, pred: 0, correct: 0 }));
    return c;
  }

  /** One sentence's gold and predicted tags (IOB1 or IOB2). */
  add(gold: readonly string[], pred: readonly string[]): void {
    this.tokens += gold.length;
    const g = spansFromIob(gold);
    const p = spansFromIob(pred);
    const seen = new Set(g.map((s) => `${s.start}:${s.end}:${s.type}`));
    for (const s of g) { this.counts(s.type).gold++; this.all.gold++; }
    for (const s of p) {
      this.counts(s.type).pred++;
      this.all.pred++;
      if (seen.has(`${s.start}:${s.end}:${s.type}`)) { this.counts(s.type).correct++; this.all.correct++; }
    }
  }

  static prf(c: Counts): Prf {
    const precision = c.pred ? c.correct / c.pred : 0;
    const recall = c.gold ? c.correct / c.gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, ...c };
  }

  overall(): Prf {
    return EntityScorer.prf(this.all);
  }

  /** The report, laid out as conlleval.py prints it. */
  report(): string {
    const lines: string[] = [];
    for (const type of [...this.byType.keys()].sort()) {
      const r = EntityScorer.prf(this.byType.get(type)!);
      lines.push(`${type.padEnd(5)} P ${r.precision.toFixed(4)} R ${r.recall.toFixed(4)} F1 ${r.f1.toFixed(4)}  gold ${r.gold} pred ${r.pred}`);
    }
    const o = this.overall();
    lines.push(`tokens ${this.tokens} gold entities ${o.gold} predicted ${o.pred} P ${o.precision.toFixed(4)} R ${o.recall.toFixed(4)}`);
    lines.push(`F1 ${o.f1.toFixed(4)}`);
    return `${lines.join('\n')}\n`;
  }
}
