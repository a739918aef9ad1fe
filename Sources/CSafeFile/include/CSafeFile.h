#ifndef SELFSCREEN_SAFE_FILE_H
#define SELFSCREEN_SAFE_FILE_H

/* The Linux calls SafeFileWriter needs that Swift's Glibc module does not import (O_TMPFILE and
   linkat's flags are behind _GNU_SOURCE), and the signal hold around a write. Each returns a
   descriptor or 0 on success and minus the errno on failure. */

/* An unnamed regular file in `folder` (O_TMPFILE): nothing appears in the folder until
   sf_link_anonymous names it, so a process killed before then leaves nothing behind.
   -EOPNOTSUPP (or -EISDIR, -EINVAL on old kernels) where the filesystem cannot do it. */
int sf_open_anonymous(const char *folder, unsigned int mode);

/* Gives the unnamed file `descriptor` the name `path`; fails with -EEXIST if it is taken. */
int sf_link_anonymous(int descriptor, const char *path);

/* Holds SIGINT, SIGTERM, SIGHUP and SIGQUIT for the calling thread until sf_release_signals, so
   that a signal arriving mid-write takes effect once the temporary file is named or removed. */
void sf_hold_signals(void);
void sf_release_signals(void);

#endif
