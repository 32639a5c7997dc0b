package dev.hookline.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class BodyReadingTest {

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    /** Hands out at most a few bytes per read, as a network stream may. */
    private static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void aBodyOfTheDeclaredLengthIsReadWhole() throws IOException {
        byte[] body = bytes(1024);
        assertArrayEquals(body, SignatureFilter.readAtMost(trickling(body), 4097, 1024));
    }

    @Test
    void aBodyLongerThanDeclaredIsReadOnToTheLimit() throws IOException {
        byte[] body = bytes(20_000);
        assertArrayEquals(body, SignatureFilter.readAtMost(trickling(body), 65_537, 100));
        assertEquals(5_001, SignatureFilter.readAtMost(trickling(body), 5_001, 100).length);
    }

    @Test
    void aBodyShorterThanDeclaredIsWhatArrived() throws IOException {
        byte[] body = bytes(300);
        assertArrayEquals(body, SignatureFilter.readAtMost(trickling(body), 4097, 1024));
    }

    @Test
    void aBodyOfUnknownLengthIsReadToItsEndOrTheLimit() throws IOException {
        byte[] body = bytes(30_000);
        assertArrayEquals(body, SignatureFilter.readAtMost(trickling(body), 65_537, -1));
        assertEquals(10_001, SignatureFilter.readAtMost(trickling(body), 10_001, -1).length);
        assertEquals(0, SignatureFilter.readAtMost(trickling(new byte[0]), 10_001, -1).length);
        assertEquals(0, SignatureFilter.readAtMost(trickling(new byte[0]), 10_001, 0).length);
    }

    @Test
    void aLargeBodyArrivingAsDeclaredIsReadWhole() throws IOException {
        byte[] body = bytes(1_000_003);
        assertArrayEquals(body, SignatureFilter.readAtMost(trickling(body), 1_000_004, body.length));
        assertArrayEquals(body, SignatureFilter.readAtMost(new ByteArrayInputStream(body), 1_000_004, body.length));
    }

    /** A declared length is a limit, not an allocation: declaring 64 MiB and sending ten bytes costs little. */
    @Test
    void aDeclaredLengthIsNotAllocatedBeforeTheBytesArrive() throws IOException {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        byte[] read = SignatureFilter.readAtMost(trickling(bytes(10)), 64 * 1024 * 1024 + 1, 64 * 1024 * 1024);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertEquals(10, read.length);
        assertTrue(allocated < 4 * SignatureFilter.FIRST_ALLOCATION, allocated + " bytes allocated for a 10-byte body");
    }
}
