package org.civcheck.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link Utf8#isWellFormed} accepts exactly what the JDK's strict UTF-8 decoder accepts. */
class Utf8Test {

    private static final CharsetDecoder JDK = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Third and fourth bytes that decide a sequence: ASCII, the ends of the continuation range, leads. */
    private static final int[] LATER = {0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xFF};

    private static final CharBuffer OUT = CharBuffer.allocate(64);

    private static boolean jdkAccepts(byte[] bytes) {
        OUT.clear();
        CoderResult result = JDK.reset().decode(ByteBuffer.wrap(bytes), OUT, true);
        return !result.isError() && !JDK.flush(OUT).isError();
    }

    /** The sequence alone, after eight ASCII bytes, and before eight (the word-at-a-time loop). */
    private static void assertAsJdk(byte[] sequence) {
        byte[] padded = new byte[sequence.length + 16];
        Arrays.fill(padded, (byte) 'a');
        for (byte[] bytes : new byte[][] {sequence, withAt(padded, sequence, 8), withAt(padded, sequence, 0)}) {
            assertEquals(jdkAccepts(bytes), Utf8.isWellFormed(bytes), () -> Arrays.toString(bytes));
        }
    }

    private static byte[] withAt(byte[] padding, byte[] sequence, int at) {
        byte[] bytes = Arrays.copyOf(padding, at + sequence.length + 8);
        System.arraycopy(sequence, 0, bytes, at, sequence.length);
        return bytes;
    }

    @Test
    void everySequenceOfOneAndTwoBytes() {
        for (int a = 0; a < 256; a++) {
            assertAsJdk(new byte[] {(byte) a});
            for (int b = 0; b < 256; b++) {
                assertAsJdk(new byte[] {(byte) a, (byte) b});
            }
        }
    }

    @Test
    void threeByteSequencesWithEveryLeadAndSecondByte() {
        for (int a = 0x80; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c : LATER) {
                    assertAsJdk(new byte[] {(byte) a, (byte) b, (byte) c});
                }
            }
        }
    }

    @Test
    void fourByteSequencesWithEveryLeadAndSecondByte() {
        for (int a = 0xE0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c : LATER) {
                    for (int d : LATER) {
                        byte[] sequence = {(byte) a, (byte) b, (byte) c, (byte) d};
                        assertEquals(jdkAccepts(sequence), Utf8.isWellFormed(sequence), () -> Arrays.toString(sequence));
                    }
                }
            }
        }
    }

    @Test
    void textsOfEveryScript() {
        assertTrue(Utf8.isWellFormed("".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Utf8.isWellFormed("ascii only, longer than eight".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Utf8.isWellFormed("××街道办事处 ä € 𝄞 \uFFFF \uFEFF".getBytes(StandardCharsets.UTF_8)));
        assertFalse(Utf8.isWellFormed("街道".getBytes(java.nio.charset.Charset.forName("GBK"))));
        assertFalse(Utf8.isWellFormed(Arrays.copyOf("街".getBytes(StandardCharsets.UTF_8), 2)));
    }
}
