"""One table per function of the ODK XForms specification, with ODK Collect's (JavaRosa's)
conversions: empty strings, NaN, dates as days since 1970, 0-based indexes..."""

from __future__ import annotations

import datetime
import math
import re

import pytest

from mcim_desk.forms.expressions import FUNCTIONS, compile_expression
from mcim_desk.forms.xpath_values import NodeSet

TODAY = datetime.date(2024, 5, 15)
NAN = math.nan
D = datetime.date
DT = datetime.datetime

# function -> [(expression, answers, expected)]; "." is the answer named "."
TABLE: dict[str, list[tuple[str, dict[str, object], object]]] = {
    "string": [
        ("string(1)", {}, "1"),
        ("string(1.5)", {}, "1.5"),
        ("string(0 div 0)", {}, "NaN"),
        ("string(1 div 0)", {}, "Infinity"),
        ("string(-1 div 0)", {}, "-Infinity"),
        ("string(true())", {}, "true"),
        ("string(${d})", {"d": D(2018, 1, 2)}, "2018-01-02"),
        ("string(0.0000000000001)", {}, "0"),
        ("string(${a})", {}, ""),
        ("string(.)", {".": "x"}, "x"),
    ],
    "concat": [
        ("concat('a', 'b', 'c')", {}, "abc"),
        ("concat('a')", {}, "a"),
        ("concat(${n}, '-', 2)", {"n": "1"}, "1-2"),
        ("concat(${missing}, 'x')", {}, "x"),
        ("concat(${r})", {"r": NodeSet(("a", "b"))}, "ab"),
        ("concat(true(), 1 div 0)", {}, "trueInfinity"),
    ],
    "join": [
        ("join(', ', 'a', 'b')", {}, "a, b"),
        ("join(' ', ${r})", {"r": NodeSet(("x", "y", "z"))}, "x y z"),
        ("join('-')", {}, ""),
    ],
    "substr": [
        ("substr('hello', 1)", {}, "ello"),
        ("substr('hello', 1, 3)", {}, "el"),
        ("substr('hello', 0, 0)", {}, ""),
        ("substr('hello', -2)", {}, "lo"),
        ("substr('hello', 3, 1)", {}, ""),
        ("substr('hello', 10)", {}, ""),
        ("substr('', 0, 5)", {}, ""),
        ("substr('hello', 'x')", {}, ""),
    ],
    "substring-before": [
        ("substring-before('1999/04/01', '/')", {}, "1999"),
        ("substring-before('abc', 'z')", {}, ""),
        ("substring-before('abc', '')", {}, ""),
    ],
    "substring-after": [
        ("substring-after('1999/04/01', '/')", {}, "04/01"),
        ("substring-after('abc', 'z')", {}, ""),
        ("substring-after('abc', '')", {}, "abc"),
    ],
    "translate": [
        ("translate('bar', 'abc', 'ABC')", {}, "BAr"),
        ("translate('--aaa--', 'abc-', 'ABC')", {}, "AAA"),
        ("translate('', 'a', 'b')", {}, ""),
    ],
    "string-length": [
        ("string-length('été')", {}, 3.0),
        ("string-length('')", {}, 0.0),
        ("string-length(${a})", {}, 0.0),
        ("string-length(12.5)", {}, 4.0),
        ("string-length()", {".": "abcd"}, 4.0),
    ],
    "normalize-space": [
        ("normalize-space('  a   b  ')", {}, "a b"),
        ("normalize-space('')", {}, ""),
        ("normalize-space()", {".": " x  y "}, "x y"),
    ],
    "contains": [
        ("contains('abc', 'b')", {}, True),
        ("contains('abc', '')", {}, True),
        ("contains('', 'a')", {}, False),
    ],
    "starts-with": [
        ("starts-with('abc', 'ab')", {}, True),
        ("starts-with('abc', 'b')", {}, False),
        ("starts-with('abc', '')", {}, True),
    ],
    "ends-with": [
        ("ends-with('abc', 'bc')", {}, True),
        ("ends-with('abc', 'b')", {}, False),
        ("ends-with('', '')", {}, True),
    ],
    "digest": [
        ("digest('abc', 'MD5', 'hex')", {}, "900150983cd24fb0d6963f7d28e17f72"),
        ("digest('abc', 'SHA-1', 'hex')", {}, "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("digest('abc', 'SHA-256')", {}, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="),
        ("digest('', 'SHA-512', 'hex')", {}, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
        ("digest('abc', 'SHA-3', 'hex')", {}, ""),
        ("digest('abc', 'MD5', 'octal')", {}, ""),
    ],
    "base64-decode": [
        ("base64-decode('w6l0w6k=')", {}, "été"),
        ("base64-decode('')", {}, ""),
    ],
    "pulldata": [
        ("pulldata('prices', 'price', 'item', 'tea')", {}, ""),  # no file without a form
    ],
    "if": [
        ("if(true(), 'a', 'b')", {}, "a"),
        ("if(false(), 'a', 'b')", {}, "b"),
        ("if('', 'a', 'b')", {}, "b"),
        ("if('false', 'a', 'b')", {}, "a"),  # a non-empty string is true
        ("if(${n} > 2, ${n} * 2, 0)", {"n": "3"}, 6.0),
        ("if(0 div 0, 1, 2)", {}, 2.0),
    ],
    "coalesce": [
        ("coalesce(${a}, 'b')", {}, "b"),
        ("coalesce(${a}, 'b')", {"a": "x"}, "x"),
        ("coalesce(0 div 0, 7)", {}, 7.0),
        ("coalesce('', '')", {}, ""),
        ("coalesce(0, 7)", {}, 0.0),
    ],
    "once": [
        ("once(5)", {".": ""}, 5.0),
        ("once(5)", {".": "3"}, "3"),
    ],
    "true": [("true()", {}, True)],
    "false": [("false()", {}, False)],
    "boolean": [
        ("boolean('')", {}, False),
        ("boolean('false')", {}, True),
        ("boolean(0)", {}, False),
        ("boolean(0 div 0)", {}, False),
        ("boolean(-1)", {}, True),
        ("boolean(${d})", {"d": D(2000, 1, 1)}, True),
    ],
    "boolean-from-string": [
        ("boolean-from-string('true')", {}, True),
        ("boolean-from-string('TRUE')", {}, True),
        ("boolean-from-string('1')", {}, True),
        ("boolean-from-string('false')", {}, False),
        ("boolean-from-string('yes')", {}, False),
        ("boolean-from-string('')", {}, False),
    ],
    "not": [
        ("not(true())", {}, False),
        ("not('')", {}, True),
        ("not(${a})", {"a": "x"}, False),
    ],
    "regex": [
        ("regex('abc123', '[a-z]+[0-9]+')", {}, True),
        ("regex('abc123x', '[a-z]+[0-9]+')", {}, False),  # the whole value must match
        ("regex('', '.*')", {}, True),
        ("regex('a', '[')", {}, False),  # an invalid pattern matches nothing
        ("regex(${p}, '^\\+?[0-9 ]{6,}$')", {"p": "+41 22 717"}, True),
    ],
    "checklist": [
        ("checklist(2, 3, true(), false(), 'x')", {}, True),
        ("checklist(-1, 1, true(), true())", {}, False),
        ("checklist(-1, -1, false())", {}, True),
        ("checklist(1, -1, '')", {}, False),
    ],
    "weighted-checklist": [
        ("weighted-checklist(3, 4, true(), 2, true(), 2, false(), 5)", {}, True),
        ("weighted-checklist(3, 4, true(), 2, false(), 2)", {}, False),
    ],
    "number": [
        ("number('12')", {}, 12.0),
        ("number(' -1.5 ')", {}, -1.5),
        ("number('1,5')", {}, 1.5),  # a comma reads as a decimal point, as in Collect
        ("number('')", {}, NAN),
        ("number('abc')", {}, NAN),
        ("number('1e3')", {}, NAN),
        ("number('2018-01-01')", {}, NAN),  # a date as a string is no number
        ("number(${d})", {"d": D(1970, 1, 11)}, 10.0),
        ("number(${d})", {"d": D(1969, 12, 31)}, -1.0),
        ("number(date('2018-01-01'))", {}, 17532.0),
        ("number(true())", {}, 1.0),
        ("number()", {".": "7"}, 7.0),
    ],
    "int": [
        ("int(3.9)", {}, 3.0),
        ("int(-3.9)", {}, -3.0),
        ("int('12.7')", {}, 12.0),
        ("int('')", {}, NAN),
        ("int(1 div 0)", {}, math.inf),
    ],
    "sum": [
        ("sum(${r})", {"r": NodeSet(("1", "2.5", "", "x"))}, 3.5),
        ("sum(${r})", {"r": NodeSet()}, 0.0),
        ("sum(${a})", {"a": "4"}, 4.0),
    ],
    "max": [
        ("max(${r})", {"r": NodeSet(("1", "7", "", "-3"))}, 7.0),
        ("max(1, 5, 3)", {}, 5.0),
        ("max(${r})", {"r": NodeSet(("", "x"))}, NAN),
        ("max(-5, -2)", {}, -2.0),
    ],
    "min": [
        ("min(${r})", {"r": NodeSet(("1", "7", "", "-3"))}, -3.0),
        ("min(4, 2)", {}, 2.0),
        ("min('')", {}, NAN),
    ],
    "round": [
        ("round(2.5)", {}, 3.0),
        ("round(-2.5)", {}, -2.0),
        ("round(1.2345, 2)", {}, 1.23),
        ("round(1.235, 2)", {}, 1.24),
        ("round(33.33, -1)", {}, 30.0),
        ("round('')", {}, NAN),
        ("round(1 div 0)", {}, math.inf),
        ("round(1, 40)", {}, NAN),
    ],
    "pow": [
        ("pow(2, 10)", {}, 1024.0),
        ("pow(4, 0.5)", {}, 2.0),
        ("pow('', 2)", {}, NAN),
    ],
    "log": [("log(1)", {}, 0.0), ("log(0)", {}, -math.inf), ("log(-1)", {}, NAN)],
    "log10": [("log10(1000)", {}, 3.0), ("log10('x')", {}, NAN)],
    "abs": [("abs(-2.5)", {}, 2.5), ("abs('')", {}, NAN)],
    "sin": [("sin(0)", {}, 0.0)],
    "cos": [("cos(0)", {}, 1.0)],
    "tan": [("tan(0)", {}, 0.0)],
    "asin": [("asin(1)", {}, math.pi / 2), ("asin(2)", {}, NAN)],
    "acos": [("acos(1)", {}, 0.0)],
    "atan": [("atan(0)", {}, 0.0)],
    "atan2": [("atan2(1, 1)", {}, math.pi / 4)],
    "sqrt": [("sqrt(16)", {}, 4.0), ("sqrt(-1)", {}, NAN)],
    "exp": [("exp(0)", {}, 1.0)],
    "exp10": [("exp10(2)", {}, 100.0)],
    "pi": [("pi()", {}, math.pi)],
    "count": [
        ("count(${r})", {"r": NodeSet(("a", "", "c"))}, 3.0),
        ("count(${r})", {"r": NodeSet()}, 0.0),
        ("count(${a})", {"a": ""}, 1.0),
    ],
    "count-non-empty": [
        ("count-non-empty(${r})", {"r": NodeSet(("a", "", "c"))}, 2.0),
        ("count-non-empty(${r})", {"r": NodeSet()}, 0.0),
    ],
    "position": [("position()", {}, 1.0)],  # outside repeats (repeats: test_xlsforms.py)
    "today": [("today()", {}, TODAY), ("today() - date('2024-05-10')", {}, 5.0)],
    "date": [
        ("date('2018-01-01')", {}, D(2018, 1, 1)),
        ("date(0)", {}, D(1970, 1, 1)),
        ("date(17532)", {}, D(2018, 1, 1)),
        ("date(17532.9)", {}, D(2018, 1, 1)),
        ("date(-1)", {}, D(1969, 12, 31)),
        ("date('')", {}, ""),
        ("date('not a date')", {}, ""),
        ("date('2018-02-30')", {}, ""),
        ("date(today() + 1)", {}, D(2024, 5, 16)),
        ("date('2018-01-01T10:20:30')", {}, D(2018, 1, 1)),
    ],
    "date-time": [
        ("date-time('2018-01-01T10:20:30')", {}, DT(2018, 1, 1, 10, 20, 30)),
        ("date-time(0.5)", {}, DT(1970, 1, 1, 12, 0)),
        ("date-time('')", {}, ""),
    ],
    "decimal-date-time": [
        ("decimal-date-time('1970-01-02T12:00:00Z')", {}, 1.5),
        ("decimal-date-time('1970-01-01')", {}, 0.0),
        ("decimal-date-time('junk')", {}, NAN),
        ("decimal-date-time('')", {}, ""),
    ],
    "decimal-time": [
        ("decimal-time('12:00:00')", {}, 0.5),
        ("decimal-time('18:00')", {}, 0.75),
        ("decimal-time('25:00')", {}, NAN),
        ("decimal-time('')", {}, ""),
    ],
    "format-date": [
        ("format-date(date('2018-03-09'), '%Y/%m/%d')", {}, "2018/03/09"),
        ("format-date(date('2018-03-09'), '%y %n %e %b %a')", {}, "18 3 9 Mar Fri"),
        ("format-date('2018-03-09', '%d.%m.%Y')", {}, "09.03.2018"),
        ("format-date('', '%Y')", {}, ""),
        ("format-date('junk', '%Y')", {}, ""),
        ("format-date(0, '%Y-%m-%d')", {}, "1970-01-01"),
    ],
    "format-date-time": [
        ("format-date-time('2018-03-09T07:05:04.123', '%H:%M:%S.%3 %h')", {}, "07:05:04.123 7"),
    ],
    "selected": [
        ("selected(${s}, 'b')", {"s": "a b c"}, True),
        ("selected(${s}, ' b ')", {"s": "a b c"}, True),
        ("selected(${s}, 'd')", {"s": "a b c"}, False),
        ("selected(${s}, 'a b')", {"s": "a b c"}, True),  # JavaRosa matches the run
        ("selected(${s}, 'a')", {}, False),
    ],
    "count-selected": [
        ("count-selected(${s})", {"s": "a  b c"}, 3.0),
        ("count-selected(${s})", {}, 0.0),
    ],
    "selected-at": [
        ("selected-at(${s}, 0)", {"s": "a b c"}, "a"),
        ("selected-at(${s}, 2)", {"s": "a b c"}, "c"),
        ("selected-at(${s}, 3)", {"s": "a b c"}, ""),
        ("selected-at(${s}, -1)", {"s": "a b c"}, ""),
        ("selected-at(${s}, 0)", {}, ""),
    ],
    "jr:choice-name": [("jr:choice-name('x', '${s}')", {}, "x")],  # with a form: test_xlsforms.py
    "area": [
        # a 1° cell at the equator: R² × (π/180) × sin(1°) = 12,391.26 km²
        ("round(area('0 0; 0 1; 1 1; 1 0; 0 0') div 10000)", {}, 1239126.0),
        ("area('junk')", {}, NAN),
        ("area('0 0; 0 1')", {}, 0.0),
    ],
    "distance": [
        # 1° of the equator: 2π × 6,378,100 m / 360
        ("round(distance('0 0; 0 1'))", {}, 111319.0),
        ("distance(${g})", {"g": NodeSet(("0 0 0 0", "0 1 0 0"))}, pytest.approx(111318.845, abs=0.01)),
        ("distance('91 0; 0 0')", {}, NAN),
    ],
    "version": [("version()", {}, "")],
}


def _cases() -> list[tuple[str, str, dict[str, object], object]]:
    return [(name, *case) for name, cases in TABLE.items() for case in cases]


def _same(actual: object, expected: object) -> bool:
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(actual, float) and math.isnan(actual)
    if not isinstance(expected, float | bool | str | datetime.date):  # pytest.approx
        return actual == expected
    return type(actual) is type(expected) and actual == expected


@pytest.mark.parametrize(("function", "expression", "values", "expected"), _cases(),
                         ids=[f"{c[0]}: {c[1]}" for c in _cases()])
def test_function(function: str, expression: str, values: dict[str, object], expected: object) -> None:
    compiled = compile_expression(expression)
    assert function in compiled.functions or function in ("position",)
    answers = {k: v for k, v in values.items() if k != "."}
    actual = compiled.evaluate(answers, values.get("."), TODAY)
    assert _same(actual, expected), f"{expression} gave {actual!r}, expected {expected!r}"


def test_every_function_has_its_table() -> None:
    assert set(FUNCTIONS) - {"current", "indexed-repeat", "random", "uuid", "now", "enclosed-area"} <= set(TABLE)


def test_random_uuid_and_now() -> None:
    random_value = compile_expression("random()").evaluate({})
    assert isinstance(random_value, float) and 0 <= random_value < 1
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                        compile_expression("uuid()").evaluate({}))
    assert re.fullmatch(r"[A-Za-z0-9]{12}", compile_expression("uuid(12)").evaluate({}))
    assert compile_expression("uuid(0)").evaluate({}) == ""
    from mcim_desk import clock

    moment = datetime.datetime(2018, 11, 9, 23, 59, 59, 999999, tzinfo=datetime.UTC)
    with clock.frozen(moment):
        now = compile_expression("now()").evaluate({})
        assert isinstance(now, datetime.datetime) and now == moment
        assert compile_expression("string(now())").evaluate_string({}).startswith(
            now.astimezone().strftime("%Y-%m-%dT%H:%M:%S.999")
        )
        assert compile_expression("decimal-date-time(now())").evaluate({}) == pytest.approx(
            17844.9999999, abs=1e-6
        )


