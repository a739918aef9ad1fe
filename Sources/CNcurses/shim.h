#ifndef SELFSCREEN_CNCURSES_SHIM_H
#define SELFSCREEN_CNCURSES_SHIM_H

/* Wide-character ncurses. These must be defined before curses.h is included. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 rejects ncurses' mutable globals and cannot import its function-like macros:
   these wrappers expose what SelfScreen needs. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline FILE *cn_stdout(void) { return stdout; }
static inline FILE *cn_stdin(void) { return stdin; }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }

/* Draws `count` wide characters at the cursor with the given attributes and colour pair. */
static inline int cn_draw(WINDOW *window, const wchar_t *text, int count, attr_t attributes, short pair) {
  wattr_set(window, attributes, pair, NULL);
  return waddnwstr(window, text, count);
}

#endif
