/* How the collector tells memory checkers about its blocks (docs/internals/gc.md "Debugging aids").
 * AddressSanitizer: free blocks and free pages are poisoned, so a pointer kept across a collection
 * that freed its block is reported at its first use. Valgrind (memcheck's client requests, when the
 * build found <valgrind/memcheck.h>: HLI_HAVE_VALGRIND): each block is a MALLOCLIKE block from its
 * allocation to its sweep (FREELIKE), and free memory is NOACCESS. The requests cost a few
 * instructions natively; the collector also skips them unless RUNNING_ON_VALGRIND was true at create. */
#ifndef HLI_GC_GC_DEBUG_H
#define HLI_GC_GC_DEBUG_H

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HLI_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define HLI_ASAN 1
#endif

#ifdef HLI_ASAN
#include <sanitizer/asan_interface.h>
#define HLI_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define HLI_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define HLI_POISON(p, n) ((void)(p), (void)(n))
#define HLI_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#ifdef HLI_HAVE_VALGRIND
#include <valgrind/memcheck.h>
#define HLI_ON_VALGRIND() (RUNNING_ON_VALGRIND != 0)
#define HLI_VG_MALLOCLIKE(p, n, zeroed) VALGRIND_MALLOCLIKE_BLOCK(p, n, 0, zeroed)
#define HLI_VG_FREELIKE(p) VALGRIND_FREELIKE_BLOCK(p, 0)
#define HLI_VG_NOACCESS(p, n) VALGRIND_MAKE_MEM_NOACCESS(p, n)
#define HLI_VG_DEFINED(p, n) VALGRIND_MAKE_MEM_DEFINED(p, n)
#else
#define HLI_ON_VALGRIND() 0
#define HLI_VG_MALLOCLIKE(p, n, zeroed) ((void)(p), (void)(n), (void)(zeroed))
#define HLI_VG_FREELIKE(p) ((void)(p))
#define HLI_VG_NOACCESS(p, n) ((void)(p), (void)(n))
#define HLI_VG_DEFINED(p, n) ((void)(p), (void)(n))
#endif

#endif
