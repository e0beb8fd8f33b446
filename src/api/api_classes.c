/* The class index (see api_classes.h): built once per VM on first use from the module's types and
 * globals; each class's static-member table is built the first time one of its members is named. */
#include <string.h>

#include "api/api_classes.h"
#include "api/api_internal.h"
#include "rt/rt.h"

/* Open addressing, linear probing; cap is a power of two at least twice the count. */
struct hli_class_index {
    hli_class_entry *e;
    uint32_t cap;
};

uint32_t hli_api_name_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

void hli_class_index_free(hlffi_vm *vm) {
    struct hli_class_index *ci = vm->classes;
    if (ci == NULL)
        return;
    for (uint32_t i = 0; i < ci->cap; i++) {
        hli_mem_free(&vm->mem, ci->e[i].name, ci->e[i].name_size);
        hli_mem_free(&vm->mem, ci->e[i].members, ci->e[i].members_cap * sizeof *ci->e[i].members);
    }
    hli_mem_free(&vm->mem, ci->e, ci->cap * sizeof *ci->e);
    hli_mem_free(&vm->mem, ci, sizeof *ci);
    vm->classes = NULL;
}

/* The slot of `name` (hash h): its entry, or the empty slot where it would go. */
static hli_class_entry *index_slot(struct hli_class_index *ci, const char *name, uint32_t h) {
    uint32_t mask = ci->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        hli_class_entry *e = &ci->e[i];
        if (e->name == NULL || (e->hash == h && strcmp(e->name, name) == 0))
            return e;
    }
}

/* The last component of a dotted name. */
static const char *last_component(const char *s) {
    const char *dot = strrchr(s, '.');
    return dot != NULL ? dot + 1 : s;
}

bool hli_api_is_statics_name(const char *name) {
    const char *c = last_component(name);
    return c[0] == '$' && c[1] != 0;
}

/* A class's dotted name from an HOBJ type name: "pkg.$Cls" gives "pkg.Cls" (statics), "pkg.Cls" stays.
 * False when it does not fit buf. */
static bool class_name_of(const char *s, char *buf, size_t size, bool *statics) {
    const char *c = last_component(s);
    size_t n = strlen(s) + 1;
    if (n > size)
        return false;
    *statics = hli_api_is_statics_name(s);
    if (!*statics) {
        memcpy(buf, s, n);
        return true;
    }
    size_t prefix = (size_t)(c - s);
    memcpy(buf, s, prefix);
    memcpy(buf + prefix, c + 1, n - prefix - 1);
    return true;
}

/* The entry for name, made when missing; NULL when out of memory. */
static hli_class_entry *index_add(hlffi_vm *vm, struct hli_class_index *ci, const char *name) {
    uint32_t h = hli_api_name_hash(name);
    hli_class_entry *e = index_slot(ci, name, h);
    if (e->name != NULL)
        return e;
    size_t size = strlen(name) + 1;
    if ((e->name = hli_mem_alloc(&vm->mem, size)) == NULL)
        return NULL;
    memcpy(e->name, name, size);
    e->name_size = size;
    e->hash = h;
    return e;
}

static hlffi_error_code build_index(hlffi_vm *vm) {
    const hli_module *m = vm->prog->m;
    uint32_t count = 0;
    for (uint32_t i = 0; i < m->ntypes; i++)
        count += m->types[i].kind == HOBJ;
    struct hli_class_index *ci = hli_mem_alloc(&vm->mem, sizeof *ci);
    if (ci == NULL)
        goto oom;
    memset(ci, 0, sizeof *ci);
    ci->cap = 16;
    while (ci->cap < count * 2)
        ci->cap *= 2;
    if ((ci->e = hli_mem_array(&vm->mem, ci->cap, sizeof *ci->e)) == NULL) {
        hli_mem_free(&vm->mem, ci, sizeof *ci);
        goto oom;
    }
    memset(ci->e, 0, ci->cap * sizeof *ci->e);
    vm->classes = ci;
    char buf[512];
    for (uint32_t i = 0; i < m->ntypes; i++) {
        hli_type *t = &m->types[i];
        bool statics;
        if (t->kind != HOBJ || !class_name_of(hli_module_string(m, t->u.obj->name, NULL), buf, sizeof buf, &statics))
            continue;
        hli_class_entry *e = index_add(vm, ci, buf);
        if (e == NULL)
            goto oom;
        if (statics && e->statics == NULL) /* the same name twice: keep the first */
            e->statics = t;
        else if (!statics && e->inst == NULL)
            e->inst = t;
    }
    /* The class object: the global whose type is the statics type. */
    for (uint32_t g = 0; g < m->nglobals; g++) {
        hli_type *gt = m->globals[g];
        bool statics;
        if (gt->kind != HOBJ || !class_name_of(hli_module_string(m, gt->u.obj->name, NULL), buf, sizeof buf, &statics) ||
            !statics)
            continue;
        hli_class_entry *e = index_slot(ci, buf, hli_api_name_hash(buf));
        if (e->name != NULL && e->statics == gt && e->global == 0)
            e->global = g + 1;
    }
    return HLFFI_OK;
oom:
    hli_class_index_free(vm);
    return HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while indexing the classes");
}

