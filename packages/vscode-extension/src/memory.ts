// The extension's server keeps jieba-wasm's ~55 MiB of WebAssembly memory (its dictionary, which
// cannot be given back), so its young generation is bounded tighter than the CLI server's (4 MiB per
// semispace): 2 MiB, about 4 MiB less memory for twice as many (short) scavenges (bench/README.md,
// "语言服务器的内存"). extension.ts passes it as a start-up flag; server.ts gives it to the run-time
// governor for a server started without the flag (`node dist/server.js --stdio`, bench/lsp.mjs).
export const SERVER_MAX_SEMI_SPACE_MIB = 2;
export const SERVER_EXEC_ARGV = [`--max-semi-space-size=${SERVER_MAX_SEMI_SPACE_MIB}`];
