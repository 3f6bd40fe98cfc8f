/* MCIM Desk's AppImage runtime: the ELF program at the head of the .AppImage file, followed
 * by the AppDir as a squashfs image (AppImage type 2 layout: "AI\x02" at offset 8 of the ELF
 * header, the image starting where the ELF file ends, i.e. after its section headers).
 *
 *   ./mcim-desk.AppImage [ARGS]                  mount the image (FUSE) and run AppRun ARGS;
 *                                                without FUSE, as --appimage-extract-and-run
 *   ./mcim-desk.AppImage --appimage-extract      write the image to ./squashfs-root
 *   ./mcim-desk.AppImage --appimage-extract-and-run [ARGS]
 *                                                extract to a temporary folder, run AppRun
 *                                                ARGS, remove the folder (also when
 *                                                APPIMAGE_EXTRACT_AND_RUN=1)
 *   ./mcim-desk.AppImage --appimage-offset       print where the image starts
 *
 * Written for this project (packaging/linux.py compiles it with gcc, statically when the
 * static libraries are installed) against squashfuse's library (reading squashfs: Debian's
 * libsquashfuse-dev) and libfuse3 (Debian's libfuse3-dev). AppRun gets APPIMAGE (this file),
 * APPDIR (the mounted or extracted image), ARGV0 and OWD, as AppImage's runtime sets them.
 * APPIMAGE_DEBUG=1 says on stderr which way the image is opened.
 */
#define FUSE_USE_VERSION 32  /* as squashfuse's config.h says */
#define _GNU_SOURCE
#include <squashfuse.h>  /* first: its config.h sets _POSIX_C_SOURCE, which _GNU_SOURCE widens */

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <fuse.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char self_path[PATH_MAX];
static sqfs image;
static int debug;

static void say(const char *what, const char *detail) {
    if (debug) fprintf(stderr, "appimage runtime: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
}

/* Where the ELF file ends: its section header table is its last part. */
static long elf_size(const char *path) {
    unsigned char ident[EI_NIDENT];
    long size = -1;
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    if (fread(ident, 1, EI_NIDENT, f) == EI_NIDENT && memcmp(ident, ELFMAG, SELFMAG) == 0) {
        rewind(f);
        if (ident[EI_CLASS] == ELFCLASS64) {
            Elf64_Ehdr h;
            if (fread(&h, sizeof h, 1, f) == 1) size = (long)(h.e_shoff + (Elf64_Off)h.e_shentsize * h.e_shnum);
        } else if (ident[EI_CLASS] == ELFCLASS32) {
            Elf32_Ehdr h;
            if (fread(&h, sizeof h, 1, f) == 1) size = (long)(h.e_shoff + (Elf32_Off)h.e_shentsize * h.e_shnum);
        }
    }
    fclose(f);
    return size;
}

static int open_image(long offset) {
    if (sqfs_open_image(&image, self_path, (size_t)offset) != SQFS_OK) {
        fprintf(stderr, "%s: no squashfs image at offset %ld (a damaged or truncated file?)\n",
                self_path, offset);
        return -1;
    }
    return 0;
}

/* --- extraction ------------------------------------------------------------------------- */

static int extract_file(sqfs_inode *inode, const char *target) {
    char buf[65536];
    sqfs_off_t at = 0, total = (sqfs_off_t)inode->xtra.reg.file_size;
    int fd = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0700);
    if (fd < 0) return -1;
    while (at < total) {
        sqfs_off_t n = total - at < (sqfs_off_t)sizeof buf ? total - at : (sqfs_off_t)sizeof buf;
        if (sqfs_read_range(&image, inode, at, &n, buf) != SQFS_OK || n <= 0) { close(fd); return -1; }
        for (char *p = buf; p < buf + n;) {
            ssize_t w = write(fd, p, (size_t)(buf + n - p));
            if (w < 0) { close(fd); return -1; }
            p += w;
        }
        at += n;
    }
    return close(fd);
}

/* Writes the image under `root`. Directories stay writable by their owner (to fill them, and
 * to remove an extracted copy). */
