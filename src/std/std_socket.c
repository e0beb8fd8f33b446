/* Natives of sys.net.Socket, sys.net.UdpSocket and sys.net.Host (hl-spec.md 8.1 "Sockets and hosts"):
 * IPv4 TCP and UDP sockets, IPv4 addresses as i32 in network byte order. The handle is a finalizer
 * block whose finalizer closes the descriptor (HashLink leaks a socket the program never closes).
 * Differences from HashLink, all in the direction of never crashing or blocking the host:
 *  - descriptors are close-on-exec from their creation (socket/accept4 with SOCK_CLOEXEC on Linux);
 *  - sends use MSG_NOSIGNAL (SO_NOSIGPIPE where MSG_NOSIGNAL does not exist): no SIGPIPE ever;
 *  - calls interrupted by a signal (EINTR) are retried instead of reporting an error;
 *  - socket_select waits with poll(), so descriptors above FD_SETSIZE are fine; its scratch buffer
 *    holds pollfd entries (socket_fd_size gives n * sizeof(struct pollfd), not sizeof(fd_set));
 *  - strings (host_to_string, host_reverse) are copied into the GC heap, not static buffers;
 *  - a null or closed handle, a null buffer or a negative length gives the error result. */
#define _GNU_SOURCE /* accept4, SOCK_CLOEXEC, NI_MAXHOST on Linux; POSIX 2008 elsewhere */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "exec/exec.h"
#include "std/std_families.h"
#include "std/std_internal.h"

#if !defined(MSG_NOSIGNAL)
#define MSG_NOSIGNAL 0 /* macOS/BSD: SO_NOSIGPIPE is set on every socket instead */
#endif

/* The `abstract<hl_socket>` value: a GC block of kind FINALIZER (not scanned: no GC pointer). */
typedef struct hsocket {
    hli_gc_finalizer fin; /* first word: closes `fd` when the handle dies (and at VM destroy) */
    int fd;               /* -1 once closed (or before the socket exists) */
} hsocket;

static void hsocket_finalize(void *block) {
    hsocket *s = block;
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
}

/* A new handle without a descriptor, or NULL with an exception pending. Allocated before the descriptor
 * is made, so that running out of memory never leaks one. */
static hsocket *hsocket_alloc(hli_thread *th) {
    hsocket *s = hli_alloc(th, sizeof(hsocket), HLI_GC_FINALIZER);
    if (s == NULL)
        return NULL;
    s->fin = hsocket_finalize;
    s->fd = -1;
    return s;
}

/* The descriptor of a handle argument, -1 for a null or closed handle. */
static int arg_fd(const hli_reg *a) {
    hsocket *s = a->p;
    return s == NULL ? -1 : s->fd;
}

/* Per-socket setup: close-on-exec where it could not be asked for at creation, no SIGPIPE on macOS. */
static void setup_fd(int fd) {
#if !defined(SOCK_CLOEXEC)
    int old = fcntl(fd, F_GETFD);
    if (old >= 0)
        (void)fcntl(fd, F_SETFD, old | FD_CLOEXEC);
#endif
#if defined(SO_NOSIGPIPE)
    int one = 1;
    (void)setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof(one));
#endif
    (void)fd;
}

/* HashLink's block_error: -1 when the call would block (or a connect is under way), -2 otherwise. */
static int32_t block_error(void) {
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINPROGRESS || errno == EALREADY)
        return -1;
    return -2;
}

/* Byte address p + off (offsets are trusted, as HashLink does: the Haxe std checks them first). */
static uint8_t *at(void *p, int32_t off) { return (uint8_t *)((uintptr_t)p + (uintptr_t)(intptr_t)off); }

static void make_addr(struct sockaddr_in *addr, int32_t host, int32_t port) {
    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_port = htons((uint16_t)port);
    memcpy(&addr->sin_addr.s_addr, &host, 4);
}

static int32_t addr_host(const struct sockaddr_in *addr) {
    int32_t h;
    memcpy(&h, &addr->sin_addr.s_addr, 4);
    return h;
}

/* ---- sockets ----------------------------------------------------------------------------------- */

static hli_status n_socket_init(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)args, (void)ret; /* nothing to do on POSIX (WSAStartup on Windows) */
    return HLI_OK;
}

