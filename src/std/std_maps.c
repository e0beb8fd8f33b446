/* The hash maps behind StringMap, IntMap and ObjectMap (natives hb*, hi*, ho*; hl-spec.md 8.1 and 8.4),
 * iterating in HashLink's exact order, which Map printing and iteration expose. */

/* What decides the order (HashLink's maps.c/maps.h): keys() walks the cells 0..ncells-1 and each
 * chain from its head; a new key is linked at the head of its chain; a removal unlinks; and when a
 * new key finds no free slot the table grows (3, 5, 8, 12, 18, 27, 41, ... entries) and, when the
 * number of cells changes (or the index width switches at 128 entries), is rebuilt by re-inserting
 * every entry in the old walk order. Which free *slot* an entry lands in is never observable: slots
 * only name entries, the walk follows the links. Growth happens exactly when nentries == maxentries,
 * whichever slots are free. So HashLink's ordered free-range list is replaced by a stack of free slots
 * linked through `nexts` (O(1) take and give back), and the order is still HashLink's: the test
 * tests/std/check_maps.py replays random insert/remove sequences against shared/tools/mapsim.py
 * (extended with HashLink's remove and free list).
 *
 * Speed (bench MapInt, MapString): large maps are memory-bound, and an interpreter's look-ups do not
 * overlap in the CPU as a JIT's do, so every cache miss counts. A growth keeps every entry in its slot
 * (HashLink re-inserts in walk order), so slots stay in insertion order, the order many programs look
 * keys up in: the slot, the value and the value's box are then near the previous look-up's. The int
 * map (key = hash) has no keys array. A byte per cell filters absent keys. Compact arrays beat fancier
 * indexes here: a per-cell cache of the chain's first hashes, or a wider filter, made look-ups slower
 * on a quiet machine (more memory, fewer cache hits). */
#include <string.h>

#include "std/std_families.h"
#include "std/std_internal.h"

static const int32_t primes[] = {7,        17,       37,        79,        163,       331,       673,
                                 1361,     2729,     5471,      10949,     21911,     43853,     87613,
                                 175229,   350459,   700919,    1401857,   2803727,   5607457,   11214943,
                                 22429903, 44859823, 89719661,  179424673, 373587883, 776531401, 1611623773};

#define MAP_LIMIT 128 /* HashLink switches its cell/next indexes from 8 to 32 bits here (rebuilds) */

typedef enum map_kind { MAP_BYTES, MAP_INT, MAP_OBJ } map_kind;

/* The map handle (an `abstract` value): a RAW GC block, so that the collector follows its arrays. */
typedef struct hli_map {
    int32_t *ints;      /* NOPTR: cells[ncells] (chain heads, -1 = empty), the cells' masks (below),
                           nexts[maxentries] (chain links of used slots, stack links of free ones),
                           hashes[maxentries] (the hash; for the int map the key itself) */
    void **ptrs;        /* RAW: keys[maxentries] (keyed maps only), values[maxentries] */
    int32_t ncells;
    int32_t nentries;
    int32_t maxentries;
    int32_t free_head;  /* first free slot, -1 = none */
    int32_t keyed;      /* 1: ptrs holds keys (bytes and object maps); 0: the int map (key = hash) */
} hli_map;

/* After the cells, one byte per cell: bit hash_bit(h) is set when the chain may hold hash h (a filter:
 * most absent keys, looked up or set, are known absent without walking the chain; removals recompute
 * it). A byte rather than a wider mask: the arrays a look-up touches first must stay small. */
#define MASK_INTS(nc) (((size_t)(nc) + 3) / 4) /* int32 words of the mask bytes */
static inline int32_t *m_cells(const hli_map *m) { return m->ints; }
static inline uint8_t *m_masks(const hli_map *m) { return (uint8_t *)(m->ints + m->ncells); }
static inline int32_t *m_nexts(const hli_map *m) { return m->ints + m->ncells + MASK_INTS(m->ncells); }
static inline uint32_t *m_hashes(const hli_map *m) { return (uint32_t *)(m_nexts(m) + m->maxentries); }
/* The bit of hash h: the top 3 bits of h mixed (int keys are often small). */
static inline uint8_t hash_bit(uint32_t h) { return (uint8_t)(1u << ((h * 0x9E3779B1u) >> 29)); }
static inline void **m_keys(const hli_map *m) { return m->ptrs; }
static inline vdynamic **m_values(const hli_map *m) {
    return (vdynamic **)(m->ptrs + (m->keyed ? m->maxentries : 0));
}

