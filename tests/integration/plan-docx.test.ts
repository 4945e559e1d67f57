import { Document, Packer, Paragraph, TextRun, Tab } from 'docx';
import { describe, expect, it } from 'vitest';
import type { ParsedPlan } from '@tdtt/shared';
import { parsePlan } from '@tdtt/shared/plan';
import { importPlanDocument } from '@tdtt/server/plan-import';
import { EXPECT, PLAN_FILES, havePlans, readPlan } from './plan-expect';

/** The plan text saved as a Word document: one paragraph per line, tabs as real tabs. */
async function toDocx(text: string): Promise<Uint8Array> {
  const paragraphs = text.split('\n').map(
    (line) => new Paragraph({ children: line.split('\t').flatMap((part, i) => (i === 0 ? [new TextRun(part)] : [new TextRun({ children: [new Tab(), part] })])) }),
  );
  const doc = new Document({ sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Line numbers differ between a .txt and a .docx of the same text; the structure must not. */
function withoutLineNumbers(plan: ParsedPlan) {
  return { ...plan, footnotes: plan.footnotes.map(({ mark, text }) => ({ mark, text })), notUnderstood: plan.notUnderstood.map((n) => n.text) };
}

describe.skipIf(!havePlans)('real plans saved as .docx import to the same structure', () => {
  for (const id of Object.keys(PLAN_FILES) as (keyof typeof PLAN_FILES)[]) {
    it(`plan ${id}.docx`, async () => {
      const text = readPlan(id);
      const r = await importPlanDocument(await toDocx(text), `${id}.docx`);
      if (!r.ok) throw new Error(r.message);
      expect(r.format).toBe('docx');
      EXPECT[id](r.plan);
      const fromText = parsePlan(text);
      if (!fromText.ok) throw fromText.error;
      expect(withoutLineNumbers(r.plan)).toEqual(withoutLineNumbers(fromText.plan));
    });
  }
});