/* socket_new(udp): a new IPv4 TCP (false) or UDP (true) socket; null when the system refuses. */
static hli_status n_socket_new(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ret->p = NULL;
    hsocket *s = hsocket_alloc(th);
    if (s == NULL)
        return HLI_EXC;
    int type = args[0].b ? SOCK_DGRAM : SOCK_STREAM;
#if defined(SOCK_CLOEXEC)
    type |= SOCK_CLOEXEC;
#endif
    s->fd = socket(AF_INET, type, 0);
    if (s->fd < 0)
        return HLI_OK;
    setup_fd(s->fd);
    ret->p = s;
    return HLI_OK;
}

/* socket_close(s): closes the descriptor; idempotent, null is fine. */
static hli_status n_socket_close(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th, (void)ret;
    hsocket *s = args[0].p;
    if (s != NULL)
        hsocket_finalize(s);
    return HLI_OK;
}

/* socket_connect(s, host, port): true when connected or, for a non-blocking socket, when the
 * connection is under way; false on failure (refused, unreachable, null handle). A blocking connect
 * a signal interrupts goes on in the kernel: it is waited for and its outcome returned. */
static hli_status n_socket_connect(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    int fd = arg_fd(&args[0]);
    ret->b = false;
    if (fd < 0)
        return HLI_OK;
    struct sockaddr_in addr;
    make_addr(&addr, args[1].i, args[2].i);
    if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0) {
        ret->b = true;
        return HLI_OK;
    }
    if (errno == EINTR) {
        struct pollfd p = {fd, POLLOUT, 0};
        int r;
        do
            r = poll(&p, 1, -1);
        while (r < 0 && errno == EINTR);
        int err = 0;
        socklen_t len = sizeof(err);
        ret->b = r == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0;
        return HLI_OK;
    }
    ret->b = block_error() == -1; /* in progress */
    return HLI_OK;
}

static hli_status n_socket_listen(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    int fd = arg_fd(&args[0]);
    ret->b = fd >= 0 && listen(fd, args[1].i) == 0;
    return HLI_OK;
}

/* socket_bind(s, host, port): with SO_REUSEADDR, as HashLink on POSIX. */
static hli_status n_socket_bind(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    int fd = arg_fd(&args[0]);
    ret->b = false;
    if (fd < 0)
        return HLI_OK;
    struct sockaddr_in addr;
    make_addr(&addr, args[1].i, args[2].i);
    int one = 1;
    (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    ret->b = bind(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0;
    return HLI_OK;
}

/* socket_accept(s): the accepted connection (blocking, as on Linux, whatever the listening socket's
 * mode), or null (nothing pending on a non-blocking socket, or an error). */
static hli_status n_socket_accept(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ret->p = NULL;
    if (arg_fd(&args[0]) < 0)
        return HLI_OK;
    hsocket *c = hsocket_alloc(th); /* may collect: args[0] stays reachable through the caller */
    if (c == NULL)
        return HLI_EXC;
    int fd = arg_fd(&args[0]);
    if (fd < 0)
        return HLI_OK;
    struct sockaddr_in addr;
    socklen_t len = sizeof(addr);
    int nfd;
    do {
#if defined(SOCK_CLOEXEC) && defined(__linux__)
        nfd = accept4(fd, (struct sockaddr *)&addr, &len, SOCK_CLOEXEC);
#else
        nfd = accept(fd, (struct sockaddr *)&addr, &len);
#endif
    } while (nfd < 0 && errno == EINTR);
    if (nfd < 0)
        return HLI_OK;
#if defined(SOCK_CLOEXEC) && !defined(__linux__)
    {
        int old = fcntl(nfd, F_GETFD);
        if (old >= 0)
            (void)fcntl(nfd, F_SETFD, old | FD_CLOEXEC);
    }
#endif
    setup_fd(nfd);
    c->fd = nfd;
    ret->p = c;
    return HLI_OK;
}

/* socket_peer / socket_host (s, ref host, ref port): the remote / local address; false on error. */
static void sock_name(hli_reg *args, hli_reg *ret, bool peer) {
    int fd = arg_fd(&args[0]);
    ret->b = false;
    if (fd < 0)
        return;
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof(addr));
    socklen_t len = sizeof(addr);
    int r = peer ? getpeername(fd, (struct sockaddr *)&addr, &len) : getsockname(fd, (struct sockaddr *)&addr, &len);
    if (r != 0)
        return;
    hli_std_set_ref_i32(args[1].p, addr_host(&addr));
    hli_std_set_ref_i32(args[2].p, ntohs(addr.sin_port));
    ret->b = true;
}

static hli_status n_socket_peer(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    sock_name(args, ret, true);
    return HLI_OK;
}

static hli_status n_socket_host(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    sock_name(args, ret, false);
    return HLI_OK;
}

/* HashLink's init_timeval: whole seconds and microseconds truncated toward zero (x86 conversions for
 * NaN and out-of-range values, without C's undefined behaviour). */
static void init_timeval(double f, struct timeval *t) {
    int32_t sec = hli_std_f2i(f);
    t->tv_sec = sec;
    t->tv_usec = hli_std_f2i((f - sec) * 1000000.0);
}

/* socket_set_timeout(s, seconds): the send and receive timeouts (a timed-out call gives -1, "would
 * block"); 0 means none. False when the system rejects the value. */
static hli_status n_socket_set_timeout(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    int fd = arg_fd(&args[0]);
    struct timeval tv;
    init_timeval(args[1].d, &tv);
    ret->b = fd >= 0 && setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) == 0 &&
             setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0;
    return HLI_OK;
}

