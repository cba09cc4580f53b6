#include <fluidsynth.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

/* The calling thread's kernel id, for /proc/self/task/ID: whether the audio driver's thread
   still exists. Swift imports neither the variadic syscall() nor glibc's gettid(). */
static inline pid_t sideman_thread_id(void) { return (pid_t)syscall(SYS_gettid); }
