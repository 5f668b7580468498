package io.dsx.policy.builtins.encoding;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinException;
import io.dsx.policy.builtins.BuiltinFamily;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.builtins.adapters.Guarded;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.Json;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registers base64, base64url, hex, urlquery, json and yaml builtins. */
public final class EncodingFamily implements BuiltinFamily {

    @Override
    public void register(BuiltinRegistrar r) {
        r.add("base64.encode", c -> text(Base64.getEncoder().encodeToString(bytes(c.string(0)))));
        r.add("base64.decode", Guarded.of(c -> text(GoBase64.decodeStd(c.string(0)))));
        r.add(
                "base64.is_valid",
                c -> BoolValue.of(
                        c.arg(0) instanceof StringValue s && Guarded.succeeds(() -> GoBase64.decodeStd(s.value()))));
        r.add("base64url.encode", c -> text(Base64.getUrlEncoder().encodeToString(bytes(c.string(0)))));
        r.add(
                "base64url.encode_no_pad",
                c -> text(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(c.string(0)))));
        r.add("base64url.decode", Guarded.of(EncodingFamily::base64UrlDecode));
        r.add("hex.encode", c -> text(HexFormat.of().formatHex(bytes(c.string(0)))));
        r.add("hex.decode", Guarded.of(c -> text(hexDecode(c.string(0)))));
        r.add("urlquery.encode", c -> text(UrlQuery.escape(c.string(0))));
        r.add("urlquery.decode", Guarded.of(c -> text(UrlQuery.unescape(c.string(0)))));
        r.add("urlquery.encode_object", EncodingFamily::encodeObject);
        r.add("urlquery.decode_object", Guarded.of(EncodingFamily::decodeObject));
        r.add("json.marshal", c -> text(GoJson.marshal(c.arg(0))));
        r.add("json.marshal_with_options", EncodingFamily::marshalWithOptions);
        r.add("json.unmarshal", Guarded.of(c -> parseJson(c.string(0))));
        r.add(
                "json.is_valid",
                c -> BoolValue.of(c.arg(0) instanceof StringValue s && Guarded.succeeds(() -> Json.parse(s.value()))));
        r.add("yaml.marshal", c -> text(GoYaml.marshal(c.arg(0))));
        r.add("yaml.unmarshal", Guarded.of(c -> GoYaml.unmarshal(c.string(0))));
        r.add(
                "yaml.is_valid",
                c -> BoolValue.of(
                        c.arg(0) instanceof StringValue s && Guarded.succeeds(() -> GoYaml.unmarshal(s.value()))));
    }

    private static Value base64UrlDecode(BuiltinCall c) {
        String s = c.string(0);
        if (!s.endsWith("=")) {
            switch (s.length() % 4) {
                case 0 -> {}
                case 2 -> s += "==";
                case 3 -> s += "=";
                default -> throw c.error("illegal base64url string: " + s);
            }
        }
        return text(GoBase64.decodeUrl(s));
    }

    private static byte[] hexDecode(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.digit(ch, 16) < 0 || ch > 0x7f) {
                throw new IllegalArgumentException(String.format("invalid byte: U+%04X '%s'", (int) ch, ch));
            }
        }
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("encoding/hex: odd length hex string");
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static Value encodeObject(BuiltinCall c) {
        ObjectValue o = c.object(0);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
            String key = e.getKey() instanceof StringValue s ? s.value() : Json.write(e.getKey());
            List<String> list = new ArrayList<>();
            Value v = e.getValue();
            if (v instanceof StringValue s) {
                list.add(s.value());
            } else if (v instanceof ArrayValue || v instanceof SetValue) {
                List<Value> elements =
                        v instanceof ArrayValue a ? a.elements() : new ArrayList<>(((SetValue) v).elements());
                for (Value x : elements) {
                    if (!(x instanceof StringValue s)) {
                        throw encodeObjectError(c);
                    }
                    list.add(s.value());
                }
            } else {
                throw encodeObjectError(c);
            }
            values.put(key, list);
        }
        return text(UrlQuery.encode(values));
    }

    private static BuiltinException encodeObjectError(BuiltinCall c) {
        return BuiltinException.type(c.name(), "operand 1 values must be string, array[string], or set[string]");
    }

    private static Value decodeObject(BuiltinCall c) {
        ObjectValue.Builder b = ObjectValue.builder();
        UrlQuery.parse(c.string(0))
                .forEach((k, vs) -> b.put(
                        k,
                        ArrayValue.of(
                                vs.stream().map(v -> (Value) StringValue.of(v)).toList())));
        return b.build();
    }

    private static Value marshalWithOptions(BuiltinCall c) {
        Value v = c.arg(0);
        ObjectValue opts = c.object(1);
        String indent = "\t";
        String prefix = "";
        boolean implicit = false;
        Boolean explicit = null;
        for (Map.Entry<Value, Value> e : opts.entries().entrySet()) {
            String key =
                    e.getKey() instanceof StringValue s ? s.value() : e.getKey().toString();
            Value val = e.getValue();
            switch (key) {
                case "prefix", "indent" -> {
                    if (!(val instanceof StringValue s)) {
                        throw BuiltinException.type(c.name(), "operand 2 key " + key + " failed cast to string");
                    }
                    if (key.equals("prefix")) {
                        prefix = s.value();
                    } else {
                        indent = s.value();
                    }
                    implicit = true;
                }
                case "pretty" -> {
                    if (!(val instanceof BoolValue bool)) {
                        throw BuiltinException.type(c.name(), "operand 2 key pretty failed cast to bool");
                    }
                    explicit = bool.value();
                }
                default ->
                    throw BuiltinException.type(c.name(), "operand 2 object contained unknown key \"" + key + "\"");
            }
        }
        boolean pretty = explicit != null ? explicit : implicit;
        return text(pretty ? prefix + GoJson.marshalIndent(v, prefix, indent) : GoJson.marshal(v));
    }

    private static Value parseJson(String s) {
        try {
            return Json.parse(s);
        } catch (RuntimeException e) {
            String goText = GoJsonSyntax.error(s);
            throw new IllegalArgumentException(goText != null ? goText : String.valueOf(e.getMessage()));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Value text(byte[] b) {
        return StringValue.of(new String(b, StandardCharsets.UTF_8));
    }

    private static Value text(String s) {
        return StringValue.of(s);
    }
}