/* socket_shutdown(s, read, write): true without doing anything when neither is asked. */
static hli_status n_socket_shutdown(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    int fd = arg_fd(&args[0]);
    bool r = args[1].b, w = args[2].b;
    if (fd < 0)
        ret->b = false;
    else if (!r && !w)
        ret->b = true;
    else
        ret->b = shutdown(fd, r ? (w ? SHUT_RDWR : SHUT_RD) : SHUT_WR) == 0;
    return HLI_OK;
}

static hli_status n_socket_set_blocking(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    int fd = arg_fd(&args[0]);
    ret->b = false;
    if (fd < 0)
        return HLI_OK;
    int flags = fcntl(fd, F_GETFL);
    if (flags == -1)
        return HLI_OK;
    flags = args[1].b ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    ret->b = fcntl(fd, F_SETFL, flags) != -1;
    return HLI_OK;
}

static bool set_int_option(const hli_reg *sock, int level, int name, int value) {
    int fd = arg_fd(sock);
    return fd >= 0 && setsockopt(fd, level, name, &value, sizeof(value)) == 0;
}

static hli_status n_socket_set_fast_send(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->b = set_int_option(&args[0], IPPROTO_TCP, TCP_NODELAY, args[1].b);
    return HLI_OK;
}

static hli_status n_socket_set_broadcast(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->b = set_int_option(&args[0], SOL_SOCKET, SO_BROADCAST, args[1].b);
    return HLI_OK;
}

/* send/recv retried on EINTR; the count, or -1 (would block, timed out) / -2 (other errors). */
static int32_t do_send(int fd, const void *p, size_t n) {
    ssize_t r;
    do
        r = send(fd, p, n, MSG_NOSIGNAL);
    while (r < 0 && errno == EINTR);
    return r < 0 ? block_error() : (int32_t)r;
}

static int32_t do_recv(int fd, void *p, size_t n) {
    ssize_t r;
    do
        r = recv(fd, p, n, 0);
    while (r < 0 && errno == EINTR);
    return r < 0 ? block_error() : (int32_t)r;
}

/* The (s, buf, pos, len) arguments of socket_send/socket_recv: the descriptor (-1 when the arguments
 * are unusable), the start of the bytes and their count. */
static int buffer_args(hli_reg *args, uint8_t **p, int32_t *len) {
    int fd = arg_fd(&args[0]);
    uint8_t *buf = args[1].p;
    *len = args[3].i;
    if (fd < 0 || *len < 0 || (buf == NULL && *len > 0))
        return -1;
    *p = buf == NULL ? NULL : at(buf, args[2].i);
    return fd;
}

/* socket_send(s, buf, pos, len): bytes sent, -1 would block, -2 other errors (a closed peer: EPIPE,
 * never a SIGPIPE). */
static hli_status n_socket_send(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    uint8_t *p;
    int32_t len;
    int fd = buffer_args(args, &p, &len);
    ret->i = fd < 0 ? -2 : do_send(fd, p, (size_t)len);
    return HLI_OK;
}

/* socket_send_char(s, c): 1, -1 would block, -2 error. */
static hli_status n_socket_send_char(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    int fd = arg_fd(&args[0]);
    unsigned char c = (unsigned char)args[1].i;
    if (fd < 0) {
        ret->i = -2;
        return HLI_OK;
    }
    int32_t r = do_send(fd, &c, 1);
    ret->i = r < 0 ? r : 1;
    return HLI_OK;
}

