package dev.hookline.it;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Senders that declare the largest body a source takes (64 MiB) and send it slowly: the server must not hold the
 * declared sizes while the bytes have not come. Runs inside the server, whose heap it reads, and sends from there.
 */
@ExtendWith(ArquillianExtension.class)
class SlowBodiesIT {

    static final int DECLARED = 64 * 1024 * 1024;
    static final int SENDERS = 24;

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("slow-bodies", String.join("\n",
                "hookline.sources=bulk",
                "hookline.source.bulk.scheme=hmac",
                "hookline.source.bulk.secrets=slow-bodies-secret",
                "hookline.source.bulk.max-body=" + DECLARED));
    }

    @ArquillianResource
    URL base;

    @Test
    void requestsDeclaring64MiBAndSendingSlowlyHoldOnlyWhatArrived() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterCollection(memory);
        List<Socket> senders = new ArrayList<>();
        try {
            for (int i = 0; i < SENDERS; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + base.getPath() + "api/webhooks/bulk HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + DECLARED + "\r\n\r\n{\"slow\":")
                        .getBytes(US_ASCII));
                out.flush();
                senders.add(socket);
            }
            // Every request is now in Hookline's body reading, waiting for bytes that do not come.
            Thread.sleep(2000);
            long held = usedAfterCollection(memory) - before;
            // In the server's log: the figure docs/security.md gives.
            System.out.println("SlowBodiesIT: " + SENDERS + " requests declaring " + DECLARED + " bytes hold " + held
                    + " bytes of heap");
            assertTrue(held < 64L * 1024 * 1024, SENDERS + " requests declaring " + DECLARED + " bytes hold " + held
                    + " bytes of heap; declared lengths allocated up front would hold " + (long) SENDERS * DECLARED);
        } finally {
            for (Socket socket : senders) {
                socket.close();
            }
        }
    }

    private static long usedAfterCollection(MemoryMXBean memory) throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        return memory.getHeapMemoryUsage().getUsed();
    }
}
