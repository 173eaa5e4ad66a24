package dev.lockcheck.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code lockcheck-report/1}. Unknown fields are ignored on read, so newer reports still load. */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static void write(Report report, OutputStream out) throws IOException {
        MAPPER.writeValue(new NonClosing(out), report);
        out.write('\n');
        out.flush();
    }

    public static String toString(Report report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Report read(Path file) throws IOException {
        Report r = MAPPER.readValue(Files.readAllBytes(file), Report.class);
        if (r.schema() == null || !r.schema().equals(Report.SCHEMA)) {
            throw new IOException(file + ": not a lockcheck report (schema is " + r.schema() + ", expected " + Report.SCHEMA + ")");
        }
        return r;
    }

    /** Jackson closes the stream it writes to; standard output must stay open. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
