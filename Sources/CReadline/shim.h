#ifndef FSCLI_CREADLINE_SHIM_H
#define FSCLI_CREADLINE_SHIM_H

// readline.h needs stdio.h first (it uses FILE without including it).
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift cannot assign to some of readline's globals directly (function-pointer and char* globals
// imported as computed properties are awkward), so these setters keep the Swift side simple.
static inline void fscli_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline const char *fscli_rl_library_version(void) { return rl_library_version; }

#endif
