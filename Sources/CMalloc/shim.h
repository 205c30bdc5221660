// glibc's malloc statistics (mallinfo) for the mock's `memory` command; nothing elsewhere.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