def test_if_and_coalesce_evaluate_only_the_branch_taken() -> None:
    # the other branch would be an error in Collect; here it must not even be looked up
    looked_up: list[str] = []

    def answers(name: str) -> str:
        looked_up.append(name)
        return "1"

    assert compile_expression("if(true(), ${a}, ${b})").evaluate(answers) == "1"
    assert compile_expression("coalesce(${c}, ${d})").evaluate(answers) == "1"
    assert looked_up == ["a", "c"]


@pytest.mark.parametrize(
    ("expression", "current", "expected"),
    [
        # ODK Collect compares a date with a string as numbers: the string is NaN
        (". >= '2018-01-01'", D(2019, 1, 1), False),
        (". < '2018-01-01'", D(2017, 1, 1), False),
        (". >= date('2018-01-01')", D(2019, 1, 1), True),
        (". >= date('2018-01-01')", D(2017, 12, 31), False),
        (". = '2018-01-01'", D(2018, 1, 1), True),  # equality compares the strings
        (". = date('2018-01-01')", D(2018, 1, 1), True),
        (". + 1 = date('2018-01-02')", D(2018, 1, 1), True),
        (". - today()", D(2024, 5, 20), 5.0),
        ("format-date(., '%Y')", D(2019, 6, 1), "2019"),
        (". > today()", DT(2024, 5, 15, 10, 0), False),  # a date-time counts whole days
    ],
)
def test_dates_behave_as_in_odk_collect(expression: str, current: object, expected: object) -> None:
    assert compile_expression(expression).evaluate({}, current, TODAY) == expected


