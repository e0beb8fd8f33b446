/* Public Map functions (hlffi-api.md "Maps"). Haxe 4.2.5 compiles Map<K,V> by key type to
 * haxe.ds.StringMap (String keys), IntMap (Int keys), ObjectMap (object keys), each a Haxe object whose
 * field `h` holds one of the runtime's native hash maps (src/std/std_maps.c), and EnumValueMap (enum
 * keys), a Haxe AVL tree (haxe.ds.BalancedTree, nodes haxe.ds.TreeNode) ordered by its `compare` method.
 * The three hash maps are driven through the runtime's natives on `h` directly, as the classes' own
 * methods do, so they work even when dead-code elimination removed those methods; the tree is read in C
 * (get, exists, keys, values, size, clear) and changed through its Haxe methods `set` and `remove`.
 * Values are stored as Dynamic, as Haxe stores them: get returns a Dynamic handle. */
#include <stdio.h>
#include <string.h>

#include "api/api_arrays.h"
#include "api/api_types.h"
#include "std/std_internal.h"

/* A map a handle holds: its class and object. */
typedef struct map_view {
    hli_dc cls;           /* STRING_MAP, INT_MAP, OBJECT_MAP, or TREE (EnumValueMap and other trees) */
    const hli_dc_info *c;
    vobj *o;
} map_view;

static bool map_of(hlffi_vm *vm, const hli_handle *h, map_view *m) {
    vobj *o = hli_kind_is_dynamic(h->t->kind) ? h->v.p : NULL;
    if (hli_kind_is_dynamic(h->t->kind) && o == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "the map is null");
        return false;
    }
    hli_dc cls = o != NULL ? hli_dc_of(vm, o->t) : HLI_DC_COUNT;
    if (cls == HLI_DC_ENUM_MAP || (cls == HLI_DC_COUNT && hli_dc_is_tree(vm, o != NULL ? o->t : NULL)))
        cls = HLI_DC_TREE;
    if (cls != HLI_DC_STRING_MAP && cls != HLI_DC_INT_MAP && cls != HLI_DC_OBJECT_MAP && cls != HLI_DC_TREE) {
        char a[128];
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE,
                    "a value of type %s is not a haxe.ds.StringMap, IntMap, ObjectMap or EnumValueMap",
                    hli_rt_type_str(vm, o != NULL ? o->t : h->t, a, sizeof a));
        return false;
    }
    m->cls = cls;
    m->c = hli_dc_get(vm, cls);
    m->o = o;
    return m->c != NULL;
}

/* Calls the runtime's native std.<prefix><op> (hb*, hi*, ho*) on the map's `h` with up to two more
 * arguments (args[1..]); args[0] is filled in here. The args array is rooted for the call. */
static bool native(hlffi_vm *vm, hli_thread *th, const map_view *m, const char *op, hli_reg *args, hli_reg *ret) {
    char name[16];
    snprintf(name, sizeof name, "h%c%s", m->cls == HLI_DC_STRING_MAP ? 'b' : m->cls == HLI_DC_INT_MAP ? 'i' : 'o', op);
    const hli_native_def *d = hli_std_find("std", name);
    args[0].p = hli_dc_getp(m->o, m->c, HLI_F_H);
    if (d == NULL || args[0].p == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "the map has no storage (h is null)");
        return false;
    }
    hli_reg dummy;
    th->exc_value = NULL;
    hli_root_range_push(th, args, 3 * sizeof *args);
    hli_status st = d->fn(th, args, ret != NULL ? ret : &dummy);
    hli_root_range_pop(th);
    if (st != HLI_OK) {
        hli_api_call_failed(vm, st);
        return false;
    }
    return true;
}

/* The key as the native takes it in *out: String bytes, an Int, or an object (Dynamic). *is_null: a null
 * String key (no entry can have it). */