static int extract(const char *root) {
    sqfs_traverse trv;
    sqfs_err err;
    char target[PATH_MAX];
    if (mkdir(root, 0755) != 0 && errno != EEXIST) { perror(root); return -1; }
    if (sqfs_traverse_open(&trv, &image, sqfs_inode_root(&image)) != SQFS_OK) return -1;
    while (sqfs_traverse_next(&trv, &err)) {
        sqfs_inode inode;
        if (trv.dir_end) continue;  /* leaving a directory: its entry was handled on the way in */
        if (snprintf(target, sizeof target, "%s/%s", root, trv.path) >= (int)sizeof target) { err = SQFS_ERR; break; }
        if (sqfs_inode_get(&image, &inode, sqfs_dentry_inode(&trv.entry)) != SQFS_OK) { err = SQFS_ERR; break; }
        mode_t mode = inode.base.mode & 07777;
        switch (inode.base.inode_type) {
        case SQUASHFS_DIR_TYPE: case SQUASHFS_LDIR_TYPE:
            if ((mkdir(target, 0700) != 0 && errno != EEXIST) || chmod(target, mode | S_IRWXU) != 0) {
                perror(target);
                err = SQFS_ERR;
            }
            break;
        case SQUASHFS_REG_TYPE: case SQUASHFS_LREG_TYPE:
            unlink(target);
            if (extract_file(&inode, target) != 0 || chmod(target, mode) != 0) { perror(target); err = SQFS_ERR; }
            break;
        case SQUASHFS_SYMLINK_TYPE: case SQUASHFS_LSYMLINK_TYPE: {
            char link[PATH_MAX];
            size_t size = sizeof link;
            unlink(target);
            if (sqfs_readlink(&image, &inode, link, &size) != SQFS_OK || symlink(link, target) != 0) {
                perror(target);
                err = SQFS_ERR;
            }
            break;
        }
        default:  /* devices, FIFOs, sockets: an AppDir has none */
            break;
        }
        if (err != SQFS_OK) break;
    }
    sqfs_traverse_close(&trv);
    if (err != SQFS_OK) fprintf(stderr, "%s: extracting to %s failed\n", self_path, root);
    return err == SQFS_OK ? 0 : -1;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st; (void)flag; (void)ftw;
    return remove(path);
}

/* --- FUSE: the image read-only, by path --------------------------------------------------- */

static int lookup(const char *path, sqfs_inode *inode) {
    bool found = false;
    if (sqfs_inode_get(&image, inode, sqfs_inode_root(&image)) != SQFS_OK) return -EIO;
    if (strcmp(path, "/") == 0) return 0;
    if (sqfs_lookup_path(&image, inode, path, &found) != SQFS_OK) return -EIO;
    return found ? 0 : -ENOENT;
}

static int fs_getattr(const char *path, struct stat *st, struct fuse_file_info *fi) {
    sqfs_inode inode;
    (void)fi;
    int rc = lookup(path, &inode);
    if (rc) return rc;
    memset(st, 0, sizeof *st);
    st->st_mode = inode.base.mode | sqfs_mode(inode.base.inode_type);
    st->st_nlink = inode.nlink;
    st->st_mtime = st->st_ctime = st->st_atime = inode.base.mtime;
    st->st_uid = getuid();
    st->st_gid = getgid();
    if (S_ISREG(st->st_mode)) st->st_size = (off_t)inode.xtra.reg.file_size;
    else if (S_ISLNK(st->st_mode)) st->st_size = (off_t)inode.xtra.symlink_size;
    st->st_blocks = (st->st_size + 511) / 512;
    return 0;
}

static int fs_readlink(const char *path, char *buf, size_t size) {
    sqfs_inode inode;
    int rc = lookup(path, &inode);
    if (rc) return rc;
    if (!S_ISLNK(sqfs_mode(inode.base.inode_type))) return -EINVAL;
    return sqfs_readlink(&image, &inode, buf, &size) == SQFS_OK ? 0 : -EIO;
}

static int fs_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off,
                      struct fuse_file_info *fi, enum fuse_readdir_flags flags) {
    sqfs_inode inode;
    sqfs_dir dir;
    sqfs_dir_entry entry;
    sqfs_name name;
    sqfs_err err;
    (void)off; (void)fi; (void)flags;
    int rc = lookup(path, &inode);
    if (rc) return rc;
    if (sqfs_dir_open(&image, &inode, &dir, 0) != SQFS_OK) return -ENOTDIR;
    fill(buf, ".", NULL, 0, 0);
    fill(buf, "..", NULL, 0, 0);
    sqfs_dentry_init(&entry, name);
    while (sqfs_dir_next(&image, &dir, &entry, &err)) fill(buf, sqfs_dentry_name(&entry), NULL, 0, 0);
    return err == SQFS_OK ? 0 : -EIO;
}

static int fs_open(const char *path, struct fuse_file_info *fi) {
    sqfs_inode inode;
    int rc = lookup(path, &inode);
    if (rc) return rc;
    if ((fi->flags & O_ACCMODE) != O_RDONLY) return -EROFS;
    fi->keep_cache = 1;
    return S_ISREG(sqfs_mode(inode.base.inode_type)) ? 0 : -EISDIR;
}

static int fs_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
    sqfs_inode inode;
    (void)fi;
    int rc = lookup(path, &inode);
    if (rc) return rc;
    sqfs_off_t n = (sqfs_off_t)size;
    if (off >= (off_t)inode.xtra.reg.file_size) return 0;
    return sqfs_read_range(&image, &inode, off, &n, buf) == SQFS_OK ? (int)n : -EIO;
}

static const struct fuse_operations operations = {
    .getattr = fs_getattr, .readlink = fs_readlink, .readdir = fs_readdir,
    .open = fs_open, .read = fs_read,
};

/* Mounts the image on `mountpoint` in a child process serving it until SIGTERM; returns the
 * child's pid once the mount is up, or -1 (no FUSE: no /dev/fuse, no fusermount3...). */
