#define _GNU_SOURCE
#include "CSafeFile.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int sf_open_anonymous(const char *folder, unsigned int mode) {
#ifdef O_TMPFILE
  int descriptor = open(folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, (mode_t)mode);
  return descriptor >= 0 ? descriptor : -errno;
#else
  (void)folder;
  (void)mode;
  return -EOPNOTSUPP;
#endif
}

int sf_link_anonymous(int descriptor, const char *path) {
#ifdef __linux__
  char proc_path[64];
  snprintf(proc_path, sizeof(proc_path), "/proc/self/fd/%d", descriptor);
  if (linkat(AT_FDCWD, proc_path, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0) return 0;
  int first = errno;
  if (first != ENOENT) return -first;
  /* No /proc: AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH, which root has. */
  if (linkat(descriptor, "", AT_FDCWD, path, AT_EMPTY_PATH) == 0) return 0;
  return errno == EPERM ? -ENOENT : -errno;
#else
  (void)descriptor;
  (void)path;
  return -EOPNOTSUPP;
#endif
}

static __thread sigset_t held_previous;
static __thread int held_depth = 0;

void sf_hold_signals(void) {
  if (held_depth++ > 0) return;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGQUIT);
  pthread_sigmask(SIG_BLOCK, &set, &held_previous);
}

void sf_release_signals(void) {
  if (held_depth == 0 || --held_depth > 0) return;
  pthread_sigmask(SIG_SETMASK, &held_previous, NULL);
}