static bool native_key(hlffi_vm *vm, hli_thread *th, const map_view *m, hlffi_value *key, hli_reg *out, bool *is_null) {
    *is_null = false;
    if (m->cls == HLI_DC_INT_MAP)
        return hli_api_arg(vm, th, key, HLI_T(i32), out, "key", HLI_API_NO_INDEX);
    if (m->cls == HLI_DC_OBJECT_MAP)
        return hli_api_arg(vm, th, key, HLI_T(dyn), out, "key", HLI_API_NO_INDEX);
    hli_type *st = vm->prog->string_type;
    if (st == NULL) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_TYPE_NOT_FOUND, "the module has no String class");
        return false;
    }
    if (!hli_api_arg(vm, th, key, st, out, "key", HLI_API_NO_INDEX))
        return false;
    *is_null = out->p == NULL;
    out->p = out->p != NULL ? ((vstring *)out->p)->bytes : NULL;
    return true;
}

/* Calls tree method `name` on m->o with the given handles (converted to its argument types) or raw
 * Dynamic values; the result into *ret. METHOD_NOT_FOUND (with the DCE hint) when the module lacks it. */
static bool tree_call(hlffi_vm *vm, hli_thread *th, const map_view *m, const char *name, hlffi_value **hv,
                      vdynamic **raw, uint32_t n, hli_reg *ret) {
    hli_fn *fn = hli_api_find_method(vm, m->o->t, (vdynamic *)m->o, name);
    const hli_type_fun *ft = fn != NULL ? fn->type->u.fun : NULL;
    if (ft == NULL || ft->nargs != n + 1) {
        char a[128];
        HLI_VM_FAIL(vm, HLFFI_ERROR_METHOD_NOT_FOUND,
                    "%s.%s not found (removed by dead-code elimination? call it from the Haxe code or compile "
                    "with -dce no)", hli_rt_type_str(vm, m->o->t, a, sizeof a), name);
        return false;
    }
    hli_reg args[3];
    memset(args, 0, sizeof args);
    args[0].p = m->o;
    hli_root_range_push(th, args, sizeof args);
    bool ok = true;
    for (uint32_t i = 0; i < n && ok; i++) {
        if (hv != NULL)
            ok = hli_api_arg(vm, th, hv[i], ft->args[i + 1], &args[i + 1], i == 0 ? "key" : "value", HLI_API_NO_INDEX);
        else
            ok = hli_dyn_cast(th, &raw[i], HLI_T(dyn), ft->args[i + 1], &args[i + 1]) == HLI_OK;
    }
    if (ok) {
        memset(ret, 0, sizeof *ret);
        th->exc_value = NULL;
        hli_status st = hli_call_fn(th, fn, args, n + 1, ret);
        if (st != HLI_OK) {
            hli_api_call_failed(vm, st);
            ok = false;
        }
    } else if (hv == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
    }
    hli_root_range_pop(th);
    return ok;
}

/* An EnumValueMap key must be an enum value: its compare reads enum indexes (INVALID_ARGUMENT /
 * NULL_VALUE set otherwise). Other trees (a BalancedTree subclass) take any key. */
static bool tree_key_ok(hlffi_vm *vm, const map_view *m, hlffi_value *key_ref) {
    if (hli_dc_of(vm, m->o->t) != HLI_DC_ENUM_MAP)
        return true;
    const hli_handle *key = hli_handle_of(key_ref);
    vdynamic *d = hli_kind_is_dynamic(key->t->kind) ? key->v.p : NULL;
    if (d != NULL && d->t->kind == HENUM)
        return true;
    if (hli_kind_is_dynamic(key->t->kind) && d == NULL)
        HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "key: an EnumValueMap key cannot be null");
    else
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_ARGUMENT, "key: an EnumValueMap key must be an enum value");
    return false;
}

/* Looks key up in the tree as BalancedTree.get does (compare(key, node.key) down from the root). *found
 * receives the node or NULL. */