# --- properties ---------------------------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mcim_desk.forms.expressions import ExpressionError  # noqa: E402
from mcim_desk.forms.xpath_values import to_number, to_string  # noqa: E402

_ATOMS = st.one_of(
    st.sampled_from(["${a}", "${b}", "${r}", ".", "..", "../a", "current()", "''", "'x y'",
                     "'2018-01-01'", "'2018-01-01T10:00:00+02:00'", "'12:30'", "'0 0; 0 1; 1 1; 0 0'",
                     "0", "1", "-1", "2.5", "1 div 0", "0 div 0", "true()", "false()", "today()"]),
    st.integers(-10**6, 10**6).map(str),
    st.text(alphabet="abc 1-.,é/;:#", max_size=8).map(lambda t: "'" + t.replace("'", "") + "'"),
)
_VALUES = st.dictionaries(
    st.sampled_from(["a", "b", "r"]),
    st.one_of(
        st.none(), st.text(max_size=12), st.dates().map(lambda d: d),
        st.lists(st.text(max_size=4), max_size=4).map(NodeSet),
        st.floats(allow_nan=True, allow_infinity=True).map(lambda f: NodeSet((str(f),))),
    ),
)


@st.composite
def _calls(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(sorted(FUNCTIONS)))
    low, high = FUNCTIONS[name]
    count = draw(st.integers(low, min(high if high is not None else low + 3, low + 3)))
    if name == "indexed-repeat" and count % 2 == 0:
        count += 1
    args = [draw(_ATOMS) for _ in range(count)]
    if name == "indexed-repeat":
        args = ["${a}"] + [arg if i % 2 else "${r}" for i, arg in enumerate(args[1:])]
    inner = f"{name}({', '.join(args)})"
    operator = draw(st.sampled_from(["", " + 1", " = 'x'", " < ${a}", " and ${b}"]))
    return inner + operator


