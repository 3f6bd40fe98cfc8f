"""Tests for the XLSForm expression evaluator (mcim_desk.forms.expressions)."""

from __future__ import annotations

import datetime
import math
import random

import pytest

from mcim_desk.forms.expressions import (
    Expression,
    ExpressionError,
    compile_expression,
    parse_required,
)

TODAY = datetime.date(2024, 5, 15)
NAN = math.nan
INF = math.inf

# (expression, values, current value ".", expected result)
EVALUATION_CASES: list[tuple[str, dict[str, object], object, object]] = [
    # literals
    ("3", {}, None, 3.0),
    ("2.5", {}, None, 2.5),
    (".5", {}, None, 0.5),
    ("'abc'", {}, None, "abc"),
    ('"a b"', {}, None, "a b"),
    ('"it\'s"', {}, None, "it's"),
    ("''", {}, None, ""),
    # arithmetic and precedence
    ("1 + 2", {}, None, 3.0),
    ("5 - 7", {}, None, -2.0),
    ("2 * 3", {}, None, 6.0),
    ("7 div 2", {}, None, 3.5),
    ("7 mod 3", {}, None, 1.0),
    ("-7 mod 3", {}, None, -1.0),
    ("-3", {}, None, -3.0),
    ("--3", {}, None, 3.0),
    ("-(2 + 3)", {}, None, -5.0),
    ("1 + 2 * 3", {}, None, 7.0),
    ("(1 + 2) * 3", {}, None, 9.0),
    ("10 - 4 - 3", {}, None, 3.0),
    ("8 div 4 div 2", {}, None, 1.0),
    ("2 * 3 mod 4", {}, None, 2.0),
    ("-2 * 3", {}, None, -6.0),
    ("1+2*3-4 div 2", {}, None, 5.0),
    ("1 div 0", {}, None, INF),
    ("-1 div 0", {}, None, -INF),
    ("0 div 0", {}, None, NAN),
    ("5 mod 0", {}, None, NAN),
    ("'abc' + 1", {}, None, NAN),
    ("${a} + 1", {"a": "4"}, None, 5.0),
    ("${a} * 2", {"a": ""}, None, NAN),
    ("${a} * 2", {}, None, NAN),
    ("${a} - ${b}", {"a": " 10 ", "b": "-2.5"}, None, 12.5),
    # = and != : numbers, strings, booleans, empties
    ("1 = 1.0", {}, None, True),
    ("'1' = 1", {}, None, True),
    ("'01' = 1", {}, None, True),
    ("'1.0' = '1'", {}, None, False),
    ("${a} = 3", {"a": "3"}, None, True),
    ("${a} = 3", {"a": "3.0"}, None, True),
    ("${a} = '3'", {"a": "3.0"}, None, False),
    ("${a} = 'oui'", {"a": "oui"}, None, True),
    ("${a} != 'oui'", {"a": "non"}, None, True),
    ("${a} = 0", {"a": ""}, None, False),
    ("${a} != 0", {"a": ""}, None, True),
    ("${a} = 0", {"a": "abc"}, None, False),
    ("${a} = ''", {}, None, True),
    ("${a} = ''", {"a": None}, None, True),
    ("${a} != ''", {"a": "x"}, None, True),
    ("${a} = ${b}", {"a": "x", "b": "x"}, None, True),
    ("true() = 'x'", {}, None, True),
    ("false() = ''", {}, None, True),
    ("true() = 2", {}, None, True),
    ("false() = 0", {}, None, True),
    # relational
    ("2 < 10", {}, None, True),
    ("'2' < '10'", {}, None, True),
    ("'abc' < 1", {}, None, False),
    ("'abc' >= 1", {}, None, False),
    ("${a} > 2", {"a": ""}, None, False),
    ("${a} <= 2", {"a": ""}, None, False),
    ("3 <= 3", {}, None, True),
    ("3 > 2", {}, None, True),
    ("3 >= 4", {}, None, False),
    ("1 < 2 = true()", {}, None, True),
    ("1 + 1 = 2", {}, None, True),
    # logic
    ("1 = 1 or 1 = 2", {}, None, True),
    ("1 = 1 and 1 = 2", {}, None, False),
    ("1 = 2 or 2 = 2 and 3 = 4", {}, None, False),
    ("1 = 1 or 2 = 2 and 3 = 4", {}, None, True),
    ("(1 = 1 or 2 = 2) and 3 = 4", {}, None, False),
    ("not(${a} = 'x') and ${b} > 2", {"a": "y", "b": "3"}, None, True),
    ("not(${a} = 'x') and ${b} > 2", {"a": "x", "b": "3"}, None, False),
    ("not(${a} = 'x') and ${b} > 2", {"a": "y", "b": "2"}, None, False),
    ("not(${a} = 'x') and ${b} > 2", {}, None, False),
    # functions
    ("true()", {}, None, True),
    ("false()", {}, None, False),
    ("not(true())", {}, None, False),
    ("not('')", {}, None, True),
    ("not(0)", {}, None, True),
    ("boolean('x')", {}, None, True),
    ("boolean('0')", {}, None, True),
    ("boolean('')", {}, None, False),
    ("boolean(0)", {}, None, False),
    ("boolean(0 div 0)", {}, None, False),
    ("boolean(-1)", {}, None, True),
    ("number('12.5')", {}, None, 12.5),
    ("number(' 4 ')", {}, None, 4.0),
    ("number('1e3')", {}, None, NAN),
    ("number('')", {}, None, NAN),
    ("number(true())", {}, None, 1.0),
    ("string(3)", {}, None, "3"),
    ("string(2.5)", {}, None, "2.5"),
    ("string(-0.5)", {}, None, "-0.5"),
    ("string(1 div 0)", {}, None, "Infinity"),
    ("string(0 div 0)", {}, None, "NaN"),
    ("string(true())", {}, None, "true"),
    ("string(${a})", {"a": None}, None, ""),
    ("string-length('hello')", {}, None, 5.0),
    ("string-length(${a})", {}, None, 0.0),
    ("string-length(${a})", {"a": None}, None, 0.0),
    ("string-length(${a})", {"a": "été"}, None, 3.0),
    ("string-length(12.50)", {}, None, 4.0),
    # select_multiple
    ("selected(${fruits}, 'apple')", {"fruits": "apple banana"}, None, True),
    ("selected(${fruits}, 'banana')", {"fruits": "apple banana"}, None, True),
    ("selected(${fruits}, 'app')", {"fruits": "apple banana"}, None, False),
    ("selected(${fruits}, ' apple ')", {"fruits": "apple banana"}, None, True),
    ("selected(${fruits}, 'apple')", {"fruits": ""}, None, False),
    ("selected(${fruits}, 'apple')", {}, None, False),
    ("selected(${fruits}, '')", {"fruits": "a b"}, None, False),
    ("selected(${fruits}, 2)", {"fruits": "1 2 3"}, None, True),
    ("not(selected(${fruits}, 'other'))", {"fruits": "apple"}, None, True),
    ("count-selected(${fruits})", {"fruits": "a b  c"}, None, 3.0),
    ("count-selected(${fruits})", {"fruits": None}, None, 0.0),
    ("count-selected(${fruits}) >= 2", {"fruits": "a c"}, None, True),
    ("count-selected(${fruits}) >= 2", {"fruits": "a"}, None, False),
    # relevance
    ("${q4} = 'oui' or ${q4} = 'en_cours'", {"q4": "oui"}, None, True),
    ("${q4} = 'oui' or ${q4} = 'en_cours'", {"q4": "en_cours"}, None, True),
    ("${q4} = 'oui' or ${q4} = 'en_cours'", {"q4": "non"}, None, False),
    ("${q4} = 'oui' or ${q4} = 'en_cours'", {}, None, False),
    ("${age} >= 18 and ${consent} = 'yes'", {"age": "30", "consent": "yes"}, None, True),
    ("${age} >= 18 and ${consent} = 'yes'", {"age": "9", "consent": "yes"}, None, False),
    # dates vs today()
    ("today()", {}, None, TODAY),
    ("string(today())", {}, None, "2024-05-15"),
    ("${d} < today()", {"d": datetime.date(2024, 5, 14)}, None, True),
    # a date typed as a string is no number in ODK Collect: the comparison is false
    ("${d} < today()", {"d": "2024-05-14"}, None, False),
    ("${d} < today()", {"d": "2024-05-15"}, None, False),
    ("${d} <= today()", {"d": datetime.date(2024, 5, 15)}, None, True),
    ("${d} > today()", {"d": datetime.date(2024, 5, 16)}, None, True),
    ("${d} >= today()", {"d": "2023-12-31"}, None, False),
    ("${d} < today()", {"d": ""}, None, False),
    ("${d} > today()", {}, None, False),
    ("${d} = today()", {"d": "2024-05-15"}, None, True),
    ("${d} != today()", {"d": "2024-05-14"}, None, True),
    ("${d} < today()", {"d": datetime.date(2024, 1, 1)}, None, True),
    ("${d} >= '2018-01-01'", {"d": "2017-12-31"}, None, False),
    ("${d} > ${e}", {"d": datetime.date(2020, 2, 1), "e": datetime.date(2020, 1, 31)}, None, True),
    ("${d} > ${e}", {"d": "2019-12-31", "e": "2020-01-31"}, None, False),
    ("${d} = '2020-01-31'", {"d": datetime.date(2020, 1, 31)}, None, True),
    ("today() - ${d}", {"d": datetime.date(2024, 5, 10)}, None, 5.0),
    ("today() - date(${d})", {"d": "2024-05-10"}, None, 5.0),
    ("${dt} < today()", {"dt": datetime.datetime(2024, 5, 14, 23, 59)}, None, True),
    ("date-time(${dt}) < today()", {"dt": "2024-05-14T23:59:00"}, None, True),
    # "." current value in constraints
    (". >= '2018-01-01'", {}, datetime.date(2019, 3, 1), False),  # as in ODK Collect
    (". >= date('2018-01-01')", {}, datetime.date(2019, 3, 1), True),
    (". >= date('2018-01-01')", {}, datetime.date(2017, 12, 31), False),
    (". >= '2018-01-01'", {}, "2017-03-01", False),
    (". >= date('2018-01-01')", {}, "2018-01-01", False),  # "." a string: NaN
    (". = '2018-01-01'", {}, datetime.date(2018, 1, 1), True),  # "=" compares a date as a string
    (". >= date('2018-01-01')", {}, datetime.date(2018, 1, 1), True),
    (". >= '2018-01-01'", {}, None, False),
    (". <= today()", {}, datetime.date(2024, 5, 15), True),
    ("string-length(.) <= 10", {}, "0123456789", True),
    ("string-length(.) <= 10", {}, "01234567890", False),
    ("string-length(.) <= 10", {}, None, True),
    ("string-length() = 3", {}, "abc", True),
    (". > 0 and . < 150", {}, "42", True),
    (". > 0 and . < 150", {}, "150", False),
    (". > 0", {}, "", False),
    (". = 'x'", {"x": "no"}, "x", True),
    ("number(.) + 1", {}, 41, 42.0),
    (". != ${other}", {"other": "a"}, "b", True),
]


