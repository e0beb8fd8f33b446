/* Public instance-member functions (hlffi-api.md "Instance members"): constructing a class through the
 * `__constructor__` binding of its statics type, and fields and methods of class instances (resolved
 * by name through the class chain, methods dispatched through the virtual table so that overrides are
 * called, hl-spec.md 6.4), anonymous structures and dynamic objects (by field hash, hli_dyn_get/set).
 * Properties with accessors behave as Reflect.getProperty/setProperty: a class's get_<name>/set_<name>
 * is called when it has one (Haxe 4 compiles a `(get, set)` property to the accessors alone, with no
 * field). Instance-of checks count superclasses and interfaces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_call.h"
#include "api/api_classes.h"
#include "api/api_internal.h"
#include "rt/rt.h"

/* The object a handle holds: *o the value (its type word first) and the type its members resolve in
 * (the runtime class for instances, so that subclasses' members are found; the object underneath a
 * virtual, such as a value typed by an interface). NULL with the error set for a NULL/freed/stale handle
 * (INVALID_ARGUMENT when the VM is known), a null value (NULL_VALUE) or a value that has no members
 * (INVALID_TYPE). */
static hli_thread *object_of(const hli_handle *obj, const char *member, vdynamic **o, hli_type **t) {
    hlffi_vm *vm = hli_api_handle_vm(obj);
    hli_thread *th = vm != NULL ? hli_api_thread(vm) : NULL; /* a NULL handle names no VM */
    if (th == NULL || !hli_api_check_handle(vm, obj, member != NULL ? member : "the object"))
        return NULL;
    if (member == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the member name is NULL");
        return NULL;
    }
    hli_kind k = obj->t->kind;
    if (k != HOBJ && k != HSTRUCT && k != HVIRTUAL && k != HDYNOBJ && k != HDYN) {
        char a[128];
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "%s: a value of type %s has no members", member,
                    hli_rt_type_str(vm, obj->t, a, sizeof a));
        return NULL;
    }
    *o = obj->v.p;
    if (*o == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "%s: the object is null", member);
        return NULL;
    }
    *t = k == HSTRUCT ? obj->t : (*o)->t; /* structs carry no type word */
    if ((*t)->kind == HVIRTUAL && ((vvirtual *)*o)->value != NULL && ((vvirtual *)*o)->value->t->kind == HOBJ) {
        *o = ((vvirtual *)*o)->value; /* stays reachable: the virtual (rooted by obj) points to it */
        *t = (*o)->t;
    }
    k = (*t)->kind;
    if (k != HOBJ && k != HSTRUCT && k != HVIRTUAL && k != HDYNOBJ) {
        char a[128];
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "%s: a value of type %s has no members", member,
                    hli_rt_type_str(vm, *t, a, sizeof a));
        return NULL;
    }
    return th;
}

bool hli_api_find_field(hlffi_vm *vm, hli_type *cls, const char *name, uint32_t *fid, hli_type **ft) {
    const hli_module *m = vm->prog->m;
    for (hli_type *t = cls; t != NULL; t = t->u.obj->super) {
        const hli_type_obj *o = t->u.obj;
        uint32_t base = o->super != NULL ? o->super->u.obj->total_fields : 0;
        for (uint32_t i = 0; i < o->nfields; i++)
            if (strcmp(hli_module_string(m, o->fields[i].name, NULL), name) == 0) {
                *fid = base + i;
                *ft = o->fields[i].type;
                return true;
            }
    }
    return false;
}

const hli_proto *hli_api_find_proto(hlffi_vm *vm, hli_type *cls, const char *name) {
    const hli_module *m = vm->prog->m;
    for (hli_type *t = cls; t != NULL; t = t->u.obj->super) {
        const hli_type_obj *ob = t->u.obj;
        for (uint32_t i = 0; i < ob->nproto; i++)
            if (strcmp(hli_module_string(m, ob->proto[i].name, NULL), name) == 0)
                return &ob->proto[i];
    }
    return NULL;
}

/* Virtual methods through the object's virtual table (structs have none: their methods are final). */
hli_fn *hli_api_find_method(hlffi_vm *vm, hli_type *cls, const vdynamic *o, const char *name) {
    const hli_proto *p = hli_api_find_proto(vm, cls, name);
    if (p == NULL)
        return NULL;
    if (p->pindex >= 0 && cls->kind == HOBJ && o->t->vobj_proto != NULL && o->t->vobj_proto[p->pindex] != NULL)
        return (hli_fn *)o->t->vobj_proto[p->pindex];
    return &vm->prog->fns[p->findex];
}