static bool tree_find(hlffi_vm *vm, hli_thread *th, const map_view *m, hlffi_value *key, vobj **found) {
    const hli_dc_info *nc = hli_dc_get(vm, HLI_DC_TREE_NODE);
    *found = NULL;
    if (nc == NULL || !hli_api_check_handle(vm, hli_handle_of(key), "key") || !tree_key_ok(vm, m, key))
        return false;
    vobj *node = hli_dc_getp(m->o, m->c, HLI_F_ROOT);
    vdynamic *k[2] = {NULL, NULL};
    hli_reg kr;
    if (!hli_api_arg(vm, th, key, HLI_T(dyn), &kr, "key", HLI_API_NO_INDEX))
        return false;
    k[0] = kr.p;
    bool ok = true;
    hli_root_push(th, &node);
    hli_root_range_push(th, k, sizeof k);
    while (node != NULL) {
        k[1] = hli_dc_getp(node, nc, HLI_F_KEY);
        hli_reg c;
        if (!(ok = tree_call(vm, th, m, "compare", NULL, k, 2, &c)))
            break;
        if (c.i == 0)
            break;
        node = hli_dc_getp(node, nc, c.i < 0 ? HLI_F_LEFT : HLI_F_RIGHT);
    }
    hli_root_range_pop(th);
    hli_root_pop(th, 1);
    *found = ok ? node : NULL;
    return ok;
}

/* The tree's nodes in key order (in-order walk) into out[0..] when out is not NULL; returns the count.
 * Allocates nothing. The depth is the tree's height (AVL: logarithmic). */
static int32_t tree_walk(const hli_dc_info *nc, vobj *node, vdynamic **out, bool keys, int32_t at) {
    while (node != NULL) {
        at = tree_walk(nc, hli_dc_getp(node, nc, HLI_F_LEFT), out, keys, at);
        if (out != NULL)
            out[at] = hli_dc_getp(node, nc, keys ? HLI_F_KEY : HLI_F_VALUE);
        at++;
        node = hli_dc_getp(node, nc, HLI_F_RIGHT);
    }
    return at;
}

/* The common start of the map functions: checks and the view; vm's main thread, or NULL with the error
 * set (nothing for a NULL vm). A function taking the map alone passes hli_api_handle_vm(map). */
static hli_thread *begin(hlffi_vm *vm, hlffi_value *map, map_view *m) {
    hli_thread *th = vm != NULL ? hli_api_thread(vm) : NULL;
    const hli_handle *h = hli_handle_of(map);
    if (th == NULL || !hli_api_check_handle(vm, h, "map") || !map_of(vm, h, m))
        return NULL;
    return th;
}

