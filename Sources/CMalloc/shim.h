#include <malloc.h>
#include <stddef.h>

/* glibc's allocator figures, in bytes: what the program holds (large blocks mapped on their
   own included), and what is free inside the allocator's own memory (kept, not returned to the
   kernel). mallinfo2 takes each arena's lock: call it off the audio thread. */
typedef struct {
    size_t in_use;
    size_t free;
} sideman_heap_figures;

static inline sideman_heap_figures sideman_heap(void) {
    struct mallinfo2 m = mallinfo2();
    sideman_heap_figures f = { m.uordblks + m.hblkhd, m.fordblks };
    return f;
}
