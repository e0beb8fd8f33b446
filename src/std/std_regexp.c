/* Natives of EReg (hl-spec.md 8.1 "Regular expressions"): PCRE2 with 16-bit code units working directly
 * on the UTF-16 strings, compiled with HashLink's options; every byte PCRE2 allocates comes from the
 * VM's allocator (a general context per compilation), so a regexp is freed with its VM. */
#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "std/std_families.h"
#include "std/std_internal.h"

_Static_assert(sizeof(PCRE2_UCHAR) == sizeof(hli_uchar), "PCRE2 code units are UTF-16 units");
#if PCRE2_MAJOR < 10 || (PCRE2_MAJOR == 10 && PCRE2_MINOR < 34)
#error "PCRE2 10.34 or later is needed (PCRE2_MATCH_INVALID_UTF)"
#endif

/* The `abstract<ereg>` value: a GC block of kind FINALIZER (not scanned: it holds no GC pointer). */
typedef struct ereg {
    hli_gc_finalizer fin;  /* first word: frees the code and the match data when the regexp dies */
    pcre2_code *code;      /* the compiled pattern (its allocator: the VM's, through memctl) */
    pcre2_match_data *md;  /* the groups of the last match */
    int32_t ngroups;       /* capture groups + 1 (group 0 is the whole match) */
    bool matched;          /* the last regexp_match succeeded */
} ereg;

static void ereg_finalize(void *block) {
    ereg *r = block;
    pcre2_match_data_free(r->md); /* both accept NULL */
    pcre2_code_free(r->code);
    r->md = NULL;
    r->code = NULL;
}

/* ---- PCRE2's allocator: the VM's choke point (hli_mem), with the size kept in a header ------------- */

#define HDR_SIZE 16 /* keeps malloc's alignment for what follows */
_Static_assert(HDR_SIZE >= sizeof(size_t) && HDR_SIZE % _Alignof(max_align_t) == 0, "header keeps alignment");

static void *pcre_alloc(PCRE2_SIZE n, void *data) {
    if (n > SIZE_MAX - HDR_SIZE)
        return NULL;
    uint8_t *p = hli_mem_alloc(data, n + HDR_SIZE);
    if (p == NULL)
        return NULL;
    size_t size = n;
    memcpy(p, &size, sizeof size);
    return p + HDR_SIZE;
}

static void pcre_free(void *p, void *data) {
    if (p == NULL)
        return;
    uint8_t *base = (uint8_t *)p - HDR_SIZE;
    size_t size;
    memcpy(&size, base, sizeof size);
    hli_mem_free(data, base, size + HDR_SIZE);
}

/* ---- natives ---------------------------------------------------------------------------------------- */

/* Throws HashLink's compilation error, built in UTF-16 so that the pattern is quoted unit for unit:
 * "Regexp compilation error : <PCRE2 message> in <pattern>". */
static hli_status throw_compile_error(hli_thread *th, int code, const hli_uchar *pattern) {
    static const char prefix[] = "Regexp compilation error : ", mid[] = " in ";
    PCRE2_UCHAR msg[256];
    int mlen = pcre2_get_error_message(code, msg, sizeof msg / sizeof msg[0]);
    if (mlen < 0) /* truncated (PCRE2_ERROR_NOMEMORY) or unknown code: use what was written */
        mlen = (int)hli_std_ustrlen(msg);
    size_t plen = (size_t)hli_std_ustrlen(pattern);
    size_t n = sizeof prefix - 1 + (size_t)mlen + sizeof mid - 1 + plen;
    if (n > (size_t)INT32_MAX)
        return hli_throw_oom(th, n);
    hli_uchar *text = hli_alloc(th, (n + 1) * sizeof(hli_uchar), HLI_GC_NOPTR);
    if (text == NULL)
        return HLI_EXC;
    size_t k = 0;
    for (size_t i = 0; i < sizeof prefix - 1; i++)
        text[k++] = (uint8_t)prefix[i];
    memcpy(text + k, msg, (size_t)mlen * sizeof(hli_uchar));
    k += (size_t)mlen;
    for (size_t i = 0; i < sizeof mid - 1; i++)
        text[k++] = (uint8_t)mid[i];
    memcpy(text + k, pattern, plen * sizeof(hli_uchar));
    hli_root_push(th, &text);
    vdynamic *box = hli_alloc_box(th, HLI_T(bytes));
    hli_root_pop(th, 1);
    if (box == NULL)
        return HLI_EXC;
    box->v.bytes = (uint8_t *)text;
    return hli_throw(th, box);
}

/* regexp_new_options(pattern, options): compiles the NUL-terminated UTF-16 pattern. Options: i caseless,
 * s dotall, m multiline, u (nothing: always UTF), g ungreedy (EReg strips its "g" first); any other
 * letter returns null. Always UTF + UCP + ALT_BSUX + ALLOW_EMPTY_CLASS + MATCH_UNSET_BACKREF as
 * HashLink, plus MATCH_INVALID_UTF: HashLink matches with NO_UTF_CHECK, which is undefined behaviour in
 * PCRE2 on a lone surrogate; here such a unit can never match and nothing reads out of bounds. */
