// zlib's gzip file interface, for recordings (docs/recording.md): gzopen, gzwrite, gzread, gzclose.
// Debian: zlib1g-dev (libz.a too, for the static release build).
#include <zlib.h>
