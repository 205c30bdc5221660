/// LeakSanitizer's built-in suppressions for fscli's processes (read by the sanitizer runtime at
/// start-up when fscli is built with `--sanitize=address`; an ordinary build never calls it).
///
/// Swift's `Regex` keeps its parsed expression in indirect enums whose payload pointers carry tag
/// bits, which LeakSanitizer does not recognise as pointers: a `Regex` that is still alive at exit
/// (the mock's dialplan keeps its compiled conditions) is reported as a direct leak. Dropped, the
/// same objects are freed and nothing is reported, so these reports are false. Likewise an object
/// alive at exit that once had a weak reference (`ConsoleRecorder.shared`): its side table is found
/// only through the object's reference count, where the pointer is stored shifted, so the 32-byte
/// table allocated in `formWeakReference` is reported once the last weak reference is gone (checked
/// on a ten-line program). These are suppressed here rather than in `.ci/lsan.supp` because the
/// tests start fscli with a clean environment, which `LSAN_OPTIONS` would not reach
/// (docs/reliability.md, "Sanitizers").
@_cdecl("__lsan_default_suppressions")
public func leakSanitizerDefaultSuppressions() -> UnsafePointer<CChar> {
    UnsafeRawPointer(("leak:_RegexParser\nleak:_StringProcessing\nleak:formWeakReference\n" as StaticString).utf8Start)
        .assumingMemoryBound(to: CChar.self)
}

/// LeakSanitizer's built-in options for fscli's processes: no "Suppressions used" table on stderr
/// at exit, which tests that compare fscli's stderr would otherwise see after every matched
/// suppression above.
///
/// The sanitizer calls this while it starts, before its shadow memory exists. The body must stay one
/// expression: a local variable in an unoptimized build gets instrumented stack checks, and the
/// process dies of a segmentation fault before `main` (tried on a small program, as the tests'
/// process links this too).
@_cdecl("__lsan_default_options")
public func leakSanitizerDefaultOptions() -> UnsafePointer<CChar> {
    UnsafeRawPointer(("print_suppressions=0" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
}
