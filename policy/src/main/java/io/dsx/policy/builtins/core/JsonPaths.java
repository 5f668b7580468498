package io.dsx.policy.builtins.core;

import io.dsx.policy.builtins.BuiltinCall;
import io.dsx.policy.builtins.BuiltinRegistrar;
import io.dsx.policy.value.ArrayValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.ObjectValue;
import io.dsx.policy.value.SetValue;
import io.dsx.policy.value.StringValue;
import io.dsx.policy.value.Value;
import java.util.ArrayList;
import java.util.List;

/** json.filter, json.remove and json.patch (RFC 6902) over documents addressed by paths. */
final class JsonPaths {
    private JsonPaths() {}

    static void register(BuiltinRegistrar r) {
        r.add("json.filter", c -> filter(c.object(0), paths(c, 1)));
        r.add("json.remove", c -> remove(c.object(0), paths(c, 1)));
        r.add("json.patch", JsonPaths::patch);
    }

    static List<List<Value>> paths(BuiltinCall c, int i) {
        Value v = c.arg(i);
        List<Value> elems;
        if (v instanceof ArrayValue a) {
            elems = a.elements();
        } else if (v instanceof SetValue s) {
            elems = new ArrayList<>(s.elements());
        } else {
            throw c.typeError(i, "set", "array");
        }
        List<List<Value>> out = new ArrayList<>();
        for (Value p : elems) {
            if (!(p instanceof StringValue || p instanceof ArrayValue)) {
                throw io.dsx.policy.builtins.BuiltinException.type(
                        c.name(),
                        "operand " + (i + 1)
                                + " must be one of {set, array} containing string paths or array of path segments but got "
                                + p.typeName());
            }
            out.add(path(c, p));
        }
        return out;
    }

    private static List<Value> path(BuiltinCall c, Value p) {
        List<Value> segs = new ArrayList<>();
        if (p instanceof StringValue s) {
            String t = s.value();
            if (t.startsWith("/")) {
                t = t.substring(1);
            }
            if (t.isEmpty()) {
                return segs;
            }
            for (String seg : t.split("/", -1)) {
                segs.add(StringValue.of(seg.replace("~1", "/").replace("~0", "~")));
            }
            return segs;
        }
        if (p instanceof ArrayValue a) {
            return a.elements();
        }
        throw c.error("path must be string or array");
    }

    /**
     * A patch path: an RFC 6901 JSON pointer ({@code ""} is the whole document, {@code "/"} the
     * key {@code ""}; a missing leading slash is tolerated) or an array of keys.
     */
    private static List<Value> pointer(BuiltinCall c, Value p) {
        if (!(p instanceof StringValue s)) {
            return path(c, p);
        }
        String t = s.value();
        List<Value> segs = new ArrayList<>();
        if (t.isEmpty()) {
            return segs;
        }
        for (String seg : (t.startsWith("/") ? t.substring(1) : t).split("/", -1)) {
            segs.add(StringValue.of(seg.replace("~1", "/").replace("~0", "~")));
        }
        return segs;
    }

    private static Value child(Value doc, Value seg) {
        if (doc instanceof ObjectValue o) {
            return o.get(seg);
        }
        if (doc instanceof ArrayValue a) {
            Integer i = index(seg);
            return i != null && i >= 0 && i < a.size() ? a.get(i) : null;
        }
        if (doc instanceof SetValue s) {
            return s.contains(seg) ? seg : null;
        }
        return null;
    }

    private static Integer index(Value seg) {
        if (seg instanceof NumberValue n) {
            return n.intValueExact();
        }
        // RFC 6901: an array index is 0 or has no leading zeros
        if (seg instanceof StringValue s && s.value().matches("0|[1-9]\\d*")) {
            try {
                return Integer.parseInt(s.value());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Value filter(Value doc, List<List<Value>> paths) {
        for (List<Value> p : paths) {
            if (p.isEmpty()) {
                return doc;
            }
        }
        if (doc instanceof ObjectValue o) {
            ObjectValue.Builder b = ObjectValue.builder();
            for (var e : o.entries().entrySet()) {
                List<List<Value>> sub = tails(paths, e.getKey());
                if (!sub.isEmpty()) {
                    b.put(e.getKey(), filter(e.getValue(), sub));
                }
            }
            return b.build();
        }
        if (doc instanceof ArrayValue a) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                List<List<Value>> sub = tails(paths, NumberValue.of(i));
                if (!sub.isEmpty()) {
                    out.add(filter(a.get(i), sub));
                }
            }
            return ArrayValue.of(out);
        }
        if (doc instanceof SetValue s) {
            SetValue.Builder b = SetValue.builder();
            for (Value v : s) {
                List<List<Value>> sub = tails(paths, v);
                if (!sub.isEmpty()) {
                    b.add(filter(v, sub));
                }
            }
            return b.build();
        }
        return doc;
    }

    private static List<List<Value>> tails(List<List<Value>> paths, Value key) {
        List<List<Value>> out = new ArrayList<>();
        for (List<Value> p : paths) {
            Value head = p.get(0);
            if (head.equals(key)
                    || (key instanceof NumberValue
                            && head instanceof StringValue
                            && head.equals(StringValue.of(key.toString())))) {
                out.add(p.subList(1, p.size()));
            }
        }
        return out;
    }

    static Value remove(Value doc, List<List<Value>> paths) {
        for (List<Value> p : paths) {
            if (p.isEmpty()) {
                return null;
            }
        }
        if (doc instanceof ObjectValue o) {
            ObjectValue.Builder b = ObjectValue.builder();
            for (var e : o.entries().entrySet()) {
                Value v = removeChild(e.getValue(), tails(paths, e.getKey()));
                if (v != null) {
                    b.put(e.getKey(), v);
                }
            }
            return b.build();
        }
        if (doc instanceof ArrayValue a) {
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                Value v = removeChild(a.get(i), tails(paths, NumberValue.of(i)));
                if (v != null) {
                    out.add(v);
                }
            }
            return ArrayValue.of(out);
        }
        if (doc instanceof SetValue s) {
            SetValue.Builder b = SetValue.builder();
            for (Value e : s) {
                Value v = removeChild(e, tails(paths, e));
                if (v != null) {
                    b.add(v);
                }
            }
            return b.build();
        }
        return doc;
    }

