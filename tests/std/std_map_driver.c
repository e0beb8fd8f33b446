/* Drives the map natives from a script on stdin, for check_maps.py (which replays the same script on
 * shared/tools/mapsim.py). `--stress` collects at every allocation. */

/* One command per line:
 *   B / I        start a new bytes (string) / int map
 *   + key value  set (value: an int, stored boxed)     - key   remove (prints 1 or 0)
 *   K            print the keys and values in iteration order: "k1=v1 k2=v2 ..."
 *   C            clear
 * Keys are UTF-8 text for the bytes map, decimal ints for the int map. Look-ups are checked here: after
 * a removal the key is absent (get null, exists false), and at each K every listed key is found (exists)
 * with the listed value (get); a failure exits with 4. */
#include <stdlib.h>
#include <string.h>

#include "std_harness.h"

/* get and exists of key a[1] (a[0]: the map): the value found, or NULL; *found: exists' answer. */
static bool lookup(sth *h, bool bytes, hli_reg *a, vdynamic **value, bool *found) {
    hli_reg r;
    if (sth_call(h, bytes ? "hbget" : "higet", a, &r) != HLI_OK)
        return false;
    *value = r.p;
    if (sth_call(h, bytes ? "hbexists" : "hiexists", a, &r) != HLI_OK)
        return false;
    *found = r.b;
    return true;
}

int main(int argc, char **argv) {
    sth h;
    if (!sth_open(&h, 0, NULL, argc > 1 && strcmp(argv[1], "--stress") == 0))
        return 1;
    hli_thread *th = h.th;
    void *map = NULL;
    hli_root_push(th, &map);
    bool bytes = true;
    char line[4096];
    hli_reg r;
    while (fgets(line, sizeof line, stdin) != NULL) {
        line[strcspn(line, "\r\n")] = 0;
        char cmd = line[0];
        char *arg = line[1] == ' ' ? line + 2 : line + 1;
        if (cmd == 'B' || cmd == 'I') {
            bytes = cmd == 'B';
            hli_reg none[1] = {{.p = NULL}};
            if (sth_call(&h, bytes ? "hballoc" : "hialloc", none, &r) != HLI_OK)
                return 2;
            map = r.p;
        } else if (cmd == '+' || cmd == '-') {
            char *value = NULL;
            if (cmd == '+') {
                value = strrchr(arg, ' ');
                *value++ = 0;
            }
            hli_reg a[3];
            a[0].p = map;
            void *key = NULL;
            hli_root_push(th, &key);
            if (bytes) {
                key = sth_gc_u16(&h, arg);
                a[1].p = key;
            } else {
                a[1].i = (int32_t)strtol(arg, NULL, 10);
            }
            if (cmd == '+') {
                vdynamic *box = hli_alloc_box(th, HLI_T(i32));
                box->v.i = (int32_t)strtol(value, NULL, 10);
                a[1].p = bytes ? key : a[1].p;
                a[2].p = box;
                if (sth_call(&h, bytes ? "hbset" : "hiset", a, &r) != HLI_OK)
                    return 2;
            } else {
                if (sth_call(&h, bytes ? "hbremove" : "hiremove", a, &r) != HLI_OK)
                    return 2;
                printf("%d\n", r.b);
                vdynamic *got;
                bool found;
                if (!lookup(&h, bytes, a, &got, &found))
                    return 2;
                if (got != NULL || found) {
                    fprintf(stderr, "removed key %s still found\n", arg);
                    return 4;
                }
            }
            hli_root_pop(th, 1);
        } else if (cmd == 'K') {
            hli_reg a[1] = {{.p = map}};
            if (sth_call(&h, bytes ? "hbkeys" : "hikeys", a, &r) != HLI_OK)
                return 2;
            varray *keys = r.p;
            hli_root_push(th, &keys);
            if (sth_call(&h, bytes ? "hbvalues" : "hivalues", a, &r) != HLI_OK)
                return 2;
            varray *values = r.p;
            hli_root_pop(th, 1);
            if (keys->size != values->size)
                return 3;
            hli_root_push(th, &keys);
            hli_root_push(th, (void **)&values);
            for (int32_t i = 0; i < keys->size; i++) {
                hli_reg q[2];
                q[0].p = map;
                if (bytes)
                    q[1].p = hli_aptr(keys, hli_uchar *)[i];
                else
                    q[1].i = hli_aptr(keys, int32_t)[i];
                vdynamic *got;
                bool found;
                if (!lookup(&h, bytes, q, &got, &found))
                    return 2;
                if (got != hli_aptr(values, vdynamic *)[i] || !found) {
                    fprintf(stderr, "key %d of %d: get/exists disagree with the listing\n", (int)i,
                            (int)keys->size);
                    return 4;
                }
            }
            hli_root_pop(th, 2);
            for (int32_t i = 0; i < keys->size; i++) {
                vdynamic *v = hli_aptr(values, vdynamic *)[i];
                if (bytes)
                    printf("%s%s=%d", i ? " " : "", sth_u8(hli_aptr(keys, hli_uchar *)[i], -1), v->v.i);
                else
                    printf("%s%d=%d", i ? " " : "", hli_aptr(keys, int32_t)[i], v->v.i);
            }
            printf("\n");
        } else if (cmd == 'C') {
            hli_reg a[1] = {{.p = map}};
            if (sth_call(&h, bytes ? "hbclear" : "hiclear", a, &r) != HLI_OK)
                return 2;
        }
    }
    hli_root_pop(th, 1);
    sth_close(&h);
    return 0;
}
