#ifndef SELFSCREEN_TERMINAL_GUARD_H
#define SELFSCREEN_TERMINAL_GUARD_H

/* Signal handling that gives the terminal back whatever happens.

   Terminating signals (INT, TERM, HUP, QUIT) only set a flag; the input loop sees it, restores
   the terminal and re-raises. Crashes (SEGV, ILL, TRAP, BUS, FPE, ABRT) restore the saved terminal
   modes and write the restore sequence right in the handler (async-signal-safe calls only), then
   die by the same signal. SIGHUP is caught even when it was inherited as ignored: a full-screen
   program cannot outlive its terminal. The signals it relies on are unblocked, in case the
   parent left them blocked. */

/* Saves the terminal modes of fd 0 (call before ncurses changes them). */
void tg_save_modes(void);

/* Installs the handlers. `restore` is written to fd 1 on a crash (e.g. clear the screen, leave
   the alternate screen, show the cursor); at most 255 bytes. */
void tg_install(const char *restore);

/* Removes the handlers (back to the default actions). */
void tg_uninstall(void);

/* The first terminating signal received since tg_install, or 0. */
int tg_pending_signal(void);

/* Puts back the terminal modes saved by tg_install. */
void tg_restore_modes(void);

/* Dies by `signal` with its default action (after the caller has restored the terminal). */
void tg_reraise(int signal);

/* Sets RLIMIT_CORE to 0 and (Linux) the process non-dumpable, so that a crash never writes
   answers to a core file. Called first thing by every command. */
void tg_disable_core_dumps(void);

/* Stops the process as Ctrl-Z would (the terminal is in raw mode, so the key is read as a byte). */
void tg_suspend(void);

#endif
