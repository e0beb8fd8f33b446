/* Link-time context shared by the link driver (rt_link.c) and the class layout code (rt_layout.c). */
#ifndef HLI_RT_RT_LAYOUT_H
#define HLI_RT_RT_LAYOUT_H

#include "rt/rt_internal.h"

typedef struct hli_rt_link_ctx {
    hlffi_vm *vm;
    hli_program *p;
    const hli_module *m;
    hli_rt_state *st;
    hli_error *err;
    uint32_t nfns; /* entries of p->fns */
    bool oom;      /* an arena allocation failed (reported once at the end) */
} hli_rt_link_ctx;

/* Lays out class t (HOBJ/HSTRUCT) and its parents once; its hli_obj_rt was created (with the name
 * hashes) by the hashing pass. */
HLI_INTERNAL hlffi_error_code hli_rt_link_obj(hli_rt_link_ctx *L, hli_type *t);

#endif