/* A key as the natives receive it, with its hash. */
typedef struct map_key {
    map_kind kind;
    uint32_t hash;
    void *p;     /* bytes: the UTF-16 text; obj: the (filtered) key */
} map_key;

static bool ustr_eq(const hli_uchar *a, const hli_uchar *b) {
    for (;; a++, b++) {
        if (*a != *b)
            return false;
        if (*a == 0)
            return true;
    }
}

static bool slot_matches(const hli_map *m, int32_t c, const map_key *k) {
    switch (k->kind) {
    case MAP_INT: return m_hashes(m)[c] == k->hash;
    case MAP_BYTES: return m_hashes(m)[c] == k->hash && ustr_eq(m_keys(m)[c], k->p);
    default: return m_keys(m)[c] == k->p;
    }
}

/* The slot holding key k, or -1. */
static int32_t map_find(const hli_map *m, const map_key *k) {
    if (m->ints == NULL)
        return -1;
    uint32_t ck = k->hash % (uint32_t)m->ncells;
    if (!(m_masks(m)[ck] & hash_bit(k->hash)))
        return -1;
    for (int32_t c = m_cells(m)[ck]; c >= 0; c = m_nexts(m)[c])
        if (slot_matches(m, c, k))
            return c;
    return -1;
}

static void free_push(hli_map *m, int32_t c) {
    m_nexts(m)[c] = m->free_head;
    m->free_head = c;
}

/* Links a new entry at the head of its chain (a free slot must exist). */
static void map_link(hli_map *m, uint32_t hash, void *key, vdynamic *value) {
    int32_t c = m->free_head;
    m->free_head = m_nexts(m)[c];
    int32_t ck = (int32_t)(hash % (uint32_t)m->ncells);
    m_hashes(m)[c] = hash;
    if (m->keyed)
        m_keys(m)[c] = key;
    m_values(m)[c] = value;
    m_nexts(m)[c] = m_cells(m)[ck];
    m_cells(m)[ck] = c;
    m_masks(m)[ck] |= hash_bit(hash);
    m->nentries++;
}

/* Grows a full map as HashLink's resize does. m must be reachable (rooted) by the caller; everything
 * it holds stays reachable through it until the new arrays are installed. */
static hli_status map_grow(hli_thread *th, hli_map *m) {
    int32_t old_max = m->maxentries, old_cells = m->ncells;
    int64_t new_max64 = old_max ? (((int64_t)old_max * 3) + 1) >> 1 : 3;
    if (new_max64 > INT32_MAX / 8)
        return hli_throw_oom(th, (size_t)new_max64 * 24);
    int32_t new_max = (int32_t)new_max64, ncells = 0;
    for (size_t i = 0; i < sizeof primes / sizeof primes[0]; i++)
        if ((ncells = primes[i]) >= new_max >> 2)
            break;
    size_t nints = (size_t)ncells + MASK_INTS(ncells) + 2 * (size_t)new_max;
    int32_t *ints = hli_alloc(th, nints * sizeof(int32_t), HLI_GC_NOPTR);
    if (ints == NULL)
        return HLI_EXC;
    hli_root_push(th, &ints);
    void **ptrs = hli_alloc(th, (m->keyed ? 2 : 1) * (size_t)new_max * sizeof(void *), HLI_GC_RAW);
    hli_root_pop(th, 1);
    if (ptrs == NULL)
        return HLI_EXC;
    /* Zeroed whole, padding included: *m is scanned word by word by the collector (valgrind reports
     * an uninitialised word otherwise). */
    hli_map nm;
    memset(&nm, 0, sizeof nm);
    nm.ints = ints;
    nm.ptrs = ptrs;
    nm.ncells = ncells;
    nm.maxentries = new_max;
    nm.free_head = -1;
    nm.keyed = m->keyed;
    /* Every entry keeps its slot (a growing map is full: slots 0..old_max-1), the new ones are free. */
    if (old_max > 0) {
        memcpy(m_nexts(&nm), m_nexts(m), (size_t)old_max * sizeof(int32_t));
        memcpy(m_hashes(&nm), m_hashes(m), (size_t)old_max * sizeof(uint32_t));
        if (m->keyed)
            memcpy(m_keys(&nm), m_keys(m), (size_t)old_max * sizeof(void *));
        memcpy(m_values(&nm), m_values(m), (size_t)old_max * sizeof(void *));
    }
    nm.nentries = m->nentries;
    for (int32_t c = new_max - 1; c >= old_max; c--)
        free_push(&nm, c);
    if (old_cells == ncells && (new_max < MAP_LIMIT || old_max >= MAP_LIMIT)) {
        /* Same cells: the chains stay as they are. */
        memcpy(m_cells(&nm), m_cells(m), ((size_t)ncells + MASK_INTS(ncells)) * sizeof(int32_t));
    } else {
        /* Rebuild: every entry relinked at the head of its new chain in the old walk order, as
         * HashLink's re-insertion does. */
        for (int32_t i = 0; i < ncells; i++)
            m_cells(&nm)[i] = -1;
        for (int32_t i = 0; i < old_cells; i++)
            for (int32_t c = m_cells(m)[i]; c >= 0; c = m_nexts(m)[c]) {
                uint32_t h = m_hashes(m)[c];
                int32_t ck = (int32_t)(h % (uint32_t)ncells);
                m_nexts(&nm)[c] = m_cells(&nm)[ck];
                m_cells(&nm)[ck] = c;
                m_masks(&nm)[ck] |= hash_bit(h);
            }
    }
    *m = nm;
    return HLI_OK;
}

