/* Field-name hashing (hl-spec.md 5.1) with HashLink's per-process registry made per program: a hash
 * already registered for another name steps to h+1, h+2..., so hashes depend on registration order
 * (load order first). Also the UTF-16 copies of module strings and UTF-8/UTF-16 conversions. */
#include <stdio.h>

#include "rt/rt_internal.h"

hli_rt_state *hli_rt_state_of(hlffi_vm *vm) {
    return vm != NULL && vm->prog != NULL ? vm->prog->names : NULL;
}

size_t hli_ustrlen(const hli_uchar *s) {
    size_t n = 0;
    while (s[n] != 0)
        n++;
    return n;
}

/* hl_hash_gen without the cache: h = h * 223 + unit (32-bit wrap), then C's % 0x1FFFFF7B. */
int32_t hli_hash_gen(const hli_uchar *name) {
    uint32_t h = 0; /* 32-bit wrapping arithmetic, as HashLink's signed int on x86 */
    for (; *name != 0; name++)
        h = h * 223u + *name;
    return (int32_t)h % 0x1FFFFF7B; /* C remainder: keeps the sign */
}

static uint32_t slot_of(int32_t hash, uint32_t cap) {
    uint32_t x = (uint32_t)hash;
    x ^= x >> 16;
    x *= 0x45D9F3Bu;
    x ^= x >> 16;
    return x & (cap - 1);
}

/* The slot holding `hash`, or the empty slot where it would go. Requires cap > 0. */
static hli_name_slot *find_slot(hli_rt_state *st, int32_t hash) {
    uint32_t i = slot_of(hash, st->cap);
    while (st->slots[i].name != NULL && st->slots[i].hash != hash)
        i = (i + 1) & (st->cap - 1);
    return &st->slots[i];
}

static bool grow(hli_rt_state *st) {
    uint32_t ncap = st->cap ? st->cap * 2 : 256;
    hli_name_slot *ns = hli_mem_array(st->mem, ncap, sizeof *ns);
    if (ns == NULL)
        return false;
    hli_name_slot *old = st->slots;
    uint32_t ocap = st->cap;
    st->slots = ns;
    st->cap = ncap;
    for (uint32_t i = 0; i < ocap; i++)
        if (old[i].name != NULL)
            *find_slot(st, old[i].hash) = old[i];
    hli_mem_free(st->mem, old, (size_t)ocap * sizeof *old);
    return true;
}

static bool ustr_eq(const hli_uchar *a, const hli_uchar *b) {
    while (*a != 0 && *a == *b)
        a++, b++;
    return *a == *b;
}

/* hl_hash_gen with the cache: the first free hash from the raw one, or the one already registered for
 * the same name. `copy` copies the name into the arena (names from runtime bytes). */
int32_t hli_rt_register_name(hli_rt_state *st, const hli_uchar *name, bool copy) {
    int32_t h = hli_hash_gen(name);
    if ((st->count + 1) * 4 > st->cap * 3 && !grow(st) && st->count + 1 >= st->cap)
        return h; /* cannot register: the raw hash */
    for (;;) {
        hli_name_slot *s = find_slot(st, h);
        if (s->name == NULL) {
            const hli_uchar *n = name;
            if (copy) {
                size_t len = hli_ustrlen(name);
                hli_uchar *c = hli_arena_array(&st->arena, len + 1, sizeof *c);
                if (c == NULL)
                    return h;
                memcpy(c, name, len * sizeof *c);
                n = c;
            }
            s->name = n;
            s->hash = h;
            st->count++;
            return h;
        }
        if (ustr_eq(s->name, name))
            return h;
        h = (int32_t)((uint32_t)h + 1); /* collision with another name (haxe#5572) */
    }
}

int32_t hli_hash_name(hlffi_vm *vm, const hli_uchar *name) {
    hli_rt_state *st = hli_rt_state_of(vm);
    return st != NULL ? hli_rt_register_name(st, name, true) : hli_hash_gen(name);
}

const hli_uchar *hli_field_name(hlffi_vm *vm, int32_t hash) {
    hli_rt_state *st = hli_rt_state_of(vm);
    if (st == NULL || st->cap == 0)
        return NULL;
    return find_slot(st, hash)->name;
}

/* ---- UTF-8 <-> UTF-16 ------------------------------------------------------------------------- */

/* Decodes s[0..n) to UTF-16 into out (which may be NULL to count); returns the units. Malformed
 * sequences give U+FFFD per bad byte; encoded surrogates (CESU-style, as Haxe writes lone
 * surrogates) pass through as single units. */
static size_t utf8_decode(const uint8_t *s, size_t n, hli_uchar *out) {
    size_t k = 0, i = 0;
    while (i < n) {
        uint32_t c = s[i], cp = 0xFFFD;
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 1) {
            cp = c;
        } else if (len > 1 && i + len <= n) {
            uint32_t v = c & (0x7F >> len);
            size_t j = 1;
            for (; j < len && (s[i + j] & 0xC0) == 0x80; j++)
                v = (v << 6) | (s[i + j] & 0x3F);
            static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
            if (j == len && v >= min[len] && v <= 0x10FFFF)
                cp = v;
            else
                len = 1;
        } else {
            len = 1;
        }
        i += len;
        if (cp >= 0x10000) {
            if (out) {
                out[k] = (hli_uchar)(0xD800 + ((cp - 0x10000) >> 10));
                out[k + 1] = (hli_uchar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            }
            k += 2;
        } else {
            if (out)
                out[k] = (hli_uchar)cp;
            k++;
        }
    }
    return k;
}

