"""Contract types of our own for import-linter: packages used only through their `__init__`, no import
cycle between any two modules, and names a layer may not import from a library (flask's request, ...).
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import grimp
from importlinter import Contract, ContractCheck, fields, output


class PublicExportsContract(Contract):
    """Each child package of a container is a capability; its modules are private to it.

    A module outside the package may import the package (its `__init__` exports), never a module in it.
    """

    type_name = "public_exports"
    containers = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        broken = []
        for container in self.containers:
            for package in sorted(graph.find_children(container)):
                inside = {package} | graph.find_descendants(package)
                for private in sorted(inside - {package}):
                    for importer in sorted(graph.find_modules_that_directly_import(private) - inside):
                        line = _first_line(graph, importer, private)
                        broken.append((importer, private, package, line))
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, private, package, line in check.metadata["broken"]:
            output.print_error(f"{importer} imports {private} (l.{line}); import {package} instead.", bold=False)
            output.new_line()


class AcyclicModulesContract(Contract):
    """No module reaches itself again through its imports, counting imports made inside functions."""

    type_name = "acyclic_modules"
    root = fields.StringField()

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        modules = {self.root} | graph.find_descendants(self.root)
        edges = {m: sorted(graph.find_modules_directly_imported_by(m) & modules) for m in modules}
        cycles = [sorted(c) for c in _strongly_connected(edges) if len(c) > 1]
        return ContractCheck(kept=not cycles, metadata={"cycles": sorted(cycles)})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for cycle in check.metadata["cycles"]:
            output.print_error("These modules import each other in a cycle: " + ", ".join(cycle), bold=False)
            output.new_line()


class ForbiddenNamesContract(Contract):
    """The source modules may not import these names (`module:name`), e.g. `flask:request`."""

    type_name = "forbidden_names"
    source_modules = fields.ListField(subfield=fields.StringField())
    forbidden_names = fields.ListField(subfield=fields.StringField())

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        forbidden = {tuple(entry.split(":", 1)) for entry in self.forbidden_names}
        broken = []
        for source in self.source_modules:
            for module in sorted({source} | graph.find_descendants(source)):
                for line, imported, name in _imported_names(module):
                    if (imported, name) in forbidden or (imported, "*") in forbidden:
                        broken.append((module, line, f"{imported}.{name}"))
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for module, line, name in check.metadata["broken"]:
            output.print_error(f"{module} (l.{line}) imports {name}, which it may not use.", bold=False)
            output.new_line()


def _first_line(graph: grimp.ImportGraph, importer: str, imported: str) -> int:
    details = graph.get_import_details(importer=importer, imported=imported)
    return min((d["line_number"] for d in details), default=0)


def _imported_names(module: str):
    """(line, module, name) for every `from module import name` and `import module.name` in the source."""
    tree = ast.parse(_source_path(module).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                yield node.lineno, node.module, alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                head, _, tail = alias.name.partition(".")
                yield node.lineno, head, tail or "*"


def _source_path(module: str) -> Path:
    """The file of a module, found without importing it (its code may be the broken code under test)."""
    root, *rest = module.split(".")
    base = Path(importlib.util.find_spec(root).origin).parent  # a top-level lookup runs no package code
    path = base.joinpath(*rest)
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _strongly_connected(edges: dict[str, list[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that can each reach every other."""
    index, low, on_stack, stack, groups, counter = {}, {}, set(), [], [], [0]
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    groups.append(group)
            elif child not in index:
                index[child] = low[child] = counter[0]
                counter[0] += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups
