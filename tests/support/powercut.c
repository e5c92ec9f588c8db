/*
 * powercut.c - an LD_PRELOAD layer that models what a disk holds when the power goes.
 *
 * A kill -9 keeps the page cache: every write() a process made survives it. A power cut keeps
 * only what was made durable: the content of a file as of its last fsync/fdatasync, and the
 * entries of a directory as of the directory's last fsync. This layer records exactly that, for
 * the files under $POWERCUT_ROOT, in $POWERCUT_SHADOW ("what the disk holds"):
 *
 *   f-<dev>-<ino>   the file's content at its last fsync/fdatasync
 *   d-<dev>-<ino>   a directory's entries at its last fsync: first line its path, then
 *                   "<ino>\t<d|f>\t<name>" per entry
 *   unsupported     one line per call the model cannot follow (sync, syncfs, msync, O_SYNC /
 *                   O_DSYNC opens of a tracked file); the test refuses a run that made any
 *   syncs           one line per durability point: "<n> <path>"
 *
 * The real fsync is not called (the shadow is the disk). tests/support/powercut.py rebuilds the
 * tracked tree from the shadow after the process was killed.
 *
 * Environment:
 *   POWERCUT_ROOT    absolute, resolved path of the tracked tree (nothing tracked without it)
 *   POWERCUT_SHADOW  where the shadow lives (outside the tracked tree)
 *   POWERCUT_AT      n > 0: the process kills itself (SIGKILL) at its n-th durability point
 *   POWERCUT_AFTER   "1": kill after that point was made durable (default: before)
 *   POWERCUT_DROP    "1": fsync makes nothing durable (what eatmydata does): a negative control
 *
 * sync_file_range() is left to the kernel: it makes nothing durable (no metadata, no disk
 * cache flush), so the model, rightly, ignores it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static const char *root;
static size_t root_len;
static const char *shadow;
static long cut_at;
static int cut_after;
static int drop;
static long points;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);

static void resolve(void) {
    if (real_open == NULL) {
        real_open = dlsym(RTLD_NEXT, "open");
        real_open64 = dlsym(RTLD_NEXT, "open64");
        real_openat = dlsym(RTLD_NEXT, "openat");
        real_openat64 = dlsym(RTLD_NEXT, "openat64");
    }
}

__attribute__((constructor)) static void powercut_init(void) {
    root = getenv("POWERCUT_ROOT");
    shadow = getenv("POWERCUT_SHADOW");
    if (root == NULL || shadow == NULL) {
        root = NULL;
    } else {
        root_len = strlen(root);
    }
    const char *at = getenv("POWERCUT_AT");
    cut_at = at ? atol(at) : 0;
    const char *after = getenv("POWERCUT_AFTER");
    cut_after = after != NULL && after[0] == '1';
    const char *dropping = getenv("POWERCUT_DROP");
    drop = dropping != NULL && dropping[0] == '1';
    resolve();
}

static int under_root(const char *path) {
    return root != NULL && strncmp(path, root, root_len) == 0 &&
           (path[root_len] == '/' || path[root_len] == '\0');
}

static int fd_path(int fd, char *path, size_t size) {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, size - 1);
    if (n < 0) {
        return 0;
    }
    path[n] = '\0';
    return 1;
}

static void append_line(const char *name, const char *line) {
    char file[4096];
    snprintf(file, sizeof file, "%s/%s", shadow, name);
    int out = real_open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (out >= 0) {
        ssize_t ignored = write(out, line, strlen(line));
        (void)ignored;
        close(out);
    }
}

static void note_unsupported(const char *what, const char *path) {
    char line[4200];
    snprintf(line, sizeof line, "%s %s\n", what, path ? path : "");
    append_line("unsupported", line);
}

/* Write `<shadow>/<name>` atomically from `source` (a readable descriptor, or -1 for a list). */
static int publish(const char *name, int source, DIR *listing, const char *path) {
    char temporary[4096], final[4096];
    snprintf(temporary, sizeof temporary, "%s/%s.tmp", shadow, name);
    snprintf(final, sizeof final, "%s/%s", shadow, name);
    FILE *out = fopen(temporary, "we");
    if (out == NULL) {
        return -1;
    }
    if (source >= 0) {
        static char buffer[1 << 20];
        ssize_t n;
        while ((n = read(source, buffer, sizeof buffer)) > 0) {
            fwrite(buffer, 1, (size_t)n, out);
        }
    } else {
        fprintf(out, "%s\n", path);
        struct dirent *entry;
        while ((entry = readdir(listing)) != NULL) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) {
                continue;
            }
            char kind = entry->d_type == DT_DIR ? 'd' : entry->d_type == DT_REG ? 'f' : '?';
            fprintf(out, "%lu\t%c\t%s\n", (unsigned long)entry->d_ino, kind, entry->d_name);
        }
    }
    if (fclose(out) != 0) {
        return -1;
    }
    return rename(temporary, final);
}