def _case_id(case: tuple[str, dict[str, object], object, object]) -> str:
    expression, values, current, _ = case
    return f"{expression} | {values} | .={current!r}"


def _same(actual: object, expected: object) -> bool:
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(actual, float) and math.isnan(actual)
    return type(actual) is type(expected) and actual == expected


@pytest.mark.parametrize("case", EVALUATION_CASES, ids=_case_id)
def test_evaluation(case: tuple[str, dict[str, object], object, object]) -> None:
    expression, values, current, expected = case
    result = compile_expression(expression).evaluate(values, current=current, today=TODAY)
    assert _same(result, expected), f"{expression!r} gave {result!r}, expected {expected!r}"


@pytest.mark.parametrize("case", EVALUATION_CASES, ids=_case_id)
def test_callable_values_give_same_result(
    case: tuple[str, dict[str, object], object, object],
) -> None:
    expression, values, current, expected = case

    def lookup(name: str) -> object:
        return values[name]  # KeyError for a missing answer reads as empty

    result = compile_expression(expression).evaluate(lookup, current, TODAY)
    assert _same(result, expected)


@pytest.mark.parametrize(
    ("expression", "values", "expected"),
    [
        ("'x'", {}, True),
        ("''", {}, False),
        ("0", {}, False),
        ("0 div 0", {}, False),
        ("-2", {}, True),
        ("${a}", {"a": "false"}, True),
        ("${a}", {}, False),
        ("today()", {}, True),
    ],
)
def test_evaluate_bool(expression: str, values: dict[str, object], expected: bool) -> None:
    assert compile_expression(expression).evaluate_bool(values, today=TODAY) is expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("1 + 2", "3"),
        ("1 div 4", "0.25"),
        ("0 div 0", "NaN"),
        ("today()", "2024-05-15"),
        ("1 = 1", "true"),
        ("${missing}", ""),
    ],
)
def test_evaluate_string(expression: str, expected: str) -> None:
    assert compile_expression(expression).evaluate_string({}, today=TODAY) == expected


