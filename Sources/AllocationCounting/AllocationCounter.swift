#if os(Linux)
    import Glibc
    import Synchronization

    /// Counts heap allocations and frees made by one thread while it measures, by standing in
    /// for glibc's `malloc`, `calloc`, `realloc`, `posix_memalign`/`aligned_alloc` and `free` in the test
    /// executable (ELF lets the executable's definitions win) and forwarding to glibc's own
    /// `__libc_*` entry points. Other threads pass through uncounted.
    public enum AllocationCounter {
        nonisolated(unsafe) static var count = 0
        nonisolated(unsafe) static var frees = 0
        nonisolated(unsafe) static var thread: pthread_t = 0

        /// One measurement at a time: tests run in parallel, and the counts and the thread
        /// measured are shared.
        static let gate = Mutex(())

        /// Allocations made by `body` on the calling thread.
        public static func count(_ body: () -> Void) -> Int { counts(body).allocations }

        /// Allocations and frees made by `body` on the calling thread (a free on a real-time
        /// thread can take glibc's arena lock or return memory to the kernel). Measurements on
        /// other threads wait.
        public static func counts(_ body: () -> Void) -> (allocations: Int, frees: Int) {
            gate.withLock { _ in
                count = 0
                frees = 0
                thread = pthread_self()
                body()
                thread = 0
                return (count, frees)
            }
        }

        @inline(__always)
        static func note() {
            if thread != 0 && pthread_equal(pthread_self(), thread) != 0 { count += 1 }
        }

        @inline(__always)
        static func noteFree() {
            if thread != 0 && pthread_equal(pthread_self(), thread) != 0 { frees += 1 }
        }
    }

    @_silgen_name("__libc_malloc") private func libcMalloc(_ size: Int) -> UnsafeMutableRawPointer?
    @_silgen_name("__libc_calloc") private func libcCalloc(_ n: Int, _ size: Int) -> UnsafeMutableRawPointer?
    @_silgen_name("__libc_realloc") private func libcRealloc(_ p: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer?
    @_silgen_name("__libc_memalign") private func libcMemalign(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer?
    @_silgen_name("__libc_free") private func libcFree(_ p: UnsafeMutableRawPointer?)

    @_cdecl("malloc") public func countingMalloc(_ size: Int) -> UnsafeMutableRawPointer? {
        AllocationCounter.note()
        return libcMalloc(size)
    }

    @_cdecl("free") public func countingFree(_ p: UnsafeMutableRawPointer?) {
        if p != nil { AllocationCounter.noteFree() }
        libcFree(p)
    }

    @_cdecl("calloc") public func countingCalloc(_ n: Int, _ size: Int) -> UnsafeMutableRawPointer? {
        AllocationCounter.note()
        return libcCalloc(n, size)
    }

    @_cdecl("realloc") public func countingRealloc(_ p: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
        AllocationCounter.note()
        return libcRealloc(p, size)
    }

    @_cdecl("posix_memalign") public func countingPosixMemalign(
        _ out: UnsafeMutablePointer<UnsafeMutableRawPointer?>, _ alignment: Int, _ size: Int
    ) -> Int32 {
        AllocationCounter.note()
        guard let p = libcMemalign(alignment, size) else { return ENOMEM }
        out.pointee = p
        return 0
    }

    @_cdecl("aligned_alloc") public func countingAlignedAlloc(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer? {
        AllocationCounter.note()
        return libcMemalign(alignment, size)
    }
#else
    public enum AllocationCounter {
        /// Not available here: returns -1.
        public static func count(_ body: () -> Void) -> Int {
            body()
            return -1
        }

        /// Not available here: returns -1, -1.
        public static func counts(_ body: () -> Void) -> (allocations: Int, frees: Int) {
            body()
            return (-1, -1)
        }
    }
#endif
