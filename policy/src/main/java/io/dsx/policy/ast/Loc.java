package io.dsx.policy.ast;

/** A source location: file name, 1-based row and column. */
public record Loc(String file, int row, int col) {
    public static final Loc NONE = new Loc("", 0, 0);

    @Override
    public String toString() {
        return file + ":" + row + ":" + col;
    }
}
