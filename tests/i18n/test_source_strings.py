"""Every string a user sees goes through the translator, in a form lupdate can extract.

Two scans of the source (AST, no Qt): a visible-text call (setText, QLabel(...), addTab,
showMessage, QMessageBox...) given a bare literal or an f-string that contains letters; and a
`tr`/`translate`/`QT_TRANSLATE_NOOP` call whose context or text is not a literal, which lupdate
cannot see (it then silently stays English). Symbols ("●", "—", "🔔", "★", "…"), digits and
punctuation are not letters, so they pass by that rule, whichever file they are in.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = sorted(
    p
    for folder in ("desktop/ui", "desktop/qt")
    for p in (ROOT / folder).rglob("*.py")
    if "__pycache__" not in p.parts
)

# Methods whose string arguments end up on screen (or in a screen reader), and which of their
# positional arguments are text. None: every argument.
VISIBLE_METHODS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,),
    "setWindowTitle": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setPlaceholderText": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "setSpecialValueText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "setTitle": (0,),
    "setLabelText": (0,),
    "setHtml": (0,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "addItem": (0,),
    "addItems": (0,),
    "insertItem": (1,),
    "addTab": (1,),
    "insertTab": (2,),
    "addAction": (0,),
    "addMenu": (0,),
    "addButton": (0,),
    "showMessage": (0, 1),
    "setNameFilters": (0,),
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "show_message": (0, 1),
    "show_status": (0,),
    "set_placeholder": (0,),
}
# Widgets and items whose constructor takes text (positional arguments that are text).
VISIBLE_CONSTRUCTORS: dict[str, tuple[int, ...] | None] = {
    "QLabel": (0,),
    "QPushButton": (0,),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QToolButton": (),
    "QGroupBox": (0,),
    "QAction": (0,),
    "QMenu": (0,),
    "QListWidgetItem": (0,),
    "QTableWidgetItem": (0,),
    "QTreeWidgetItem": None,
    "QMessageBox": (1, 2),
    "QFileDialog": (1,),
    "QInputDialog": None,
    "QProgressDialog": (0, 1),
    "TextPrompt": (0, 1),
}
TRANSLATORS = {"tr", "translate", "QT_TRANSLATE_NOOP"}


_MARKUP = re.compile(r"<[^<>]*>|&[a-zA-Z]+;|&#\d+;")


def has_letters(text: str) -> bool:
    """Whether `text` has a letter outside its HTML tags and entities (those are not read)."""
    return any(unicodedata.category(ch).startswith("L") for ch in _MARKUP.sub("", text))


def untranslated(node: ast.AST) -> str | None:
    """The literal text in `node` a user would read untranslated, or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if has_letters(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return parts if has_letters(parts) else None
    if isinstance(node, ast.BinOp):
        return untranslated(node.left) or untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return untranslated(node.body) or untranslated(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return next((t for t in map(untranslated, node.elts) if t), None)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr in TRANSLATORS:
                return None
            # "literal".format(...), "literal".join(...), x.replace(...) on a literal
            return untranslated(func.value)
        return None
    return None


def call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def violations(tree: ast.AST) -> Iterator[tuple[int, str, str]]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = call_name(node)
        positions: tuple[int, ...] | None
        if name in VISIBLE_CONSTRUCTORS:  # QLabel(...) or QtWidgets.QLabel(...)
            positions = VISIBLE_CONSTRUCTORS[name]
        elif isinstance(node.func, ast.Attribute) and name in VISIBLE_METHODS:
            positions = VISIBLE_METHODS[name]
        else:
            continue
        args = list(node.args) + [k.value for k in node.keywords if k.arg in ("text", "title")]
        if positions is not None:
            args = [a for i, a in enumerate(node.args) if i in positions] + args[len(node.args) :]
        for arg in args:
            text = untranslated(arg)
            if text:
                yield node.lineno, name, text


def _literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def lupdate_blind_spots(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Translations lupdate cannot see: `tr(x)`, `QT_TRANSLATE_NOOP` or `translate` with a
    computed context for a literal text, a helper around them.

    `QCoreApplication.translate(context, variable)` is the one computed form allowed: it looks up
    a text that `QT_TRANSLATE_NOOP("Context", "text")` marked where it is defined (column
    headers, status labels). `self.tr(variable)` is not: its context is the class, which no
    marker names.
    """
    helper_params: dict[int, str] = {}  # id of a translate() call -> the parameter it translates
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            params = {a.arg for a in (*function.args.posonlyargs, *function.args.args)}
            for inner in ast.walk(function):
                if (
                    isinstance(inner, ast.Call)
                    and call_name(inner) == "translate"
                    and len(inner.args) > 1
                    and isinstance(inner.args[1], ast.Name)
                    and inner.args[1].id in params
                ):
                    helper_params[id(inner)] = inner.args[1].id
    in_fstring = {
        id(inner)
        for joined in ast.walk(tree)
        if isinstance(joined, ast.JoinedStr)
        for inner in ast.walk(joined)
        if isinstance(inner, ast.Call)
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or call_name(node) not in TRANSLATORS:
            continue
        name = call_name(node)
        if id(node) in in_fstring:
            yield node.lineno, f"{name}() inside an f-string: lupdate does not read those"
            continue
        if id(node) in helper_params:
            yield (
                node.lineno,
                (
                    f"a helper translates its parameter {helper_params[id(node)]!r}: "
                    "lupdate does not see the texts its callers pass"
                ),
            )
            continue
        if name == "translate" and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if not (isinstance(owner, ast.Name) and owner.id == "QCoreApplication"):
                continue  # somebody else's translate (str.translate, a QTranslator override)
        args = node.args
        if name == "tr":
            if not args or not _literal(args[0]):
                yield (
                    node.lineno,
                    f"tr() of a computed text: {ast.unparse(args[0]) if args else ''}",
                )
            continue
        if len(args) < 2:
            yield node.lineno, f"{name}() without its text"
            continue
        context, text = args[0], args[1]
        count = (
            args[3]
            if len(args) > 3
            else next((k.value for k in node.keywords if k.arg == "n"), None)
        )
        if name == "translate" and count is not None and not isinstance(count, ast.Constant):
            # PySide 6.11's lupdate drops such a message, or records it without plural forms.
            yield (
                node.lineno,
                f"translate() with a computed count {ast.unparse(count)}: use self.tr",
            )
        if name == "translate" and not _literal(text):
            continue  # a lookup of a marked text (see above)
        if not _literal(text):
            yield node.lineno, f"{name}() of a computed text: {ast.unparse(text)}"
        if not _literal(context):
            yield node.lineno, f"{name}() with a computed context: {ast.unparse(context)}"


def _parse(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: str(p.relative_to(ROOT)))
def test_visible_text_is_wrapped_for_translation(path: Path) -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {name}({text!r})"
        for line, name, text in violations(_parse(path))
    ]
    assert not found, "untranslated text on screen:\n" + "\n".join(found)


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: str(p.relative_to(ROOT)))
def test_lupdate_can_read_every_translated_string(path: Path) -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {why}" for line, why in lupdate_blind_spots(_parse(path))
    ]
    assert not found, "lupdate cannot extract:\n" + "\n".join(found)


# -- the scanner itself: it must catch what it is for --------------------------------------------

CAUGHT = [
    'label.setText("Loading customers")',
    'QLabel("Customers")',
    'self.setWindowTitle(f"Tags of {name}")',
    'box.addItem("All customers", "")',
    'tabs.addTab(pane, "Overview")',
    'self.statusBar().showMessage("Saved " + path)',
    'QMessageBox(icon, "Title", "Body text")',
    'view.setAccessibleName("Customers" if a else "Kunden")',
    'button.setToolTip("Opens {0}".format(x))',
    'QPushButton(text="Retry")',
]
PASSED = [
    'label.setText(self.tr("Loading customers"))',
    'label.setText("● " + text)',
    'button.setText("🔔")',
    'label.setText(f"{a} — {b}")',
    'label.setText(self.tr("%n new", "", n).replace("%1", "★"))',
    'edit.setPlaceholderText("00000000-0000-0000-0000-000000000000")',
    "label.setText(name)",
    'QLabel(QCoreApplication.translate("Ctx", "Customers"))',
]


@pytest.mark.parametrize("code", CAUGHT)
def test_the_scan_catches(code: str) -> None:
    assert list(violations(ast.parse(code))), code


@pytest.mark.parametrize("code", PASSED)
def test_the_scan_lets_through(code: str) -> None:
    assert not list(violations(ast.parse(code))), code


@pytest.mark.parametrize(
    "code",
    [
        "self.tr(HELP)",
        "self.tr(name.capitalize())",
        'QCoreApplication.translate(_CONTEXT, "Down")',
        'QT_TRANSLATE_NOOP(TR_CONTEXT, "Name")',
        'def _tr(text, n=-1):\n    return QCoreApplication.translate("Notices", text, None, n)',
        'QCoreApplication.translate("Age", "%n min ago", None, minutes)',
        "f'<h4>{e(self.tr(\"Updates (newest first)\"))}</h4>'",
    ],
)
def test_lupdate_blind_spots_are_caught(code: str) -> None:
    assert list(lupdate_blind_spots(ast.parse(code))), code


def test_lupdate_readable_calls_pass() -> None:
    code = (
        'self.tr("x"); QCoreApplication.translate("Ctx", "y", None, 2); "abc".translate({}); '
        "QCoreApplication.translate(context, marked_elsewhere)"
    )
    assert not list(lupdate_blind_spots(ast.parse(code)))
