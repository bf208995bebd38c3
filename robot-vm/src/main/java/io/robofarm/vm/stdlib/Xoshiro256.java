package io.robofarm.vm.stdlib;

/**
 * The xoshiro256** generator behind {@code math.random}, seeded and projected exactly as Lua 5.4.4
 * does, so a script seeded with {@code math.randomseed(n)} draws the same numbers as under lua5.4.
 * One instance per VM: the state is mutable and never shared.
 */
public final class Xoshiro256 {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** A generator seeded as {@code math.randomseed(n1, n2)} would seed it. */
    public Xoshiro256(long n1, long n2) {
        seed(n1, n2);
    }

    /** Lua's setseed: a fixed non-zero word avoids the all-zero state, then 16 outputs are discarded. */
    public void seed(long n1, long n2) {
        s0 = n1;
        s1 = 0xff;
        s2 = n2;
        s3 = 0;
        for (int i = 0; i < 16; i++) {
            next();
        }
    }

    /** The next 64 random bits. */
    public long next() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** A float in [0, 1) made of the top 53 of 64 random bits. */
    public static double toUnitFloat(long bits) {
        return (bits >>> 11) * 0x1p-53;
    }

    /**
     * A uniform integer in [0, n] (n read as unsigned) from the random bits {@code ran}: masks to the
     * smallest 2^b - 1 covering n and draws again while the result exceeds n, as Lua's 'project'.
     */
    public long project(long ran, long n) {
        if ((n & (n + 1)) == 0) {
            return ran & n;
        }
        long lim = n;
        lim |= lim >>> 1;
        lim |= lim >>> 2;
        lim |= lim >>> 4;
        lim |= lim >>> 8;
        lim |= lim >>> 16;
        lim |= lim >>> 32;
        while (Long.compareUnsigned(ran &= lim, n) > 0) {
            ran = next();
        }
        return ran;
    }
}
