"""Print CPython's AST for Python files in the normal form of weave's ASTDump.swift.

That form is `ast.dump(tree)` as CPython 3.11 prints it (optional fields that
are None are left out, empty lists are shown), minus the fields weave's AST
does not have: ctx, type_ignores, type_comment, kind and type_params. Strings
holding lone surrogates (which a Swift String cannot) show U+FFFD instead.

With --ascii, strings are shown by ascii() instead of repr() (dumpAST's
asciiOnly), so that the comparison does not depend on the Unicode version.

With --positions, nodes also show lineno, col_offset, end_lineno and
end_col_offset (ast.dump's include_attributes), except inside f-strings.

Usage: cpython_dump.py [--ascii] [--positions] FILE...   (or `-`: file names one per line on stdin)
Output, per file:  FILE <path> / OK <dump>  or  FILE <path> / ERR <message>
"""
import ast
import re
import sys

SKIPPED_FIELDS = {"ctx", "type_ignores", "type_comment", "kind", "type_params"}
SURROGATE = re.compile("[\ud800-\udfff]")


STRING_REPR = repr
POSITIONS = False
POSITION_FIELDS = ("lineno", "col_offset", "end_lineno", "end_col_offset")


def normal_form(node, inside_fstring=False):
    if isinstance(node, ast.AST):
        show_position = POSITIONS and not inside_fstring
        inside_fstring = inside_fstring or isinstance(node, ast.JoinedStr)
        cls = type(node)
        parts = []
        for name in node._fields:
            if name in SKIPPED_FIELDS:
                continue
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and getattr(cls, name, ...) is None:
                continue
            parts.append(f"{name}={normal_form(value, inside_fstring)}")
        if show_position:
            parts += [f"{name}={getattr(node, name)}" for name in POSITION_FIELDS if name in node._attributes]
        return f"{cls.__name__}({', '.join(parts)})"
    if isinstance(node, list):
        return "[" + ", ".join(normal_form(item, inside_fstring) for item in node) + "]"
    if isinstance(node, str):
        return STRING_REPR(SURROGATE.sub("\ufffd", node))
    return repr(node)


def main(paths):
    out = sys.stdout
    for path in paths:
        out.write(f"FILE {path}\n")
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read(), path)
            out.write("OK " + normal_form(tree) + "\n")
        except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
            out.write("ERR " + type(e).__name__ + ": " + str(e).replace("\n", " ") + "\n")


if __name__ == "__main__":
    args = sys.argv[1:]
    while args[:1] in (["--ascii"], ["--positions"]):
        if args[0] == "--ascii":
            STRING_REPR = ascii
        else:
            POSITIONS = True
        args = args[1:]
    if args == ["-"]:
        args = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    sys.setrecursionlimit(100000)
    main(args)
