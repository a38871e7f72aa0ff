package org.civcheck.evidence;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks bytes for well-formed UTF-8 (the Unicode Standard's table 3-7: no overlong forms, no
 * surrogates, nothing above U+10FFFF), which is exactly what the JDK's strict UTF-8 decoder
 * accepts. Eight ASCII bytes at a time: several times faster than decoding, and keeps nothing.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {}

    static boolean isWellFormed(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        while (i < n) {
            while (i + 8 <= n && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            if (i == n) {
                return true;
            }
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
            } else if (lead < 0xC2) {
                return false; // a continuation byte, or the lead of an overlong two-byte form
            } else if (lead < 0xE0) {
                if (i + 1 >= n || !isContinuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (lead < 0xF0) {
                if (i + 2 >= n || !inRange(bytes[i + 1], lead == 0xE0 ? 0xA0 : 0x80, lead == 0xED ? 0x9F : 0xBF)
                        || !isContinuation(bytes[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (lead < 0xF5) {
                if (i + 3 >= n || !inRange(bytes[i + 1], lead == 0xF0 ? 0x90 : 0x80, lead == 0xF4 ? 0x8F : 0xBF)
                        || !isContinuation(bytes[i + 2]) || !isContinuation(bytes[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private static boolean inRange(byte b, int low, int high) {
        int value = b & 0xFF;
        return value >= low && value <= high;
    }
}
