/* echo-floor: the floor for kinerjad's round trips, measured by `make bench`.
 * Listens on a Unix socket and answers every NUL-terminated message with the same fixed
 * reply (a file's bytes, e.g. a Varlink reply captured from kinerjad, NUL included): what a
 * server costs that does no work at all. One thread per connection, blocking I/O.
 * Usage: echo-floor SOCKET REPLY-FILE */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static char *reply;
static size_t reply_len;

static void *serve(void *arg) {
    int fd = (int)(long)arg;
    char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        for (ssize_t i = 0; i < n; i++)
            if (buf[i] == 0 && write(fd, reply, reply_len) != (ssize_t)reply_len) goto done;
done:
    close(fd);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: echo-floor SOCKET REPLY-FILE\n"); return 2; }
    FILE *f = fopen(argv[2], "rb");
    if (!f) { perror(argv[2]); return 1; }
    reply = malloc(1 << 20);
    reply_len = fread(reply, 1, 1 << 20, f);
    fclose(f);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    strncpy(addr.sun_path, argv[1], sizeof addr.sun_path - 1);
    unlink(argv[1]);
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(listener, (struct sockaddr *)&addr, sizeof addr) || listen(listener, 64)) { perror(argv[1]); return 1; }
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        if (fd < 0) continue;
        pthread_t thread;
        pthread_create(&thread, NULL, serve, (void *)(long)fd);
        pthread_detach(thread);
    }
}
