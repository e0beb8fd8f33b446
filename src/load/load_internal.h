/* Shared state of the loader's files (load.c reads the tables, load_types.c the type table). */
#ifndef HLI_LOAD_LOAD_INTERNAL_H
#define HLI_LOAD_LOAD_INTERNAL_H

#include "load/arena.h"
#include "load/module.h"
#include "load/reader.h"

typedef struct hli_loader {
    hli_reader r;     /* over the module's image copy */
    hli_arena arena;  /* every table of the module */
    hli_module *m;
    hli_type placeholder; /* returned for a type reference that could not be read */
} hli_loader;

/* Zeroed table space from the module arena; on failure the load fails (sticky) and NULL is returned. */
HLI_INTERNAL void *hli_loader_array(hli_loader *L, size_t count, size_t size);
/* Reads a vi type index and returns the type (a placeholder on failure: callers check r.failed). */
HLI_INTERNAL hli_type *hli_loader_type_ref(hli_loader *L, const char *what);
/* Reads the type table and checks the type graph. */
HLI_INTERNAL void hli_load_types(hli_loader *L);

#endif
