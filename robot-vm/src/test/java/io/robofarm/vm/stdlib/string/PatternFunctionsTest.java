package io.robofarm.vm.stdlib.string;

import static io.robofarm.vm.stdlib.string.LuaSnippets.error;
import static io.robofarm.vm.stdlib.string.LuaSnippets.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.robofarm.vm.interp.LuaClosure;
import io.robofarm.vm.interp.Vm;
import io.robofarm.vm.interp.VmInterrupted;
import io.robofarm.vm.stdlib.StandardLibraries;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** find, match, gmatch and gsub; expected values are lua5.4's. */
class PatternFunctionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "return ('hello world'):find('o w')                 | 5\t7",
        "return ('a+b'):find('+', 1, true)                  | 2\t2",
        "return ('abc'):find('b', 10)                       | nil",
        "return ('abc'):find('', 4)                         | 4\t3",
        "return ('abc'):find('c', -1)                       | 3\t3",
        "return ('key = val'):find('(%w+)%s*=%s*(%w+)')     | 1\t9\tkey\tval",
        "return ('  x  '):match('^%s*(.-)%s*$')             | x",
        "return ('f(a(b)c)d'):match('%b()')                 | (a(b)c)",
        "return ('THE (quick) fox'):match('%f[%a]%a+', 5)   | quick",
        "return ('hello'):match('()ll()')                   | 3\t5",
        "return ('abcabc'):match('(a)(b)c%1%2')             | a\tb",
        "return ('x'):match('[%a-z]')                       | x",
        "return (']'):match('[]]')                          | ]",
        "return ('^a'):match('^^a')                         | ^a",
        "return ('2024-01-15'):match('(%d+)-(%d+)-(%d+)$')  | 2024\t01\t15",
        "return ('\\0'):find('%Z'), ('a\\0b'):find('%z')          | nil\t2\t2",
    })
    void findsAndMatches(String chunk, String expected) {
        assertEquals(expected, eval(chunk));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "return ('hello world'):gsub('o', '0')                       | hell0 w0rld\t2",
        "return ('hello world'):gsub('(%w+) (%w+)', '%2 %1')         | world hello\t1",
        "return ('abc'):gsub('%w', '%%%0')                           | %a%b%c\t3",
        "return ('abc'):gsub('', '-')                                | -a-b-c-\t4",
        "return ('abc'):gsub('b*', '-')                              | -a-c-\t3",
        "return ('abc'):gsub('^', '-')                               | -abc\t1",
        "return ('abc abc'):gsub('%w+', '%0 %0', 1)                  | abc abc abc\t1",
        "return ('hello'):gsub('()l', '%1')                          | he34o\t2",
        "return ('hello world'):gsub('o', {o = 1.5})                 | hell1.5 w1.5rld\t2",
        "return ('a b'):gsub('%w', {a = false})                      | a b\t2",
        "return ('a b'):gsub('%w', function(w) return w:upper() end) | A B\t2",
        "return ('abc'):gsub('a', 'x', -1)                           | abc\t0",
    })
    void substitutes(String chunk, String expected) {
        assertEquals(expected, eval(chunk));
    }

    @Test
    void iteratesMatchesWithInitAndEmptyMatches() {
        assertEquals("k=v;x=y;", eval(
                "local t = '' for a, b in ('k=v, x=y'):gmatch('(%w+)=(%w+)') do t = t .. a .. '=' .. b .. ';' end return t"));
        assertEquals("<><><><>", eval("local t = '' for a in ('abc'):gmatch('') do t = t .. '<' .. a .. '>' end return t"));
        assertEquals("4", eval("local t = '' for p in ('abcabc'):gmatch('()a', -3) do t = t .. p end return t"));
        assertEquals("^a,^b,", eval("local t = '' for k in ('^a^b'):gmatch('^.') do t = t .. k .. ',' end return t"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "malformed pattern (ends with '%')                | return ('a'):find('a%')",
        "malformed pattern (missing ']')                  | return ('a'):find('[a')",
        "missing '[' after '%f' in pattern                | return ('a'):find('%fa')",
        "malformed pattern (missing arguments to '%b')    | return ('a'):find('%b')",
        "unfinished capture                               | return ('a'):match('(a')",
        "invalid pattern capture                          | return ('a'):match('a)')",
        "invalid capture index %1                         | return ('a'):find('%1')",
        "invalid capture index %2                         | return ('a'):gsub('(a)', '%2')",
        "invalid use of '%' in replacement string         | return ('a'):gsub('a', '%x')",
        "invalid replacement value (a table)              | return ('a'):gsub('a', {a = {}})",
        "too many captures                                | return ('a'):rep(40):find(('(a)'):rep(33))",
        "pattern too complex                              | return ('a'):rep(300):find(('a?'):rep(300))",
    })
    void reportsPatternErrorsAtTheCallersLine(String message, String chunk) {
        assertEquals("test:1: " + message, error(chunk));
    }

    @Test
    void checksTheReplacementArgument() {
        assertEquals("test:1: bad argument #3 to 'gsub' (string/function/table expected, got nil)",
                error("return string.gsub('a', 'a', nil)"));
    }

    @Test
    void backtracksOverLongSubjectsWithoutDeepJavaRecursion() {
        assertEquals("100001", eval("return #(('a'):rep(100000) .. 'b'):match('a*.-b')"));
        assertEquals("nil", eval("return (('a'):rep(5000)):match('a-b')"));
    }

    @Test
    void aRunawayMatchStopsWhenTheVmIsInterrupted() {
        Vm vm = new Vm();
        StandardLibraries.openAll(vm);
        LuaClosure chunk = vm.load("return ('a'):rep(40):find(('a*'):rep(40) .. 'b')", "=test", vm.globals());
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            vm.interrupt();
        });
        stopper.start();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(VmInterrupted.class, () -> vm.call(chunk)));
    }
}