/* The accessor <prefix><name> of a property of a class instance, taking nargs arguments after the
 * object; NULL when the class has none. */
static hli_fn *accessor(hlffi_vm *vm, hli_type *t, vdynamic *o, const char *prefix, const char *name,
                        uint32_t nargs) {
    char buf[256];
    if (t->kind != HOBJ || (size_t)snprintf(buf, sizeof buf, "%s%s", prefix, name) >= sizeof buf)
        return NULL;
    hli_fn *fn = hli_api_find_method(vm, t, o, buf);
    return fn != NULL && fn->type->u.fun->nargs == nargs + 1 ? fn : NULL;
}

HLFFI_API hlffi_value *hlffi_new(hlffi_vm *vm, const char *class_name, int argc, hlffi_value **argv) {
    if (vm == NULL)
        return NULL;
    hli_thread *th = hli_api_thread(vm);
    if (th == NULL)
        return NULL;
    if (class_name == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the class name is NULL");
        return NULL;
    }
    hli_class_entry *e = hli_api_class(vm, class_name);
    if (e == NULL)
        return NULL;
    bool oom;
    const hli_static_member *s = hli_api_static_member(vm, e, "__constructor__", &oom);
    if (oom)
        return NULL;
    hli_fn *fn = s != NULL ? s->fn : NULL;
    if (fn == NULL || fn->type->u.fun->nargs == 0 || fn->type->u.fun->args[0]->kind != HOBJ) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_METHOD_NOT_FOUND, "class %s has no constructor " HLI_DCE_HINT, class_name);
        return NULL;
    }
    const hli_type_fun *ftype = fn->type->u.fun;
    uint32_t nargs = ftype->nargs;
    if (argc < 0 || (argc > 0 && argv == NULL)) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "new %s: argc is %d and argv %s", class_name, argc,
                    argv == NULL ? "NULL" : "set");
        return NULL;
    }
    if ((uint32_t)argc != nargs - 1) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "new %s takes %u argument%s, %d given", class_name, nargs - 1,
                    nargs == 2 ? "" : "s", argc);
        return NULL;
    }
    th->exc_value = NULL;
    vobj *o = hli_alloc_obj(th, ftype->args[0]);
    if (o == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
        return NULL;
    }
    hli_root_push(th, &o); /* the constructor's frame holds it once pushed; the result handle after */
    hlffi_value *r = hli_api_invoke(vm, th, fn, true, o, nargs - 1, argv, class_name);
    hlffi_value *result = NULL;
    if (r != NULL) {
        hli_handle_free(r);
        hli_reg v = {.p = o};
        result = hli_handle_new(vm, ftype->args[0], &v);
    }
    hli_root_pop(th, 1);
    return result;
}

HLFFI_API hlffi_value *hlffi_get_field(hlffi_value *obj_ref, const char *field_name) {
    hli_handle *obj = hli_handle_of(obj_ref);
    vdynamic *o;
    hli_type *t;
    hli_thread *th = object_of(obj, field_name, &o, &t);
    if (th == NULL)
        return NULL;
    hlffi_vm *vm = obj->vm;
    if (t->kind == HOBJ || t->kind == HSTRUCT) {
        hli_fn *get = accessor(vm, t, o, "get_", field_name, 0);
        if (get != NULL)
            return hli_api_invoke(vm, th, get, true, o, 0, NULL, field_name);
        uint32_t fid;
        hli_type *ft;
        if (hli_api_find_field(vm, t, field_name, &fid, &ft)) {
            hli_reg r;
            memset(&r, 0, sizeof r);
            memcpy(&r, (uint8_t *)o + t->u.obj->rt->fields_indexes[fid], hli_type_size(ft));
            return hli_handle_new(vm, ft, &r);
        }
        if (hli_api_find_method(vm, t, o, field_name) == NULL) {
            HLI_VM_FAIL(vm, HLFFI_ERROR_FIELD_NOT_FOUND, "field %s not found " HLI_DCE_HINT, field_name);
            return NULL;
        }
        if (t->kind == HSTRUCT) {
            HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "%s: methods of structs cannot be read as values", field_name);
            return NULL;
        }
        /* a method: read as Haxe does, a closure bound to the object */
    }
    int32_t hash = hli_hash_utf8(vm, field_name);
    if (t->kind != HOBJ && !hli_obj_has_field(o, hash)) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_FIELD_NOT_FOUND, "field %s not found", field_name);
        return NULL;
    }
    hli_reg r;
    memset(&r, 0, sizeof r);
    th->exc_value = NULL;
    hli_root_push(th, &o);
    hli_status st = hli_dyn_get(th, o, hash, HLI_T(dyn), &r);
    hli_root_pop(th, 1);
    if (st != HLI_OK) {
        hli_api_call_failed(vm, st);
        return NULL;
    }
    return hli_handle_new(vm, HLI_T(dyn), &r);
}

