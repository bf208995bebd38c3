package io.robofarm.vm.stdlib;

import static io.robofarm.vm.stdlib.LibraryFunctions.register;

import io.robofarm.vm.interp.LuaState;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.value.LuaNumbers;
import io.robofarm.vm.value.LuaTable;

import java.util.function.DoubleUnaryOperator;

/**
 * The {@code math} library, integer-aware as in Lua 5.4: functions that can keep an integer
 * ({@code abs}, {@code floor}, {@code max}, {@code fmod}, ...) do, and {@code random} draws from
 * this VM's own xoshiro256** generator.
 */
public final class MathLib {

    private MathLib() {
    }

    /** Registry key of this VM's random generator. */
    private static final String RANDOM_KEY = "_RANDOM";

    /** Installs the {@code math} table into the VM's globals; the generator is seeded when first used. */
    public static void open(Vm vm) {
        LuaTable math = vm.newTable(0, 32);
        register(math, "math.abs", MathLib::abs);
        register(math, "math.ceil", MathLib::ceil);
        register(math, "math.floor", MathLib::floor);
        register(math, "math.fmod", MathLib::fmod);
        register(math, "math.log", MathLib::log);
        register(math, "math.max", L -> extreme(L, true));
        register(math, "math.min", L -> extreme(L, false));
        register(math, "math.modf", MathLib::modf);
        register(math, "math.tointeger", MathLib::tointeger);
        register(math, "math.type", MathLib::type);
        register(math, "math.ult", MathLib::ult);
        register(math, "math.sqrt", L -> pushFloat(L, Math.sqrt(L.checkNumber(1))));
        register(math, "math.sin", L -> pushFloat(L, Math.sin(L.checkNumber(1))));
        register(math, "math.cos", L -> pushFloat(L, Math.cos(L.checkNumber(1))));
        register(math, "math.tan", L -> pushFloat(L, Math.tan(L.checkNumber(1))));
        register(math, "math.asin", L -> pushFloat(L, domainNaN(L.checkNumber(1), Math::asin)));
        register(math, "math.acos", L -> pushFloat(L, domainNaN(L.checkNumber(1), Math::acos)));
        register(math, "math.atan", L -> pushFloat(L, Math.atan2(L.checkNumber(1), L.optNumber(2, 1))));
        register(math, "math.exp", L -> pushFloat(L, Math.exp(L.checkNumber(1))));
        register(math, "math.deg", L -> pushFloat(L, L.checkNumber(1) * (180.0 / Math.PI)));
        register(math, "math.rad", L -> pushFloat(L, L.checkNumber(1) * (Math.PI / 180.0)));
        openCompat53(math);
        math.put("huge", Double.POSITIVE_INFINITY);
        math.put("pi", Math.PI);
        math.put("maxinteger", Long.MAX_VALUE);
        math.put("mininteger", Long.MIN_VALUE);
        register(math, "math.random", MathLib::random);
        register(math, "math.randomseed", MathLib::randomseed);
        vm.globals().put("math", math);
    }

    /**
     * The Lua 5.3 functions that the reference {@code lua5.4} (built with LUA_COMPAT_5_3, as
     * Debian does) still offers, so scripts written for it keep running.
     */
    private static void openCompat53(LuaTable math) {
        register(math, "math.atan2", L -> pushFloat(L, Math.atan2(L.checkNumber(1), L.optNumber(2, 1))));
        register(math, "math.cosh", L -> pushFloat(L, Math.cosh(L.checkNumber(1))));
        register(math, "math.sinh", L -> pushFloat(L, Math.sinh(L.checkNumber(1))));
        register(math, "math.tanh", L -> pushFloat(L, Math.tanh(L.checkNumber(1))));
        register(math, "math.pow", L -> pushFloat(L, LuaNumbers.pow(L.checkNumber(1), L.checkNumber(2))));
        register(math, "math.log10", L -> pushFloat(L, domainNaN(L.checkNumber(1), Math::log10)));
        register(math, "math.ldexp", L -> pushFloat(L, ldexp(L.checkNumber(1), L.checkInteger(2))));
        register(math, "math.frexp", MathLib::frexp);
    }

    /** {@code m * 2^e} with C's ldexp saturation: exponents beyond any double's range clamp. */
    private static double ldexp(double m, long e) {
        int clamped = (int) Math.max(-2200, Math.min(2200, e));
        return Math.scalb(m, clamped);
    }

