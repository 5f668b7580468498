package io.dsx.policy.parse;

import io.dsx.policy.Limits;
import io.dsx.policy.ast.Expr;
import io.dsx.policy.ast.Loc;
import io.dsx.policy.ast.Module;
import io.dsx.policy.ast.Rule;
import io.dsx.policy.ast.Term;
import io.dsx.policy.error.RegoException;
import io.dsx.policy.value.BoolValue;
import io.dsx.policy.value.NullValue;
import io.dsx.policy.value.NumberValue;
import io.dsx.policy.value.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for Rego v1. Operator precedence follows OPA's parser, lowest first:
 * {@code := =}, {@code in}, relations ({@code == != < <= > >=}), {@code |}, {@code &},
 * {@code + -}, {@code * / %}. A line break ends an expression unless inside brackets.
 *
 * <p>Why one file: the grammar's productions are mutually recursive and share one mutable cursor
 * (token index, the no-bar flag inside brackets, the nesting counter of {@link Limits} and the
 * memo of speculative parses); split across classes they would pass that state around on every
 * call. What is not grammar lives apart: tokens ({@link Lexer}), METADATA blocks
 * ({@link MetadataBlocks}) and OPA's AST JSON ({@link AstJson}).
 */
public final class Parser {
    private static final Map<String, String> REL =
            Map.of("==", "equal", "!=", "neq", "<", "lt", "<=", "lte", ">", "gt", ">=", "gte");

    private final List<Token> toks;
    private final List<Lexer.Comment> comments;
    private final String file;
    private int i;
    private boolean noBar;
    private final int[] wildcards;
    /**
     * Outcomes of the two speculative parses (a braced body or a parenthesised and/or group) by
     * start token, so that nested speculation is tried once per position: linear, not exponential.
     */
    private final java.util.Map<Integer, Attempt> bodyAttempts = new java.util.HashMap<>();

    private final java.util.Map<Integer, Attempt> groupAttempts = new java.util.HashMap<>();

    private record Attempt(Expr expr, int end) {
        static final Attempt FAILED = new Attempt(null, -1);
    }

    /** Current nesting (brackets, not, unary minus), bounded by {@link Limits#MAX_NESTING}. */
    private int depth;

    private Parser(String src, String file, int rowBase, int colBase, int[] wildcards) {
        this(src, file, rowBase, colBase, wildcards, 0);
    }

    private Parser(String src, String file, int rowBase, int colBase, int[] wildcards, int depth) {
        Lexer lexer = new Lexer(src, file, rowBase, colBase);
        this.toks = lexer.tokens();
        this.comments = lexer.comments;
        this.file = file;
        this.wildcards = wildcards;
        this.depth = depth;
    }

    /** Enters one nesting level; deeper than {@link Limits#MAX_NESTING} is a parse error. */
    private void enter(Token at) {
        if (++depth > Limits.MAX_NESTING) {
            throw error(at, "max parsing recursion depth reached (nesting deeper than " + Limits.MAX_NESTING + ")");
        }
    }

    /** Parses a module. */
    public static Module parseModule(String src, String file) {
        return new Parser(src, file, 1, 0, new int[1]).module();
    }

    /** Parses a query body. */
    public static List<Expr> parseQuery(String src) {
        Parser p = new Parser(src, "", 1, 0, new int[1]);
        List<Expr> body = p.literals(Token.Kind.EOF, null);
        if (body.isEmpty()) {
            throw p.error("empty query");
        }
        return body;
    }

    /** Parses a single term (e.g. a case's {@code input_term}). */
    public static Term parseTerm(String src) {
        Parser p = new Parser(src, "", 1, 0, new int[1]);
        Term t = p.termIn();
        if (p.peek().kind() != Token.Kind.EOF) {
            throw p.error("unexpected " + p.peek().text());
        }
        return t;
    }

    // ---- module level -------------------------------------------------------------------