static pid_t mount_image(const char *mountpoint) {
    int ready[2];
    if (pipe(ready) != 0) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        char *args[] = {self_path, "-o", "ro", NULL};
        struct fuse_args fargs = FUSE_ARGS_INIT(3, args);
        char ok = 0;
        close(ready[0]);
        struct fuse *fuse = fuse_new(&fargs, &operations, sizeof operations, NULL);
        if (fuse && fuse_mount(fuse, mountpoint) == 0) {
            ok = 1;
            fuse_set_signal_handlers(fuse_get_session(fuse));
            if (write(ready[1], &ok, 1) != 1) _exit(1);
            close(ready[1]);
            fuse_loop(fuse);
            fuse_remove_signal_handlers(fuse_get_session(fuse));
            fuse_unmount(fuse);
            fuse_destroy(fuse);
            _exit(0);
        }
        if (write(ready[1], &ok, 1) != 1) _exit(1);
        _exit(1);
    }
    close(ready[1]);
    char ok = 0;
    ssize_t got = read(ready[0], &ok, 1);
    close(ready[0]);
    if (got == 1 && ok) return pid;
    waitpid(pid, NULL, 0);
    return -1;
}

/* --- running AppRun ----------------------------------------------------------------------- */

static int run_apprun(const char *appdir, int argc, char **argv, const char *argv0) {
    char apprun[PATH_MAX], cwd[PATH_MAX];
    snprintf(apprun, sizeof apprun, "%s/AppRun", appdir);
    setenv("APPIMAGE", self_path, 1);
    setenv("APPDIR", appdir, 1);
    setenv("ARGV0", argv0, 1);
    if (getcwd(cwd, sizeof cwd)) setenv("OWD", cwd, 1);
    char **args = calloc((size_t)argc + 2, sizeof *args);
    if (!args) return 1;
    args[0] = apprun;
    for (int i = 0; i < argc; i++) args[i + 1] = argv[i];
    pid_t pid = fork();
    if (pid == 0) {
        execv(apprun, args);
        perror(apprun);
        _exit(127);
    }
    int status = 1;
    /* Ctrl-C reaches the program (same process group); the runtime waits to clean up. */
    signal(SIGINT, SIG_IGN);
    if (pid < 0 || waitpid(pid, &status, 0) < 0) return 1;
    free(args);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

static int extract_and_run(int argc, char **argv, const char *argv0) {
    const char *tmp = getenv("TMPDIR");
    char folder[PATH_MAX];
    snprintf(folder, sizeof folder, "%s/appimage_extracted_XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(folder)) { perror(folder); return 1; }
    say("extracting to", folder);
    int code = extract(folder) == 0 ? run_apprun(folder, argc, argv, argv0) : 1;
    nftw(folder, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return code;
}

int main(int argc, char **argv) {
    debug = getenv("APPIMAGE_DEBUG") && *getenv("APPIMAGE_DEBUG") && strcmp(getenv("APPIMAGE_DEBUG"), "0");
    ssize_t n = readlink("/proc/self/exe", self_path, sizeof self_path - 1);
    if (n <= 0) { perror("/proc/self/exe"); return 1; }
    self_path[n] = '\0';
    long offset = elf_size(self_path);
    if (offset <= 0) { fprintf(stderr, "%s: cannot read its own ELF header\n", self_path); return 1; }

    const char *option = argc > 1 ? argv[1] : "";
    if (strcmp(option, "--appimage-offset") == 0) {
        printf("%ld\n", offset);
        return 0;
    }
    if (strcmp(option, "--appimage-help") == 0) {
        printf("Usage: %s [--appimage-extract | --appimage-extract-and-run | --appimage-offset] "
               "[ARGUMENTS]\n", argv[0]);
        return 0;
    }
    if (open_image(offset) != 0) return 1;
    if (strcmp(option, "--appimage-extract") == 0) return extract("squashfs-root") == 0 ? 0 : 1;
    if (strcmp(option, "--appimage-extract-and-run") == 0) return extract_and_run(argc - 2, argv + 2, argv[0]);
    const char *env = getenv("APPIMAGE_EXTRACT_AND_RUN");
    if (env && strcmp(env, "1") == 0) return extract_and_run(argc - 1, argv + 1, argv[0]);

    const char *tmp = getenv("TMPDIR");
    char mountpoint[PATH_MAX];
    snprintf(mountpoint, sizeof mountpoint, "%s/.mount_mcimXXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(mountpoint)) return extract_and_run(argc - 1, argv + 1, argv[0]);
    pid_t server = mount_image(mountpoint);
    if (server < 0) {
        say("FUSE unavailable, extracting instead", NULL);
        rmdir(mountpoint);
        return extract_and_run(argc - 1, argv + 1, argv[0]);
    }
    say("mounted on", mountpoint);
    int code = run_apprun(mountpoint, argc - 1, argv + 1, argv[0]);
    kill(server, SIGTERM);
    waitpid(server, NULL, 0);
    rmdir(mountpoint);
    return code;
}
