#!/usr/bin/env node
// The package's `stadsnav` command. Runs the TypeScript CLI with the project's pinned Node (24)
// and tsx as loader, whatever `node` happens to be first on the PATH.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pinned = path.join(root, 'node_modules', '.bin', 'node');
const node = existsSync(pinned) ? pinned : process.execPath;
// Resolved from the package, not from the caller's working directory.
const tsxLoader = import.meta.resolve('tsx');
const result = spawnSync(node, ['--import', tsxLoader, path.join(root, 'src', 'cli.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
process.exit(result.status ?? 1);