    private Module module() {
        Loc loc = loc(peek());
        if (!peek().is("package")) {
            throw error("package expected");
        }
        next();
        Term.Ref pkgRef = asRef(term());
        List<String> pkg = new ArrayList<>();
        if (!(pkgRef.head() instanceof Term.Var v)) {
            throw error("invalid package");
        }
        pkg.add(v.name());
        for (Term t : pkgRef.path()) {
            pkg.add(((StringValue) ((Term.Scalar) t).value()).value());
        }
        if (pkg.get(0).equals("data")) {
            pkg.remove(0);
        }
        List<Module.Import> imports = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<MetadataBlocks.Target> targets = new ArrayList<>();
        targets.add(new MetadataBlocks.Target(loc, true));
        while (peek().kind() != Token.Kind.EOF) {
            if (kw("import")) {
                imports.add(importDecl());
            } else {
                Rule r = rule();
                rules.add(r);
                targets.add(new MetadataBlocks.Target(r.loc(), false));
            }
        }
        return new Module(file, List.copyOf(pkg), imports, rules, loc, MetadataBlocks.read(comments, targets, file));
    }

    private Module.Import importDecl() {
        Loc loc = loc(next());
        Term.Ref ref = asRef(term());
        String alias = null;
        if (peek().is("as") && !peek().nlBefore()) {
            next();
            alias = expectIdent();
        }
        if (alias == null) {
            Term last = ref.path().isEmpty()
                    ? ref.head()
                    : ref.path().get(ref.path().size() - 1);
            alias = last instanceof Term.Var v ? v.name() : ((StringValue) ((Term.Scalar) last).value()).value();
        }
        return new Module.Import(ref, alias, loc);
    }

    private Rule rule() {
        Loc loc = loc(peek());
        boolean isDefault = false;
        if (kw("default")) {
            next();
            isDefault = true;
        }
        Term head = headTerm();
        List<Term> args = null;
        Term.Ref ref;
        if (head instanceof Term.Call c) {
            args = c.args();
            ref = nameRef(c.operator(), c.loc());
        } else {
            ref = asRef(head);
        }
        Rule.Kind kind = Rule.Kind.SINGLE;
        Term key = null;
        Term value = null;
        boolean assign = false;
        if (kw("contains") && !peek().nlBefore()) {
            next();
            kind = Rule.Kind.MULTI;
            key = termIn();
        } else if ((peek().is(":=") || peek().is("=")) && !peek().nlBefore()) {
            assign = next().text().equals(":=");
            value = termIn();
        }
        if (value == null && kind == Rule.Kind.SINGLE) {
            value = new Term.Scalar(BoolValue.TRUE, loc);
        }
        List<Expr> body = List.of();
        if (!isDefault) {
            body = ruleBody();
        }
        if (args != null && args.stream().anyMatch(a -> a instanceof Term.Template)) {
            // a template argument is built after the body bound its variables, as OPA does
            List<Term> plain = new ArrayList<>();
            List<Expr> withArgs = new ArrayList<>(body);
            for (Term a : args) {
                if (a instanceof Term.Template) {
                    Term.Var v = new Term.Var("__tplarg" + (wildcards[0]++) + "__", a.loc());
                    plain.add(v);
                    withArgs.add(new Expr.Unify(v, a, false, a.loc()));
                } else {
                    plain.add(a);
                }
            }
            args = plain;
            body = withArgs;
        }
        Rule elseRule = isDefault ? null : elseChain(ref, args);
        return new Rule(kind, ref, args, key, value, isDefault, body, elseRule, assign, loc);
    }

    private List<Expr> ruleBody() {
        if (kw("if") && !peek().nlBefore()) {
            next();
            if (peek().is("{")) {
                return block();
            }
            Expr e = literal();
            return List.of(e);
        }
        if (peek().is("{") && !peek().nlBefore()) {
            return block();
        }
        return List.of();
    }

    /** The else clauses after a rule, linked first to last; a loop, so long chains cannot overflow. */
    private Rule elseChain(Term.Ref ref, List<Term> args) {
        List<ElseClause> clauses = new ArrayList<>();
        while (kw("else")) {
            if (clauses.size() == Limits.MAX_NESTING) {
                throw error("else chain longer than " + Limits.MAX_NESTING + " clauses");
            }
            Loc loc = loc(next());
            Term value = new Term.Scalar(BoolValue.TRUE, loc);
            if ((peek().is(":=") || peek().is("=")) && !peek().nlBefore()) {
                next();
                value = termIn();
            }
            clauses.add(new ElseClause(loc, value, ruleBody()));
        }
        Rule next = null;
        for (int k = clauses.size() - 1; k >= 0; k--) {
            ElseClause c = clauses.get(k);
            next = new Rule(Rule.Kind.SINGLE, ref, args, null, c.value(), false, c.body(), next, false, c.loc());
        }
        return next;
    }

