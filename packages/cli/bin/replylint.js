#!/usr/bin/env node
// replylint CLI entry. The implementation is compiled to ../dist (run `npx tsc -b` in the repo).
import '../dist/main.js';
