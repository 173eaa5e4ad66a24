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

    static Result read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return new Result(null, "file too large (" + size / (1024 * 1024) + " MiB > " + MAX_BYTES / (1024 * 1024) + " MiB), not analysed", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            return new Result(null, "cannot read: permission denied", null);
        } catch (NoSuchFileException e) {
            return new Result(null, "cannot read: file disappeared during the scan", null);
        } catch (IOException e) {
            return new Result(null, "cannot read: " + e.getMessage(), null);
        }
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
