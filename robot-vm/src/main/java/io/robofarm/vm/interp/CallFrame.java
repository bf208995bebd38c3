package io.robofarm.vm.interp;

/**
 * One activation on a coroutine's call stack, kept on the heap so a coroutine can stop between two
 * instructions and resume later (on any thread). Frame objects are reused: a call overwrites the
 * fields of the next slot of {@link LuaState#frames} instead of allocating.
 *
 * <p>Stack layout as in Lua: the called function sits at {@code func}, its arguments and registers
 * start at {@code base}. For a vararg Lua function the extra arguments lie below {@code func}
 * (VARARGPREP moves the function and its fixed parameters above them).
 */
final class CallFrame {
    /** A Lua function; {@link #closure} and {@link #pc} are meaningful. */
    static final int LUA = 0;
    /** A Java function running to completion. */
    static final int JAVA = 1;
    /** {@code pcall}: on error, unwinding stops here and the call returns false plus the error. */
    static final int PCALL = 2;
    /** {@code xpcall}: like PCALL, with a message handler in {@link #handler}. */
    static final int XPCALL = 3;
    /** Bottom of every coroutine's stack; returning here ends the coroutine. */
    static final int BASE = 4;
    /** A {@code coroutine.resume} (or wrap call) waiting for the coroutine it resumed. */
    static final int RESUME = 5;
    /** A {@code coroutine.yield} waiting to be resumed: its results are the next resume's arguments. */
    static final int YIELD = 6;

    int kind;
    LuaClosure closure;
    /** The Java function of a JAVA, PCALL, XPCALL, RESUME or YIELD frame (for names in tracebacks). */
    JavaFunction javaFunction;
    /** Next instruction of a Lua frame (saved when the frame is not running). */
    int pc;
    int func;
    int base;
    /** Results the caller wants, or -1 for all of them. */
    int nResults;
    /** Extra arguments of a vararg function, stored below {@link #func}. */
    int nVarargs;
    /** True when this frame runs a metamethod whose result completes the caller's current instruction. */
    boolean finishOp;
    /** For a metamethod frame: its boolean result must be negated ('__lt' standing in for '__le'). */
    boolean negate;
    /** True for a frame entered by a tail call (tracebacks print "(...tail calls...)"). */
    boolean tailCall;
    /** Message handler of an XPCALL frame; the coroutine being resumed by a RESUME frame. */
    Object handler;
    /** For a RESUME frame from coroutine.wrap: errors are re-raised instead of returned. */
    boolean wrap;
    /** Results of a RETURN waiting for a __close call to finish (the instruction is re-run after it). */
    int pendingResults;
    /** Operands left of a CONCAT interrupted by a __concat call (0 when none). */
    int pendingConcat;

    void clearRefs() {
        closure = null;
        javaFunction = null;
        handler = null;
    }
}
