#ifndef SELFSCREEN_BENCH_SUPPORT_H
#define SELFSCREEN_BENCH_SUPPORT_H

#include <sys/types.h>

/* Opens a pseudo-terminal of `rows` x `columns`; returns the master (close-on-exec) and writes the
   slave's path into `name`. -1 on failure. */
int bench_open_terminal(int rows, int columns, char *name, int name_length);

/* Starts `path` with `argv` and `envp` as the leader of a new session whose controlling terminal is
   the slave at `slave`, on descriptors 0, 1 and 2, with no signal blocked. -1 on failure. */
pid_t bench_spawn(const char *path, char *const argv[], char *const envp[], const char *slave);

#endif