HLFFI_API hlffi_value *hlffi_map_new(hlffi_vm *vm, hl_type *key_type, hl_type *value_type) {
    if (vm == NULL)
        return NULL;
    hli_thread *th = hli_api_thread(vm);
    if (th == NULL)
        return NULL;
    hli_type *kt = hli_api_resolve_type(vm, key_type);
    hli_type *vt = kt == NULL ? NULL : value_type == NULL ? HLI_T(dyn) : hli_api_resolve_type(vm, value_type);
    if (kt == NULL || vt == NULL)
        return NULL;
    char a[128];
    if (vt->kind == HVOID || vt->kind == HMETHOD || vt->kind == HPACKED) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "a map cannot hold values of type %s",
                    hli_rt_type_str(vm, vt, a, sizeof a));
        return NULL;
    }
    hli_dc cls;
    if ((kt->kind == HOBJ && kt == vm->prog->string_type) || kt->kind == HBYTES)
        cls = HLI_DC_STRING_MAP;
    else if (kt->kind == HI32 || kt->kind == HUI8 || kt->kind == HUI16)
        cls = HLI_DC_INT_MAP;
    else if (kt->kind == HENUM)
        cls = HLI_DC_ENUM_MAP;
    else if (kt->kind == HOBJ || kt->kind == HVIRTUAL || kt->kind == HDYNOBJ || kt->kind == HFUN ||
             kt->kind == HARRAY || kt->kind == HABSTRACT || kt->kind == HDYN)
        cls = HLI_DC_OBJECT_MAP;
    else {
        HLI_VM_FAIL(vm, HLFFI_ERROR_INVALID_TYPE, "no Haxe Map has keys of type %s (use String, Int, a class or an enum)",
                    hli_rt_type_str(vm, kt, a, sizeof a));
        return NULL;
    }
    const hli_dc_info *c = hli_dc_get(vm, cls);
    if (c == NULL)
        return NULL;
    if (cls == HLI_DC_ENUM_MAP && hli_dc_get(vm, HLI_DC_TREE_NODE) == NULL)
        return NULL;
    th->exc_value = NULL;
    vobj *o = hli_alloc_obj(th, c->t); /* a tree starts with root = null, as its constructor leaves it */
    if (o == NULL) {
        hli_api_call_failed(vm, HLI_EXC);
        return NULL;
    }
    hli_reg r = {.p = o};
    hlffi_value *h = hli_handle_new(vm, c->t, &r);
    if (h == NULL || cls == HLI_DC_ENUM_MAP)
        return h;
    /* The constructor's `h = new BytesMap()` (IntMap, ObjectMap alike): a native map in field h. */
    char name[16];
    snprintf(name, sizeof name, "h%calloc", cls == HLI_DC_STRING_MAP ? 'b' : cls == HLI_DC_INT_MAP ? 'i' : 'o');
    const hli_native_def *d = hli_std_find("std", name);
    hli_reg args[1] = {{.p = NULL}};
    memset(&r, 0, sizeof r);
    th->exc_value = NULL;
    hli_status st = d != NULL ? d->fn(th, args, &r) : HLI_EXC;
    if (st != HLI_OK || r.p == NULL) {
        hli_handle_free(h);
        if (d == NULL)
            HLI_VM_FAIL(vm, HLFFI_ERROR_NOT_IMPLEMENTED, "the runtime lacks std.%s", name);
        else
            hli_api_call_failed(vm, st);
        return NULL;
    }
    hli_dc_setp(o, c, HLI_F_H, r.p); /* o is rooted by h */
    return h;
}

HLFFI_API bool hlffi_map_set(hlffi_vm *vm, hlffi_value *map, hlffi_value *key, hlffi_value *value) {
    map_view m;
    hli_thread *th = begin(vm, map, &m);
    if (th == NULL || !hli_api_check_handle(vm, hli_handle_of(key), "key") || !hli_api_check_handle(vm, hli_handle_of(value), "value"))
        return false;
    if (m.cls == HLI_DC_TREE) {
        hlffi_value *hv[2] = {key, value};
        if (!tree_key_ok(vm, &m, key))
            return false;
        hli_reg ret;
        return tree_call(vm, th, &m, "set", hv, NULL, 2, &ret);
    }
    hli_reg args[3];
    memset(args, 0, sizeof args);
    hli_root_range_push(th, args, sizeof args);
    bool is_null = false;
    bool ok = native_key(vm, th, &m, key, &args[1], &is_null);
    if (ok && is_null) {
        HLI_VM_FAIL(vm, HLFFI_ERROR_NULL_VALUE, "a StringMap key cannot be null");
        ok = false;
    }
    /* the value boxed as Haxe's set(key, value:T) receives it (T is Dynamic at run time) */
    ok = ok && hli_api_arg(vm, th, value, HLI_T(dyn), &args[2], "value", HLI_API_NO_INDEX);
    ok = ok && native(vm, th, &m, "set", args, NULL);
    hli_root_range_pop(th);
    return ok;
}

