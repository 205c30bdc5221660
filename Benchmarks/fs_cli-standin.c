#define _GNU_SOURCE
/* The fs_cli stand-in of Benchmarks/oneshot.py (docs/startup.md, "How it is measured"): a minimal C
 * event socket client doing what fs_cli does for `-x CMD` (connect, read the greeting, `auth`,
 * `api CMD`, print the body, disconnect). It is a lower bound for fs_cli's wall time, not fs_cli.
 * Build it linked against libedit as fs_cli is, so the dynamic loader does the same work:
 *   cc -O2 -o /tmp/fs_cli-standin Benchmarks/fs_cli-standin.c -Wl,--no-as-needed -l:libedit.so.2
 * (libedit2 is the run-time package; without it, leave the last two arguments out: the floor). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <getopt.h>
#include <netdb.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

static char buf[1 << 20];
static size_t have;

/* Reads one frame: headers up to a blank line, then Content-Length bytes of body. */
static int read_frame(int fd, char **body, size_t *body_len) {
    for (;;) {
        char *end = have ? memmem(buf, have, "\n\n", 2) : NULL;
        if (end) {
            size_t head = end - buf + 2, len = 0;
            char *cl = memmem(buf, head, "Content-Length: ", 16);
            if (cl) len = strtoul(cl + 16, NULL, 10);
            while (have < head + len) {
                ssize_t n = recv(fd, buf + have, sizeof(buf) - have, 0);
                if (n <= 0) return -1;
                have += n;
            }
            *body = malloc(len + 1);
            memcpy(*body, buf + head, len);
            (*body)[len] = 0;
            *body_len = len;
            memmove(buf, buf + head + len, have - head - len);
            have -= head + len;
            return 0;
        }
        ssize_t n = recv(fd, buf + have, sizeof(buf) - have, 0);
        if (n <= 0) return -1;
        have += n;
    }
}

int main(int argc, char **argv) {
    const char *host = "127.0.0.1", *port = "8021", *pass = "ClueCon", *cmd = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "H:P:p:x:")) != -1) {
        if (opt == 'H') host = optarg; else if (opt == 'P') port = optarg;
        else if (opt == 'p') pass = optarg; else if (opt == 'x') cmd = optarg;
    }
    struct addrinfo hints = {0}, *ai;
    hints.ai_family = AF_INET; hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &ai)) return 1;
    int fd = socket(ai->ai_family, ai->ai_socktype, 0), one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (connect(fd, ai->ai_addr, ai->ai_addrlen)) { perror("connect"); return 1; }
    char *body; size_t len; char line[2048];
    if (read_frame(fd, &body, &len)) return 1;      /* auth/request */
    free(body);
    snprintf(line, sizeof(line), "auth %s\n\n", pass);
    send(fd, line, strlen(line), 0);
    if (read_frame(fd, &body, &len)) return 1;      /* command/reply */
    free(body);
    if (cmd) {
        snprintf(line, sizeof(line), "api %s\n\n", cmd);
        send(fd, line, strlen(line), 0);
        if (read_frame(fd, &body, &len)) return 1;  /* api/response */
        printf("%s\n", body);
        free(body);
    }
    close(fd);
    return 0;
}