/* socket_recv(s, buf, pos, len): bytes received, 0 when the peer closed, -1 would block, -2 error. */
static hli_status n_socket_recv(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    uint8_t *p;
    int32_t len;
    int fd = buffer_args(args, &p, &len);
    ret->i = fd < 0 ? -2 : do_recv(fd, p, (size_t)len);
    return HLI_OK;
}

/* socket_recv_char(s): the byte, -1 would block, -2 error or closed. */
static hli_status n_socket_recv_char(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    int fd = arg_fd(&args[0]);
    unsigned char c = 0;
    int32_t r = fd < 0 ? -2 : do_recv(fd, &c, 1);
    ret->i = r < 0 ? r : r == 0 ? -2 : (int32_t)c;
    return HLI_OK;
}

/* socket_send_to(s, buf, len, host, port): UDP send; bytes sent, -1 would block, -2 error. */
static hli_status n_socket_send_to(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    int fd = arg_fd(&args[0]);
    uint8_t *buf = args[1].p;
    int32_t len = args[2].i;
    ret->i = -2;
    if (fd < 0 || len < 0 || (buf == NULL && len > 0))
        return HLI_OK;
    struct sockaddr_in addr;
    make_addr(&addr, args[3].i, args[4].i);
    ssize_t r;
    do
        r = sendto(fd, buf, (size_t)len, MSG_NOSIGNAL, (struct sockaddr *)&addr, sizeof(addr));
    while (r < 0 && errno == EINTR);
    ret->i = r < 0 ? block_error() : (int32_t)r;
    return HLI_OK;
}

/* socket_recv_from(s, buf, len, ref host, ref port): UDP receive; bytes received (the refs get the
 * sender), -1 would block, -2 error. */
static hli_status n_socket_recv_from(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    int fd = arg_fd(&args[0]);
    uint8_t *buf = args[1].p;
    int32_t len = args[2].i;
    ret->i = -2;
    if (fd < 0 || len < 0 || (buf == NULL && len > 0))
        return HLI_OK;
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof(addr));
    socklen_t alen = sizeof(addr);
    ssize_t r;
    do
        r = recvfrom(fd, buf, (size_t)len, 0, (struct sockaddr *)&addr, &alen);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        ret->i = block_error();
        return HLI_OK;
    }
    hli_std_set_ref_i32(args[3].p, addr_host(&addr));
    hli_std_set_ref_i32(args[4].p, ntohs(addr.sin_port));
    ret->i = (int32_t)r;
    return HLI_OK;
}

/* socket_fd_size(n): the scratch bytes socket_select needs for an array of n sockets (pollfd entries);
 * -1 for a negative or too large n. */
static int32_t fd_size(int32_t n) {
    if (n < 0 || (size_t)n > (size_t)INT32_MAX / sizeof(struct pollfd))
        return -1;
    return (int32_t)((size_t)n * sizeof(struct pollfd));
}

static hli_status n_socket_fd_size(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    ret->i = fd_size(args[0].i);
    return HLI_OK;
}

/* The sockets of a select array up to its first null (as HashLink); false for an array whose elements
 * are not handles. */
static bool select_count(const varray *a, int32_t *count) {
    *count = 0;
    if (a == NULL)
        return true;
    if (a->at == NULL || a->at->kind != HABSTRACT || a->size < 0)
        return false;
    hsocket *const *e = hli_aptr(a, hsocket *);
    while (*count < a->size && e[*count] != NULL)
        (*count)++;
    return true;
}

/* Milliseconds from now to the deadline (CLOCK_MONOTONIC), 0 when passed, at most INT_MAX. */
static int remaining_ms(const struct timespec *deadline) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double ms = (double)(deadline->tv_sec - now.tv_sec) * 1000.0 + (double)(deadline->tv_nsec - now.tv_nsec) / 1e6;
    if (ms <= 0)
        return 0;
    if (ms >= (double)INT_MAX)
        return INT_MAX;
    int r = (int)ms;
    return (double)r < ms ? r + 1 : r; /* round up: never return before the deadline */
}

/* socket_select(read, write, others, scratch, scratchSize, timeout): waits (timeout in seconds, < 0:
 * forever) until a socket of `read` can be read (data, end of stream, error), one of `write` written,
 * or one of `others` has an exceptional condition (out-of-band data), as select() does. Each array is
 * filtered in place: its ready sockets first, in their order, followed by a null when fewer than its
 * size. False when the scratch is smaller than the socket_fd_size of the arrays (HashLink's check),
 * for a NaN timeout or when poll fails; an interrupted wait is resumed (HashLink returns true with the
 * arrays unfiltered). */