HLFFI_API bool hlffi_set_field(hlffi_value *obj_ref, const char *field_name, hlffi_value *value_ref) {
    hli_handle *obj = hli_handle_of(obj_ref);
    hli_handle *value = hli_handle_of(value_ref);
    vdynamic *o;
    hli_type *t;
    hli_thread *th = object_of(obj, field_name, &o, &t);
    if (th == NULL)
        return false;
    hlffi_vm *vm = obj->vm;
    if (t->kind == HOBJ || t->kind == HSTRUCT) {
        hli_fn *set = accessor(vm, t, o, "set_", field_name, 1);
        if (set != NULL) {
            hlffi_value *r = hli_api_invoke(vm, th, set, true, o, 1, &value_ref, field_name);
            hli_handle_free(r);
            return r != NULL;
        }
        uint32_t fid;
        hli_type *ft;
        if (!hli_api_find_field(vm, t, field_name, &fid, &ft)) {
            HLI_VM_FAIL(vm, hli_api_find_method(vm, t, o, field_name) != NULL ? HLFFI_ERROR_TYPE_MISMATCH
                                                                       : HLFFI_ERROR_FIELD_NOT_FOUND,
                        "%s: no such variable " HLI_DCE_HINT, field_name);
            return false;
        }
        hli_reg r;
        if (!hli_api_arg(vm, th, value_ref, ft, &r, field_name, 0))
            return false;
        /* the object is rooted by its handle and never moves */
        memcpy((uint8_t *)o + t->u.obj->rt->fields_indexes[fid], &r, hli_type_size(ft));
        return true;
    }
    if (!hli_api_check_handle(vm, value, field_name))
        return false;
    int32_t hash = hli_hash_utf8(vm, field_name);
    th->exc_value = NULL;
    hli_status st = hli_dyn_set(th, o, hash, value->t, &value->v);
    if (st != HLI_OK) {
        hli_api_call_failed(vm, st);
        return false;
    }
    return true;
}