/* Inserts or replaces. m, k->p and value must be rooted by the caller. */
static hli_status map_set(hli_thread *th, hli_map *m, const map_key *k, vdynamic *value) {
    int32_t c = map_find(m, k);
    if (c >= 0) {
        m_values(m)[c] = value;
        return HLI_OK;
    }
    if (m->ints == NULL || m->free_head < 0) {
        hli_status st = map_grow(th, m);
        if (st != HLI_OK)
            return st;
    }
    map_link(m, k->hash, k->p, value);
    return HLI_OK;
}

static bool map_remove(hli_map *m, const map_key *k) {
    if (m->ints == NULL)
        return false;
    int32_t ck = (int32_t)(k->hash % (uint32_t)m->ncells);
    for (int32_t c = m_cells(m)[ck], prev = -1; c >= 0; prev = c, c = m_nexts(m)[c]) {
        if (!slot_matches(m, c, k))
            continue;
        if (prev >= 0)
            m_nexts(m)[prev] = m_nexts(m)[c];
        else
            m_cells(m)[ck] = m_nexts(m)[c];
        uint8_t mask = 0; /* the chain's mask without c */
        for (int32_t d = m_cells(m)[ck]; d >= 0; d = m_nexts(m)[d])
            mask |= hash_bit(m_hashes(m)[d]);
        m_masks(m)[ck] = mask;
        if (m->keyed)
            m_keys(m)[c] = NULL;
        m_values(m)[c] = NULL;
        m_hashes(m)[c] = 0;
        free_push(m, c);
        m->nentries--;
        return true;
    }
    return false;
}

/* keys (want_keys) or values as a NativeArray in walk order: bytes, i32 or dyn elements. */
static hli_status map_list(hli_thread *th, hli_reg *args, hli_reg *ret, map_kind kind, bool want_keys) {
    hli_map *m = args[0].p;
    if (m == NULL)
        return hli_throw_error(th, "Null access");
    hli_type *et = !want_keys ? HLI_T(dyn) : kind == MAP_BYTES ? HLI_T(bytes) : kind == MAP_INT ? HLI_T(i32) : HLI_T(dyn);
    hli_root_push(th, &args[0].p);
    varray *a = hli_alloc_array(th, et, m->nentries);
    hli_root_pop(th, 1);
    if (a == NULL)
        return HLI_EXC;
    int32_t p = 0;
    for (int32_t i = 0; i < m->ncells && m->ints != NULL; i++)
        for (int32_t c = m_cells(m)[i]; c >= 0; c = m_nexts(m)[c], p++) {
            if (!want_keys)
                hli_aptr(a, vdynamic *)[p] = m_values(m)[c];
            else if (kind == MAP_INT)
                hli_aptr(a, int32_t)[p] = (int32_t)m_hashes(m)[c];
            else
                hli_aptr(a, void *)[p] = m_keys(m)[c];
        }
    ret->p = a;
    return HLI_OK;
}

static hli_status map_alloc(hli_thread *th, hli_reg *ret, map_kind kind) {
    hli_map *m = hli_alloc(th, sizeof(hli_map), HLI_GC_RAW);
    if (m == NULL)
        return HLI_EXC;
    m->free_head = -1;
    m->keyed = kind != MAP_INT;
    ret->p = m;
    return HLI_OK;
}

static hli_status map_clear(hli_thread *th, hli_reg *args) {
    hli_map *m = args[0].p;
    if (m == NULL)
        return hli_throw_error(th, "Null access");
    int32_t keyed = m->keyed;
    memset(m, 0, sizeof *m);
    m->free_head = -1;
    m->keyed = keyed;
    return HLI_OK;
}

/* ---- the bytes map (StringMap): UTF-16 keys hashed with the field-hash loop, compared by content - */

