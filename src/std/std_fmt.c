/* Natives of HashLink's "fmt" library that the Haxe standard library needs (hl-spec.md 8.1): `digest`
 * (hl.Format.digest, behind haxe.crypto.Md5/Sha1 on HashLink) and the zlib streams behind haxe.zip
 * (Compress/Uncompress and through them Reader/Writer). MD5 and SHA-1 are written here; CRC-32 and
 * Adler-32 come from zlib, like HashLink's. Every byte zlib allocates comes from the VM's allocator. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include "std/std_families.h"
#include "std/std_internal.h"

/* ---- MD5 (RFC 1321) ------------------------------------------------------------------------------ */

typedef struct md5_ctx {
    uint32_t state[4];
    uint64_t total; /* bytes so far */
    uint8_t buf[64];
} md5_ctx;

static uint32_t rol32(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }

static uint32_t load_le32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t load_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static void store_le32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static void store_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void md5_block(uint32_t st[4], const uint8_t *blk) {
    static const uint32_t K[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
    static const uint8_t R[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                  5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};
    uint32_t w[16];
    for (int i = 0; i < 16; i++)
        w[i] = load_le32(blk + 4 * i);
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        if (i < 16) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (i < 32) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) & 15;
        } else if (i < 48) {
            f = b ^ c ^ d;
            g = (3 * i + 5) & 15;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) & 15;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rol32(a + f + K[i] + w[g], R[i]);
        a = t;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
}

/* ---- SHA-1 (FIPS 180-4) -------------------------------------------------------------------------- */

static void sha1_block(uint32_t st[5], const uint8_t *blk) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = load_be32(blk + 4 * i);
    for (int i = 16; i < 80; i++)
        w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t t = rol32(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol32(b, 30);
        b = a;
        a = t;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
}

/* Both hashes share the Merkle-Damgard padding: 0x80, zeros, the bit length in 8 bytes (little-endian
 * for MD5, big-endian for SHA-1) closing a 64-byte block. */
typedef void (*block_fn)(uint32_t *st, const uint8_t *blk);

static void md_hash(block_fn block, uint32_t *st, const uint8_t *in, size_t len, bool big_endian) {
    size_t full = len & ~(size_t)63;
    for (size_t i = 0; i < full; i += 64)
        block(st, in + i);
    uint8_t tail[128];
    size_t rest = len - full;
    memcpy(tail, in + full, rest); /* in may be NULL only when len == 0 (rest == 0) */
    memset(tail + rest, 0, sizeof tail - rest);
    tail[rest] = 0x80;
    size_t tlen = rest < 56 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++)
        tail[tlen - 8 + (size_t)i] = (uint8_t)(bits >> (big_endian ? 8 * (7 - i) : 8 * i));
    block(st, tail);
    if (tlen == 128)
        block(st, tail + 64);
}

static void md5_block_fn(uint32_t *st, const uint8_t *blk) { md5_block(st, blk); }
static void sha1_block_fn(uint32_t *st, const uint8_t *blk) { sha1_block(st, blk); }

