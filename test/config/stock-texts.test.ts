// A consultant points template-copy at the templates circulating among sellers with `stockTexts`.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint.js';

describe('stockTexts in the config', () => {
  it('flags a passage copied from a folder of circulating templates, relative to the config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-stock-'));
    mkdirSync(join(dir, 'stock'));
    mkdirSync(join(dir, 'clients'));
    writeFileSync(join(dir, '.poarc.yaml'), 'root: true\nstockTexts: [./stock]\n');
    writeFileSync(
      join(dir, 'stock', 'forum-template.md'),
      'Our warehouse team has been fully retrained on packaging standards and every parcel is now double checked before it leaves the building.\n',
    );
    const copied = '## Corrective actions\nOur warehouse team has been completely retrained on packaging standards and every parcel is now double checked before leaving the building.\n';
    writeFileSync(join(dir, 'clients', 'plan.md'), copied);
    const report = await lintFiles(['clients/plan.md'], { cwd: dir });
    const found = report.files[0]?.findings.filter((f) => f.ruleId === 'template-copy') ?? [];
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(2);
    const without = await lintFiles(['clients/plan.md'], { cwd: dir, config: false });
    expect(without.files[0]?.findings.filter((f) => f.ruleId === 'template-copy')).toEqual([]);
  });

  it('reports a stock text folder that does not exist at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poa-stock-'));
    writeFileSync(join(dir, '.poarc.yaml'), 'root: true\nstockTexts:\n  - ./missing\n');
    writeFileSync(join(dir, 'plan.md'), '## Root cause\nText.\n');
    await expect(lintFiles(['plan.md'], { cwd: dir })).rejects.toThrow(/stock text folder "\.\/missing" not found/);
  });
});
