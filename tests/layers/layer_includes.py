#!/usr/bin/env python3
"""Fails on every #include under lib/ that runs upward: from a layer to one it does not link.

Usage: layer_includes.py LIB_DIR LAYER=BELOW[,BELOW…] …
The graph comes from lib/CMakeLists.txt (each layer and the layers it links), so the link check
and this check cannot disagree. A layer may include itself and everything reachable below it. An
include the link cannot see (a type, an inline function, a template) is caught here.
"""
import re
import sys
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s*["<]([^">]+)[">]')


def reachable(graph):
    """Each layer with itself and every layer below it."""
    allowed = {}

    def below(layer, seen):
        for lower in graph.get(layer, ()):
            if lower not in seen:
                seen.add(lower)
                below(lower, seen)
        return seen

    for layer in graph:
        allowed[layer] = below(layer, {layer})
    return allowed


def main():
    lib = Path(sys.argv[1])
    graph = {}
    for edge in sys.argv[2:]:
        layer, _, lower = edge.partition("=")
        graph[layer] = [name for name in lower.split(",") if name]
    allowed = reachable(graph)

    problems = []
    for path in sorted(lib.rglob("*")):
        if path.suffix not in (".cpp", ".hpp", ".h", ".cc") or not path.is_file():
            continue
        rel = path.relative_to(lib)
        layer = rel.parts[0]
        if layer not in allowed:
            problems.append(f"lib/{rel}: in no layer (give its directory a target in lib/CMakeLists.txt)")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = INCLUDE.match(line)
            if not match:
                continue
            target = match.group(1).split("/")[0]
            # <fmt/format.h>, "sqlite3.h": not ours; a layer path is one of the layer directories.
            if target not in graph or "/" not in match.group(1):
                continue
            if target not in allowed[layer]:
                problems.append(f"lib/{rel}:{number}: {layer} includes {match.group(1)}, "
                                f"but {layer} may only use {', '.join(sorted(allowed[layer]))}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) with the layers (docs/layers.md)", file=sys.stderr)
        return 1
    print(f"includes under lib/ keep to the layers: {', '.join(sorted(graph))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