/* Builds the key from argument 1; false for a null key (absent from every map). */
static bool bytes_key(hli_reg *args, map_key *k) {
    k->kind = MAP_BYTES;
    k->p = args[1].p;
    k->hash = k->p != NULL ? (uint32_t)hli_hash_gen(k->p) : 0;
    return k->p != NULL;
}

static hli_status n_hballoc(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    return map_alloc(th, ret, MAP_BYTES);
}

/* hbset(m, key, value): the key pointer is stored as is (String bytes are immutable). */
static hli_status n_hbset(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    map_key k;
    if (args[0].p == NULL || !bytes_key(args, &k))
        return hli_throw_error(th, "Null access");
    hli_root_push(th, &args[0].p);
    hli_root_push(th, &args[1].p);
    hli_root_push(th, &args[2].p);
    k.p = args[1].p;
    hli_status st = map_set(th, args[0].p, &k, args[2].p);
    hli_root_pop(th, 3);
    return st;
}

static hli_status n_hbget(hli_thread *th, hli_reg *args, hli_reg *ret) {
    map_key k;
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    int32_t c = bytes_key(args, &k) ? map_find(args[0].p, &k) : -1;
    ret->p = c >= 0 ? m_values(args[0].p)[c] : NULL;
    return HLI_OK;
}

static hli_status n_hbexists(hli_thread *th, hli_reg *args, hli_reg *ret) {
    map_key k;
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    ret->i64 = bytes_key(args, &k) && map_find(args[0].p, &k) >= 0;
    return HLI_OK;
}

static hli_status n_hbremove(hli_thread *th, hli_reg *args, hli_reg *ret) {
    map_key k;
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    ret->i64 = bytes_key(args, &k) && map_remove(args[0].p, &k);
    return HLI_OK;
}

static hli_status n_hbkeys(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return map_list(th, args, ret, MAP_BYTES, true);
}

static hli_status n_hbvalues(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return map_list(th, args, ret, MAP_BYTES, false);
}

static hli_status n_hbclear(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    return map_clear(th, args);
}

/* ---- the int map (IntMap): hash = the key as unsigned ------------------------------------------ */

static map_key int_key(hli_reg *args) {
    map_key k = {MAP_INT, (uint32_t)args[1].i, NULL};
    return k;
}

static hli_status n_hialloc(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    return map_alloc(th, ret, MAP_INT);
}

static hli_status n_hiset(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    map_key k = int_key(args);
    hli_root_push(th, &args[0].p);
    hli_root_push(th, &args[2].p);
    hli_status st = map_set(th, args[0].p, &k, args[2].p);
    hli_root_pop(th, 2);
    return st;
}

static hli_status n_higet(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    map_key k = int_key(args);
    int32_t c = map_find(args[0].p, &k);
    ret->p = c >= 0 ? m_values(args[0].p)[c] : NULL;
    return HLI_OK;
}

static hli_status n_hiexists(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    map_key k = int_key(args);
    ret->i64 = map_find(args[0].p, &k) >= 0;
    return HLI_OK;
}

static hli_status n_hiremove(hli_thread *th, hli_reg *args, hli_reg *ret) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    map_key k = int_key(args);
    ret->i64 = map_remove(args[0].p, &k);
    return HLI_OK;
}

static hli_status n_hikeys(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return map_list(th, args, ret, MAP_INT, true);
}

static hli_status n_hivalues(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return map_list(th, args, ret, MAP_INT, false);
}

static hli_status n_hiclear(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    return map_clear(th, args);
}

/* ---- the object map (ObjectMap): keys by identity, hash = the address's low 32 bits --------------- */

/* HashLink's hl_hofilter: a virtual is replaced by its value (made into a dynobj first when it has
 * none, so that the key stays the same once virtualised); a bytes/type/abstract/ref box by the pointer
 * it holds. args[1] is rooted by the caller; *k->p is the filtered key (the caller roots it). */
static hli_status obj_key(hli_thread *th, hli_reg *args, map_key *k) {
    vdynamic *key = args[1].p;
    k->kind = MAP_OBJ;
    if (key != NULL) {
        switch (key->t->kind) {
        case HVIRTUAL: {
            vdynamic *v = NULL;
            hli_status st = hli_virtual_make_value(th, (vvirtual *)key, &v);
            if (st != HLI_OK)
                return st;
            key = v;
            break;
        }
        case HBYTES:
        case HTYPE:
        case HABSTRACT:
        case HREF: key = key->v.ptr; break;
        default: break;
        }
    }
    k->p = key;
    k->hash = (uint32_t)(uintptr_t)key;
    return HLI_OK;
}

