#!/usr/bin/env node
// The `wxnet` command (package.json "bin"); the CLI itself is in cli/.
import { main } from './cli/main.mjs';

process.exitCode = await main(process.argv.slice(2));