def test_today_defaults_to_system_date() -> None:
    before = datetime.date.today()
    result = compile_expression("today()").evaluate({})
    assert before <= result <= datetime.date.today()


@pytest.mark.parametrize(
    ("expression", "references", "uses_current"),
    [
        ("${a} + ${b} * ${a}", {"a", "b"}, False),
        ("selected(${q_1.x}, 'y') or count-selected(${Q2}) > 1", {"q_1.x", "Q2"}, False),
        (". >= '2018-01-01'", set(), True),
        ("string-length(.) <= 10 and ${max} > 0", {"max"}, True),
        ("string-length() > 0", set(), True),
        ("'${not_a_ref}'", set(), False),
        ("today()", set(), False),
    ],
)
def test_references_and_current(expression: str, references: set[str], uses_current: bool) -> None:
    compiled = compile_expression(expression)
    assert compiled.references == frozenset(references)
    assert isinstance(compiled.references, frozenset)
    assert compiled.uses_current is uses_current


def test_expression_value_semantics() -> None:
    compiled = compile_expression("${a} = 1")
    assert compiled == Expression("${a} = 1")
    assert hash(compiled) == hash(Expression("${a} = 1"))
    assert compiled.source == "${a} = 1"
    with pytest.raises(ExpressionError):
        Expression("1 +")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, False),
        ("", False),
        ("   ", False),
        ("yes", True),
        ("Yes", True),
        (" YES ", True),
        ("true", True),
        ("TRUE", True),
        ("true()", True),
        ("no", False),
        ("No", False),
        ("false", False),
        ("false()", False),
    ],
)
def test_parse_required_constants(text: str | None, expected: bool) -> None:
    assert parse_required(text) is expected


