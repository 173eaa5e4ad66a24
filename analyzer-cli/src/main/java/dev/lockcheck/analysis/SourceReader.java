package dev.lockcheck.analysis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a source file's text, or says clearly why it cannot be read as Java source. */
final class SourceReader {
    /** Larger files are generated data, not code a person wrote; they are listed, not parsed. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** @param text the decoded text, or null when unreadable; @param problem why unreadable; @param caveat decoded with a caveat */
    record Result(String text, String problem, String caveat) {
    }

    private SourceReader() {
    }

    /** A file's bytes, or why they could not be read ({@code bytes} null). */
    record Loaded(byte[] bytes, String problem) {
    }

    /** Reads a file's bytes once: the scan cache hashes them and the prefilter decodes them. */
    static Loaded load(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return new Loaded(null, "file too large (" + size / (1024 * 1024) + " MiB > " + MAX_BYTES / (1024 * 1024) + " MiB), not analysed");
            }
            return new Loaded(Files.readAllBytes(file), null);
        } catch (AccessDeniedException e) {
            return new Loaded(null, "cannot read: permission denied");
        } catch (NoSuchFileException e) {
            return new Loaded(null, "cannot read: file disappeared during the scan");
        } catch (IOException e) {
            return new Loaded(null, "cannot read: " + e.getMessage());
        }
    }

    static Result decode(Loaded loaded) {
        if (loaded.bytes() == null) return new Result(null, loaded.problem(), null);
        byte[] bytes = loaded.bytes();
        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            return new Result(null, "binary file (NUL byte at offset " + nul + "), not Java source", null);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String text;
        String caveat = null;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (MalformedInputException e) {
            text = new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
            caveat = "not valid UTF-8 (" + describeBadByte(bytes, start) + "); analysed as ISO-8859-1";
        } catch (CharacterCodingException e) {
            text = new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
            caveat = "not valid UTF-8; analysed as ISO-8859-1";
        }
        if (text.isBlank()) caveat = "empty file: nothing to analyse";
        return new Result(text, null, caveat);
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) if (b[i] == 0) return i;
        return -1;
    }

    private static String describeBadByte(byte[] b, int start) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
        var out = java.nio.CharBuffer.allocate(b.length);
        var res = d.decode(in, out, true);
        int pos = in.position();
        int line = 1;
        for (int i = start; i < pos && i < b.length; i++) if (b[i] == '\n') line++;
        return res.isError() && pos < b.length
                ? String.format("byte 0x%02X at line %d", b[pos] & 0xff, line)
                : "malformed input";
    }
}