    private record ElseClause(Loc loc, Term value, List<Expr> body) {}

    /** A rule head: a var with dotted/bracketed path and optionally call arguments. */
    private Term headTerm() {
        Token t = peek();
        if (t.kind() != Token.Kind.IDENT) {
            throw error("unexpected " + describe(t) + ", expected rule head");
        }
        return postfix(primary());
    }

    private Term.Ref nameRef(String dotted, Loc loc) {
        String[] parts = dotted.split("\\.");
        List<Term> path = new ArrayList<>();
        for (int k = 1; k < parts.length; k++) {
            path.add(new Term.Scalar(StringValue.of(parts[k]), loc));
        }
        return new Term.Ref(new Term.Var(parts[0], loc), path, loc);
    }

    private Term.Ref asRef(Term t) {
        if (t instanceof Term.Ref r) {
            return r;
        }
        if (t instanceof Term.Var v) {
            return new Term.Ref(v, List.of(), v.loc());
        }
        throw new RegoException(RegoException.Code.PARSE, "expected ref but got " + t, t.loc());
    }

    // ---- bodies and literals ------------------------------------------------------------

    private List<Expr> block() {
        expect("{");
        return literals(Token.Kind.OP, "}");
    }

    /** Literals separated by ';' or line breaks, up to the closing token (consumed). */
    private List<Expr> literals(Token.Kind endKind, String end) {
        List<Expr> out = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == endKind && (end == null || t.text().equals(end))) {
                next();
                return out;
            }
            if (t.kind() == Token.Kind.EOF) {
                throw error("unexpected eof token: expected " + (end == null ? "expression" : end));
            }
            if (!out.isEmpty() && !t.nlBefore() && !prevIs(";")) {
                throw error("unexpected " + describe(t) + " token: expected \\n or ; or " + end);
            }
            out.add(literal());
            if (peek().is(";")) {
                next();
            }
        }
    }

    /** True when the next token is keyword kw used as a keyword (not as a ref segment like default.x). */
    private boolean kw(String kw) {
        Token t = peek();
        if (t.kind() != Token.Kind.IDENT || !t.text().equals(kw)) {
            return false;
        }
        Token n = toks.get(Math.min(i + 1, toks.size() - 1));
        return !(n.is(".")
                && !n.nlBefore()
                && n.offset() == t.offset() + t.text().length());
    }

    private boolean prevIs(String op) {
        return i > 0 && toks.get(i - 1).is(op);
    }

    private Expr literal() {
        Expr e = logicOr();
        if (kw("with")) {
            Loc loc = e.loc();
            List<Expr.WithMod> mods = new ArrayList<>();
            while (kw("with")) {
                next();
                Term target = postfix(primary());
                if (!peek().is("as")) {
                    throw error("expected as");
                }
                next();
                mods.add(new Expr.WithMod(target, termIn()));
            }
            e = new Expr.With(e, mods, loc);
        }
        return e;
    }

    private Expr logicOr() {
        Expr l = logicAnd(false);
        while (kw("or") && !peek().nlBefore()) {
            Loc loc = loc(next());
            l = new Expr.Logic(false, l, logicAnd(true), loc);
        }
        return l;
    }

    private Expr logicAnd(boolean operand) {
        Expr l = simpleLiteral(operand);
        while (kw("and") && !peek().nlBefore()) {
            Loc loc = loc(next());
            l = new Expr.Logic(true, l, simpleLiteral(true), loc);
        }
        return l;
    }

    /** An explicit body {@code { a; b }} as an operand of and/or: the conjunction of its literals. */
    private Expr bodyGroup(boolean operand) {
        int save = i;
        Loc loc = loc(peek());
        Attempt a = bodyAttempts.get(save);
        if (a == null) {
            a = Attempt.FAILED;
            try {
                next();
                List<Expr> body = literals(Token.Kind.OP, "}");
                if (!body.isEmpty()) {
                    a = new Attempt(exists(body, loc), i);
                }
            } catch (RegoException ex) {
                // not a body: a set or object term
            }
            bodyAttempts.put(save, a);
        }
        if (a != Attempt.FAILED) {
            i = a.end();
            if (operand || kw("and") || kw("or")) {
                return a.expr();
            }
        }
        i = save;
        return null;
    }

    private Expr simpleLiteral() {
        return simpleLiteral(false);
    }

    /** A body as one closed expression: it holds iff {@code [true | body][0]} is defined. */
    private static Expr exists(List<Expr> body, Loc loc) {
        Term probe = new Term.Ref(
                new Term.ArrayCompr(new Term.Scalar(BoolValue.TRUE, loc), body, loc),
                List.of(new Term.Scalar(NumberValue.ZERO, loc)),
                loc);
        return new Expr.TermExpr(probe, loc);
    }

    private Expr simpleLiteral(boolean operand) {
        Token t = peek();
        if (!t.is("{") && !t.is("(") && !t.is("not")) {
            return simpleLiteralIn(operand, t);
        }
        enter(t);
        try {
            return simpleLiteralIn(operand, t);
        } finally {
            depth--;
        }
    }

    private Expr simpleLiteralIn(boolean operand, Token t) {
        Loc loc = loc(t);
        if (t.is("{")) {
            Expr group = bodyGroup(operand);
            if (group != null) {
                return group;
            }
        }
        if (t.is("some") && t.kind() == Token.Kind.IDENT && !isOperatorNext()) {
            next();
            return some(loc);
        }
        if (t.is("every") && t.kind() == Token.Kind.IDENT && !isOperatorNext()) {
            next();
            return every(loc);
        }
        if (t.is("not") && t.kind() == Token.Kind.IDENT && !isOperatorNext()) {
            next();
            if (peek().is("{")) {
                // not { body }: the body has a solution iff [true | body][0] is defined
                return new Expr.Not(exists(block(), loc), loc);
            }
            return new Expr.Not(simpleLiteral(), loc);
        }
        if (t.is("(")) {
            // a parenthesised logic expression: (a and b); otherwise a term in parentheses
            int save = i;
            Attempt a = groupAttempts.get(save);
            if (a == null) {
                a = Attempt.FAILED;
                try {
                    next();
                    Expr inner = logicOr();
                    if (peek().is(")") && inner instanceof Expr.Logic) {
                        next();
                        a = new Attempt(inner, i);
                    }
                } catch (RegoException ex) {
                    // not a logic group; fall through
                }
                groupAttempts.put(save, a);
            }
            if (a != Attempt.FAILED) {
                i = a.end();
                return a.expr();
            }
            i = save;
        }
        Term l = memberTail(termIn());
        if ((peek().is(":=") || peek().is("=")) && !peek().nlBefore()) {
            boolean assign = next().text().equals(":=");
            Term r = termIn();
            return new Expr.Unify(l, r, assign, loc);
        }
        return new Expr.TermExpr(l, loc);
    }

    private boolean isOperatorNext() {
        Token n = toks.get(Math.min(i + 1, toks.size() - 1));
        return !n.nlBefore()
                && n.kind() == Token.Kind.OP
                && (n.is(":=") || n.is("=") || n.is("==") || n.is(".") || n.is("[") || n.is("!="));
    }

    private Expr some(Loc loc) {
        Term first = termRelation();
        Term second = null;
        if (peek().is(",")) {
            next();
            second = termRelation();
        }
        if (peek().is("in") && !peek().nlBefore()) {
            next();
            Term coll = termRelation();
            return second == null ? new Expr.SomeIn(null, first, coll, loc) : new Expr.SomeIn(first, second, coll, loc);
        }
        List<Term.Var> vars = new ArrayList<>();
        vars.add(asVar(first));
        if (second != null) {
            vars.add(asVar(second));
        }
        while (peek().is(",")) {
            next();
            vars.add(asVar(termRelation()));
        }
        return new Expr.Some(vars, loc);
    }

    private Term.Var asVar(Term t) {
        if (t instanceof Term.Var v) {
            return v;
        }
        throw new RegoException(RegoException.Code.PARSE, "expected var but got " + t, t.loc());
    }

    private Expr every(Loc loc) {
        Term first = termRelation();
        Term second = null;
        if (peek().is(",")) {
            next();
            second = termRelation();
        }
        if (!peek().is("in")) {
            throw error("expected in");
        }
        next();
        Term domain = termRelation();
        List<Expr> body = block();
        return second == null
                ? new Expr.Every(null, first, domain, body, loc)
                : new Expr.Every(first, second, domain, body, loc);
    }

    // ---- terms --------------------------------------------------------------------------

    /** {@code k, v in coll}: a second operand after a comma makes a three-way membership. */
    private Term memberTail(Term first) {
        if (!peek().is(",")) {
            return first;
        }
        int save = i;
        next();
        Term second = termRelation();
        if (!kw("in")) {
            i = save;
            return first;
        }
        Loc loc = loc(next());
        Term l = new Term.Call("internal.member_3", List.of(first, second, termRelation()), loc);
        while (kw("in") && !peek().nlBefore()) {
            Loc l2 = loc(next());
            l = new Term.Call("internal.member_2", List.of(l, termRelation()), l2);
        }
        return l;
    }

    private Term termIn() {
        Term l = termRelation();
        while (kw("in") && !peek().nlBefore()) {
            Loc loc = loc(next());
            l = new Term.Call("internal.member_2", List.of(l, termRelation()), loc);
        }
        return l;
    }

    private Term termRelation() {
        Term l = termOr();
        while (peek().kind() == Token.Kind.OP && REL.containsKey(peek().text()) && !peek().nlBefore()) {
            Token op = next();
            l = new Term.Call(REL.get(op.text()), List.of(l, termOr()), loc(op));
        }
        return l;
    }

    private Term termOr() {
        Term l = termAnd();
        while (!noBar && peek().is("|") && !peek().nlBefore()) {
            Token op = next();
            l = new Term.Call("or", List.of(l, termAnd()), loc(op));
        }
        return l;
    }

    private Term termAnd() {
        Term l = termArith();
        while (peek().is("&") && !peek().nlBefore()) {
            Token op = next();
            l = new Term.Call("and", List.of(l, termArith()), loc(op));
        }
        return l;
    }

    private Term termArith() {
        Term l = termFactor();
        while ((peek().is("+") || peek().is("-")) && !peek().nlBefore()) {
            Token op = next();
            l = new Term.Call(op.text().equals("+") ? "plus" : "minus", List.of(l, termFactor()), loc(op));
        }
        return l;
    }

    private Term termFactor() {
        Term l = unary();
        while ((peek().is("*") || peek().is("/") || peek().is("%")) && !peek().nlBefore()) {
            Token op = next();
            String name = switch (op.text()) {
                case "*" -> "mul";
                case "/" -> "div";
                default -> "rem";
            };
            l = new Term.Call(name, List.of(l, unary()), loc(op));
        }
        return l;
    }

    private Term unary() {
        if (!peek().is("-")) {
            return postfix(primary());
        }
        enter(peek());
        try {
            return unaryIn();
        } finally {
            depth--;
        }
    }

    private Term unaryIn() {
        if (peek().is("-")) {
            Token minus = next();
            Token n = peek();
            if (n.kind() == Token.Kind.NUMBER && n.offset() == minus.offset() + 1) {
                next();
                return postfix(new Term.Scalar(number(n, "-" + n.text()), loc(minus)));
            }
            Term t = unary();
            if (t instanceof Term.Scalar s && s.value() instanceof NumberValue nv) {
                return new Term.Scalar(nv.negate(), loc(minus));
            }
            return new Term.Call("minus", List.of(new Term.Scalar(NumberValue.ZERO, loc(minus)), t), loc(minus));
        }
        return postfix(primary());
    }

    private Term term() {
        return postfix(primary());
    }

    private Term primary() {
        Token t = next();
        Loc loc = loc(t);
        switch (t.kind()) {
            case NUMBER:
                return new Term.Scalar(number(t, t.text()), loc);
            case STRING:
                // interned so lookups against (interned) JSON keys match by reference
                return new Term.Scalar(StringValue.of(t.text().intern()), loc);
            case TEMPLATE:
            case RAW_TEMPLATE:
                return template(t, loc);
            case IDENT:
                return ident(t, loc);
            case OP:
                break;
            default:
                throw error(t, "unexpected " + describe(t));
        }
        boolean saved = noBar;
        enter(t);
        try {
            noBar = false;
            switch (t.text()) {
                case "(": {
                    Term inner = memberTail(termIn());
                    expect(")");
                    return inner;
                }
                case "[":
                    return array(loc);
                case "{":
                    return braces(loc);
                default:
                    throw error(t, "unexpected " + describe(t));
            }
        } finally {
            noBar = saved;
            depth--;
        }
    }

    private NumberValue number(Token t, String text) {
        try {
            return NumberValue.parse(text);
        } catch (ArithmeticException | NumberFormatException e) {
            throw error(t, "invalid number: " + e.getMessage());
        }
    }

    private Term ident(Token t, Loc loc) {
        if (peek().is(".") && peek().offset() == t.offset() + t.text().length()) {
            return new Term.Var(t.text(), loc);
        }
        switch (t.text()) {
            case "true":
                return new Term.Scalar(BoolValue.TRUE, loc);
            case "false":
                return new Term.Scalar(BoolValue.FALSE, loc);
            case "null":
                return new Term.Scalar(NullValue.INSTANCE, loc);
            case "set":
                if (peek().is("(") && toks.get(i + 1).is(")")) {
                    next();
                    next();
                    return new Term.SetTerm(List.of(), loc);
                }
                break;
            case "_":
                return new Term.Var("_$" + (wildcards[0]++), loc);
            default:
                break;
        }
        return new Term.Var(t.text(), loc);
    }

    private Term array(Loc loc) {
        if (peek().is("]")) {
            next();
            return new Term.ArrayTerm(List.of(), loc);
        }
        Term first = elem();
        if (peek().is("|")) {
            next();
            return new Term.ArrayCompr(first, literals(Token.Kind.OP, "]"), loc);
        }
        List<Term> elems = new ArrayList<>();
        elems.add(first);
        listRest(elems, "]");
        return new Term.ArrayTerm(elems, loc);
    }

    private Term elem() {
        boolean saved = noBar;
        noBar = true;
        try {
            return termIn();
        } finally {
            noBar = saved;
        }
    }

    private void listRest(List<Term> elems, String close) {
        while (true) {
            if (peek().is(close)) {
                next();
                return;
            }
            expect(",");
            if (peek().is(close)) {
                next();
                return;
            }
            elems.add(termIn());
        }
    }

    private Term braces(Loc loc) {
        if (peek().is("}")) {
            next();
            return new Term.ObjectTerm(List.of(), loc);
        }
        Term first = elem();
        if (peek().is(":")) {
            next();
            Term v = elem();
            if (peek().is("|")) {
                next();
                return new Term.ObjectCompr(first, v, literals(Token.Kind.OP, "}"), loc);
            }
            List<Term.Entry> entries = new ArrayList<>();
            entries.add(new Term.Entry(first, v));
            while (!peek().is("}")) {
                expect(",");
                if (peek().is("}")) {
                    break;
                }
                Term k = termIn();
                expect(":");
                entries.add(new Term.Entry(k, termIn()));
            }
            next();
            return new Term.ObjectTerm(entries, loc);
        }
        if (peek().is("|")) {
            next();
            return new Term.SetCompr(first, literals(Token.Kind.OP, "}"), loc);
        }
        List<Term> elems = new ArrayList<>();
        elems.add(first);
        listRest(elems, "}");
        return new Term.SetTerm(elems, loc);
    }

    private Term postfix(Term t) {
        while (true) {
            Token p = peek();
            if (p.nlBefore() || p.kind() != Token.Kind.OP) {
                return t;
            }
            if (p.is(".")) {
                next();
                Token name = next();
                if (name.kind() != Token.Kind.IDENT) {
                    throw error(name, "unexpected " + describe(name) + " token: expected ident");
                }
                t = append(t, new Term.Scalar(StringValue.of(name.text().intern()), loc(name)));
            } else if (p.is("[")) {
                next();
                boolean saved = noBar;
                noBar = false;
                Term k = termIn();
                noBar = saved;
                expect("]");
                t = append(t, k);
            } else if (p.is("(")) {
                String name = callName(t);
                if (name == null) {
                    return t;
                }
                next();
                List<Term> args = new ArrayList<>();
                boolean saved = noBar;
                noBar = false;
                if (!peek().is(")")) {
                    args.add(termIn());
                    listRest(args, ")");
                } else {
                    next();
                }
                noBar = saved;
                t = new Term.Call(name, args, t.loc());
            } else {
                return t;
            }
        }
    }

    private static String callName(Term t) {
        if (t instanceof Term.Var v) {
            return v.name();
        }
        if (t instanceof Term.Ref r && r.head() instanceof Term.Var v) {
            StringBuilder sb = new StringBuilder(v.name());
            for (Term p : r.path()) {
                if (!(p instanceof Term.Scalar s && s.value() instanceof StringValue sv)) {
                    return null;
                }
                sb.append('.').append(sv.value());
            }
            return sb.toString();
        }
        return null;
    }

    private static Term append(Term base, Term elem) {
        if (base instanceof Term.Ref r) {
            List<Term> path = new ArrayList<>(r.path());
            path.add(elem);
            return new Term.Ref(r.head(), path, r.loc());
        }
        return new Term.Ref(base, List.of(elem), base.loc());
    }

    /** Splits a template's raw text into literal parts and parsed expressions. */
    private Term template(Token t, Loc loc) {
        String raw = t.text();
        boolean escapes = t.kind() == Token.Kind.TEMPLATE;
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int k = 0;
        while (k < raw.length()) {
            char c = raw.charAt(k);
            if (escapes && c == '\\' && k + 1 < raw.length()) {
                char e = raw.charAt(k + 1);
                if (e == '{') {
                    lit.append('{');
                    k += 2;
                    continue;
                }
                int end = k + (e == 'u' ? 6 : 2);
                lit.append(new Lexer("\"" + raw.substring(k, Math.min(end, raw.length())) + "\"", file, 1, 0)
                        .tokens()
                        .get(0)
                        .text());
                k = end;
                continue;
            }
            if (c == '{') {
                int close = matchBrace(raw, k);
                if (lit.length() > 0) {
                    parts.add(lit.toString());
                    lit.setLength(0);
                }
                Parser sub =
                        new Parser(raw.substring(k + 1, close), file, loc.row(), loc.col() + k + 2, wildcards, depth);
                sub.enter(t);
                parts.add(sub.templateExpr());
                k = close + 1;
                continue;
            }
            lit.append(c);
            k++;
        }
        if (lit.length() > 0) {
            parts.add(lit.toString());
        }
        return new Term.Template(parts, loc);
    }

    /**
     * One {@code {...}} of a template: a term, or a term {@code with} modifiers, which becomes
     * {@code [v | v := term with ...][0]} so the modifiers apply to that term only.
     */
    private Term templateExpr() {
        Loc at = loc(peek());
        Expr e = literal();
        if (peek().kind() != Token.Kind.EOF) {
            throw error("unexpected " + describe(peek()) + " in template expression");
        }
        if (e instanceof Expr.TermExpr te) {
            return te.term();
        }
        if (e instanceof Expr.With w && w.expr() instanceof Expr.TermExpr te) {
            Term.Var v = new Term.Var("__tpl" + (wildcards[0]++) + "__", at);
            Expr bind = new Expr.With(new Expr.Unify(v, te.term(), true, at), w.mods(), at);
            return new Term.Ref(
                    new Term.ArrayCompr(v, List.of(bind), at), List.of(new Term.Scalar(NumberValue.ZERO, at)), at);
        }
        throw new RegoException(RegoException.Code.PARSE, "template expression must be a term", at);
    }

    private int matchBrace(String raw, int open) {
        int depth = 0;
        for (int k = open; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c == '"') {
                k++;
                while (k < raw.length() && raw.charAt(k) != '"') {
                    k += raw.charAt(k) == '\\' ? 2 : 1;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return k;
            }
        }
        throw error("unterminated template expression");
    }

    // ---- tokens -------------------------------------------------------------------------

    private Token peek() {
        return toks.get(i);
    }

    private Token next() {
        Token t = toks.get(i);
        if (t.kind() != Token.Kind.EOF) {
            i++;
        }
        return t;
    }

    private void expect(String op) {
        Token t = peek();
        if (!t.is(op)) {
            throw error(t, "unexpected " + describe(t) + " token: expected " + op);
        }
        next();
    }

    private String expectIdent() {
        Token t = next();
        if (t.kind() != Token.Kind.IDENT) {
            throw error(t, "unexpected " + describe(t) + ", expected identifier");
        }
        return t.text();
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "eof";
            case STRING -> "string";
            case NUMBER -> "number";
            case IDENT -> "ident";
            default -> t.text();
        };
    }

    private Loc loc(Token t) {
        return new Loc(file, t.row(), t.col());
    }

    private RegoException error(String msg) {
        return error(peek(), msg);
    }

    private RegoException error(Token t, String msg) {
        return new RegoException(RegoException.Code.PARSE, msg, loc(t));
    }
}
