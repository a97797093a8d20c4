#ifndef BESTAND_NATIVE_H
#define BESTAND_NATIVE_H

// The few pieces of bestand written in C: what Swift cannot reach on its own.

#include <stddef.h>
#include <stdint.h>

/// Lets all threads together use at most `count` malloc arenas (glibc; elsewhere nothing
/// happens).
void bestand_limit_malloc_arenas(int count);

/// Whether this processor has the x86 SHA extensions (and SSSE3 and SSE4.1 beside them).
int bestand_sha256_extensions_available(void);

/// Runs the SHA-256 compression function over `count` consecutive 64-byte blocks with the
/// x86 SHA instructions; `state` holds the eight chaining values h0…h7. Call only where
/// `bestand_sha256_extensions_available()` returned 1.
void bestand_sha256_compress_extensions(uint32_t state[8], const void *blocks, size_t count);

/// Lowers the calling thread's scheduling priority by `steps` nice steps, to at most 19
/// (Linux; elsewhere, or for `steps` ≤ 0, nothing happens). The thread keeps it until it
/// ends; other threads keep theirs.
void bestand_lower_thread_priority(int steps);

#endif
