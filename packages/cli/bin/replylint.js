#!/usr/bin/env node
// replylint CLI entry: the esbuild bundle made by `npm run build` (scripts/bundle.mjs).
import './v8-flags.js'; // first: before the CLI's code is compiled
import '../dist/bundle/main.js';