def test_parse_required_expression() -> None:
    required = parse_required("${q4} = 'oui'")
    assert isinstance(required, Expression)
    assert required.references == frozenset({"q4"})
    assert required.evaluate_bool({"q4": "oui"}) is True
    assert required.evaluate_bool({"q4": "non"}) is False


def test_parse_required_invalid_expression_raises() -> None:
    with pytest.raises(ExpressionError):
        parse_required("${q4} =")


# (expression, kind, position or None when not checked, unknown function name)
MALFORMED_CASES: list[tuple[str, str, int | None, str | None]] = [
    ("", "empty", 0, None),
    ("   ", "empty", 0, None),
    ("(1 + 2", "syntax", 6, None),
    ("1 + 2)", "syntax", 5, None),
    ("((1)", "syntax", None, None),
    ("()", "syntax", 1, None),
    ("${", "syntax", 0, None),
    ("${a", "syntax", 0, None),
    ("${}", "syntax", 0, None),
    ("${a b}", "syntax", 0, None),
    ("${ a}", "syntax", 0, None),
    ("${1a}", "syntax", 0, None),
    ("$a", "syntax", 0, None),
    ("1 +", "syntax", 3, None),
    ("${a} =", "syntax", 6, None),
    ("${a} and", "syntax", None, None),
    ("${a} or or ${b}", "syntax", None, None),
    ("and ${a}", "syntax", 0, None),
    ("* 2", "syntax", 0, None),
    ("1 2", "syntax", 2, None),
    ("${a} ${b}", "syntax", 5, None),
    ("1 ! 2", "syntax", 2, None),
    ("!${a}", "syntax", 0, None),
    ("1 | 2", "syntax", 2, None),
    ("/data/a", "syntax", 0, None),
    ("...", "syntax", None, None),
    ("a[1]", "syntax", None, None),
    ("randomize(${a})", "unsupported_function", 0, "randomize"),
    ("instance(${a})/root/item", "arity", 0, None),
    ("instance('x')/root/item[1", "syntax", None, None),
    ("instance('x')[1]", "syntax", None, None),
    ("yes", "syntax", 0, None),
    ("'abc", "unterminated_string", 0, None),
    ('"abc', "unterminated_string", 0, None),
    ("${a} = 'oui", "unterminated_string", 7, None),
    ("'abc\"", "unterminated_string", 0, None),
    ("foo(1)", "unknown_function", 0, "foo"),
    ("concat2('a','b')", "unknown_function", 0, "concat2"),
    ("1 + iff(${a}, 1, 2)", "unknown_function", 4, "iff"),
    ("if(1, 2)", "arity", 0, None),
    ("indexed-repeat(${a}, ${r}, 1, ${s})", "arity", 0, None),
    ("NOT(1)", "unknown_function", 0, "NOT"),
    ("selected(${a})", "arity", 0, None),
    ("selected(${a}, 'x', 'y')", "arity", 0, None),
    ("not()", "arity", 0, None),
    ("not(1, 2)", "arity", 0, None),
    ("count-selected()", "arity", 0, None),
    ("today(1)", "arity", 0, None),
    ("true(1)", "arity", 0, None),
    ("boolean()", "arity", 0, None),
    ("string-length('a', 'b')", "arity", 0, None),
    ("not(1", "syntax", 5, None),
    ("not(1,)", "syntax", 6, None),
    ("not(,1)", "syntax", 4, None),
    ("not(1 2)", "syntax", 6, None),
    ("1e5", "syntax", 1, None),
    ("(" * 200 + "1" + ")" * 200, "nesting", None, None),
]