/* get/exists: the value (or NULL) of key; false on failure. */
static bool lookup(hlffi_vm *vm, hlffi_value *map, hlffi_value *key, bool *exists, vdynamic **value) {
    map_view m;
    hli_thread *th = begin(vm, map, &m);
    *exists = false;
    *value = NULL;
    if (th == NULL || !hli_api_check_handle(vm, hli_handle_of(key), "key"))
        return false;
    if (m.cls == HLI_DC_TREE) {
        vobj *node;
        if (!tree_find(vm, th, &m, key, &node))
            return false;
        *exists = node != NULL;
        *value = node != NULL ? hli_dc_getp(node, hli_dc_get(vm, HLI_DC_TREE_NODE), HLI_F_VALUE) : NULL;
        return true;
    }
    hli_reg args[3], ret;
    memset(args, 0, sizeof args);
    bool is_null;
    if (!native_key(vm, th, &m, key, &args[1], &is_null))
        return false;
    if (is_null) /* Haxe's get(null) is null, exists(null) false */
        return true;
    if (!native(vm, th, &m, "exists", args, &ret))
        return false;
    *exists = ret.b != 0;
    if (*exists && !native(vm, th, &m, "get", args, &ret))
        return false;
    *value = *exists ? ret.p : NULL;
    return true;
}

HLFFI_API hlffi_value *hlffi_map_get(hlffi_vm *vm, hlffi_value *map, hlffi_value *key) {
    bool exists;
    vdynamic *v;
    if (!lookup(vm, map, key, &exists, &v))
        return NULL;
    hli_reg r = {.p = v};
    return hli_handle_new(vm, HLI_T(dyn), &r); /* null for a missing key, as Haxe's get */
}

HLFFI_API bool hlffi_map_exists(hlffi_vm *vm, hlffi_value *map, hlffi_value *key) {
    bool exists;
    vdynamic *v;
    return lookup(vm, map, key, &exists, &v) && exists;
}

HLFFI_API bool hlffi_map_remove(hlffi_vm *vm, hlffi_value *map, hlffi_value *key) {
    map_view m;
    hli_thread *th = begin(vm, map, &m);
    if (th == NULL || !hli_api_check_handle(vm, hli_handle_of(key), "key"))
        return false;
    hli_reg ret;
    if (m.cls == HLI_DC_TREE) {
        hlffi_value *hv[1] = {key};
        return tree_key_ok(vm, &m, key) && tree_call(vm, th, &m, "remove", hv, NULL, 1, &ret) && ret.b != 0;
    }
    hli_reg args[3];
    memset(args, 0, sizeof args);
    bool is_null;
    if (!native_key(vm, th, &m, key, &args[1], &is_null) || is_null)
        return false;
    return native(vm, th, &m, "remove", args, &ret) && ret.b != 0;
}

/* keys (want_keys) or values as a new Haxe Array: Array<String> / Array<Int> for StringMap / IntMap
 * keys, an Array of Dynamic (ArrayObj) otherwise, in the map's own iteration order. */
