/* OpenSSL 3.0 has no SSLKEYLOGFILE of its own; SSL_CTX_set_keylog_callback is how it hands out the NSS lines.
 * LD_PRELOAD it (built with: gcc -shared -fPIC -O2 -o keylog-shim.so keylog-shim.c -ldl) into a program linked
 * to libssl, with SSLKEYLOGFILE naming the file to append to. Used by scripts/eap-tls-keylog-session and
 * scripts/capture-eap-macsec. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;
typedef void (*keylog_cb)(const SSL *, const char *);
static void log_line(const SSL *ssl, const char *line) {
    (void) ssl;
    const char *path = getenv("SSLKEYLOGFILE");
    FILE *f = path ? fopen(path, "a") : NULL;
    if (f) { fprintf(f, "%s\n", line); fclose(f); }
}
SSL *SSL_new(SSL_CTX *ctx) {
    SSL *(*real)(SSL_CTX *) = (SSL *(*)(SSL_CTX *)) dlsym(RTLD_NEXT, "SSL_new");
    void (*set_cb)(SSL_CTX *, keylog_cb) = (void (*)(SSL_CTX *, keylog_cb)) dlsym(RTLD_NEXT, "SSL_CTX_set_keylog_callback");
    set_cb(ctx, log_line);
    return real(ctx);
}