@pytest.mark.parametrize(
    ("expression", "kind", "position", "function"),
    MALFORMED_CASES,
    ids=[case[0][:40] or "<empty>" for case in MALFORMED_CASES],
)
def test_malformed_expressions_raise(
    expression: str, kind: str, position: int | None, function: str | None
) -> None:
    with pytest.raises(ExpressionError) as excinfo:
        compile_expression(expression)
    error = excinfo.value
    assert isinstance(error, ValueError)
    assert error.kind == kind
    assert error.function == function
    assert error.expression == expression
    if position is not None:
        assert error.position == position
    assert 0 <= error.position <= len(expression)
    assert error.message
    assert error.message in str(error)


def test_long_flat_chains_do_not_recurse() -> None:
    long_sum = compile_expression(" + ".join(["1"] * 5000))
    assert long_sum.evaluate({}) == 5000.0
    many_choices = " or ".join(f"${{a}} = '{index}'" for index in range(3000))
    compiled = compile_expression(many_choices)
    assert compiled.evaluate_bool({"a": "2999"}) is True
    assert compiled.evaluate_bool({"a": "nope"}) is False


def test_moderate_nesting_is_accepted() -> None:
    assert compile_expression("(" * 30 + "1" + ")" * 30).evaluate({}) == 1.0
    assert compile_expression("not(" * 31 + "1" + ")" * 31).evaluate({}) is False