static hli_status n_socket_select(hli_thread *th, hli_reg *args, hli_reg *ret) {
    varray *arrays[3] = {args[0].p, args[1].p, args[2].p};
    uint8_t *scratch = args[3].p;
    int32_t scratch_size = args[4].i;
    double timeout = args[5].d;
    static const short events[3] = {POLLIN, POLLOUT, POLLPRI};
    ret->b = false;
    int32_t counts[3];
    size_t total = 0;
    int64_t need = 0;
    for (int k = 0; k < 3; k++) {
        if (!select_count(arrays[k], &counts[k]))
            return HLI_OK;
        if (arrays[k] != NULL) {
            int32_t req = fd_size(arrays[k]->size);
            if (req < 0)
                return HLI_OK;
            need += req;
        }
        total += (size_t)counts[k];
    }
    if (need > scratch_size || timeout != timeout)
        return HLI_OK;
    /* the pollfd entries: in the scratch when it is suitably aligned, else in a GC block */
    struct pollfd *fds = (struct pollfd *)(void *)scratch;
    if (total > 0 && (scratch == NULL || (uintptr_t)scratch % _Alignof(struct pollfd) != 0)) {
        for (int k = 0; k < 3; k++)
            hli_root_push(th, &arrays[k]);
        fds = hli_alloc(th, total * sizeof(struct pollfd), HLI_GC_NOPTR);
        hli_root_pop(th, 3);
        if (fds == NULL)
            return HLI_EXC;
    }
    size_t n = 0;
    for (int k = 0; k < 3; k++) {
        if (arrays[k] == NULL || fds == NULL)
            continue;
        for (int32_t i = 0; i < counts[k]; i++, n++) {
            fds[n].fd = hli_aptr(arrays[k], hsocket *)[i]->fd; /* -1 (closed): ignored by poll */
            fds[n].events = events[k];
            fds[n].revents = 0;
        }
    }
    struct timespec deadline = {0, 0};
    if (timeout >= 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        double whole = timeout > 1e9 ? 1e9 : (double)(int64_t)timeout;
        double frac = timeout > 1e9 ? 0 : timeout - whole;
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)(frac * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
    }
    for (;;) {
        int ms = timeout < 0 ? -1 : remaining_ms(&deadline);
        int r = poll(total > 0 ? fds : NULL, (nfds_t)total, ms);
        if (r < 0 && errno != EINTR)
            return HLI_OK;
        if (r > 0 || (r == 0 && (ms == 0 || remaining_ms(&deadline) == 0)))
            break;
    }
    /* what select() reports: readable includes hang-up and error, writable includes error */
    static const short ready[3] = {POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI};
    n = 0;
    for (int k = 0; k < 3; k++) {
        if (arrays[k] == NULL)
            continue;
        hsocket **e = hli_aptr(arrays[k], hsocket *);
        int32_t pos = 0;
        for (int32_t i = 0; i < counts[k]; i++, n++) {
            if (fds != NULL && (fds[n].revents & ready[k]))
                e[pos++] = e[i];
        }
        if (pos < arrays[k]->size)
            e[pos] = NULL;
    }
    ret->b = true;
    return HLI_OK;
}

/* ---- hosts ------------------------------------------------------------------------------------- */

/* host_resolve(name): the IPv4 address of a dotted string (inet_aton's forms, as HashLink's inet_addr)
 * or of a host name (getaddrinfo, IPv4 only: the first address); -1 when unknown (and for
 * "255.255.255.255", as in HashLink). */
static hli_status n_host_resolve(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)th;
    const char *name = args[0].p;
    ret->i = -1;
    if (name == NULL)
        return HLI_OK;
    struct in_addr a;
    if (inet_aton(name, &a) != 0) {
        memcpy(&ret->i, &a.s_addr, 4);
        return HLI_OK;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(name, NULL, &hints, &res) != 0 || res == NULL)
        return HLI_OK;
    for (const struct addrinfo *p = res; p != NULL; p = p->ai_next) {
        if (p->ai_family == AF_INET && p->ai_addr != NULL && p->ai_addrlen >= sizeof(struct sockaddr_in)) {
            struct sockaddr_in sin;
            memcpy(&sin, p->ai_addr, sizeof(sin));
            ret->i = addr_host(&sin);
            break;
        }
    }
    freeaddrinfo(res);
    return HLI_OK;
}