static hli_status n_hoalloc(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    return map_alloc(th, ret, MAP_OBJ);
}

/* The common part of the ho* natives: roots the map and the key, filters the key. */
static hli_status obj_begin(hli_thread *th, hli_reg *args, map_key *k) {
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    hli_root_push(th, &args[0].p);
    hli_root_push(th, &args[1].p);
    hli_status st = obj_key(th, args, k);
    hli_root_pop(th, 2);
    return st;
}

static hli_status n_hoset(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    map_key k = {MAP_OBJ, 0, NULL};
    hli_root_push(th, &args[2].p);
    hli_status st = obj_begin(th, args, &k);
    if (st == HLI_OK) {
        hli_root_push(th, &args[0].p);
        hli_root_push(th, &k.p);
        st = map_set(th, args[0].p, &k, args[2].p);
        hli_root_pop(th, 2);
    }
    hli_root_pop(th, 1);
    return st;
}

static hli_status n_hoget(hli_thread *th, hli_reg *args, hli_reg *ret) {
    map_key k = {MAP_OBJ, 0, NULL};
    ret->p = NULL;
    hli_status st = obj_begin(th, args, &k);
    if (st != HLI_OK)
        return st;
    int32_t c = map_find(args[0].p, &k);
    ret->p = c >= 0 ? m_values(args[0].p)[c] : NULL;
    return HLI_OK;
}

static hli_status n_hoexists(hli_thread *th, hli_reg *args, hli_reg *ret) {
    map_key k = {MAP_OBJ, 0, NULL};
    hli_status st = obj_begin(th, args, &k);
    ret->i64 = st == HLI_OK && map_find(args[0].p, &k) >= 0;
    return st;
}

static hli_status n_horemove(hli_thread *th, hli_reg *args, hli_reg *ret) {
    map_key k = {MAP_OBJ, 0, NULL};
    hli_status st = obj_begin(th, args, &k);
    ret->i64 = st == HLI_OK && map_remove(args[0].p, &k);
    return st;
}

static hli_status n_hokeys(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return map_list(th, args, ret, MAP_OBJ, true);
}

static hli_status n_hovalues(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return map_list(th, args, ret, MAP_OBJ, false);
}

static hli_status n_hoclear(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    return map_clear(th, args);
}

/* The number of entries of a native map (any kind), for the embedding API's hlffi_map_size. */
int32_t hli_std_map_count(const void *map) {
    return map != NULL ? ((const hli_map *)map)->nentries : 0;
}

const hli_native_def hli_std_maps_natives[] = {
    {"std", "hballoc", "P_Xhl_bytes_map_", n_hballoc},
    {"std", "hbset", "PXhl_bytes_map_BD_v", n_hbset},
    {"std", "hbget", "PXhl_bytes_map_B_D", n_hbget},
    {"std", "hbexists", "PXhl_bytes_map_B_b", n_hbexists},
    {"std", "hbremove", "PXhl_bytes_map_B_b", n_hbremove},
    {"std", "hbkeys", "PXhl_bytes_map__A", n_hbkeys},
    {"std", "hbvalues", "PXhl_bytes_map__A", n_hbvalues},
    {"std", "hbclear", "PXhl_bytes_map__v", n_hbclear},
    {"std", "hialloc", "P_Xhl_int_map_", n_hialloc},
    {"std", "hiset", "PXhl_int_map_iD_v", n_hiset},
    {"std", "higet", "PXhl_int_map_i_D", n_higet},
    {"std", "hiexists", "PXhl_int_map_i_b", n_hiexists},
    {"std", "hiremove", "PXhl_int_map_i_b", n_hiremove},
    {"std", "hikeys", "PXhl_int_map__A", n_hikeys},
    {"std", "hivalues", "PXhl_int_map__A", n_hivalues},
    {"std", "hiclear", "PXhl_int_map__v", n_hiclear},
    {"std", "hoalloc", "P_Xhl_obj_map_", n_hoalloc},
    {"std", "hoset", "PXhl_obj_map_DD_v", n_hoset},
    {"std", "hoget", "PXhl_obj_map_D_D", n_hoget},
    {"std", "hoexists", "PXhl_obj_map_D_b", n_hoexists},
    {"std", "horemove", "PXhl_obj_map_D_b", n_horemove},
    {"std", "hokeys", "PXhl_obj_map__A", n_hokeys},
    {"std", "hovalues", "PXhl_obj_map__A", n_hovalues},
    {"std", "hoclear", "PXhl_obj_map__v", n_hoclear},
    {NULL, NULL, NULL, NULL},
};