HLFFI_API hlffi_value *hlffi_call_method(hlffi_value *obj_ref, const char *method_name, int argc, hlffi_value **argv) {
    hli_handle *obj = hli_handle_of(obj_ref);
    vdynamic *o;
    hli_type *t;
    hli_thread *th = object_of(obj, method_name, &o, &t);
    if (th == NULL)
        return NULL;
    hlffi_vm *vm = obj->vm;
    if (argc < 0 || (argc > 0 && argv == NULL)) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s: argc is %d and argv %s", method_name, argc,
                    argv == NULL ? "NULL" : "set");
        return NULL;
    }
    /* A method of the class (the object is argument 0), else a field holding a function (closure). */
    hli_fn *fn = t->kind == HOBJ || t->kind == HSTRUCT ? hli_api_find_method(vm, t, o, method_name) : NULL;
    if (fn != NULL) {
        uint32_t nargs = fn->type->u.fun->nargs;
        if ((uint32_t)argc + 1 != nargs) {
            HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "%s takes %u argument%s, %d given", method_name, nargs - 1,
                        nargs == 2 ? "" : "s", argc);
            return NULL;
        }
        return hli_api_invoke(vm, th, fn, true, o, nargs - 1, argv, method_name);
    }
    hlffi_value *f = hlffi_get_field(obj_ref, method_name);
    if (f == NULL) {
        if (vm->error.code == HLFFI_ERROR_FIELD_NOT_FOUND)
            HLI_VM_FAIL(vm, HLFFI_ERROR_METHOD_NOT_FOUND, "method %s not found " HLI_DCE_HINT, method_name);
        return NULL;
    }
    /* Only values of the dynamic kinds start with a type word: an Int, hl.Bytes or struct field is no
     * function (and its value no pointer to read). */
    const hli_handle *fh = hli_handle_of(f);
    vclosure *c = hli_kind_is_dynamic(fh->t->kind) ? fh->v.p : NULL;
    hli_type *ct = c != NULL ? c->t : NULL;
    if (ct == NULL || ct->kind != HFUN) {
        hli_handle_free(f);
        HLI_VM_FAIL(vm, HLFFI_ERROR_METHOD_NOT_FOUND, "%s is not a method", method_name);
        return NULL;
    }
    const hli_type_fun *ftype = ct->u.fun;
    uint32_t nargs = ftype->nargs;
    if ((uint32_t)argc != nargs) {
        hli_handle_free(f);
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "%s takes %u argument%s, %d given", method_name, nargs,
                    nargs == 1 ? "" : "s", argc);
        return NULL;
    }
    hli_reg stack_args[16], *args = stack_args;
    if (nargs > 16 && (args = hli_mem_array(&vm->mem, nargs, sizeof *args)) == NULL) {
        hli_handle_free(f);
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory for the arguments");
        return NULL;
    }
    memset(args, 0, (nargs > 0 ? nargs : 1) * sizeof *args);
    hlffi_value *result = NULL;
    hli_root_range_push(th, args, nargs * sizeof *args); /* conversions may allocate (boxing) */
    bool ok = true;
    for (uint32_t i = 0; i < nargs && ok; i++)
        ok = hli_api_arg(vm, th, argv[i], ftype->args[i], &args[i], method_name, i);
    if (ok) {
        hli_reg ret;
        memset(&ret, 0, sizeof ret);
        th->exc_value = NULL;
        hli_status st = hli_call_closure(th, c, args, nargs, &ret); /* c stays rooted by the handle f */
        if (st != HLI_OK)
            hli_api_call_failed(vm, st);
        else
            result = hli_api_result(vm, ftype->ret, &ret);
    }
    hli_root_range_pop(th);
    hli_handle_free(f);
    if (args != stack_args)
        hli_mem_free(&vm->mem, args, nargs * sizeof *args);
    return result;
}

/* Whether an object type is (a subclass of) one of the classes in an interface's __implementedBy__
 * list: how Haxe's own Std.isOfType checks an interface (hl/BaseType.hx). The static initialisation
 * fills the list, with the classes implementing the interface directly or through a super-interface. */
static bool implements(hlffi_vm *vm, hli_class_entry *e, hli_type *ot) {
    vobj *cls = hli_api_class_object(vm, e);
    bool oom;
    const hli_static_member *s = cls != NULL ? hli_api_static_member(vm, e, "__implementedBy__", &oom) : NULL;
    if (s == NULL || s->type->kind != HARRAY)
        return false;
    varray *a;
    memcpy(&a, (uint8_t *)cls + e->statics->u.obj->rt->fields_indexes[s->fid], sizeof a);
    if (a == NULL || a->at == NULL || a->at->kind != HTYPE)
        return false;
    hli_type **impl = hli_aptr(a, hli_type *);
    for (int32_t i = 0; i < a->size; i++)
        for (hli_type *t = ot; t != NULL; t = t->u.obj->super)
            if (t == impl[i])
                return true;
    return false;
}

HLFFI_API bool hlffi_is_instance_of(hlffi_value *obj_ref, const char *class_name) {
    hli_handle *obj = hli_handle_of(obj_ref);
    if (obj == NULL || obj->t == NULL || class_name == NULL || obj->vm->prog == NULL)
        return false;
    hli_kind k = obj->t->kind;
    if ((k != HOBJ && k != HDYN && k != HVIRTUAL) || obj->v.p == NULL)
        return false;
    vdynamic *o = obj->v.p;
    if (o->t->kind == HVIRTUAL) /* a structural view of an object: the object underneath */
        o = ((vvirtual *)o)->value;
    if (o == NULL || o->t->kind != HOBJ)
        return false;
    hlffi_vm *vm = obj->vm;
    const hli_module *m = vm->prog->m;
    for (hli_type *t = o->t; t != NULL; t = t->u.obj->super)
        if (strcmp(hli_module_string(m, t->u.obj->name, NULL), class_name) == 0)
            return true;
    hli_class_entry *e = hli_api_class(vm, class_name);
    return e != NULL && e->statics != NULL && implements(vm, e, o->t);
}


