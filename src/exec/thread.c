/* Threads of execution: creation, the frame and register stacks, allocation with the out-of-memory
 * exception, and the collector's root callback (globals, frames by their pointer maps, exception
 * state, temporary roots). */
#include <string.h>

#include "exec/code.h"
#include "exec/exec.h"
#include "rt/rt.h"

/* A segment of the register stack. Segments are chained and never move or shrink while in use. */
typedef struct hli_reg_segment {
    struct hli_reg_segment *prev, *next;
    size_t slots;
    hli_reg data[];
} hli_reg_segment;

#define SEGMENT_SLOTS ((size_t)1 << 17) /* 1 MiB of registers per segment */
#define DEFAULT_MAX_FRAMES 250000u      /* deeper recursion throws "Stack overflow" */
#define DEFAULT_MAX_REG_BYTES ((size_t)256 << 20)

static hli_reg_segment *segment_new(hlffi_vm *vm, size_t slots) {
    hli_reg_segment *s = hli_mem_alloc(&vm->mem, sizeof *s + slots * sizeof(hli_reg));
    if (s != NULL)
        s->slots = slots;
    return s;
}

hli_thread *hli_thread_new(hlffi_vm *vm) {
    hli_thread *th = hli_mem_alloc(&vm->mem, sizeof *th);
    if (th == NULL)
        return NULL;
    th->vm = vm;
    th->max_frames = DEFAULT_MAX_FRAMES;
    th->max_reg_bytes = DEFAULT_MAX_REG_BYTES;
    th->seg = segment_new(vm, SEGMENT_SLOTS);
    th->frames_cap = 256;
    th->frames = hli_mem_array(&vm->mem, th->frames_cap, sizeof(hli_frame));
    th->max_traps = 64;
    th->traps = hli_mem_array(&vm->mem, th->max_traps, sizeof(hli_trap));
    if (th->seg == NULL || th->frames == NULL || th->traps == NULL) {
        hli_thread_free(th);
        return NULL;
    }
    th->reg_top = th->seg->data;
    th->reg_limit = th->seg->data + th->seg->slots;
    th->reg_bytes = th->seg->slots * sizeof(hli_reg);
    return th;
}

void hli_thread_free(hli_thread *th) {
    if (th == NULL)
        return;
    hlffi_vm *vm = th->vm;
    hli_reg_segment *s = th->seg;
    while (s != NULL && s->next != NULL)
        s = s->next;
    while (s != NULL) {
        hli_reg_segment *prev = s->prev;
        hli_mem_free(&vm->mem, s, sizeof *s + s->slots * sizeof(hli_reg));
        s = prev;
    }
    hli_mem_free(&vm->mem, th->frames, th->frames_cap * sizeof(hli_frame));
    hli_mem_free(&vm->mem, th->traps, th->max_traps * sizeof(hli_trap));
    hli_mem_free(&vm->mem, th, sizeof *th);
}

hli_reg *hli_stack_reserve(hli_thread *th, uint32_t nregs) {
    hli_reg_segment *s = th->seg;
    if ((size_t)(s->data + s->slots - th->reg_top) >= nregs)
        return th->reg_top;
    /* Move to the next segment (reusing a cached one when it is big enough). */
    hli_reg_segment *n = s->next;
    if (n != NULL && n->slots < nregs) {
        s->next = NULL;
        th->reg_bytes -= n->slots * sizeof(hli_reg);
        while (n != NULL) {
            hli_reg_segment *nn = n->next;
            hli_mem_free(&th->vm->mem, n, sizeof *n + n->slots * sizeof(hli_reg));
            n = nn;
        }
    }
    if (n == NULL) {
        size_t slots = nregs > SEGMENT_SLOTS ? nregs : SEGMENT_SLOTS;
        if (th->reg_bytes + slots * sizeof(hli_reg) > th->max_reg_bytes)
            return NULL;
        n = segment_new(th->vm, slots);
        if (n == NULL)
            return NULL;
        n->prev = s;
        s->next = n;
        th->reg_bytes += slots * sizeof(hli_reg);
    }
    th->seg = n;
    th->reg_top = n->data;
    th->reg_limit = n->data + n->slots;
    return th->reg_top;
}

void hli_stack_release(hli_thread *th, hli_reg *regs) {
    /* Walk back to the segment holding regs (frames pop in order, so it is this one or an earlier). */
    while (!(regs >= th->seg->data && regs <= th->seg->data + th->seg->slots))
        th->seg = th->seg->prev;
    th->reg_top = regs;
    th->reg_limit = th->seg->data + th->seg->slots;
}

bool hli_frames_grow(hli_thread *th) {
    if (th->frames_cap >= th->max_frames)
        return false;
    uint32_t ncap = th->frames_cap * 2 < th->max_frames ? th->frames_cap * 2 : th->max_frames;
    hli_frame *nf = hli_mem_array(&th->vm->mem, ncap, sizeof(hli_frame));
    if (nf == NULL)
        return false;
    memcpy(nf, th->frames, th->nframes * sizeof(hli_frame));
    hli_mem_free(&th->vm->mem, th->frames, th->frames_cap * sizeof(hli_frame));
    th->frames = nf;
    th->frames_cap = ncap;
    return true;
}

void *hli_alloc(hli_thread *th, size_t size, hli_gc_kind kind) {
    void *p = hli_gc_alloc(th->vm->gc, size, kind);
    if (p == NULL && size > 0)
        hli_throw_oom(th, size);
    return p;
}

/* The collector's roots: globals of pointer kinds, every frame's pointer registers, the exception
 * state and the temporary roots of each thread. */
void hli_exec_roots(hli_gc *gc, void *ctx) {
    hlffi_vm *vm = ctx;
    hli_program *p = vm->prog;
    if (p != NULL) {
        const hli_module *m = p->m;
        for (uint32_t g = 0; g < m->nglobals; g++)
            if (hli_kind_is_ptr(m->globals[g]->kind))
                hli_gc_mark(gc, ((hli_reg *)(p->globals + p->globals_offset[g]))->p);
    }
    hli_gc_mark(gc, vm->thread_handle);
    hli_gc_mark(gc, vm->oom_error);
    if (vm->api_roots != NULL)
        vm->api_roots(gc, vm);
    hli_thread *th = vm->main_thread;
    if (th == NULL)
        return;
    for (uint32_t i = 0; i < th->nframes; i++) {
        const hli_frame *fr = &th->frames[i];
        const hli_code *code = fr->fn->code;
        for (uint32_t w = 0; w < (code->nregs + 63) / 64; w++)
            for (uint64_t bits = code->ptr_map[w]; bits != 0; bits &= bits - 1)
                hli_gc_mark(gc, fr->regs[w * 64 + (uint32_t)__builtin_ctzll(bits)].p);
    }
    hli_gc_mark(gc, th->exc_value);
    hli_gc_mark(gc, th->error_handler);
    for (uint32_t i = 0; i < th->nroots; i++)
        hli_gc_mark(gc, *th->roots[i]);
    for (uint32_t i = 0; i < th->nranges; i++)
        hli_gc_mark_range(gc, th->ranges[i].base, th->ranges[i].size);
}
