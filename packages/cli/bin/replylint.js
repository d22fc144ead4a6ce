#!/usr/bin/env node
// replylint CLI entry: the esbuild bundle made by `npm run build` (scripts/bundle.mjs).
import '../dist/bundle/main.js';