static void snapshot(int fd, const char *path) {
    struct stat st;
    if (fstat(fd, &st) != 0) {
        return;
    }
    char name[128];
    char reopen[64];
    snprintf(reopen, sizeof reopen, "/proc/self/fd/%d", fd);
    if (S_ISREG(st.st_mode)) {
        snprintf(name, sizeof name, "f-%lu-%lu", (unsigned long)st.st_dev, (unsigned long)st.st_ino);
        int source = real_open(reopen, O_RDONLY | O_CLOEXEC);
        if (source >= 0) {
            publish(name, source, NULL, path);
            close(source);
        }
    } else if (S_ISDIR(st.st_mode)) {
        snprintf(name, sizeof name, "d-%lu-%lu", (unsigned long)st.st_dev, (unsigned long)st.st_ino);
        int source = real_open(reopen, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        DIR *listing = source >= 0 ? fdopendir(source) : NULL;
        if (listing != NULL) {
            publish(name, -1, listing, path);
            closedir(listing);
        } else if (source >= 0) {
            close(source);
        }
    }
}

static int durability_point(int fd, int (*real)(int)) {
    char path[4096];
    if (root == NULL || !fd_path(fd, path, sizeof path) || !under_root(path)) {
        return real(fd);
    }
    pthread_mutex_lock(&lock);
    long n = ++points;
    if (cut_at > 0 && n == cut_at && !cut_after) {
        kill(getpid(), SIGKILL);
    }
    if (!drop) {
        snapshot(fd, path);
    }
    char line[4200];
    snprintf(line, sizeof line, "%ld %s\n", n, path);
    append_line("syncs", line);
    if (cut_at > 0 && n == cut_at) {
        kill(getpid(), SIGKILL);
    }
    pthread_mutex_unlock(&lock);
    return 0;
}

int fsync(int fd) {
    static int (*real)(int);
    if (real == NULL) {
        real = dlsym(RTLD_NEXT, "fsync");
    }
    return durability_point(fd, real);
}

int fdatasync(int fd) {
    static int (*real)(int);
    if (real == NULL) {
        real = dlsym(RTLD_NEXT, "fdatasync");
    }
    return durability_point(fd, real);
}

void sync(void) {
    static void (*real)(void);
    if (real == NULL) {
        real = dlsym(RTLD_NEXT, "sync");
    }
    if (root != NULL) {
        note_unsupported("sync", NULL);
    }
    real();
}

int syncfs(int fd) {
    static int (*real)(int);
    if (real == NULL) {
        real = dlsym(RTLD_NEXT, "syncfs");
    }
    if (root != NULL) {
        note_unsupported("syncfs", NULL);
    }
    return real(fd);
}

int msync(void *address, size_t length, int flags) {
    static int (*real)(void *, size_t, int);
    if (real == NULL) {
        real = dlsym(RTLD_NEXT, "msync");
    }
    if (root != NULL) {
        note_unsupported("msync", NULL);
    }
    return real(address, length, flags);
}

static void check_flags(int directory, const char *path, int flags) {
    if (root == NULL || (flags & (O_SYNC | O_DSYNC)) == 0) {
        return;
    }
    (void)directory;
    if (path[0] != '/' || under_root(path)) { /* a relative path may be tracked: say so */
        note_unsupported("o_sync", path);
    }
}

static mode_t mode_of(int flags, va_list arguments) {
    return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(arguments, int) : 0;
}

int open(const char *path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    mode_t mode = mode_of(flags, arguments);
    va_end(arguments);
    resolve();
    check_flags(AT_FDCWD, path, flags);
    return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    mode_t mode = mode_of(flags, arguments);
    va_end(arguments);
    resolve();
    check_flags(AT_FDCWD, path, flags);
    return real_open64(path, flags, mode);
}

int openat(int directory, const char *path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    mode_t mode = mode_of(flags, arguments);
    va_end(arguments);
    resolve();
    check_flags(directory, path, flags);
    return real_openat(directory, path, flags, mode);
}

int openat64(int directory, const char *path, int flags, ...) {
    va_list arguments;
    va_start(arguments, flags);
    mode_t mode = mode_of(flags, arguments);
    va_end(arguments);
    resolve();
    check_flags(directory, path, flags);
    return real_openat64(directory, path, flags, mode);
}