static hli_status n_regexp_new_options(hli_thread *th, hli_reg *args, hli_reg *ret) {
    const hli_uchar *pattern = args[0].p, *o = args[1].p;
    ret->p = NULL;
    if (pattern == NULL || o == NULL)
        return hli_throw_error(th, "Null access");
    uint32_t options = PCRE2_UCP | PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS |
                       PCRE2_MATCH_UNSET_BACKREF | PCRE2_MATCH_INVALID_UTF;
    for (; *o != 0; o++) {
        switch (*o) {
        case 'i': options |= PCRE2_CASELESS; break;
        case 's': options |= PCRE2_DOTALL; break;
        case 'm': options |= PCRE2_MULTILINE; break;
        case 'u': break;
        case 'g': options |= PCRE2_UNGREEDY; break;
        default: return HLI_OK;
        }
    }
    /* The block first (zeroed: its finalizer frees whatever gets attached to it). */
    ereg *r = hli_alloc(th, sizeof(ereg), HLI_GC_FINALIZER);
    if (r == NULL)
        return HLI_EXC;
    r->fin = ereg_finalize;
    pcre2_general_context *gc = pcre2_general_context_create(pcre_alloc, pcre_free, &th->vm->mem);
    pcre2_compile_context *cc = gc != NULL ? pcre2_compile_context_create(gc) : NULL;
    if (cc == NULL) {
        pcre2_general_context_free(gc);
        return hli_throw_oom(th, 0);
    }
    int err = 0;
    PCRE2_SIZE erroff = 0;
    r->code = pcre2_compile(pattern, PCRE2_ZERO_TERMINATED, options, &err, &erroff, cc);
    pcre2_compile_context_free(cc);
    if (r->code == NULL) {
        pcre2_general_context_free(gc);
        if (err == PCRE2_ERROR_HEAP_FAILED)
            return hli_throw_oom(th, 0);
        return throw_compile_error(th, err, pattern);
    }
    r->md = pcre2_match_data_create_from_pattern(r->code, gc);
    pcre2_general_context_free(gc);
    if (r->md == NULL)
        return hli_throw_oom(th, 0);
    uint32_t captures = 0;
    pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &captures);
    r->ngroups = (int32_t)captures + 1;
    ret->p = r;
    return HLI_OK;
}

/* regexp_match(r, s, pos, len): matches the UTF-16 units [0, pos + len) of s from offset pos (so
 * lookbehinds and \b see the text before pos); false when nothing matches. PCRE2's failures (a bad
 * offset, the match limit) throw HashLink's message, as do negative offsets and a range that runs past
 * the end of a GC-allocated subject (HashLink would read out of bounds: strings outside the GC heap,
 * literals and C memory, are trusted). */
static hli_status n_regexp_match(hli_thread *th, hli_reg *args, hli_reg *ret) {
    static const char failed[] = "An error occurred while running pcre2_match()";
    ereg *r = args[0].p;
    const hli_uchar *s = args[1].p;
    int32_t pos = args[2].i, len = args[3].i;
    ret->i64 = 0;
    if (r == NULL || s == NULL || r->code == NULL)
        return hli_throw_error(th, "Null access");
    r->matched = false;
    int64_t end = (int64_t)pos + len;
    if (pos < 0 || end < 0)
        return hli_throw_error(th, "%s", failed);
    size_t bsize = 0;
    const uint8_t *block = hli_gc_block_of(th->vm->gc, s, &bsize);
    if (block != NULL && (size_t)((const uint8_t *)s - block) + (size_t)end * sizeof(hli_uchar) > bsize)
        return hli_throw_error(th, "%s", failed);
    int rc = pcre2_match(r->code, s, (PCRE2_SIZE)end, (PCRE2_SIZE)pos, 0, r->md, NULL);
    if (rc >= 0) {
        r->matched = true;
        ret->i64 = 1;
        return HLI_OK;
    }
    if (rc == PCRE2_ERROR_NOMATCH)
        return HLI_OK;
    if (rc == PCRE2_ERROR_NOMEMORY)
        return hli_throw_oom(th, 0);
    return hli_throw_error(th, "%s", failed);
}

/* regexp_matched_pos(r, n, ref len): the start of group n of the last match in UTF-16 units (from the
 * start of the subject) and its length through the ref; an unset group gives -1 and length 0. */
static hli_status n_regexp_matched_pos(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ereg *r = args[0].p;
    int32_t n = args[1].i;
    ret->i = -1;
    if (r == NULL)
        return hli_throw_error(th, "Null access");
    if (!r->matched)
        return hli_throw_error(th, "Calling regexp_matched_pos() on an unmatched regexp");
    if (n < 0 || n >= r->ngroups)
        return hli_throw_error(th, "Matched index %d outside bounds", (int)n);
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
    /* PCRE2_UNSET (all ones) truncates to -1, as HashLink's (int) casts. */
    int32_t start = (int32_t)(uint32_t)ov[2 * n], stop = (int32_t)(uint32_t)ov[2 * n + 1];
    hli_std_set_ref_i32(args[2].p, (int32_t)((uint32_t)stop - (uint32_t)start));
    ret->i = start;
    return HLI_OK;
}

const hli_native_def hli_std_regexp_natives[] = {
    {"std", "regexp_new_options", "PBB_Xereg_", n_regexp_new_options},
    {"std", "regexp_match", "PXereg_Bii_b", n_regexp_match},
    {"std", "regexp_matched_pos", "PXereg_iRi_i", n_regexp_matched_pos},
    {NULL, NULL, NULL, NULL},
};
