package org.civcheck.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns bytes into a JSON tree, or into one fault: invalid UTF-8, a syntax error, a duplicate
 * key or a value over the depth or length limits, each with its line and column.
 *
 * <p>A package is first read the quick way: its bytes are checked to be UTF-8 ({@link Utf8})
 * without being decoded into one big text, then parsed as bytes without the parser's duplicate-key detector
 * (a hash set per object; the tree builder refuses duplicate keys too, for free). The quick
 * parser is also what {@link PackageStream} reads a package from in one pass. Whenever that
 * quick read fails or declines for any reason, the package is read again the strict way, which
 * names the fault (with line and column counted in characters) exactly as if it had been the
 * only way.
 */
final class StrictJsonParser {

    /** The tree, or the fault that prevented it. */
    record Result(JsonNode tree, List<InputProblem> faults) {
        static Result fault(String path, String message) {
            return new Result(null, List.of(new InputProblem(path, message)));
        }
    }

    private final ObjectMapper mapper;
    private final ObjectMapper quickMapper;
    private final ReadLimits limits;

    StrictJsonParser(ReadLimits limits) {
        this.limits = limits;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxTextLength())
                .maxNameLength(limits.maxTextLength())
                .build();
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(constraints)
                .build();
        this.mapper = new ObjectMapper(factory);
        JsonFactory quickFactory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .build();
        this.quickMapper = new ObjectMapper(quickFactory)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** Parses UTF-8 JSON text (a leading byte order mark is allowed). */
    Result parse(byte[] bytes) {
        JsonNode tree = quickParse(bytes);
        if (tree != null) {
            return new Result(tree, List.of());
        }
        Utf8Text decoded = Utf8Text.decode(bytes);
        if (decoded.fault() != null) {
            return Result.fault(JsonPaths.ROOT, decoded.fault());
        }
        char[] text = decoded.chars();
        int start = decoded.length() > 0 && text[0] == '\uFEFF' ? 1 : 0;
        try (JsonParser parser = mapper.createParser(text, start, decoded.length() - start)) {
            return parse(parser);
        } catch (IOException e) {
            throw new IllegalStateException("Reading JSON from memory failed.", e);
        }
    }

    /**
     * A streaming parser for the quick way, or null when the quick way declines the bytes: they
     * are not well-formed UTF-8, or Jackson might guess another encoding or skip something the
     * strict way refuses. Jackson guesses the encoding of bytes from their first four (byte order
     * marks, zero bytes of UTF-16 and UTF-32); in well-formed UTF-8 after at most one byte order
     * mark (dropped here, as the strict way drops one) only a zero byte or a second byte order
     * mark, which Jackson would skip silently, could mislead it. The parser has no duplicate-key
     * detector (a hash set per object): whoever reads it detects duplicates, and trees read from
     * it refuse them. Any exception it throws means only that the strict way must name the fault.
     */
    JsonParser quickParser(byte[] bytes) throws IOException {
        int start = hasByteOrderMark(bytes, 0) ? 3 : 0;
        if (bytes.length - start < 4 || hasByteOrderMark(bytes, start)) {
            return null;
        }
        for (int i = start; i < start + 4; i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        if (!Utf8.isWellFormed(bytes)) {
            return null;
        }
        return quickMapper.createParser(bytes, start, bytes.length - start);
    }

    private static boolean hasByteOrderMark(byte[] bytes, int at) {
        return bytes.length >= at + 3
                && (bytes[at] & 0xFF) == 0xEF && (bytes[at + 1] & 0xFF) == 0xBB && (bytes[at + 2] & 0xFF) == 0xBF;
    }

    /** The tree of a faultless text read the quick way; null when there is any fault, to be named by the strict way. */
    private JsonNode quickParse(byte[] bytes) {
        try (JsonParser parser = quickParser(bytes)) {
            if (parser == null) {
                return null;
            }
            JsonNode tree = quickMapper.readTree(parser);
            return tree != null && parser.nextToken() == null ? tree : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Result parse(JsonParser parser) {
        try {
            JsonNode tree = mapper.readTree(parser);
            if (tree == null) {
                return Result.fault(JsonPaths.ROOT, "内容为空，不是 JSON 文档");
            }
            if (parser.nextToken() != null) {
                return Result.fault(JsonPaths.ROOT, at(parser.currentTokenLocation()) + "JSON 文档结束后还有多余的内容");
            }
            return new Result(tree, List.of());
        } catch (StreamConstraintsException e) {
            return Result.fault(JsonPaths.of(parser.getParsingContext()),
                    at(parser.currentLocation()) + overLimit(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            return syntaxFault(parser, e);
        } catch (IOException e) {
            throw new IllegalStateException("Reading JSON from memory failed.", e);
        }
    }

    private static Result syntaxFault(JsonParser parser, JsonProcessingException e) {
        JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field '")) {
            String name = parser.getParsingContext().getCurrentName();
            return Result.fault(JsonPaths.of(parser.getParsingContext()),
                    at(location) + "同一对象中键" + InputTexts.quote(name) + "出现了两次");
        }
        if (e instanceof JsonEOFException) {
            return Result.fault(JsonPaths.ROOT, at(location) + "JSON 意外结束，内容不完整（文件可能被截断）");
        }
        return Result.fault(JsonPaths.ROOT, at(location) + "JSON 语法错误（" + original + "）");
    }

    private String overLimit(String original) {
        String detail = original == null ? "" : original;
        if (detail.startsWith("Document nesting depth")) {
            return "JSON 嵌套层数超过上限 " + limits.maxNestingDepth() + " 层";
        }
        if (detail.startsWith("String value length")) {
            return "文本长度超过上限 " + limits.maxTextLength() + " 个字符";
        }
        if (detail.startsWith("Name length")) {
            return "字段名长度超过上限 " + limits.maxTextLength() + " 个字符";
        }
        if (detail.startsWith("Number value length")) {
            return "数字位数过多";
        }
        return "超出读取限制（" + detail + "）";
    }

    private static String at(JsonLocation location) {
        return "第" + location.getLineNr() + "行第" + location.getColumnNr() + "列：";
    }

    /** Text decoded strictly as UTF-8 ({@code length} chars), or the fault naming the line and column of the first bad byte. */
    private record Utf8Text(char[] chars, int length, String fault) {

        static Utf8Text decode(byte[] bytes) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            out.flip();
            if (result.isError()) {
                return new Utf8Text(null, 0, fault(out, bytes[in.position()]));
            }
            return new Utf8Text(out.array(), out.limit(), null);
        }

        private static String fault(CharSequence before, byte badByte) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < before.length(); i++) {
                if (before.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return String.format("第%d行第%d列：不是有效的 UTF-8 编码（字节 0x%02X），请将文件以 UTF-8 编码保存",
                    line, column, badByte & 0xFF);
        }
    }
}