static hlffi_value *listing(hlffi_vm *vm, hlffi_value *map, bool want_keys) {
    map_view m;
    hli_thread *th = begin(vm, map, &m);
    if (th == NULL)
        return NULL;
    hli_reg args[3];
    memset(args, 0, sizeof args);
    varray *na = NULL, *strs = NULL;
    vobj *o = NULL;
    hlffi_value *result = NULL;
    hli_root_push(th, &na);
    hli_root_push(th, &strs);
    hli_root_push(th, &o);
    if (m.cls == HLI_DC_TREE) {
        const hli_dc_info *nc = hli_dc_get(vm, HLI_DC_TREE_NODE);
        if (nc == NULL)
            goto done;
        vobj *root = hli_dc_getp(m.o, m.c, HLI_F_ROOT);
        th->exc_value = NULL;
        if ((na = hli_alloc_array(th, HLI_T(dyn), tree_walk(nc, root, NULL, false, 0))) == NULL) {
            hli_api_call_failed(vm, HLI_EXC);
            goto done;
        }
        tree_walk(nc, hli_dc_getp(m.o, m.c, HLI_F_ROOT), hli_aptr(na, vdynamic *), want_keys, 0);
    } else {
        hli_reg r;
        if (!native(vm, th, &m, want_keys ? "keys" : "values", args, &r))
            goto done;
        na = r.p;
    }
    if (want_keys && m.cls == HLI_DC_INT_MAP) { /* Array<Int>: an ArrayBytes_Int over a copy of the keys */
        const hli_dc_info *c = hli_dc_get(vm, HLI_DC_ARR_I32);
        if (c == NULL)
            goto done;
        th->exc_value = NULL;
        uint8_t *b = na->size > 0 ? hli_alloc_bytes(th, na->size * 4) : NULL;
        if (na->size > 0 && b == NULL) {
            hli_api_call_failed(vm, HLI_EXC);
            goto done;
        }
        strs = (varray *)b; /* rooted under that name while the object is made */
        if ((o = hli_alloc_obj(th, c->t)) == NULL) {
            hli_api_call_failed(vm, HLI_EXC);
            goto done;
        }
        if (b != NULL)
            memcpy(b, hli_aptr(na, int32_t), (size_t)na->size * 4);
        hli_dc_setp(o, c, HLI_F_BYTES, b);
        hli_dc_seti(o, c, HLI_F_LENGTH, na->size);
        hli_dc_seti(o, c, HLI_F_SIZE, na->size);
    } else {
        if (want_keys && m.cls == HLI_DC_STRING_MAP) { /* Array<String>: Strings over the UTF-16 keys */
            th->exc_value = NULL;
            if ((strs = hli_alloc_array(th, vm->prog->string_type, na->size)) == NULL) {
                hli_api_call_failed(vm, HLI_EXC);
                goto done;
            }
            for (int32_t i = 0; i < na->size; i++) {
                const hli_uchar *u = hli_aptr(na, hli_uchar *)[i];
                vstring *s = hli_string_new(th, u, hli_std_ustrlen(u));
                if (s == NULL) {
                    hli_api_call_failed(vm, HLI_EXC);
                    goto done;
                }
                hli_aptr(strs, vstring *)[i] = s;
            }
            na = strs;
        }
        if ((o = hli_arr_wrap_native(vm, th, na)) == NULL)
            goto done;
    }
    hli_reg r = {.p = o};
    result = hli_handle_new(vm, o->t, &r);
done:
    hli_root_pop(th, 3);
    return result;
}

HLFFI_API hlffi_value *hlffi_map_keys(hlffi_vm *vm, hlffi_value *map) { return listing(vm, map, true); }

HLFFI_API hlffi_value *hlffi_map_values(hlffi_vm *vm, hlffi_value *map) { return listing(vm, map, false); }

HLFFI_API int hlffi_map_size(hlffi_value *map) {
    hlffi_vm *vm = hli_api_handle_vm(hli_handle_of(map));
    map_view m;
    if (begin(vm, map, &m) == NULL)
        return -1;
    if (m.cls != HLI_DC_TREE)
        return hli_std_map_count(hli_dc_getp(m.o, m.c, HLI_F_H));
    const hli_dc_info *nc = hli_dc_get(vm, HLI_DC_TREE_NODE);
    return nc != NULL ? tree_walk(nc, hli_dc_getp(m.o, m.c, HLI_F_ROOT), NULL, false, 0) : -1;
}

HLFFI_API bool hlffi_map_clear(hlffi_value *map) {
    hlffi_vm *vm = hli_api_handle_vm(hli_handle_of(map));
    map_view m;
    hli_thread *th = begin(vm, map, &m);
    if (th == NULL)
        return false;
    if (m.cls == HLI_DC_TREE) { /* BalancedTree.clear: root = null */
        hli_dc_setp(m.o, m.c, HLI_F_ROOT, NULL);
        return true;
    }
    hli_reg args[3];
    memset(args, 0, sizeof args);
    return native(vm, th, &m, "clear", args, NULL);
}