/* host_to_string(ip): "a.b.c.d" (a new GC string). */
static hli_status n_host_to_string(hli_thread *th, hli_reg *args, hli_reg *ret) {
    struct in_addr a;
    int32_t ip = args[0].i;
    memcpy(&a.s_addr, &ip, 4);
    char buf[INET_ADDRSTRLEN] = "";
    if (inet_ntop(AF_INET, &a, buf, sizeof(buf)) == NULL)
        buf[0] = 0;
    ret->p = hli_std_bytes_copy(th, buf, strlen(buf));
    return ret->p == NULL ? HLI_EXC : HLI_OK;
}

/* host_reverse(ip): the name reverse DNS (or the hosts file) gives, null when there is none. */
static hli_status n_host_reverse(hli_thread *th, hli_reg *args, hli_reg *ret) {
    ret->p = NULL;
    struct sockaddr_in addr;
    make_addr(&addr, args[0].i, 0);
    char host[1025];
    if (getnameinfo((struct sockaddr *)&addr, sizeof(addr), host, sizeof(host), NULL, 0, NI_NAMEREQD) != 0)
        return HLI_OK;
    host[sizeof(host) - 1] = 0;
    ret->p = hli_std_bytes_copy(th, host, strlen(host));
    return ret->p == NULL ? HLI_EXC : HLI_OK;
}

/* host_local(): the machine's host name, null on error. */
static hli_status n_host_local(hli_thread *th, hli_reg *args, hli_reg *ret) {
    (void)args;
    ret->p = NULL;
    char buf[256];
    if (gethostname(buf, sizeof(buf)) != 0)
        return HLI_OK;
    buf[sizeof(buf) - 1] = 0;
    ret->p = hli_std_bytes_copy(th, buf, strlen(buf));
    return ret->p == NULL ? HLI_EXC : HLI_OK;
}

const hli_native_def hli_std_socket_natives[] = {
    {"std", "socket_init", "P_v", n_socket_init},
    {"std", "socket_new", "Pb_Xhl_socket_", n_socket_new},
    {"std", "socket_close", "PXhl_socket__v", n_socket_close},
    {"std", "socket_connect", "PXhl_socket_ii_b", n_socket_connect},
    {"std", "socket_listen", "PXhl_socket_i_b", n_socket_listen},
    {"std", "socket_bind", "PXhl_socket_ii_b", n_socket_bind},
    {"std", "socket_accept", "PXhl_socket__Xhl_socket_", n_socket_accept},
    {"std", "socket_peer", "PXhl_socket_RiRi_b", n_socket_peer},
    {"std", "socket_host", "PXhl_socket_RiRi_b", n_socket_host},
    {"std", "socket_set_timeout", "PXhl_socket_d_b", n_socket_set_timeout},
    {"std", "socket_shutdown", "PXhl_socket_bb_b", n_socket_shutdown},
    {"std", "socket_set_blocking", "PXhl_socket_b_b", n_socket_set_blocking},
    {"std", "socket_set_fast_send", "PXhl_socket_b_b", n_socket_set_fast_send},
    {"std", "socket_set_broadcast", "PXhl_socket_b_b", n_socket_set_broadcast},
    {"std", "socket_send", "PXhl_socket_Bii_i", n_socket_send},
    {"std", "socket_send_char", "PXhl_socket_i_i", n_socket_send_char},
    {"std", "socket_recv", "PXhl_socket_Bii_i", n_socket_recv},
    {"std", "socket_recv_char", "PXhl_socket__i", n_socket_recv_char},
    {"std", "socket_send_to", "PXhl_socket_Biii_i", n_socket_send_to},
    {"std", "socket_recv_from", "PXhl_socket_BiRiRi_i", n_socket_recv_from},
    {"std", "socket_fd_size", "Pi_i", n_socket_fd_size},
    {"std", "socket_select", "PAAABid_b", n_socket_select},
    {"std", "host_resolve", "PB_i", n_host_resolve},
    {"std", "host_to_string", "Pi_B", n_host_to_string},
    {"std", "host_reverse", "Pi_B", n_host_reverse},
    {"std", "host_local", "P_B", n_host_local},
    {NULL, NULL, NULL, NULL},
};
