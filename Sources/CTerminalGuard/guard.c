#include "CTerminalGuard.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t pending_signal = 0;
static struct termios saved_modes;
static volatile sig_atomic_t have_saved_modes = 0;
static char restore_sequence[256];
static size_t restore_length = 0;

static const int terminating[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static const int crashing[] = {SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGABRT};
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static void on_terminate(int signal) {
  if (pending_signal == 0) pending_signal = signal;
}

static void on_crash(int signal) {
  if (restore_length > 0) {
    ssize_t ignored = write(STDOUT_FILENO, restore_sequence, restore_length);
    (void)ignored;
  }
  if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
  /* SA_RESETHAND already put the default action back: returning re-runs the faulting
     instruction (or, for raised signals, we raise again) and the process dies by `signal`. */
  raise(signal);
}

void tg_save_modes(void) {
  if (tcgetattr(STDIN_FILENO, &saved_modes) == 0) have_saved_modes = 1;
}

void tg_install(const char *restore) {
  restore_length = 0;
  if (restore != NULL) {
    size_t length = strlen(restore);
    if (length >= sizeof(restore_sequence)) length = sizeof(restore_sequence) - 1;
    memcpy(restore_sequence, restore, length);
    restore_length = length;
  }
  pending_signal = 0;

  /* An alternate stack, so that a stack overflow can still run the crash handler. */
  static char alternate_stack[64 * 1024];
  stack_t stack = {.ss_sp = alternate_stack, .ss_size = sizeof(alternate_stack), .ss_flags = 0};
  sigaltstack(&stack, NULL);

  struct sigaction action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_handler = on_terminate;
  action.sa_flags = 0; /* no SA_RESTART: a blocked read returns so the loop sees the flag */
  for (size_t i = 0; i < COUNT(terminating); i++) sigaction(terminating[i], &action, NULL);

  action.sa_handler = on_crash;
  action.sa_flags = SA_RESETHAND | SA_NODEFER | SA_ONSTACK;
  for (size_t i = 0; i < COUNT(crashing); i++) sigaction(crashing[i], &action, NULL);

  /* A blocked signal mask is inherited across exec: a parent that blocked these would leave the
     program deaf to resizes, hangups and termination. Unblock everything the guard relies on. */
  sigset_t needed;
  sigemptyset(&needed);
  for (size_t i = 0; i < COUNT(terminating); i++) sigaddset(&needed, terminating[i]);
  for (size_t i = 0; i < COUNT(crashing); i++) sigaddset(&needed, crashing[i]);
  sigaddset(&needed, SIGWINCH);
  sigaddset(&needed, SIGTSTP);
  sigaddset(&needed, SIGCONT);
  sigprocmask(SIG_UNBLOCK, &needed, NULL);
}

void tg_uninstall(void) {
  for (size_t i = 0; i < COUNT(terminating); i++) signal(terminating[i], SIG_DFL);
  for (size_t i = 0; i < COUNT(crashing); i++) signal(crashing[i], SIG_DFL);
}

int tg_pending_signal(void) { return pending_signal; }

void tg_restore_modes(void) {
  if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
}

void tg_reraise(int signal_number) {
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_handler = SIG_DFL;
  sigaction(signal_number, &action, NULL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal_number);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  raise(signal_number);
}

void tg_disable_core_dumps(void) {
  struct rlimit limit = {0, 0};
  setrlimit(RLIMIT_CORE, &limit);
#ifdef __linux__
  /* Also no core through a core_pattern pipe (systemd-coredump, apport), which ignores the
     limit, and no reading of this process's memory by another process of the same user. */
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

void tg_suspend(void) {
  /* The default action stops the process; the caller has already given the terminal back. */
  struct sigaction old_action, action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_handler = SIG_DFL;
  sigaction(SIGTSTP, &action, &old_action);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTSTP);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  raise(SIGTSTP);
  /* Here after SIGCONT. */
  sigaction(SIGTSTP, &old_action, NULL);
}
