/* Public cached calls (hlffi-api.md "Caching (the fast path)"): a static or instance method resolved
 * once by name (class index, member table, proto), then called with handles and no look-up: argc is
 * checked, the arguments convert straight into the callee's frame (a copy when a handle already holds
 * the declared type), and the only allocation is the result handle. Records are VM-owned (api_cache.h). */
#include <string.h>

#include "api/api_cache.h"
#include "api/api_call.h"
#include "api/api_classes.h"
#include "api/api_internal.h"
#include "rt/rt.h"

void hli_caches_free(hlffi_vm *vm) {
    hli_caches *cs = vm->caches;
    if (cs == NULL)
        return;
    for (int list = 0; list < 2; list++) {
        hlffi_cached_call *c = list == 0 ? cs->live : cs->pool;
        while (c != NULL) {
            hlffi_cached_call *next = c->next;
            hli_mem_free(&vm->mem, c, sizeof *c);
            c = next;
        }
    }
    hli_mem_free(&vm->mem, cs, sizeof *cs);
    vm->caches = NULL;
}

/* A live record (from the pool when one is there), linked into the VM's live list; NULL with
 * OUT_OF_MEMORY set. */
static hlffi_cached_call *record_new(hlffi_vm *vm) {
    hli_caches *cs = vm->caches;
    if (cs == NULL) {
        if ((cs = hli_mem_alloc(&vm->mem, sizeof *cs)) == NULL)
            goto oom;
        memset(cs, 0, sizeof *cs);
        vm->caches = cs;
    }
    hlffi_cached_call *c = cs->pool;
    if (c != NULL)
        cs->pool = c->next;
    else if ((c = hli_mem_alloc(&vm->mem, sizeof *c)) == NULL)
        goto oom;
    memset(c, 0, sizeof *c);
    c->magic = HLI_CACHE_LIVE;
    c->vm = vm;
    c->next = cs->live;
    if (cs->live != NULL)
        cs->live->prev = c;
    cs->live = c;
    return c;
oom:
    HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory for a cached call");
    return NULL;
}

/* Whether a value of kind k crosses as a whole slot, with no conversion (hlffi_slot and a register
 * agree on it: i32, i64, f32 and f64 at offset 0). Small integers and Bool are normalised instead. */
static bool plain_kind(hli_kind k) { return k == HI32 || k == HI64 || k == HF32 || k == HF64; }

/* The typed-call plan of a record calling a function of type ft (`first` arguments not the caller's). */
static void plan(hlffi_cached_call *c, const hli_type *ft, uint32_t first) {
    const hli_type_fun *f = ft->u.fun;
    c->ret_void = f->ret->kind == HVOID;
    c->plain = c->ret_void || plain_kind(f->ret->kind);
    for (uint32_t i = first; i < f->nargs; i++)
        c->plain = c->plain && plain_kind(f->args[i]->kind);
}

/* The class entry of a cache request; NULL with the error set. */
static hli_class_entry *cache_class(hlffi_vm *vm, const char *class_name, const char *method_name) {
    if (hli_api_thread(vm) == NULL)
        return NULL;
    if (class_name == NULL || method_name == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the class or method name is NULL");
        return NULL;
    }
    return hli_api_class(vm, class_name);
}

HLFFI_API hlffi_cached_call *hlffi_cache_static_method(hlffi_vm *vm, const char *class_name, const char *method_name) {
    if (vm == NULL)
        return NULL;
    hli_class_entry *e = cache_class(vm, class_name, method_name);
    if (e == NULL)
        return NULL;
    bool oom = false;
    const hli_static_member *s = e->statics != NULL ? hli_api_static_member(vm, e, method_name, &oom) : NULL;
    if (oom)
        return NULL;
    if (s == NULL || s->fn == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_METHOD_NOT_FOUND, "static method %s.%s not found%s " HLI_DCE_HINT, class_name,
                    method_name, s != NULL ? " (it is a variable)" : "");
        return NULL;
    }
    hlffi_cached_call *c = record_new(vm);
    if (c == NULL)
        return NULL;
    c->fn = s->fn;
    c->pindex = -1;
    c->nargs = s->fn->type->u.fun->nargs;
    plan(c, s->fn->type, 0);
    c->cls_name = e->name;
    c->name = s->name;
    return c;
}

HLFFI_API hlffi_cached_call *hlffi_cache_instance_method(hlffi_vm *vm, const char *class_name,
                                                         const char *method_name) {
    if (vm == NULL)
        return NULL;
    hli_class_entry *e = cache_class(vm, class_name, method_name);
    if (e == NULL)
        return NULL;
    if (e->inst == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND, "%s has no instances (an interface?): cache a method of a class",
                    class_name);
        return NULL;
    }
    const hli_proto *p = hli_api_find_proto(vm, e->inst, method_name);
    if (p == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_METHOD_NOT_FOUND, "method %s.%s not found " HLI_DCE_HINT, class_name, method_name);
        return NULL;
    }
    hlffi_cached_call *c = record_new(vm);
    if (c == NULL)
        return NULL;
    c->method = true;
    c->fn = &vm->prog->fns[p->findex];
    c->pindex = p->pindex;
    c->cls = e->inst;
    c->seen = e->inst;
    c->nargs = c->fn->type->u.fun->nargs - 1;
    plan(c, c->fn->type, 1);
    c->cls_name = e->name;
    c->name = hli_module_string(vm->prog->m, p->name, NULL);
    return c;
}

HLFFI_API void hlffi_cached_call_free(hlffi_cached_call *c) {
    if (c == NULL || c->magic != HLI_CACHE_LIVE)
        return; /* NULL, or freed already: the record stays in its VM's pool, nothing to do */
    hli_caches *cs = c->vm->caches;
    if (c->prev != NULL)
        c->prev->next = c->next;
    else
        cs->live = c->next;
    if (c->next != NULL)
        c->next->prev = c->prev;
    c->magic = HLI_CACHE_FREED;
    c->prev = NULL;
    c->next = cs->pool;
    cs->pool = c;
}