def _broken_lookup(name: str) -> object:
    raise RuntimeError(f"database is gone ({name})")


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no string for you")


NASTY_VALUES: list[object] = [
    {},
    {"a": None, "b": "", "d": None},
    {"a": "abc", "b": "x y z", "d": "not a date"},
    {"a": "NaN", "b": "Infinity", "d": "-0"},
    {"a": "1e309", "b": "9" * 400, "d": "9999-12-31T23:59:59-14:00"},
    {"a": "0001-01-01T00:00:00+01:00", "b": "2024-02-30", "d": "0000-01-01"},
    {"a": 10**5000, "b": float("nan"), "d": float("inf")},
    {"a": ["x", None, 3], "b": {"y"}, "d": b"bytes"},
    {"a": object(), "b": _Unprintable(), "d": datetime.datetime(1, 1, 1)},
    {
        "a": datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
        "b": True,
        "d": datetime.date.max,
    },
    {"a": "\x00\n\t", "b": "é" * 10000, "d": "2024-05-15T25:00"},
    _broken_lookup,
    lambda name: None,
]

NASTY_EXPRESSIONS: list[str] = [
    *(case[0] for case in EVALUATION_CASES),
    "${a} + ${b} * ${d} div ${a} mod ${b}",
    "${a} < ${b} and ${b} >= ${d} or ${d} = ${a}",
    "today() - ${a} - ${d}",
    "selected(${a}, ${b}) and count-selected(${d}) > string-length(${a})",
    "string(${a} div 0) = string(${b} mod 0)",
    "number(${d}) + -${a} * --${b}",
    "boolean(${a}) != not(${b})",
    "string(number(${a}) * 10)",
    ". = ${a} or . < ${b} or string-length(.) > count-selected(.)",
    "${a} div ${b} div ${d}",
    "string(${d}) = string(today())",
]


@pytest.mark.parametrize("values", NASTY_VALUES, ids=lambda values: type(values).__name__)
def test_evaluation_never_raises(values: object) -> None:
    currents: list[object] = [None, "", "abc", "2018-01-01", 3, _Unprintable(), [1, 2]]
    for expression in NASTY_EXPRESSIONS:
        compiled = compile_expression(expression)
        for current in currents:
            compiled.evaluate(values, current, TODAY)  # type: ignore[arg-type]
            assert isinstance(compiled.evaluate_bool(values, current), bool)  # type: ignore[arg-type]
            assert isinstance(compiled.evaluate_string(values, current, TODAY), str)  # type: ignore[arg-type]


_FUZZ_PIECES: list[str] = [
    "${a}",
    "${b}",
    ".",
    "1",
    "0",
    "2.5",
    "'x'",
    "'2020-01-01'",
    '""',
    "(",
    ")",
    ",",
    "+",
    "-",
    "*",
    " div ",
    " mod ",
    "=",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    " and ",
    " or ",
    "not(",
    "selected(",
    "count-selected(",
    "string-length(",
    "today()",
    "true()",
    "false()",
    "number(",
    "string(",
    "boolean(",
    "foo(",
    "'",
    "${",
    "$",
    "!",
    " ",
]


def test_fuzzed_expressions_only_raise_expression_error() -> None:
    rng = random.Random(20240515)
    compiled_count = 0
    for _ in range(4000):
        text = "".join(rng.choice(_FUZZ_PIECES) for _ in range(rng.randint(1, 12)))
        try:
            compiled = compile_expression(text)
        except ExpressionError:
            continue
        compiled_count += 1
        for values in NASTY_VALUES[:7]:
            compiled.evaluate(values, "2018-01-01", TODAY)  # type: ignore[arg-type]
            compiled.evaluate_bool(values, None, TODAY)  # type: ignore[arg-type]
    assert compiled_count > 50


def test_last_saved_reference() -> None:
    compiled = compile_expression("${last-saved#town}")
    assert compiled.references == frozenset({"town"})
    assert compiled.evaluate({"town": "Dakar"}) == ""  # not the current answer
    with pytest.raises(ExpressionError):
        compile_expression("${last-saved#}")
