"""The modules of ``mcim_desk/ui`` depend on each other in one direction only: pages use shared
helpers below them, the main window is given its features rather than importing them. Every
import counts, at the top, inside a function or under ``TYPE_CHECKING``."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "mcim_desk" / "ui"


def ui_imports(path: Path, modules: set[str]) -> set[str]:
    """The ``mcim_desk.ui`` modules that ``path`` imports, wherever the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:  # from .x import y / from . import x
                names = [node.module.split(".")[0]] if node.module else [a.name for a in node.names]
            elif node.level == 0 and (node.module or "").startswith("mcim_desk.ui"):
                parts = node.module.split(".")
                names = [parts[2]] if len(parts) > 2 else [a.name for a in node.names]
            else:
                names = []
        elif isinstance(node, ast.Import):
            names = [a.name.split(".")[2] for a in node.names if a.name.startswith("mcim_desk.ui.")]
        else:
            names = []
        found.update(n for n in names if n in modules)
    found.discard(path.stem)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {p.stem: p for p in UI.glob("*.py")}
    return {name: ui_imports(path, set(paths)) for name, path in paths.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path that comes back to its start, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_finder_sees_every_kind_of_import(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        "from typing import TYPE_CHECKING\nfrom .b import x\nif TYPE_CHECKING:\n    from .c import C\n"
        "def f():\n    from . import d\n    import mcim_desk.ui.e\n    from mcim_desk.ui.f import g\n")
    modules = {"a", "b", "c", "d", "e", "f", "h"}
    assert ui_imports(tmp_path / "a.py", modules) == {"b", "c", "d", "e", "f"}
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_ui_modules_import_each_other_without_a_cycle() -> None:
    graph = import_graph()
    assert {"main_window", "features", "interviews_page", "call_workspace"} <= set(graph)
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])
    assert "features" not in graph["main_window"]  # given its features by the program


def test_no_ui_module_grows_past_the_split_size() -> None:
    # a module past the split size splits by use case
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in UI.glob("*.py")}
    assert {name for name, lines in sizes.items() if lines > 800} == set(), sizes
