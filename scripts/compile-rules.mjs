// Validates poa's own rule pack once at build time (schemas, every pattern in every language) and stores it as JSON.
import { writeFileSync } from 'node:fs';
import { builtinRulesDir } from '../dist/data.js';
import { createEngine } from '../dist/rules/engine.js';
import { compiledPackPath, loadRulePackYaml, packFingerprint } from '../dist/rules/pack.js';
import { anchorIndex } from '../dist/rules/patterns.js';

const dir = builtinRulesDir();
const fingerprint = packFingerprint(dir);
const pack = loadRulePackYaml(dir);
const engine = createEngine([pack]);
// Building the engine parsed every pattern of every rule; the reasons' keywords are parsed per language on first use.
for (const { code } of pack.languages) engine.reasons.inferText('', code);
for (const rule of pack.rules) rule.file = rule.file.slice(dir.length + 1);
// Where each pattern is filed, so a start-up files patterns without parsing them.
writeFileSync(compiledPackPath(), JSON.stringify({ fingerprint, pack: { ...pack, dir: 'rules' }, anchors: anchorIndex() }));