/* The typed helpers, over the functions above (the same in both builds). */

HLFFI_API int hlffi_get_field_int(hlffi_value *obj, const char *field_name, int fallback) {
    hlffi_value *v = hlffi_get_field(obj, field_name);
    int r = hlffi_value_as_int(v, fallback);
    hlffi_value_free(v);
    return r;
}

HLFFI_API float hlffi_get_field_float(hlffi_value *obj, const char *field_name, float fallback) {
    hlffi_value *v = hlffi_get_field(obj, field_name);
    float r = v != NULL && !hlffi_value_is_null(v) ? (float)hlffi_value_as_float(v, fallback) : fallback;
    hlffi_value_free(v);
    return r;
}

HLFFI_API bool hlffi_get_field_bool(hlffi_value *obj, const char *field_name, bool fallback) {
    hlffi_value *v = hlffi_get_field(obj, field_name);
    bool r = hlffi_value_as_bool(v, fallback);
    hlffi_value_free(v);
    return r;
}

HLFFI_API char *hlffi_get_field_string(hlffi_value *obj, const char *field_name) {
    hlffi_value *v = hlffi_get_field(obj, field_name);
    char *r = hlffi_value_is_null(v) ? NULL : hlffi_value_as_string(v);
    hlffi_value_free(v);
    return r;
}

/* Stores a freshly made value handle (NULL: making it failed, error set) and frees it. */
static bool set_made(hlffi_vm *vm, hlffi_value *obj, const char *field_name, hlffi_value *v) {
    if (v == NULL)
        return false;
    bool ok = hli_api_check_handle(vm, hli_handle_of(obj), field_name != NULL ? field_name : "the object") &&
              hlffi_set_field(obj, field_name, v);
    hlffi_value_free(v);
    return ok;
}

HLFFI_API bool hlffi_set_field_int(hlffi_vm *vm, hlffi_value *obj, const char *field_name, int value) {
    return set_made(vm, obj, field_name, hlffi_value_int(vm, value));
}

HLFFI_API bool hlffi_set_field_float(hlffi_vm *vm, hlffi_value *obj, const char *field_name, float value) {
    return set_made(vm, obj, field_name, hlffi_value_float(vm, (double)value));
}

HLFFI_API bool hlffi_set_field_bool(hlffi_vm *vm, hlffi_value *obj, const char *field_name, bool value) {
    return set_made(vm, obj, field_name, hlffi_value_bool(vm, value));
}

HLFFI_API bool hlffi_set_field_string(hlffi_vm *vm, hlffi_value *obj, const char *field_name, const char *value) {
    return set_made(vm, obj, field_name, hlffi_value_string(vm, value));
}

HLFFI_API bool hlffi_call_method_void(hlffi_value *obj, const char *method_name, int argc, hlffi_value **argv) {
    hlffi_value *v = hlffi_call_method(obj, method_name, argc, argv);
    hlffi_value_free(v);
    return v != NULL;
}

HLFFI_API int hlffi_call_method_int(hlffi_value *obj, const char *method_name, int argc, hlffi_value **argv,
                                    int fallback) {
    hlffi_value *v = hlffi_call_method(obj, method_name, argc, argv);
    int r = hlffi_value_as_int(v, fallback);
    hlffi_value_free(v);
    return r;
}

HLFFI_API float hlffi_call_method_float(hlffi_value *obj, const char *method_name, int argc, hlffi_value **argv,
                                        float fallback) {
    hlffi_value *v = hlffi_call_method(obj, method_name, argc, argv);
    float r = v != NULL && !hlffi_value_is_null(v) ? (float)hlffi_value_as_float(v, fallback) : fallback;
    hlffi_value_free(v);
    return r;
}

HLFFI_API bool hlffi_call_method_bool(hlffi_value *obj, const char *method_name, int argc, hlffi_value **argv,
                                      bool fallback) {
    hlffi_value *v = hlffi_call_method(obj, method_name, argc, argv);
    bool r = hlffi_value_as_bool(v, fallback);
    hlffi_value_free(v);
    return r;
}

HLFFI_API char *hlffi_call_method_string(hlffi_value *obj, const char *method_name, int argc, hlffi_value **argv) {
    hlffi_value *v = hlffi_call_method(obj, method_name, argc, argv);
    char *r = hlffi_value_is_null(v) ? NULL : hlffi_value_as_string(v);
    hlffi_value_free(v);
    return r;
}