static void md5(const uint8_t *in, size_t len, uint8_t out[16]) {
    uint32_t st[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    md_hash(md5_block_fn, st, in, len, false);
    for (int i = 0; i < 4; i++)
        store_le32(out + 4 * i, st[i]);
}

static void sha1(const uint8_t *in, size_t len, uint8_t out[20]) {
    uint32_t st[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    md_hash(sha1_block_fn, st, in, len, true);
    for (int i = 0; i < 5; i++)
        store_be32(out + 4 * i, st[i]);
}

/* zlib's crc32/adler32 take at most UINT_MAX bytes per call. */
static uint32_t crc32_all(uint32_t crc, const uint8_t *in, size_t len) {
    uLong c = crc;
    while (len > 0) {
        uInt n = len > 0x40000000u ? 0x40000000u : (uInt)len;
        c = crc32(c, in, n);
        in += n;
        len -= n;
    }
    return (uint32_t)c;
}

static uint32_t adler32_all(uint32_t a, const uint8_t *in, size_t len) {
    uLong c = a;
    while (len > 0) {
        uInt n = len > 0x40000000u ? 0x40000000u : (uInt)len;
        c = adler32(c, in, n);
        in += n;
        len -= n;
    }
    return (uint32_t)c;
}

/* digest(out, src, len, format): format & 0xFF selects 0 MD5 (16 bytes to out), 1 SHA-1 (20 bytes),
 * 2 CRC-32, 3 Adler-32 (both continue from the i32 already at out, native-endian, and store the new
 * one there, as HashLink's crc32(*(int*)out, ...)). Flag 256: src is a NUL-terminated UTF-16 string,
 * hashed as its UTF-8 (len is then ignored: HashLink's hl_to_utf8 stops at the first NUL; a lone
 * surrogate becomes U+FFFD here). Another format throws "Unknown digest format N". */
static hli_status n_digest(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    uint8_t *out = args[0].p;
    const uint8_t *src = args[1].p;
    int32_t len = args[2].i, format = args[3].i;
    int alg = format & 0xFF;
    if (alg > 3)
        return hli_throw_error(th, "Unknown digest format %d", alg);
    if (out == NULL)
        return hli_throw_error(th, "Null access");
    uint8_t *utf8 = NULL;
    size_t n = 0, usize = 0;
    if (format & 256) {
        const hli_uchar *s = args[1].p;
        if (s == NULL)
            return hli_throw_error(th, "Null access");
        size_t units = (size_t)hli_std_ustrlen(s);
        n = hli_std_utf16_to_utf8(s, units, NULL);
        usize = n + 1;
        utf8 = hli_mem_alloc(&th->vm->mem, usize);
        if (utf8 == NULL)
            return hli_throw_oom(th, usize);
        hli_std_utf16_to_utf8(s, units, utf8);
        src = utf8;
    } else {
        n = len > 0 ? (size_t)len : 0;
        if (n > 0 && src == NULL)
            return hli_throw_error(th, "Null access");
    }
    uint32_t v;
    switch (alg) {
    case 0: md5(src, n, out); break;
    case 1: sha1(src, n, out); break;
    case 2:
        memcpy(&v, out, sizeof v);
        v = crc32_all(v, src, n);
        memcpy(out, &v, sizeof v);
        break;
    default:
        memcpy(&v, out, sizeof v);
        v = adler32_all(v, src, n);
        memcpy(out, &v, sizeof v);
        break;
    }
    hli_mem_free(&th->vm->mem, utf8, usize);
    return HLI_OK;
}

/* ---- zlib streams (haxe.zip.Compress / Uncompress) ------------------------------------------------ */

/* The `abstract<fmt_zip>` value: a GC block of kind FINALIZER (not scanned: the z_stream's pointers
 * are zlib's own state from the VM's allocator, and next_in/next_out are cleared after every call).
 * The z_stream lives in the block itself: the GC does not move blocks. */
typedef struct fmt_zip {
    hli_gc_finalizer fin; /* first word: ends the stream when the block dies */
    z_stream z;
    int flush;     /* zlib flush mode for the next call (zip_flush_mode), Z_NO_FLUSH at first */
    bool inflate;  /* an inflater (inflate_init), else a deflater */
    bool live;     /* initialised and not yet ended */
} fmt_zip;

static void zip_finalize(void *block) {
    fmt_zip *s = block;
    if (!s->live)
        return;
    s->live = false;
    if (s->inflate)
        inflateEnd(&s->z);
    else
        deflateEnd(&s->z);
}

#define HDR_SIZE 16 /* keeps malloc's alignment for what follows */
_Static_assert(HDR_SIZE >= sizeof(size_t) && HDR_SIZE % _Alignof(max_align_t) == 0, "header keeps alignment");

static voidpf zip_alloc(voidpf opaque, uInt items, uInt size) {
    if (size != 0 && items > (SIZE_MAX - HDR_SIZE) / size)
        return Z_NULL;
    size_t n = (size_t)items * size;
    uint8_t *p = hli_mem_alloc(opaque, n + HDR_SIZE);
    if (p == NULL)
        return Z_NULL;
    memcpy(p, &n, sizeof n);
    return p + HDR_SIZE;
}

static void zip_free(voidpf opaque, voidpf p) {
    if (p == NULL)
        return;
    uint8_t *base = (uint8_t *)p - HDR_SIZE;
    size_t n;
    memcpy(&n, base, sizeof n);
    hli_mem_free(opaque, base, n + HDR_SIZE);
}

/* HashLink's zlib_error: "ZLib Error : <zlib message> (<code>)", or "ZLib Error : <code>" without one. */
static hli_status zlib_error(hli_thread *th, const z_stream *z, int err) {
    if (err == Z_MEM_ERROR)
        return hli_throw_oom(th, 0);
    if (z != NULL && z->msg != NULL)
        return hli_throw_error(th, "ZLib Error : %s (%d)", z->msg, err);
    return hli_throw_error(th, "ZLib Error : %d", err);
}

/* A new zeroed stream block using the VM's allocator, not yet initialised. */
static fmt_zip *zip_new(hli_thread *th, bool inflate) {
    fmt_zip *s = hli_alloc(th, sizeof(fmt_zip), HLI_GC_FINALIZER);
    if (s == NULL)
        return NULL;
    memset(s, 0, sizeof *s);
    s->fin = zip_finalize;
    s->z.zalloc = zip_alloc;
    s->z.zfree = zip_free;
    s->z.opaque = &th->vm->mem;
    s->flush = Z_NO_FLUSH;
    s->inflate = inflate;
    return s;
}

/* inflate_init(bits): an inflater with that window (0, which a null Null<Int> becomes: MAX_WBITS, a
 * zlib header expected); zlib's refusal throws "ZLib Error : <code>". */
static hli_status n_inflate_init(hli_thread *th, hli_reg *args, hli_reg *ret) {
    int bits = args[0].i == 0 ? MAX_WBITS : args[0].i;
    ret->p = NULL;
    fmt_zip *s = zip_new(th, true);
    if (s == NULL)
        return HLI_EXC;
    int err = inflateInit2(&s->z, bits);
    if (err != Z_OK)
        return zlib_error(th, NULL, err);
    s->live = true;
    ret->p = s;
    return HLI_OK;
}

/* deflate_init(level): a deflater at that level (-1 default, 0..9); zlib's refusal throws. */
static hli_status n_deflate_init(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ret->p = NULL;
    fmt_zip *s = zip_new(th, false);
    if (s == NULL)
        return HLI_EXC;
    int err = deflateInit(&s->z, args[0].i);
    if (err != Z_OK)
        return zlib_error(th, NULL, err);
    s->live = true;
    ret->p = s;
    return HLI_OK;
}

/* inflate_buffer / deflate_buffer(s, src, srcpos, srclen, dst, dstpos, dstlen, ref read, ref write):
 * one inflate()/deflate() call with the stream's flush mode on src[srcpos, srclen) into
 * dst[dstpos, dstlen) (the lengths are the buffers' ends, not counts); the bytes consumed and produced
 * go through the refs; true when the stream ended (Z_STREAM_END). Negative positions or counts throw
 * "Out of range", zlib errors (including Z_BUF_ERROR: no progress possible) "ZLib Error : ...". A
 * stream already ended by zip_end throws "Null access" (HashLink dereferences a null pointer). */
static hli_status zip_buffer(hli_thread *th, hli_reg *args, hli_reg *ret) {
    fmt_zip *s = args[0].p;
    uint8_t *src = args[1].p, *dst = args[4].p;
    int32_t srcpos = args[2].i, dstpos = args[5].i;
    int64_t slen = (int64_t)args[3].i - srcpos, dlen = (int64_t)args[6].i - dstpos;
    ret->b = 0;
    if (s == NULL || !s->live)
        return hli_throw_error(th, "Null access");
    if (srcpos < 0 || dstpos < 0 || slen < 0 || dlen < 0 || slen > INT32_MAX || dlen > INT32_MAX)
        return hli_throw_error(th, "Out of range");
    if ((src == NULL && slen > 0) || (dst == NULL && dlen > 0))
        return hli_throw_error(th, "Null access");
    z_stream *z = &s->z;
    z->next_in = src != NULL ? src + srcpos : Z_NULL;
    z->next_out = dst != NULL ? dst + dstpos : Z_NULL;
    z->avail_in = (uInt)slen;
    z->avail_out = (uInt)dlen;
    /* The stream's kind decides (as in HashLink, both natives would run either kind of stream). */
    int err = s->inflate ? inflate(z, s->flush) : deflate(z, s->flush);
    uInt left_in = z->avail_in, left_out = z->avail_out;
    z->next_in = Z_NULL;
    z->next_out = Z_NULL;
    z->avail_in = 0;
    z->avail_out = 0;
    if (err < 0)
        return zlib_error(th, z, err);
    hli_std_set_ref_i32(args[7].p, (int32_t)(slen - (int64_t)left_in));
    hli_std_set_ref_i32(args[8].p, (int32_t)(dlen - (int64_t)left_out));
    ret->b = err == Z_STREAM_END;
    return HLI_OK;
}

static hli_status n_inflate_buffer(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return zip_buffer(th, args, ret);
}

static hli_status n_deflate_buffer(hli_thread *th, hli_reg *args, hli_reg *ret) {
    return zip_buffer(th, args, ret);
}

/* deflate_bound(s, size): zlib's deflateBound for the stream (its conservative stream-less bound for an
 * ended stream or an inflater), truncated to i32. */
static hli_status n_deflate_bound(hli_thread *th, hli_reg *args, hli_reg *ret) {
    fmt_zip *s = args[0].p;
    if (s == NULL)
        return hli_throw_error(th, "Null access");
    uLong size = (uLong)(uint32_t)args[1].i;
    uLong bound = s->live && !s->inflate ? deflateBound(&s->z, size) : deflateBound(Z_NULL, size);
    ret->i = (int32_t)(uint32_t)bound;
    return HLI_OK;
}

/* zip_end(s): ends the stream now (a second call does nothing; the finalizer then has nothing to do). */
static hli_status n_zip_end(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)ret;
    if (args[0].p == NULL)
        return hli_throw_error(th, "Null access");
    zip_finalize(args[0].p);
    return HLI_OK;
}

/* zip_flush_mode(s, mode): haxe.zip.FlushMode's index: 0 NO, 1 SYNC, 2 FULL, 3 FINISH, 4 BLOCK; another
 * throws "Invalid flush mode N". */
static hli_status n_zip_flush_mode(hli_thread *th, hli_reg *args, hli_reg *ret) {
    static const int modes[] = {Z_NO_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK};
    (void)ret;
    fmt_zip *s = args[0].p;
    int32_t mode = args[1].i;
    if (s == NULL)
        return hli_throw_error(th, "Null access");
    if (mode < 0 || mode > 4)
        return hli_throw_error(th, "Invalid flush mode %d", (int)mode);
    s->flush = modes[mode];
    return HLI_OK;
}

const hli_native_def hli_std_fmt_natives[] = {
    {"fmt", "digest", "PBBii_v", n_digest},
    {"fmt", "inflate_init", "Pi_Xfmt_zip_", n_inflate_init},
    {"fmt", "deflate_init", "Pi_Xfmt_zip_", n_deflate_init},
    {"fmt", "inflate_buffer", "PXfmt_zip_BiiBiiRiRi_b", n_inflate_buffer},
    {"fmt", "deflate_buffer", "PXfmt_zip_BiiBiiRiRi_b", n_deflate_buffer},
    {"fmt", "deflate_bound", "PXfmt_zip_i_i", n_deflate_bound},
    {"fmt", "zip_end", "PXfmt_zip__v", n_zip_end},
    {"fmt", "zip_flush_mode", "PXfmt_zip_i_v", n_zip_flush_mode},
    {NULL, NULL, NULL, NULL},
};
