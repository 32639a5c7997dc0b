package dev.hookline.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
}
