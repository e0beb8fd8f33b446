/* Public abstract functions (hlffi-api.md "Abstracts": HashLink's hl.Abstract<"name"> kind) and host
 * objects ("Beyond hlffi v3": a host pointer wrapped as a Haxe abstract value with a finalizer).
 *
 * A host value is a GC block of kind FINALIZER (as the natives' file and regexp handles): the GC keeps
 * it alive while Haxe code or a handle refers to it, and calls its first word when it dies or when the
 * VM is destroyed; that runs the host's finalizer, once. Its type is the module's hl.Abstract<"name">
 * when the module has one (so Haxe functions taking that type accept it), else the runtime's nameless
 * abstract (Haxe code can still hold it as Dynamic); the name is kept in the block either way. */
#include <string.h>

#include "api/api_internal.h"
#include "api/api_types.h"
#include "rt/rt.h"

#define HOST_MAGIC 0x54534f48u /* "HOST" */

typedef struct host_block {
    hli_gc_finalizer fin;                        /* first word: host_finalize (also marks a host block) */
    uint32_t magic;                              /* HOST_MAGIC */
    hlffi_vm *vm;                                /* its VM: a block of another VM is not ours to read */
    void *ptr;                                   /* the host's pointer */
    void (*finalizer)(void *ptr, void *userdata); /* the host's finalizer; NULL once it has run */
    void *userdata;
    char name[];                                 /* the abstract's name, NUL-terminated */
} host_block;

/* Runs the host's finalizer once, during a collection or at hlffi_destroy. */
static void host_finalize(void *block) {
    host_block *b = block;
    void (*fn)(void *, void *) = b->finalizer;
    b->finalizer = NULL;
    if (fn != NULL)
        fn(b->ptr, b->userdata);
}

/* The host block abstract value p is, or NULL when it is another kind of abstract (natives' handles,
 * raw pointers): only a live GC block of this VM that starts with host_finalize and the magic is one. */
static host_block *host_of(hlffi_vm *vm, void *p) {
    size_t size = 0;
    if (p == NULL || vm->gc == NULL || hli_gc_block_of(vm->gc, p, &size) != p || size < sizeof(host_block))
        return NULL;
    host_block *b = p;
    return b->fin == host_finalize && b->magic == HOST_MAGIC && b->vm == vm ? b : NULL;
}

/* The abstract a handle holds (declared as the abstract, or boxed in a Dynamic): its type and pointer.
 * False when it holds something else or null (no error set). */
static bool abstract_of(const hli_handle *h, hli_type **t, void **p) {
    if (h->t->kind == HABSTRACT) {
        *t = h->t;
        *p = h->v.p;
    } else if ((h->t->kind == HDYN || h->t->kind == HNULL) && h->v.p != NULL &&
               ((vdynamic *)h->v.p)->t->kind == HABSTRACT) {
        *t = ((vdynamic *)h->v.p)->t;
        *p = ((vdynamic *)h->v.p)->v.ptr;
    } else {
        return false;
    }
    return *p != NULL;
}

/* The name of abstract value p of type t: a host value's own name when its type is the nameless one. */
static const char *abstract_value_name(hlffi_vm *vm, hli_type *t, void *p) {
    host_block *b = t->u.abs_name == UINT32_MAX ? host_of(vm, p) : NULL;
    return b != NULL ? b->name : hli_api_abstract_name(vm, t);
}

HLFFI_API bool hlffi_is_abstract(hlffi_type *type) {
    struct hlffi_type *w = hli_api_type_check(type);
    return w != NULL && w->t->kind == HABSTRACT;
}

HLFFI_API char *hlffi_abstract_get_name(hlffi_type *type) {
    struct hlffi_type *w = hli_api_type_check(type);
    if (w == NULL)
        return NULL;
    if (w->t->kind != HABSTRACT) {
        HLI_VM_FAIL(w->vm, HLFFI_ERROR_INVALID_TYPE, "hlffi_abstract_get_name: not an abstract type");
        return NULL;
    }
    return hli_api_strdup(w->vm, hli_api_abstract_name(w->vm, w->t));
}

