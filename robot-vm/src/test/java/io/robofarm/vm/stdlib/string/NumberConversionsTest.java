package io.robofarm.vm.stdlib.string;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are lua5.4's {@code string.format} output on x86-64 glibc. */
class NumberConversionsTest {

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "'%d' | 42 | '42'",
        "'%5d' | -42 | '  -42'",
        "'%-6d' | 42 | '42    '",
        "'%05d' | -42 | '-0042'",
        "'%+d' | 0 | '+0'",
        "'% d' | 7 | ' 7'",
        "'%.3d' | 5 | '005'",
        "'%.0d' | 0 | ''",
        "'%8.3d' | -5 | '    -005'",
        "'%u' | -1 | '18446744073709551615'",
        "'%x' | 255 | 'ff'",
        "'%X' | -1 | 'FFFFFFFFFFFFFFFF'",
        "'%o' | 8 | '10'",
        "'%#x' | 255 | '0xff'",
        "'%#x' | 0 | '0'",
        "'%#o' | 0 | '0'",
        "'%#.3o' | 8 | '010'",
        "'%08x' | 48879 | '0000beef'",
        "'%d' | -9223372036854775808 | '-9223372036854775808'"
    })
    void formatsIntegersAsCPrintf(String spec, long value, String expected) {
        assertEquals(expected, format(spec, value));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(delimiter = '|', value = {
        "'%f' | 0.1 | '0.100000'",
        "'%.2f' | 0.125 | '0.12'",
        "'%.2f' | 0.375 | '0.38'",
        "'%.2f' | 1.005 | '1.00'",
        "'%.2f' | 2.675 | '2.67'",
        "'%.0f' | 0.5 | '0'",
        "'%.0f' | 1.5 | '2'",
        "'%.0f' | 2.5 | '2'",
        "'%.2f' | -0.001 | '-0.00'",
        "'%.3f' | 1e15 | '1000000000000000.000'",
        "'%#.0f' | 3.0 | '3.'",
        "'%010.3f' | -3.14159 | '-00003.142'",
        "'%-10.1f' | 2.25 | '2.2       '",
        "'%+f' | 1.0 | '+1.000000'",
        "'%.20f' | 0.1 | '0.10000000000000000555'",
        "'%.1f' | 1e300 | '1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.0'",
        "'%e' | 12345.678 | '1.234568e+04'",
        "'%.0e' | 5.0 | '5e+00'",
        "'%#.0e' | 5.0 | '5.e+00'",
        "'%E' | 1e-10 | '1.000000E-10'",
        "'%.3e' | 9.9996 | '1.000e+01'",
        "'%.20e' | 0.1 | '1.00000000000000005551e-01'",
        "'%e' | 0.0 | '0.000000e+00'",
        "'%e' | 5e-324 | '4.940656e-324'",
        "'%g' | 0.0001 | '0.0001'",
        "'%g' | 0.00001 | '1e-05'",
        "'%g' | 123456.0 | '123456'",
        "'%g' | 1234567.0 | '1.23457e+06'",
        "'%G' | 1e-20 | '1E-20'",
        "'%.3g' | 0.0001234 | '0.000123'",
        "'%#g' | 1.0 | '1.00000'",
        "'%#g' | 999999.5 | '1.e+06'",
        "'%.14g' | 0.1 | '0.1'",
        "'%.17g' | 0.1 | '0.10000000000000001'",
        "'%g' | -0.0 | '-0'",
        "'%.0g' | 2.5 | '2'",
        "'%a' | 1.0 | '0x1p+0'",
        "'%a' | 3.0 | '0x1.8p+1'",
        "'%A' | 255.5 | '0X1.FFP+7'",
        "'%a' | 0.0 | '0x0p+0'",
        "'%a' | -0.0 | '-0x0p+0'",
        "'%a' | 5e-324 | '0x0.0000000000001p-1022'",
        "'%a' | 2.2250738585072014e-308 | '0x1p-1022'",
        "'%.0a' | 1.5 | '0x2p+0'",
        "'%.1a' | 1.96875 | '0x2.0p+0'",
        "'%.3a' | 0.3333333333333333 | '0x1.555p-2'",
        "'%#a' | 1.0 | '0x1.p+0'",
        "'%020a' | -1.5 | '-0x000000000001.8p+0'",
        "'%+a' | 1.0 | '+0x1p+0'",
        "'%f' | Infinity | 'inf'",
        "'%5.1f' | -Infinity | ' -inf'",
        "'%E' | Infinity | 'INF'",
        "'%010f' | -Infinity | '      -inf'"
    })
    void formatsFloatsAsGlibcPrintf(String spec, double value, String expected) {
        assertEquals(expected, format(spec, value));
    }

    private static String format(String spec, long value) {
        StringBuilder out = new StringBuilder();
        NumberConversions.formatInteger(out, parse(spec), value);
        return out.toString();
    }

    private static String format(String spec, double value) {
        StringBuilder out = new StringBuilder();
        NumberConversions.formatFloat(out, parse(spec), value);
        return out.toString();
    }

    private static FormatSpec parse(String spec) {
        int last = spec.length() - 1;
        return new FormatSpec(spec.charAt(last)).set(spec, 1, last, spec.charAt(last));
    }
}
