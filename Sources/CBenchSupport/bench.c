#define _GNU_SOURCE
#include "CBenchSupport.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int bench_open_terminal(int rows, int columns, char *name, int name_length) {
  int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master < 0) return -1;
  if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, name, name_length) != 0) {
    close(master);
    return -1;
  }
  struct winsize size = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)columns};
  ioctl(master, TIOCSWINSZ, &size);
  return master;
}

pid_t bench_spawn(const char *path, char *const argv[], char *const envp[], const char *slave) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  /* The child: only async-signal-safe calls until exec. */
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  setsid();
  int terminal = open(slave, O_RDWR);
  if (terminal < 0) _exit(127);
  dup2(terminal, 0);
  dup2(terminal, 1);
  dup2(terminal, 2);
  if (terminal > 2) close(terminal);
  execve(path, argv, envp);
  _exit(127);
}
