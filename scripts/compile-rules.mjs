// Validates poa's own rule pack once at build time (schemas, every pattern in every language) and stores it as JSON.
import { writeFileSync } from 'node:fs';
import { builtinRulesDir } from '../dist/data.js';
import { createEngine } from '../dist/rules/engine.js';
import { compiledPackPath, loadRulePackYaml, packFingerprint } from '../dist/rules/pack.js';

const dir = builtinRulesDir();
const fingerprint = packFingerprint(dir);
const pack = loadRulePackYaml(dir);
createEngine([pack]);
for (const rule of pack.rules) rule.file = rule.file.slice(dir.length + 1);
writeFileSync(compiledPackPath(), JSON.stringify({ fingerprint, pack: { ...pack, dir: 'rules' } }));