hlffi_vm *hli_cache_check(hlffi_cached_call *c, bool method, hli_thread **th) {
    if (c == NULL)
        return NULL;
    hlffi_vm *vm = c->vm;
    if (c->magic != HLI_CACHE_LIVE) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the cached call was freed");
        return NULL;
    }
    if (c->method != method) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s.%s is cached as %s method: call it with %s", c->cls_name,
                    c->name, c->method ? "an instance" : "a static",
                    c->method ? "hlffi_call_cached_method / hlffi_call_typed_method"
                              : "hlffi_call_cached / hlffi_call_typed");
        return NULL;
    }
    return (*th = hli_api_thread(vm)) != NULL ? vm : NULL;
}

void hli_cache_bad_argc(hlffi_cached_call *c, int argc, bool null_args) {
    if (null_args && argc > 0)
        HLI_VM_FAIL(c->vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s.%s: argc is %d and the arguments NULL", c->cls_name,
                    c->name, argc);
    else
        HLI_VM_FAIL(c->vm, HLFFI_ERROR_TYPE_MISMATCH, "%s.%s takes %u argument%s, %d given", c->cls_name, c->name,
                    c->nargs, c->nargs == 1 ? "" : "s", argc);
}

vdynamic *hli_cache_object_slow(hlffi_cached_call *c, const hli_handle *instance) {
    hlffi_vm *vm = c->vm;
    if (instance == NULL || instance->t == NULL || instance->vm != vm) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s.%s: %s%s", c->cls_name, c->name,
                    instance == NULL ? "NULL instance handle" : "the instance is ",
                    instance == NULL ? "" : hli_api_handle_fault(instance));
        return NULL;
    }
    hli_kind k = instance->t->kind;
    vdynamic *o = k == HOBJ || k == HDYN || k == HVIRTUAL ? instance->v.p : NULL;
    if (o != NULL && o->t->kind == HVIRTUAL)
        o = ((vvirtual *)o)->value;
    if (o != NULL && o->t->kind == HOBJ)
        return o;
    if (o == NULL && hli_kind_is_ptr(k) && instance->v.p == NULL)
        HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "%s.%s: the instance is null", c->cls_name, c->name);
    else
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "%s.%s: the instance is not an object of a class", c->cls_name,
                    c->name);
    return NULL;
}

hli_fn *hli_cache_method_fn_slow(hlffi_cached_call *c, vdynamic *o) {
    hli_type *t = o->t;
    if (t != c->seen) {
        hli_type *s = t;
        while (s != NULL && s != c->cls)
            s = s->u.obj->super;
        if (s == NULL) {
            char a[128];
            HLI_VM_FAIL(c->vm, HLFFI_ERROR_TYPE_MISMATCH, "%s.%s: the instance is a %s, not a %s", c->cls_name, c->name,
                        hli_rt_type_str(c->vm, t, a, sizeof a), c->cls_name);
            return NULL;
        }
        c->seen = t;
    }
    if (c->pindex >= 0 && t->vobj_proto != NULL && t->vobj_proto[c->pindex] != NULL)
        return (hli_fn *)t->vobj_proto[c->pindex];
    return c->fn;
}

/* Why a call cannot start (see HLI_CACHE_OK): the error recorded on the cache's VM. */
static void refuse(hlffi_cached_call *c, bool method, int argc, hlffi_value **args) {
    hli_thread *th;
    if (c != NULL && hli_cache_check(c, method, &th) != NULL)
        hli_cache_bad_argc(c, argc, args == NULL);
}

HLFFI_API hlffi_value *hlffi_call_cached(hlffi_cached_call *c, int argc, hlffi_value **args) {
    hli_thread *th;
    if (HLI_UNLIKELY(!HLI_CACHE_OK(c, false, argc, args, th))) {
        refuse(c, false, argc, args);
        return NULL;
    }
    hlffi_vm *vm = c->vm;
    return hli_api_invoke(vm, th, c->fn, false, NULL, c->nargs, args, c->name);
}

HLFFI_API hlffi_value *hlffi_call_cached_method(hlffi_cached_call *c, hlffi_value *instance, int argc,
                                                hlffi_value **args) {
    hli_thread *th;
    if (HLI_UNLIKELY(!HLI_CACHE_OK(c, true, argc, args, th))) {
        refuse(c, true, argc, args);
        return NULL;
    }
    vdynamic *o = hli_cache_object(c, instance);
    hli_fn *fn = o != NULL ? hli_cache_method_fn(c, o) : NULL;
    if (fn == NULL)
        return NULL;
    return hli_api_invoke(c->vm, th, fn, true, o, c->nargs, args, c->name);
}

static hlffi_type_kind public_kind(const hli_type *t) {
    return t->kind == HGUID ? HLFFI_TYPE_I64 : (hlffi_type_kind)t->kind;
}

HLFFI_API int hlffi_cached_call_get_argc(hlffi_cached_call *c) {
    return c != NULL && c->magic == HLI_CACHE_LIVE ? (int)c->nargs : -1;
}

HLFFI_API hlffi_type_kind hlffi_cached_call_get_kind(hlffi_cached_call *c, int index) {
    if (c == NULL || c->magic != HLI_CACHE_LIVE || index < -1 || index >= (int)c->nargs)
        return HLFFI_TYPE_VOID;
    const hli_type_fun *ft = c->fn->type->u.fun;
    return public_kind(index < 0 ? ft->ret : ft->args[index + (c->method ? 1 : 0)]);
}
