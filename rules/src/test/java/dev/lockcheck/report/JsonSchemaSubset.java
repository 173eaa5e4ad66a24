package dev.lockcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A validator for the part of JSON Schema (2020-12) that {@code lockcheck-report.schema.json} uses:
 * {@code type}, {@code properties}, {@code required}, {@code items}, {@code enum}, {@code const},
 * {@code pattern}, {@code minimum}, {@code additionalProperties: false} and local {@code $ref}
 * ({@code #/$defs/...}). Any other keyword in the schema is refused, so the schema cannot silently
 * grow beyond what the tests check.
 */
public final class JsonSchemaSubset {
    private static final java.util.Set<String> KNOWN = java.util.Set.of("$schema", "$id", "title", "description", "type",
            "properties", "required", "items", "enum", "const", "pattern", "minimum", "additionalProperties", "$ref", "$defs");

    private final JsonNode root;

    public JsonSchemaSubset(JsonNode schema) {
        this.root = schema;
        checkKeywords(schema, "#");
    }

    /** The report schema shipped in the rules jar. */
    public static JsonSchemaSubset reportSchema() throws java.io.IOException {
        try (java.io.InputStream in = JsonSchemaSubset.class.getResourceAsStream("/lockcheck-report.schema.json")) {
            if (in == null) throw new java.io.FileNotFoundException("lockcheck-report.schema.json not on the class path");
            return new JsonSchemaSubset(ReportJson.mapper().readTree(in));
        }
    }

    /** Every violation, as "path: what"; empty when the document is valid. */
    public List<String> validate(JsonNode doc) {
        List<String> out = new ArrayList<>();
        check(root, doc, "$", out);
        return out;
    }

    private void checkKeywords(JsonNode schema, String at) {
        if (!schema.isObject()) return;
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KNOWN.contains(k)) throw new IllegalArgumentException(at + ": keyword '" + k + "' is not supported by this validator");
        }
        if (schema.has("properties")) schema.get("properties").fields().forEachRemaining(e -> checkKeywords(e.getValue(), at + "/properties/" + e.getKey()));
        if (schema.has("$defs")) schema.get("$defs").fields().forEachRemaining(e -> checkKeywords(e.getValue(), at + "/$defs/" + e.getKey()));
        if (schema.has("items")) checkKeywords(schema.get("items"), at + "/items");
    }

    private void check(JsonNode schema, JsonNode v, String path, List<String> out) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/$defs/")) throw new IllegalArgumentException("only local $defs refs: " + ref);
            check(root.get("$defs").get(ref.substring("#/$defs/".length())), v, path, out);
        }
        if (schema.has("type") && !hasType(v, schema.get("type").asText())) {
            out.add(path + ": expected " + schema.get("type").asText() + ", got " + v.getNodeType());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(v)) out.add(path + ": must be " + schema.get("const"));
        if (schema.has("enum")) {
            boolean any = false;
            for (JsonNode e : schema.get("enum")) any |= e.equals(v);
            if (!any) out.add(path + ": " + v + " is not one of " + schema.get("enum"));
        }
        if (schema.has("pattern") && v.isTextual() && !Pattern.compile(schema.get("pattern").asText()).matcher(v.asText()).find()) {
            out.add(path + ": '" + v.asText() + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minimum") && v.isNumber() && v.asDouble() < schema.get("minimum").asDouble()) {
            out.add(path + ": " + v + " is below " + schema.get("minimum"));
        }
        if (v.isObject()) {
            if (schema.has("required")) {
                for (JsonNode r : schema.get("required")) if (!v.has(r.asText())) out.add(path + ": lacks required '" + r.asText() + "'");
            }
            JsonNode props = schema.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (props != null && props.has(e.getKey())) {
                    check(props.get(e.getKey()), e.getValue(), path + "." + e.getKey(), out);
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true)) {
                    out.add(path + ": unexpected property '" + e.getKey() + "'");
                }
            }
        }
        if (v.isArray() && schema.has("items")) {
            for (int i = 0; i < v.size(); i++) check(schema.get("items"), v.get(i), path + "[" + i + "]", out);
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
