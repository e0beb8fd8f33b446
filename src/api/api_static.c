/* Public static-member functions (hlffi-api.md "Static members"): a class is found by its full dotted
 * name in the class index (api_classes.c), a member in the class's member table (both hash look-ups);
 * static variables are fields of the class object (the global of the statics type), static methods
 * the functions bound to the statics type's fields. Static properties with accessors behave as
 * Reflect.getProperty/setProperty: get_<name>/set_<name> is called when the class has it. */
#include <stdio.h>
#include <string.h>

#include "api/api_call.h"
#include "api/api_classes.h"
#include "api/api_internal.h"
#include "rt/rt.h"

/* class_name.member_name: the class entry (*cls) and the member, or NULL: with the error set when *cls is
 * NULL, else the class has no such member and nothing is recorded yet (see missing). */
static const hli_static_member *find_member(hlffi_vm *vm, const char *class_name, const char *member_name,
                                            hli_class_entry **cls, hli_thread **th) {
    *cls = NULL;
    if ((*th = hli_api_thread(vm)) == NULL)
        return NULL;
    if (class_name == NULL || member_name == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "the class or member name is NULL");
        return NULL;
    }
    hli_class_entry *e = hli_api_class(vm, class_name);
    if (e == NULL)
        return NULL;
    if (e->statics == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND, "class %s not found " HLI_DCE_HINT, class_name);
        return NULL;
    }
    bool oom;
    const hli_static_member *s = hli_api_static_member(vm, e, member_name, &oom);
    if (!oom)
        *cls = e;
    return s;
}

/* Records an unknown static member. */
static void missing(hlffi_vm *vm, hlffi_error_code code, const char *class_name, const char *member_name) {
    HLI_VM_FAIL(vm, code, "%s %s.%s not found " HLI_DCE_HINT,
                code == HLFFI_ERROR_METHOD_NOT_FOUND ? "static method" : "static field", class_name, member_name);
}

/* The accessor <prefix><name> of a static property taking nargs arguments, or NULL. */
static hli_fn *accessor(hlffi_vm *vm, hli_class_entry *e, const char *prefix, const char *name, uint32_t nargs) {
    char buf[256];
    if ((size_t)snprintf(buf, sizeof buf, "%s%s", prefix, name) >= sizeof buf)
        return NULL;
    bool oom;
    const hli_static_member *s = hli_api_static_member(vm, e, buf, &oom);
    return s != NULL && s->fn != NULL && s->fn->type->u.fun->nargs == nargs ? s->fn : NULL;
}

/* The address of a static variable in the class object, or NULL (error set) before initialisation. */
static uint8_t *field_addr(hlffi_vm *vm, const hli_class_entry *e, const hli_static_member *s) {
    vobj *cls = hli_api_class_object(vm, e);
    if (cls == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_NOT_INITIALIZED, "class %s has no class object yet (call hlffi_call_entry first)",
                    e->name);
        return NULL;
    }
    return (uint8_t *)cls + e->statics->u.obj->rt->fields_indexes[s->fid];
}

HLFFI_API hlffi_value *hlffi_get_static_field(hlffi_vm *vm, const char *class_name, const char *field_name) {
    if (vm == NULL)
        return NULL;
    hli_class_entry *e;
    hli_thread *th;
    const hli_static_member *s = find_member(vm, class_name, field_name, &e, &th);
    if (e == NULL)
        return NULL;
    hli_fn *get = accessor(vm, e, "get_", field_name, 0);
    if (get != NULL) {
        if (hli_api_class_object(vm, e) == NULL) {
            HLI_VM_FAIL(vm, HLFFI_ERROR_NOT_INITIALIZED,
                        "class %s has no class object yet (call hlffi_call_entry first)", class_name);
            return NULL;
        }
        return hli_api_invoke(vm, th, get, false, NULL, 0, NULL, field_name);
    }
    if (s == NULL) {
        missing(vm, HLFFI_ERROR_FIELD_NOT_FOUND, class_name, field_name);
        return NULL;
    }
    uint8_t *addr = field_addr(vm, e, s);
    if (addr == NULL)
        return NULL;
    hli_reg r;
    memset(&r, 0, sizeof r);
    memcpy(&r, addr, hli_type_size(s->type));
    return hli_handle_new(vm, s->type, &r);
}

HLFFI_API hlffi_error_code hlffi_set_static_field(hlffi_vm *vm, const char *class_name, const char *field_name,
                                                  hlffi_value *value) {
    if (vm == NULL)
        return HLFFI_ERROR_NULL_VM;
    hli_class_entry *e;
    hli_thread *th;
    const hli_static_member *s = find_member(vm, class_name, field_name, &e, &th);
    if (e == NULL)
        return vm->error.code;
    hli_fn *set = accessor(vm, e, "set_", field_name, 1);
    if (set != NULL) {
        if (hli_api_class_object(vm, e) == NULL)
            return HLI_VM_FAIL(vm, HLFFI_ERROR_NOT_INITIALIZED,
                               "class %s has no class object yet (call hlffi_call_entry first)", class_name);
        hlffi_value *r = hli_api_invoke(vm, th, set, false, NULL, 1, &value, field_name);
        if (r == NULL)
            return vm->error.code;
        hli_handle_free(r);
        return HLFFI_OK;
    }
    if (s == NULL) {
        missing(vm, HLFFI_ERROR_FIELD_NOT_FOUND, class_name, field_name);
        return vm->error.code;
    }
    if (s->fn != NULL)
        return HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "%s.%s is a method, not a variable", class_name, field_name);
    hli_reg r;
    if (!hli_api_arg(vm, th, value, s->type, &r, field_name, 0))
        return vm->error.code;
    /* The converted value may be a fresh box: keep it rooted until it is stored. */
    hli_root_range_push(th, &r, sizeof r);
    uint8_t *addr = field_addr(vm, e, s);
    hli_root_range_pop(th);
    if (addr == NULL)
        return vm->error.code;
    memcpy(addr, &r, hli_type_size(s->type));
    return HLFFI_OK;
}

HLFFI_API hlffi_value *hlffi_call_static(hlffi_vm *vm, const char *class_name, const char *method_name, int argc,
                                         hlffi_value **argv) {
    if (vm == NULL)
        return NULL;
    hli_class_entry *e;
    hli_thread *th;
    const hli_static_member *s = find_member(vm, class_name, method_name, &e, &th);
    if (s == NULL) {
        if (e != NULL)
            missing(vm, HLFFI_ERROR_METHOD_NOT_FOUND, class_name, method_name);
        return NULL;
    }
    if (s->fn == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_METHOD_NOT_FOUND, "%s.%s is a variable, not a static method", class_name,
                    method_name);
        return NULL;
    }
    uint32_t nargs = s->fn->type->u.fun->nargs;
    if (argc < 0 || (argc > 0 && argv == NULL)) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "%s.%s: argc is %d and argv %s", class_name, method_name, argc,
                    argv == NULL ? "NULL" : "set");
        return NULL;
    }
    if ((uint32_t)argc != nargs) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_MISMATCH, "%s.%s takes %u argument%s, %d given", class_name, method_name,
                    nargs, nargs == 1 ? "" : "s", argc);
        return NULL;
    }
    return hli_api_invoke(vm, th, s->fn, false, NULL, nargs, argv, method_name);
}
