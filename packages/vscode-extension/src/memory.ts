// The extension's server bounds V8's young generation like the CLI server (4 MiB per semispace
// instead of growing to 16): about 20 MiB less memory for more, shorter scavenges (bench/README.md,
// "语言服务器的内存"). It was 2 MiB while the server carried jieba-wasm's ~55 MiB of WebAssembly
// memory; the js segmenter holds its dictionary in ~17 MB. extension.ts passes it as a start-up flag;
// server.ts gives it to the run-time governor for a server started without the flag
// (`node dist/server.js --stdio`, bench/lsp.mjs).
export const SERVER_MAX_SEMI_SPACE_MIB = 4;
export const SERVER_EXEC_ARGV = [`--max-semi-space-size=${SERVER_MAX_SEMI_SPACE_MIB}`];
