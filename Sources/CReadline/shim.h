#ifndef FSCLI_CREADLINE_SHIM_H
#define FSCLI_CREADLINE_SHIM_H

// readline.h needs stdio.h first (it uses FILE without including it).
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 rejects reads and writes of imported mutable C globals ("not concurrency-safe"), and
// char*/function-pointer globals are awkward anyway, so every readline global the editor touches
// goes through one of these. They are only called on the terminal thread.
static inline void fscli_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline const char *fscli_rl_library_version(void) { return rl_library_version; }

static inline void fscli_rl_set_catch_signals(int on) { rl_catch_signals = on; }
static inline void fscli_rl_set_catch_sigwinch(int on) { rl_catch_sigwinch = on; }
static inline void fscli_rl_set_change_environment(int on) { rl_change_environment = on; }

static inline const char *fscli_rl_line_buffer(void) { return rl_line_buffer; }
static inline int fscli_rl_point(void) { return rl_point; }
static inline void fscli_rl_set_point(int point) { rl_point = point; }
static inline int fscli_rl_end(void) { return rl_end; }

static inline const char *fscli_rl_executing_keyseq(void) { return rl_executing_keyseq; }
static inline int fscli_rl_key_sequence_length(void) { return rl_key_sequence_length; }

static inline FILE *fscli_rl_outstream(void) { return rl_outstream ? rl_outstream : stdout; }
static inline void fscli_rl_write(const char *text) {
    FILE *out = fscli_rl_outstream();
    fputs(text, out);
    fflush(out);
}

#endif
