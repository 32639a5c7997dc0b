package dev.hookline.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for requests that well-behaved clients refuse to send: lying or missing
 * Content-Length, duplicated headers, raw paths.
 */
final class RawHttp {

    /** What came back; {@code status} is -1 when the server closed the connection without an answer. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /**
     * @param headers each header line as name and value, in order, repeats allowed
     * @param contentLength the Content-Length to declare, or {@code null} to send the body chunked
     */
    static Answer send(String host, int port, String method, String path, List<String[]> headers, byte[] body,
                       Long contentLength) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(15_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach(h -> head.append(h[0]).append(": ").append(h[1]).append("\r\n"));
            head.append(contentLength == null ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + contentLength
                    + "\r\n");
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(UTF_8));
                if (contentLength == null) {
                    for (int at = 0; at < body.length; at += 1024) {
                        int length = Math.min(1024, body.length - at);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(ISO_8859_1));
                        out.write(body, at, length);
                        out.write("\r\n".getBytes(ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(ISO_8859_1));
                } else {
                    out.write(body);
                }
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server may answer and close before reading a body it refuses; read what it said.
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // Keep what arrived.
        }
        String text = all.toString(ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            return new Answer(-1, Map.of(), "");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String body = new String(text.substring(end + 4).getBytes(ISO_8859_1), UTF_8);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