    private static Value removeChild(Value v, List<List<Value>> sub) {
        return sub.isEmpty() ? v : remove(v, sub);
    }

    private static Value patch(BuiltinCall c) {
        Value doc = c.arg(0);
        for (Value op : c.array(1).elements()) {
            if (!(op instanceof ObjectValue o)) {
                throw c.error("patch operation must be an object");
            }
            Value kind = o.get("op");
            Value p = o.get("path");
            if (!(kind instanceof StringValue k) || p == null) {
                throw c.error("patch operation must have op and path");
            }
            List<Value> path = pointer(c, p);
            switch (k.value()) {
                case "add" -> doc = add(doc, path, 0, o.get("value"), c);
                case "remove" -> doc = rm(doc, path, 0, c);
                case "replace" -> {
                    doc = path.isEmpty() ? doc : rm(doc, path, 0, c);
                    doc = add(doc, path, 0, o.get("value"), c);
                }
                case "move", "copy" -> {
                    List<Value> from = pointer(c, o.get("from"));
                    Value v = get(doc, from);
                    if (v == null) {
                        return null;
                    }
                    if (k.value().equals("move")) {
                        doc = rm(doc, from, 0, c);
                    }
                    doc = add(doc, path, 0, v, c);
                }
                case "test" -> {
                    Value v = get(doc, path);
                    if (v == null || !v.equals(o.get("value"))) {
                        return null;
                    }
                }
                default -> throw c.error("unknown patch operation " + k);
            }
            if (doc == null) {
                return null;
            }
        }
        return doc;
    }

    private static Value get(Value doc, List<Value> path) {
        Value cur = doc;
        for (Value s : path) {
            cur = child(cur, s);
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    private static Value add(Value doc, List<Value> path, int i, Value v, BuiltinCall c) {
        if (doc == null || v == null) {
            return null;
        }
        if (i == path.size()) {
            return v;
        }
        Value seg = path.get(i);
        boolean last = i == path.size() - 1;
        if (doc instanceof ObjectValue o) {
            if (last) {
                return o.with(seg, v);
            }
            Value ch = add(o.get(seg), path, i + 1, v, c);
            return ch == null ? null : o.with(seg, ch);
        }
        if (doc instanceof ArrayValue a) {
            List<Value> l = new ArrayList<>(a.elements());
            if (last && seg instanceof StringValue s && s.value().equals("-")) {
                l.add(v);
                return ArrayValue.of(l);
            }
            Integer idx = index(seg);
            if (idx == null || idx < 0 || idx > l.size()) {
                return null;
            }
            if (last) {
                l.add(idx, v);
            } else {
                if (idx == l.size()) {
                    return null;
                }
                Value ch = add(l.get(idx), path, i + 1, v, c);
                if (ch == null) {
                    return null;
                }
                l.set(idx, ch);
            }
            return ArrayValue.of(l);
        }
        if (doc instanceof SetValue s && last) {
            return s.union(SetValue.of(v));
        }
        return null;
    }

    private static Value rm(Value doc, List<Value> path, int i, BuiltinCall c) {
        if (doc == null || path.isEmpty()) {
            return null;
        }
        Value seg = path.get(i);
        boolean last = i == path.size() - 1;
        if (doc instanceof ObjectValue o) {
            if (o.get(seg) == null) {
                return null;
            }
            if (last) {
                return o.without(seg);
            }
            Value ch = rm(o.get(seg), path, i + 1, c);
            return ch == null ? null : o.with(seg, ch);
        }
        if (doc instanceof ArrayValue a) {
            Integer idx = index(seg);
            if (idx == null || idx < 0 || idx >= a.size()) {
                return null;
            }
            List<Value> l = new ArrayList<>(a.elements());
            if (last) {
                l.remove((int) idx);
            } else {
                Value ch = rm(l.get(idx), path, i + 1, c);
                if (ch == null) {
                    return null;
                }
                l.set(idx, ch);
            }
            return ArrayValue.of(l);
        }
        if (doc instanceof SetValue s && last) {
            return s.contains(seg) ? s.difference(SetValue.of(seg)) : null;
        }
        return null;
    }
}
