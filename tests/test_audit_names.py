"""Every action the system writes to the audit log has a Chinese name in `jixiao.service.audit_names`.

The test reads the source: each call of ``record``/``record_many`` (jixiao.store.audit) and the action
it passes — a literal, either side of ``x if c else y``, ``Action.X.value``, ``action.value`` of a
workflow `Action` (every member is then required), or a local name, followed to its assignments in
the function or, for a parameter, to the literal arguments of every call of that function. An action
the test cannot follow fails it too, so a new way of writing one is not missed silently.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from jixiao.service.audit_names import AUDIT_ACTION_LABELS, action_label
from jixiao.workflow import Action

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "jixiao"
RECORDERS = {"record": 2, "record_many": 2}  # function name → position of the action argument
EVERY_ACTION = "<every jixiao.workflow.Action>"
Function = ast.FunctionDef | ast.AsyncFunctionDef


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "alembic" not in path.parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _name_of(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _is_audit_record(call: ast.Call) -> bool:
    """``audit.record(...)`` or ``record_many(...)`` (other modules' ``record`` are not the audit log)."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr == "record_many" or (
            func.attr == "record" and isinstance(func.value, ast.Name) and func.value.id == "audit"
        )
    return isinstance(func, ast.Name) and func.id == "record_many"


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _functions(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


class Resolver:
    """What values an expression passed as the action can have."""

    def __init__(self, modules: list[tuple[Path, ast.Module]]) -> None:
        self.calls: list[tuple[ast.Call, ast.FunctionDef | ast.AsyncFunctionDef]] = [
            (call, function)
            for _, tree in modules
            for function in _functions(tree)
            for call in ast.walk(function)
            if isinstance(call, ast.Call)
        ]
        self.unresolved: list[str] = []

    def values(self, node: ast.expr, function: Function, where: str) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return self.values(node.body, function, where) | self.values(node.orelse, function, where)
        if isinstance(node, ast.Attribute) and node.attr == "value":
            owner = node.value
            member = isinstance(owner, ast.Attribute) and isinstance(owner.value, ast.Name)
            if member and owner.value.id == "Action":  # type: ignore[attr-defined]
                return {Action[owner.attr].value}  # type: ignore[attr-defined]
            if isinstance(owner, ast.Name) and owner.id == "action":
                return {EVERY_ACTION}
        if isinstance(node, ast.Name):
            return self._name(node.id, function, where)
        self.unresolved.append(f"{where}: {ast.unparse(node)}")
        return set()

    def _name(self, name: str, function: ast.FunctionDef | ast.AsyncFunctionDef, where: str) -> set[str]:
        assigned = [
            n.value
            for n in ast.walk(function)
            if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)
        ]
        if assigned:
            return set().union(*(self.values(value, function, where) for value in assigned))
        parameters = [a.arg for a in function.args.args]
        if name not in parameters:
            self.unresolved.append(f"{where}: {name}")
            return set()
        position = parameters.index(name) - (1 if parameters and parameters[0] == "self" else 0)
        found: set[str] = set()
        callers = [(c, f) for c, f in self.calls if _name_of(c) == function.name]
        for call, caller in callers:
            argument = _argument(call, position, name)
            if argument is not None:
                found |= self.values(argument, caller, f"{where} ← {caller.name}")
        if not callers:
            self.unresolved.append(f"{where}: {name} (no caller of {function.name})")
        return found


def recorded_actions() -> tuple[set[str], list[str]]:
    """Every action the code writes to the audit log, and what could not be followed."""
    modules = list(_modules())
    resolver = Resolver(modules)
    actions: set[str] = set()
    for path, tree in modules:
        for function in _functions(tree):
            if function.name in RECORDERS:  # the recorders' own bodies pass their parameter on
                continue
            for call in ast.walk(function):
                if isinstance(call, ast.Call) and _is_audit_record(call):
                    argument = _argument(call, RECORDERS[_name_of(call)], "action")
                    if argument is None:
                        continue
                    where = f"{path.relative_to(PACKAGE)}:{call.lineno}"
                    actions |= resolver.values(argument, function, where)
    if EVERY_ACTION in actions:
        actions = (actions - {EVERY_ACTION}) | {a.value for a in Action}
    return actions, resolver.unresolved


def test_every_recorded_action_has_a_chinese_name() -> None:
    actions, unresolved = recorded_actions()
    assert not unresolved, f"audit actions the test cannot follow: {unresolved}"
    # the ones this test must find, so that a change in how they are written cannot empty it
    assert {"login", "dismiss", "comment", "resolve", "link", "unlink", "library_approve",
            "self_evaluation", "evaluation_adjust", "user_disable", "submit"} <= actions  # fmt: skip
    missing = sorted(actions - set(AUDIT_ACTION_LABELS))
    assert not missing, f"audit actions without a Chinese name in jixiao.service.audit_names: {missing}"


def test_names_are_chinese_and_an_unknown_action_still_reads_as_chinese() -> None:
    for action, name in AUDIT_ACTION_LABELS.items():
        assert name and all(not ch.isascii() or ch in "（）" for ch in name if ch.isalpha()), action
    assert action_label("dismiss") == "驳回审核发现" and action_label("unlink") == "取消关联上年表"
    assert action_label("something_new") == "其他操作（something_new）"