    /** C's frexp: {@code x = m * 2^e} with {@code 0.5 <= |m| < 1}; zero, inf and NaN give e = 0. */
    private static int frexp(LuaState L) {
        double x = L.checkNumber(1);
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            L.pushNumber(x);
            L.pushInteger(0);
            return 2;
        }
        int e = Math.getExponent(x);
        if (e == Double.MIN_EXPONENT - 1) {
            e = Math.getExponent(x * 0x1p54) - 54;
        }
        L.pushNumber(Math.scalb(x, -(e + 1)));
        L.pushInteger(e + 1);
        return 2;
    }

    private static int pushFloat(LuaState L, double v) {
        L.pushNumber(v);
        return 1;
    }

    private static int abs(LuaState L) {
        if (L.arg(1) instanceof Long n) {
            L.pushInteger(n < 0 ? -n : n);
        } else {
            L.pushNumber(Math.abs(L.checkNumber(1)));
        }
        return 1;
    }

    private static int floor(LuaState L) {
        if (L.arg(1) instanceof Long n) {
            L.pushInteger(n);
        } else {
            pushIntegralFloat(L, Math.floor(L.checkNumber(1)));
        }
        return 1;
    }

    private static int ceil(LuaState L) {
        if (L.arg(1) instanceof Long n) {
            L.pushInteger(n);
        } else {
            pushIntegralFloat(L, Math.ceil(L.checkNumber(1)));
        }
        return 1;
    }

    /** Pushes an integral float as an integer when it fits one, else as the float. */
    private static void pushIntegralFloat(LuaState L, double d) {
        if (LuaNumbers.fitsInteger(d)) {
            L.pushInteger((long) d);
        } else {
            L.pushNumber(d);
        }
    }

    private static int fmod(LuaState L) {
        if (L.arg(1) instanceof Long a && L.arg(2) instanceof Long d) {
            if (d == 0) {
                throw L.argError(2, "zero");
            }
            L.pushInteger(a % d);
        } else {
            L.pushNumber(L.checkNumber(1) % L.checkNumber(2));
        }
        return 1;
    }

    private static int log(LuaState L) {
        double x = L.checkNumber(1);
        double result;
        if (L.isNoneOrNil(2)) {
            result = Math.log(x);
        } else {
            double base = L.checkNumber(2);
            if (base == 2.0) {
                result = log2(x);
            } else if (base == 10.0) {
                result = domainNaN(x, Math::log10);
            } else {
                result = Math.log(x) / Math.log(base);
            }
        }
        L.pushNumber(result);
        return 1;
    }

    /**
     * {@code f(x)}, but a NaN produced from a non-NaN argument is glibc's positive NaN (printed
     * "nan"), which these functions return for a domain error where the x86 instructions give "-nan".
     */
    private static double domainNaN(double x, DoubleUnaryOperator f) {
        double r = f.applyAsDouble(x);
        return r != r && x == x ? Double.NaN : r;
    }

    /** Base-2 logarithm, exact for powers of two as C's log2 is. */
    private static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY && x == Math.scalb(1.0, Math.getExponent(x))) {
            return Math.getExponent(x);
        }
        return Math.log(x) / Math.log(2.0);
    }

    /** {@code max} / {@code min}: returns the winning argument itself, keeping its subtype. */
    private static int extreme(LuaState L, boolean max) {
        int n = L.getTop();
        if (n < 1) {
            throw L.argError(1, "value expected");
        }
        Object best = L.arg(1);
        for (int i = 2; i <= n; i++) {
            Object v = L.arg(i);
            if (max ? L.lessThan(best, v) : L.lessThan(v, best)) {
                best = v;
            }
        }
        L.push(best);
        return 1;
    }

    private static int modf(LuaState L) {
        if (L.arg(1) instanceof Long) {
            L.push(L.arg(1));
            L.pushNumber(0.0);
            return 2;
        }
        double n = L.checkNumber(1);
        double integral = n < 0 ? Math.ceil(n) : Math.floor(n);
        pushIntegralFloat(L, integral);
        L.pushNumber(n == integral ? 0.0 : n - integral);
        return 2;
    }

    private static int tointeger(LuaState L) {
        Object v = L.arg(1);
        if (v instanceof String s) {
            v = LuaNumbers.parse(s);
        }
        if (v instanceof Long) {
            L.push(v);
        } else if (v instanceof Double d && LuaNumbers.fitsInteger(d)) {
            L.pushInteger((long) (double) d);
        } else {
            L.checkAny(1);
            L.pushNil();
        }
        return 1;
    }

    private static int type(LuaState L) {
        L.checkAny(1);
        Object v = L.arg(1);
        if (v instanceof Long) {
            L.pushString("integer");
        } else if (v instanceof Double) {
            L.pushString("float");
        } else {
            L.pushNil();
        }
        return 1;
    }

    private static int ult(LuaState L) {
        L.pushBoolean(Long.compareUnsigned(L.checkInteger(1), L.checkInteger(2)) < 0);
        return 1;
    }

    /** This VM's generator, seeded from the clock at its first use as lua5.4 seeds it at startup. */
    private static Xoshiro256 generator(LuaState L) {
        return VmState.get(L, RANDOM_KEY, Xoshiro256.class, () -> {
            Xoshiro256 generator = new Xoshiro256(0, 0);
            seedFromClock(generator);
            return generator;
        });
    }

    /** Seeds from the clock and the generator's identity, as lua5.4 does when no seed is given. */
    private static long[] seedFromClock(Xoshiro256 generator) {
        long n1 = System.currentTimeMillis() / 1000;
        long n2 = System.identityHashCode(generator) ^ System.nanoTime();
        generator.seed(n1, n2);
        return new long[] {n1, n2};
    }

    private static int random(LuaState L) {
        Xoshiro256 generator = generator(L);
        long bits = generator.next();
        long low;
        long up;
        switch (L.getTop()) {
            case 0 -> {
                L.pushNumber(Xoshiro256.toUnitFloat(bits));
                return 1;
            }
            case 1 -> {
                low = 1;
                up = L.checkInteger(1);
                if (up == 0) {
                    L.pushInteger(bits);
                    return 1;
                }
            }
            case 2 -> {
                low = L.checkInteger(1);
                up = L.checkInteger(2);
            }
            default -> throw L.error("wrong number of arguments");
        }
        if (low > up) {
            throw L.argError(1, "interval is empty");
        }
        L.pushInteger(generator.project(bits, up - low) + low);
        return 1;
    }

    private static int randomseed(LuaState L) {
        Xoshiro256 generator = generator(L);
        long n1;
        long n2;
        if (L.isNone(1)) {
            long[] seed = seedFromClock(generator);
            n1 = seed[0];
            n2 = seed[1];
        } else {
            n1 = L.checkInteger(1);
            n2 = L.optInteger(2, 0);
            generator.seed(n1, n2);
        }
        L.pushInteger(n1);
        L.pushInteger(n2);
        return 2;
    }
}