hli_class_entry *hli_api_class_lookup(hlffi_vm *vm, const char *class_name, bool *oom) {
    *oom = vm->classes == NULL && build_index(vm) != HLFFI_OK;
    if (*oom)
        return NULL;
    hli_class_entry *e = index_slot(vm->classes, class_name, hli_api_name_hash(class_name));
    return e->name != NULL ? e : NULL;
}

hli_class_entry *hli_api_class(hlffi_vm *vm, const char *class_name) {
    bool oom;
    hli_class_entry *e = hli_api_class_lookup(vm, class_name, &oom);
    if (e == NULL && !oom)
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND, "class %s not found " HLI_DCE_HINT, class_name);
    return e;
}

/* The member slot of name (hash h) in a built table: its entry or the empty slot where it would go. */
static hli_static_member *member_slot(hli_static_member *tab, uint32_t cap, const char *name, uint32_t h) {
    uint32_t mask = cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask)
        if (tab[i].name == NULL || (tab[i].hash == h && strcmp(tab[i].name, name) == 0))
            return &tab[i];
}

/* The static-member table of a class: every field of its statics type and the supers (the most
 * derived first wins), with the function bound to each. */
static bool build_members(hlffi_vm *vm, hli_class_entry *e) {
    const hli_module *m = vm->prog->m;
    uint32_t count = 0;
    for (hli_type *t = e->statics; t != NULL; t = t->u.obj->super)
        count += t->u.obj->nfields;
    uint32_t cap = 8;
    while (cap < count * 2)
        cap *= 2;
    hli_static_member *tab = hli_mem_array(&vm->mem, cap, sizeof *tab);
    if (tab == NULL)
        return false;
    memset(tab, 0, cap * sizeof *tab);
    const hli_obj_rt *rt = e->statics->u.obj->rt;
    for (hli_type *t = e->statics; t != NULL; t = t->u.obj->super) {
        const hli_type_obj *o = t->u.obj;
        uint32_t base = o->super != NULL ? o->super->u.obj->total_fields : 0;
        for (uint32_t i = 0; i < o->nfields; i++) {
            const char *name = hli_module_string(m, o->fields[i].name, NULL);
            uint32_t h = hli_api_name_hash(name);
            hli_static_member *s = member_slot(tab, cap, name, h);
            if (s->name != NULL)
                continue;
            s->name = name;
            s->hash = h;
            s->fid = base + i;
            s->type = o->fields[i].type;
            for (uint32_t b = 0; b < rt->nbindings; b++)
                if (rt->bindings[b].fid == s->fid)
                    s->fn = rt->bindings[b].fn;
        }
    }
    e->members = tab;
    e->members_cap = cap;
    return true;
}

const hli_static_member *hli_api_static_member(hlffi_vm *vm, hli_class_entry *e, const char *name, bool *oom) {
    *oom = false;
    if (e->statics == NULL)
        return NULL;
    if (e->members == NULL && !build_members(vm, e)) {
        *oom = true;
        HLI_VM_FAIL(vm, HLFFI_ERROR_OUT_OF_MEMORY, "out of memory while indexing the members of %s", e->name);
        return NULL;
    }
    hli_static_member *s = member_slot(e->members, e->members_cap, name, hli_api_name_hash(name));
    return s->name != NULL ? s : NULL;
}

vobj *hli_api_class_object(hlffi_vm *vm, const hli_class_entry *e) {
    vobj *cls = NULL;
    if (e->global != 0) {
        hli_program *p = vm->prog;
        memcpy(&cls, p->globals + p->globals_offset[e->global - 1], sizeof cls);
    }
    return cls;
}