@given(expression=_calls(), values=_VALUES, current=st.one_of(st.none(), st.text(max_size=6), st.dates()))
def test_every_function_takes_any_value_and_never_raises(expression: str, values: dict[str, object],
                                                        current: object) -> None:
    try:
        compiled = compile_expression(expression)
    except ExpressionError:
        return  # e.g. current() with an argument: refused when compiled, never at entry
    result = compiled.evaluate(values, current, TODAY)
    assert isinstance(result, str | float | bool | datetime.date | NodeSet)
    assert isinstance(compiled.evaluate_string(values, current, TODAY), str)
    assert isinstance(compiled.evaluate_bool(values, current, TODAY), bool)


@given(number=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_string_then_number_gives_the_number_back(number: float) -> None:
    # what a calculate stores (a string) reads back as the same number in the next expression
    text = to_string(number)
    assert to_number(text) == pytest.approx(number, rel=1e-12, abs=1e-12)


@given(day=st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_dates_round_trip_through_days_since_1970(day: datetime.date) -> None:
    days = compile_expression("number(date(${d}))").evaluate({"d": day.isoformat()})
    assert days == (day - datetime.date(1970, 1, 1)).days
    assert compile_expression("date(number(${d}))").evaluate({"d": day}) == day
    assert compile_expression("format-date(${d}, '%Y-%m-%d')").evaluate({"d": day}) == day.isoformat()