HLFFI_API bool hlffi_value_is_abstract(hlffi_value *value_ref) {
    const hli_handle *value = hli_handle_of(value_ref);
    hli_type *t;
    void *p;
    return value != NULL && value->t != NULL && abstract_of(value, &t, &p);
}

HLFFI_API char *hlffi_value_get_abstract_name(hlffi_value *value_ref) {
    const hli_handle *value = hli_handle_of(value_ref);
    hlffi_vm *vm = hli_api_handle_vm(value);
    if (vm == NULL || !hli_api_check_handle(vm, value, "hlffi_value_get_abstract_name"))
        return NULL;
    hli_type *t;
    void *p;
    if (!abstract_of(value, &t, &p)) {
        HLI_VM_FAIL(value->vm, HLFFI_ERROR_INVALID_TYPE, "hlffi_value_get_abstract_name: not an abstract value");
        return NULL;
    }
    return hli_api_strdup(value->vm, abstract_value_name(value->vm, t, p));
}

HLFFI_API hlffi_value *hlffi_value_host(hlffi_vm *vm, const char *abstract_name, void *ptr,
                                        void (*finalizer)(void *ptr, void *userdata), void *userdata) {
    if (vm == NULL)
        return NULL;
    hli_thread *th = hli_api_thread(vm);
    hli_api_types *ts = th != NULL ? hli_api_types_indexed(vm) : NULL;
    if (ts == NULL)
        return NULL;
    if (abstract_name == NULL || abstract_name[0] == 0 || ptr == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "hlffi_value_host: %s is %s", ptr == NULL ? "ptr" : "the name",
                    ptr == NULL ? "NULL (use hlffi_value_null for a null value)" : "NULL or empty");
        return NULL;
    }
    hli_type *t = hli_api_names_get(&ts->abstracts, abstract_name);
    if (t == NULL)
        t = HLI_T(abstract);
    size_t n = strlen(abstract_name) + 1;
    host_block *b = hli_alloc(th, sizeof(host_block) + n, HLI_GC_FINALIZER);
    if (b == NULL) {
        th->exc_value = NULL;
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory making a host value");
        return NULL;
    }
    b->magic = HOST_MAGIC;
    b->vm = vm;
    b->ptr = ptr;
    b->finalizer = finalizer;
    b->userdata = userdata;
    memcpy(b->name, abstract_name, n);
    b->fin = host_finalize; /* last: the block is a host value from here on */
    hli_reg r = {.p = b};
    hlffi_value *h = hli_handle_new(vm, t, &r);
    if (h == NULL)
        b->finalizer = NULL; /* the caller keeps the pointer: nothing to finalize */
    return h;
}

HLFFI_API void *hlffi_value_as_host(hlffi_value *v_ref, const char *abstract_name) {
    const hli_handle *v = hli_handle_of(v_ref);
    hlffi_vm *vm = hli_api_handle_vm(v);
    if (vm == NULL || !hli_api_check_handle(vm, v, "hlffi_value_as_host"))
        return NULL;
    hli_type *t;
    void *p;
    host_block *b = abstract_of(v, &t, &p) ? host_of(v->vm, p) : NULL;
    if (b == NULL) {
        HLI_VM_FAIL(v->vm, hlffi_value_is_null(v_ref) ? HLFFI_ERROR_NULL_VALUE : HLFFI_ERROR_INVALID_TYPE,
                    "hlffi_value_as_host: not a host value");
        return NULL;
    }
    if (abstract_name != NULL && strcmp(abstract_name, b->name) != 0) {
        HLI_VM_FAIL(v->vm, HLFFI_ERROR_INVALID_TYPE, "hlffi_value_as_host: a host value of %s, not %s", b->name,
                    abstract_name);
        return NULL;
    }
    return b->ptr;
}