size_t hli_rt_utf8_to_utf16(const char *s, size_t n, hli_uchar *out) {
    return utf8_decode((const uint8_t *)s, n, out);
}

/* UTF-16 -> UTF-8 for messages (surrogate pairs combined, lone surrogates encoded as 3 bytes). */
void hli_rt_utf16_to_utf8(const hli_uchar *s, char *buf, size_t size) {
    size_t k = 0;
    if (size == 0)
        return;
    for (; *s != 0; s++) {
        uint32_t c = *s;
        if (c >= 0xD800 && c < 0xDC00 && s[1] >= 0xDC00 && s[1] < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s[1] - 0xDC00u);
            s++;
        }
        char tmp[4];
        size_t n;
        if (c < 0x80)
            tmp[0] = (char)c, n = 1;
        else if (c < 0x800)
            tmp[0] = (char)(0xC0 | (c >> 6)), tmp[1] = (char)(0x80 | (c & 63)), n = 2;
        else if (c < 0x10000)
            tmp[0] = (char)(0xE0 | (c >> 12)), tmp[1] = (char)(0x80 | ((c >> 6) & 63)),
            tmp[2] = (char)(0x80 | (c & 63)), n = 3;
        else
            tmp[0] = (char)(0xF0 | (c >> 18)), tmp[1] = (char)(0x80 | ((c >> 12) & 63)),
            tmp[2] = (char)(0x80 | ((c >> 6) & 63)), tmp[3] = (char)(0x80 | (c & 63)), n = 4;
        if (k + n >= size)
            break;
        memcpy(buf + k, tmp, n);
        k += n;
    }
    buf[k] = 0;
}

const char *hli_rt_field_name_utf8(hlffi_vm *vm, int32_t hash, char *buf, size_t size) {
    const hli_uchar *n = hli_field_name(vm, hash);
    if (n == NULL)
        snprintf(buf, size, "???");
    else
        hli_rt_utf16_to_utf8(n, buf, size);
    return buf;
}

/* See rt.h: decodes to UTF-16 (on the stack for short names) and registers. */
int32_t hli_hash_utf8(hlffi_vm *vm, const char *name) {
    size_t n = strlen(name);
    size_t units = utf8_decode((const uint8_t *)name, n, NULL);
    hli_uchar small[128];
    hli_uchar *u = small;
    hlffi_vm *alloc_vm = vm;
    if (units + 1 > sizeof small / sizeof small[0]) {
        if (alloc_vm == NULL || (u = hli_mem_array(&alloc_vm->mem, units + 1, sizeof *u)) == NULL) {
            /* no memory: hash the raw units without registering (same value for unregistered names) */
            uint32_t h = 0;
            for (size_t i = 0; i < n; i++)
                h = h * 223u + (uint8_t)name[i];
            return (int32_t)h % 0x1FFFFF7B;
        }
    }
    utf8_decode((const uint8_t *)name, n, u);
    u[units] = 0;
    int32_t h = hli_hash_name(vm, u);
    if (u != small)
        hli_mem_free(&alloc_vm->mem, u, (units + 1) * sizeof *u);
    return h;
}

/* ---- module strings as UTF-16 ------------------------------------------------------------------ */

/* Module string i as UTF-16, converted on first use. */
const hli_uchar *hli_rt_ustring(hli_program *p, uint32_t i, int32_t *len) {
    if (p == NULL || p->m == NULL || p->names == NULL || p->ustrings == NULL || i >= p->m->nstrings)
        return NULL;
    if (p->ustrings[i] == NULL) {
        uint32_t n;
        const char *s = hli_module_string(p->m, i, &n);
        size_t units = utf8_decode((const uint8_t *)s, n, NULL);
        if (units > INT32_MAX - 1)
            return NULL;
        /* The linker's arrays own their strings (freed with hli_mem_free of (len + 1) units); arrays
         * made by hli_rt_link keep them in the rt arena. */
        hli_uchar *u = p->names->own_ustrings ? hli_arena_array(&p->names->arena, units + 1, sizeof *u)
                                              : hli_mem_array(p->names->mem, units + 1, sizeof *u);
        if (u == NULL)
            return NULL;
        utf8_decode((const uint8_t *)s, n, u);
        p->ustrings[i] = u;
        p->ustring_lengths[i] = (uint32_t)units;
    }
    if (len != NULL)
        *len = (int32_t)p->ustring_lengths[i];
    return p->ustrings[i];
}

const hli_uchar *hli_ustring(hlffi_vm *vm, uint32_t i, int32_t *len) {
    return hli_rt_ustring(vm != NULL ? vm->prog : NULL, i, len);
}
