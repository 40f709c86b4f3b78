#!/usr/bin/env python3
"""Random [Activation] definitions and their exact values: the tables of CustomPropertyTests (Reference/Random).

With a fixed seed (the output is the same bytes on every run), the script draws 40 definitions (about half of them
simple, 3 to 8 nodes, like `Fn.Sigmoid(0.9 * x - 1)`; the others nested, 10 to 20 nodes and at least 4 levels deep,
like `-2 * (x < 0 ? x : Math.Log(0.904 + Fn.Sigmoid(x + 1) * Fn.Sigmoid(x + 1)))`) from the grammar of
CUSTOM.md ("What a definition may contain") -- the parameter x, numeric literals, + - * and unary -, / only by a
denominator positive on all reals (1 + Math.Abs(E), c + E * E with c > 0, 1 + Math.Exp(E)), Math.Exp, Math.Tanh,
Math.Abs, Math.Max, Math.Min, Math.Pow(E, 2 | 3), double.ExpM1, Math.Log of positive things (1 + Math.Exp(E),
c + E * E, Fn.Sigmoid(E), 1 + Math.Abs(E)), double.LogP1 of non-negative things (Math.Abs(E), E * E, Math.Exp(E)),
Math.Sqrt(E * E + c), Fn.Sigmoid, Fn.Softplus, Fn.Erf, Fn.Erfc, and `x > c ? E1 : E2` / `x < c ? E1 : E2` (a few with
a condition on a subexpression) -- most of them shaped like real activations (arguments a * x + b, gates x * g(a * x),
the rewrite patterns of the README such as Math.Exp(E) - 1 and 1 + Math.Tanh(E)). Every definition is defined on all
reals; none has two constants combined by an operator, so C# folds no constant in it (only `-1.5`, exactly); none is
affine, takes the Max / Min of two equal arguments or has a condition with equal branches. The seed is one for which
the 40 use every construct of REQUIRED.

For each definition the script also writes its derivative, differentiated symbolically here with CUSTOM.md's kink
rules (`c ? a : b` differentiates the branch taken; Math.Max / Math.Min take b where a == b; Abs'(0) = 0), as a C#
double expression: "the naive derivative", the textbook rules written out in double without any care (quotient rule
(a'b - ab') / b^2, tanh' = 1 / cosh^2, sigma' = sigma(u) sigma(-u), erf' = 2 / sqrt(pi) e^(-u^2), |u|' = sign(u)).

Files (UTF-8, `\\n` line endings):

- `Random/random_definitions.csv`: two comment lines, the header `id;definition;derivative`, then one row per
  definition: its id (R00, R01, ...), the C# expression of the definition and that of its naive derivative, separated
  by `;` (C# expressions hold commas, never semicolons).
- `Random/random_<id>_<type>.csv` for type float and double, in the format of the other reference tables
  (README.md) with two more columns: `# definition: <the C# expression>`, `x,f,df,t,z`, one row per input x (exactly
  representable in the type; `format_x`), f(x) and f'(x) of the EXACT real function (CUSTOM.md, "What it means":
  literals are their double values, every operation exact) rounded to 30 significant digits (`format_value`: `0` /
  `-0` below 1e-1000, `Infinity` above 1e1000). A value proven to lie within +-1e-350 without being resolved to 33
  digits is written `0` (`-0` if proven negative): both element types accept an absolute error of 1e-300 there. No
  +-Infinity input. `t` and `z` are for CUSTOM.md's cancellation allowance of f' ("where f' is a sum of terms that
  nearly cancel (near a zero of f'), an absolute error of up to 8 ULP of the largest term the sum and product rules
  produce is accepted"):
  - `t`: the largest term of f' at x, to 9 digits (a scale; `0` below 1e-1000): the largest magnitude of a term of
    the naive derivative written as the sum the sum and product rules produce -- the operands of its additions and
    subtractions, with the factors of a product distributed over them and a quotient a / b taken as a * (1 / b), so
    that the terms of (a'b - ab') / b^2 are a' / b and a b' / b^2 (`term`) -- evaluated exactly at the precision of f'.
    Where f' holds no sum, `t` is |f'|.
  - `z`: where x is near a zero of f', that zero (9 digits), else `-` (`near_zeros`). x is near a zero of f' if the
    terms cancel (`t` > |f'|) at x and at every input between x and a zero of f': an input where f' is 0 (within
    1e-350), or a sign change of f' between two inputs at which |f'| tends to 0 while the terms do not (bisection,
    `cancellation_zero`; a jump of f' at a kink is not a zero). A sum that cancels only asymptotically, f' tending to
    0 faster than its terms without a zero (x / (1 + Math.Abs(0.25 * x - 1)) at large |x|), is not near a zero.

Inputs, per definition and type: +-0; 60 log-spaced magnitudes (randomly jittered) from the smallest subnormal to the
largest float (float) or to 1e50 (double, CUSTOM.md's domain), both signs; a grid over [-20, 20] with step 1/2 and 100
random values there; 10 values in each band where e^u leaves the type's range (u in +-[80, 110] float, +-[690, 760]
double); for every argument a * x + b of an exponential-like function, the x where it reaches those bands; the
thresholds of the conditions on x and the zeros of the affine arguments of Abs / Max / Min (kinks), with their
neighbours. About 300 inputs per table.

Exact values: interval arithmetic (mpmath.iv: rigorous bounds for + - * /, exp, expm1, log, log1p, sqrt; tanh and
sigma as quotients of those; erf and erfc from mpmath at 40 guard bits, widened by 2^-prec relative) at 128 bits,
doubled until the interval of f and of f' is narrower than 1e-33 relative (or lies within +-1e-350, or beyond
1e1000), up to 16384 bits; every branch condition (and the sign of an Abs argument, and Max / Min) must be decided by
the intervals or be an equality of two exact points. The values are then recomputed at twice that precision; the two
must agree to 31 digits. A candidate definition with any input where this fails is left out (the script prints it)
and the next candidate of the fixed sequence is taken. Before the tables, the symbolic derivative of every definition
is compared with a central difference of f at 12 random points of [-4, 4] (h = 1e-40, 700 bits), and the printer and
the kink rules are checked on hand-written cases.

Usage (from the repository root; needs mpmath, e.g. `apt-get install -y python3-mpmath`):

    /usr/bin/python3 tests/ActivationGen.Tests/Reference/make_random_definitions.py

About 15 s on 2 cores.
"""

import math
import multiprocessing
import os
import random
import sys
import time

from mpmath import iv, mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from make_reference import (  # noqa: E402
    DOUBLE_MIN_SUBNORMAL,
    FLOAT_MAX,
    FLOAT_MIN_SUBNORMAL,
    ZERO_CUTOFF,
    format_value,
    format_x,
    neighbours,
    unique_sorted,
)

OUT_DIR = os.path.join(HERE, "Random")
TYPES = ("float", "double")
SEED = 20250662  # chosen so that the 40 definitions use every construct (REQUIRED)
COUNT = 40  # definitions written
CANDIDATES = 60  # drawn (in a fixed order); the first COUNT that evaluate everywhere are written
REQUIRED = ("exp", "expm1", "tanh", "abs", "max", "min", "pow", "log", "log1p", "sqrt", "sig", "sp", "erf", "erfc",
            "div", "neg", "cond on x", "cond on a subexpression")
DOUBLE_LIMIT = 1e50  # the double contract's domain (CUSTOM.md, Accuracy)

START_PREC = 128
MAX_PREC = 16384
REL_WIDTH = mpf("1e-33")
TINY = mpf("1e-350")
HUGE = mpf("1e1000")

# ---------------------------------------------------------------------------
# Trees
# ---------------------------------------------------------------------------
#
# ("x",) ("c", float) ("neg", a) ("add", a, b) ("sub", a, b) ("mul", a, b) ("div", a, b) ("pow", a, n)
# ("exp", a) ("expm1", a) ("tanh", a) ("abs", a) ("log", a) ("log1p", a) ("sqrt", a)
# ("sig", a) ("sp", a) ("erf", a) ("erfc", a) ("max", a, b) ("min", a, b) ("cond", op, l, r, a, b) with op "<" or ">"
# In derivatives only: ("dsig", a) = sigma(a) sigma(-a), ("sech2", a) = 1 / cosh(a)^2,
# ("derf", a) = 2/sqrt(pi) e^(-a^2), ("sgn", a) = sign(a) (0 at 0).

X = ("x",)


def C(v):
    return ("c", float(v))


ZERO, ONE = C(0), C(1)


def size(n):
    k = n[0]
    if k in ("x", "c"):
        return 1
    if k == "pow":
        return 1 + size(n[1])
    if k == "cond":
        return 1 + size(n[2]) + size(n[3]) + size(n[4]) + size(n[5])
    return 1 + sum(size(a) for a in n[1:])


def occurrences(n):
    """How many times x occurs in n."""
    k = n[0]
    if k in ("x", "c"):
        return 1 if k == "x" else 0
    return sum(occurrences(a) for a in ([n[1]] if k == "pow" else n[2:] if k == "cond" else n[1:]))


def has_x(n):
    k = n[0]
    if k == "x":
        return True
    if k == "c":
        return False
    if k == "pow":
        return has_x(n[1])
    if k == "cond":
        return any(has_x(a) for a in n[2:])
    return any(has_x(a) for a in n[1:])


# ---------------------------------------------------------------------------
# C# text
# ---------------------------------------------------------------------------


def lit(v):
    """A C# literal of the double v (the shortest round-trip form; integers without a point)."""
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    s = repr(v)
    assert float(s) == v and "inf" not in s and "nan" not in s
    return s


CALLS = {
    "exp": "Math.Exp", "expm1": "double.ExpM1", "tanh": "Math.Tanh", "abs": "Math.Abs", "log": "Math.Log",
    "log1p": "double.LogP1", "sqrt": "Math.Sqrt", "sig": "Fn.Sigmoid", "sp": "Fn.Softplus", "erf": "Fn.Erf",
    "erfc": "Fn.Erfc", "max": "Math.Max", "min": "Math.Min",
}


def cs(n):
    """(text, precedence): 0 conditional, 1 additive, 2 multiplicative, 3 unary, 4 primary."""
    k = n[0]
    if k == "x":
        return "x", 4
    if k == "c":
        t = lit(n[1])
        return t, (3 if t.startswith("-") else 4)
    if k == "neg":
        t, p = cs(n[1])
        if p < 3 or t.startswith("-"):
            t = "(" + t + ")"
        return "-" + t, 3
    if k in ("add", "sub", "mul", "div"):
        op = {"add": "+", "sub": "-", "mul": "*", "div": "/"}[k]
        level = 1 if k in ("add", "sub") else 2
        lt, lp = cs(n[1])
        rt, rp = cs(n[2])
        if lp < level:
            lt = "(" + lt + ")"
        if rp <= level or rt.startswith("-"):
            rt = "(" + rt + ")"
        return "%s %s %s" % (lt, op, rt), level
    if k == "pow":
        return "Math.Pow(%s, %d)" % (cs(n[1])[0], n[2]), 4
    if k in ("max", "min"):
        return "%s(%s, %s)" % (CALLS[k], cs(n[1])[0], cs(n[2])[0]), 4
    if k == "cond":
        _, op, l, r, a, b = n
        parts = []
        for m in (l, r, a, b):
            t, p = cs(m)
            parts.append("(" + t + ")" if p < 1 else t)
        return "%s %s %s ? %s : %s" % (parts[0], op, parts[1], parts[2], parts[3]), 0
    if k == "dsig":
        t = cs(n[1])[0]
        return "Fn.Sigmoid(%s) * Fn.Sigmoid(%s)" % (t, cs(("neg", n[1]))[0]), 2
    if k == "sech2":
        return "1 / Math.Pow(Math.Cosh(%s), 2)" % cs(n[1])[0], 2
    if k == "derf":
        t, p = cs(n[1])
        if p < 4:
            t = "(" + t + ")"
        return "2 / Math.Sqrt(Math.PI) * Math.Exp(-%s * %s)" % (t, t), 2
    if k == "sgn":
        t, p = cs(n[1])
        if p < 2:
            t = "(" + t + ")"
        return "(%s > 0 ? 1.0 : %s < 0 ? -1.0 : 0.0)" % (t, t), 4
    return "%s(%s)" % (CALLS[k], cs(n[1])[0]), 4


def text(n):
    return cs(n)[0]


# ---------------------------------------------------------------------------
# Derivative (CUSTOM.md's kink rules)
# ---------------------------------------------------------------------------


def is_c(n, v=None):
    return n[0] == "c" and (v is None or n[1] == v)


def s_add(a, b):
    if is_c(a, 0.0):
        return b
    if is_c(b, 0.0):
        return a
    return ("add", a, b)


def s_sub(a, b):
    if is_c(b, 0.0):
        return a
    if is_c(a, 0.0):
        return s_neg(b)
    return ("sub", a, b)


def s_neg(a):
    if is_c(a, 0.0):
        return a
    if a[0] == "neg":
        return a[1]
    return ("neg", a)


def s_mul(a, b):
    if is_c(a, 0.0) or is_c(b, 0.0):
        return ZERO
    if is_c(a, 1.0):
        return b
    if is_c(b, 1.0):
        return a
    return ("mul", a, b)


def s_div(a, b):
    if is_c(a, 0.0):
        return ZERO
    return ("div", a, b)


def d(n):
    """The derivative tree of n (constants are never folded: C# would round what Python folds)."""
    k = n[0]
    if k == "x":
        return ONE
    if k == "c":
        return ZERO
    if k == "neg":
        return s_neg(d(n[1]))
    if k == "add":
        return s_add(d(n[1]), d(n[2]))
    if k == "sub":
        return s_sub(d(n[1]), d(n[2]))
    if k == "mul":
        a, b = n[1], n[2]
        return s_add(s_mul(d(a), b), s_mul(a, d(b)))
    if k == "div":
        a, b = n[1], n[2]
        da, db = d(a), d(b)
        if is_c(db, 0.0):
            return s_div(da, b)
        return s_div(s_sub(s_mul(da, b), s_mul(a, db)), ("mul", b, b))
    if k == "pow":
        a, m = n[1], n[2]
        inner = a if m == 2 else ("pow", a, m - 1)
        return s_mul(("mul", C(m), inner), d(a))
    a = n[1] if k not in ("max", "min", "cond") else None
    chain = {
        "exp": lambda: ("exp", a),
        "expm1": lambda: ("exp", a),
        "tanh": lambda: ("sech2", a),
        "sig": lambda: ("dsig", a),
        "sp": lambda: ("sig", a),
        "erf": lambda: ("derf", a),
        "erfc": lambda: ("neg", ("derf", a)),
        "abs": lambda: ("sgn", a),
    }
    if k in chain:
        da = d(a)
        outer = chain[k]()
        if is_c(da, 1.0):
            return outer
        return s_mul(outer, da)
    if k == "log":
        return s_div(d(a), a)
    if k == "log1p":
        return s_div(d(a), ("add", ONE, a))
    if k == "sqrt":
        return s_div(d(a), ("mul", C(2), ("sqrt", a)))
    if k == "max":
        return ("cond", ">", n[1], n[2], d(n[1]), d(n[2]))
    if k == "min":
        return ("cond", "<", n[1], n[2], d(n[1]), d(n[2]))
    if k == "cond":
        return ("cond", n[1], n[2], n[3], d(n[4]), d(n[5]))
    raise ValueError(k)


# ---------------------------------------------------------------------------
# Exact evaluation: interval arithmetic
# ---------------------------------------------------------------------------


class Undecided(Exception):
    """A condition (or sign) the intervals cannot decide at this precision."""


def lo(v):
    return mp.make_mpf(v._mpi_[0])


def hi(v):
    return mp.make_mpf(v._mpi_[1])


def is_point(v):
    return v._mpi_[0] == v._mpi_[1]


def interval(a, b):
    return iv.mpf((a, b))


def monotone(fn, v, increasing, clamp):
    """fn over the interval v from its endpoints, computed by mpmath with 40 guard bits and widened by 2^-prec."""
    prec = iv.prec
    with mp.workprec(prec + 40):
        ya, yb = fn(lo(v)), fn(hi(v))
    if not increasing:
        ya, yb = yb, ya
    eps = mpf(2) ** -prec
    ya, yb = ya - abs(ya) * eps, yb + abs(yb) * eps
    ya, yb = max(ya, mpf(clamp[0])), min(yb, mpf(clamp[1]))
    return interval(ya, yb)


def tanh_point(u):
    """tanh of an exact mpf u with an interval result (expm1(2u) / (expm1(2u) + 2) for u >= 0, odd)."""
    if u < 0:
        return -tanh_point(-u)
    t = iv.expm1(2 * iv.mpf(u))
    return t / (t + 2)


def iv_tanh(v):
    a, b = tanh_point(lo(v)), tanh_point(hi(v))
    return interval(max(lo(a), mpf(-1)), min(hi(b), mpf(1)))


def iv_sig(v):
    # monotone; v occurs once, so the interval formula is tight
    return 1 / (1 + iv.exp(-v))


def compare(op, l, r):
    """l op r for intervals, or Undecided. Two equal exact points are equal."""
    if is_point(l) and is_point(r) and lo(l) == lo(r):
        return False
    if op == ">":
        if lo(l) > hi(r):
            return True
        if hi(l) <= lo(r):
            return False
    else:
        if hi(l) < lo(r):
            return True
        if lo(l) >= hi(r):
            return False
    raise Undecided()


def ev(n, x, memo):
    key = id(n)
    if key in memo:
        return memo[key][1]
    v = ev1(n, x, memo)
    memo[key] = (n, v)  # keeps n alive so that id(n) is not reused
    return v


def ev1(n, x, memo):
    k = n[0]
    if k == "x":
        return x
    if k == "c":
        return iv.mpf(n[1])
    if k == "cond":
        _, op, l, r, a, b = n
        return ev(a if compare(op, ev(l, x, memo), ev(r, x, memo)) else b, x, memo)
    if k in ("max", "min"):
        a, b = ev(n[1], x, memo), ev(n[2], x, memo)
        # the value is continuous: exact bounds without deciding the branch
        if k == "max":
            return interval(max(lo(a), lo(b)), max(hi(a), hi(b)))
        return interval(min(lo(a), lo(b)), min(hi(a), hi(b)))
    if k == "pow":
        return ev(n[1], x, memo) ** n[2]
    if k == "sub" and n[1][0] == "exp" and is_c(n[2], 1.0):  # e^u - 1, without the cancellation
        return iv.expm1(ev(n[1][1], x, memo))
    if k == "sub" and n[2][0] == "exp" and is_c(n[1], 1.0):  # 1 - e^u
        return -iv.expm1(ev(n[2][1], x, memo))
    if k in ("add", "sub") and is_c(n[1], 1.0) and n[2][0] in ("tanh", "erf"):
        # 1 +- tanh(u) = 2 sigma(+-2u), 1 +- erf(u) = erfc(-+u): strictly positive, without the cancellation
        u = ev(n[2][1], x, memo)
        if k == "add":
            u = -u
        return 2 * iv_sig(-2 * u) if n[2][0] == "tanh" else monotone(mp.erfc, u, False, (0, 2))
    if k == "log":
        a = n[1]
        if a[0] == "add" and is_c(a[1], 1.0):  # ln(1 + u) = log1p(u): 1 + Math.Exp(E), 1 + Math.Abs(E)
            return iv.log1p(ev(a[2], x, memo))
        if a[0] == "sig":  # ln(sigma(u)) = -log1p(e^-u)
            return -iv.log1p(iv.exp(-ev(a[1], x, memo)))
        if a[0] == "add" and a[1][0] == "c":  # ln(c + E^2) = ln(c) + log1p(E^2 / c)
            c = iv.mpf(a[1][1])
            return iv.log(c) + iv.log1p(ev(a[2], x, memo) / c)
        return iv.log(ev(a, x, memo))
    if k in ("add", "sub", "mul", "div"):
        a, b = ev(n[1], x, memo), ev(n[2], x, memo)
        if k == "add":
            return a + b
        if k == "sub":
            return a - b
        if k == "mul":
            if n[1] is n[2]:  # E * E: the square, not a product of two independent intervals
                return a ** 2
            return a * b
        assert lo(b) > 0, ("denominator", text(n))
        return a / b
    a = ev(n[1], x, memo)
    if k == "neg":
        return -a
    if k == "exp":
        return iv.exp(a)
    if k == "expm1":
        return iv.expm1(a)
    if k == "log1p":
        assert lo(a) >= 0, ("log1p", text(n))
        return iv.log1p(a)
    if k == "sqrt":
        assert lo(a) > 0, ("sqrt", text(n))
        return iv.sqrt(a)
    if k == "tanh":
        return iv_tanh(a)
    if k == "abs":
        return abs(a)
    if k == "sig":
        return iv_sig(a)
    if k == "sp":
        return iv.log1p(iv.exp(a))
    if k == "erf":
        return monotone(mp.erf, a, True, (-1, 1))
    if k == "erfc":
        return monotone(mp.erfc, a, False, (0, 2))
    if k == "dsig":
        return iv_sig(a) * iv_sig(-a)
    if k == "sech2":
        return 4 * iv_sig(2 * a) * iv_sig(-2 * a)
    if k == "derf":
        return 2 / iv.sqrt(iv.pi) * iv.exp(-(a ** 2))
    if k == "sgn":
        if is_point(a) and lo(a) == 0:
            return iv.mpf(0)
        if lo(a) > 0:
            return iv.mpf(1)
        if hi(a) < 0:
            return iv.mpf(-1)
        raise Undecided()
    raise ValueError(k)


# ---------------------------------------------------------------------------
# The largest term of f' (CUSTOM.md's cancellation allowance)
# ---------------------------------------------------------------------------


def iv_max(a, b):
    return interval(max(lo(a), lo(b)), max(hi(a), hi(b)))


def term(n, x, memo):
    """An interval of the largest magnitude of a term of d(n) at x: d(n) written as the sum of the terms the sum and
    product rules produce (the operands of its additions and subtractions, the factors of a product distributed over
    them; a quotient a / b as a * (1 / b), its two terms a' / b and a b' / b^2), evaluated exactly. Mirrors d(): x
    gives 1, a constant 0; (a +- b)' max(T(a), T(b)); (a b)' max(T(a) |b|, |a| T(b)); (a / b)' max(T(a) / |b|,
    |a| T(b) / b^2); a chain rule g(a)' |g'(a)| T(a); a condition (or Max / Min) the branch d() takes. Where d(n)
    holds no sum the result is |d(n)|; |d(n)| is at most the number of occurrences of x in n times the result (one
    term per occurrence). Magnitudes only, no cancellation: a moderate precision gives a narrow interval. Uses (and
    fills) the memo of ev()."""
    key = ("term", id(n))
    if key in memo:
        return memo[key][1]
    v = term1(n, x, memo)
    memo[key] = (n, v)
    return v


def term1(n, x, memo):
    k = n[0]
    if k == "x":
        return iv.mpf(1)
    if k == "c":
        return iv.mpf(0)
    if k == "neg":
        return term(n[1], x, memo)
    if k in ("add", "sub"):
        return iv_max(term(n[1], x, memo), term(n[2], x, memo))
    if k == "mul":
        a, b = n[1], n[2]
        return iv_max(term(a, x, memo) * abs(ev(b, x, memo)), abs(ev(a, x, memo)) * term(b, x, memo))
    if k == "div":
        a, b = n[1], n[2]
        vb = abs(ev(b, x, memo))
        ta = term(a, x, memo) / vb
        if is_c(d(b), 0.0):
            return ta
        return iv_max(ta, abs(ev(a, x, memo)) * term(b, x, memo) / vb ** 2)
    if k == "pow":
        a, m = n[1], n[2]
        return m * abs(ev(a, x, memo)) ** (m - 1) * term(a, x, memo)
    if k in ("max", "min"):
        a, b = n[1], n[2]
        return term(a if compare(">" if k == "max" else "<", ev(a, x, memo), ev(b, x, memo)) else b, x, memo)
    if k == "cond":
        _, op, l, r, a, b = n
        return term(a if compare(op, ev(l, x, memo), ev(r, x, memo)) else b, x, memo)
    a = n[1]
    ta = term(a, x, memo)
    if k == "log":
        return ta / abs(ev(a, x, memo))
    if k == "log1p":
        return ta / (1 + ev(a, x, memo))
    if k == "sqrt":
        return ta / (2 * ev(n, x, memo))
    outer = {"exp": "exp", "expm1": "exp", "tanh": "sech2", "sig": "dsig", "sp": "sig", "erf": "derf", "erfc": "derf",
             "abs": "sgn"}[k]
    return abs(ev((outer, a), x, memo)) * ta


def terms_at(tree, dtree, x, prec):
    """(f' interval, largest-term interval) at the exact x, at prec bits (raises Undecided)."""
    iv.prec = prec
    memo = {}
    xi = iv.mpf(x)
    return ev(dtree, xi, memo), term(tree, xi, memo)


def sign(v):
    """+1, -1, or 0 where the interval holds 0."""
    return 1 if lo(v) > 0 else -1 if hi(v) < 0 else 0


def at_any_prec(fn, *args):
    """fn(*args, prec) at the first precision from START_PREC that decides every condition."""
    prec = START_PREC
    while True:
        try:
            return fn(*args, prec)
        except Undecided:
            prec *= 2
            if prec > MAX_PREC:
                raise


def format_term(v):
    """A largest term (an interval, never negative) to 9 digits: only its magnitude matters."""
    m = (lo(v) + hi(v)) / 2
    if m < ZERO_CUTOFF:
        return "0"
    if m > HUGE:
        return "Infinity"
    return mp.nstr(m, 9, min_fixed=-4, max_fixed=16)


def cancellation_zero(tree, dtree, a, b, sa):
    """A zero of f' strictly between a and b (f' of sign sa at a, of the opposite sign at b) at which the terms cancel,
    or None.

    Bisection (exact points of 256 bits) down to a bracket 2^-80 as wide as |a| + |b|; the sign change is a zero if at
    both ends of that bracket |f'| is below 2^-40 of the largest term (a jump of f' at a kink is not a zero: there |f'|
    stays large on one side; nor is a zero of a product with no cancellation, where |f'| is the largest term)."""
    with mp.workprec(256):
        a, b = mpf(a), mpf(b)
        fa = at_any_prec(terms_at, tree, dtree, a)
        fb = at_any_prec(terms_at, tree, dtree, b)
        limit = (abs(a) + abs(b)) * mpf(2) ** -80
        for _ in range(400):
            if b - a <= limit:
                break
            m = (a + b) / 2
            fm = at_any_prec(terms_at, tree, dtree, m)
            sm = sign(fm[0])
            if sm == 0:
                return m if hi(fm[1]) > 0 else None
            if sm == sa:
                a, fa = m, fm
            else:
                b, fb = m, fm
        small = mpf(2) ** -40
        if all(max(abs(lo(v)), abs(hi(v))) <= small * lo(t) for v, t in (fa, fb)):
            return (a + b) / 2
        return None


def near_zeros(tree, dtree, xs, signs, cancels):
    """For each input, the zero of f' whose cancellation region holds it, or None.

    An input where the terms cancel (cancels: the largest term exceeds |f'|) is near a zero of f' if its run -- the
    consecutive inputs where the terms cancel -- holds an input where f' is 0 (within 1e-350), or a zero at which the
    terms cancel lies between two inputs of the run or just beside it (cancellation_zero). Of the zeros of its run the
    nearest is given. So a sum that cancels only asymptotically (f' tends to 0 faster than its terms, as for
    x / (1 + Math.Abs(x)) at large |x|) is not near a zero."""
    out = [None] * len(xs)
    i = 0
    while i < len(xs):
        if not cancels[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(xs) and cancels[j + 1]:
            j += 1
        zeros = [mpf(xs[k]) for k in range(i, j + 1) if signs[k] == 0]
        for k in range(max(i - 1, 0), min(j + 1, len(xs) - 1)):
            if signs[k] * signs[k + 1] < 0:
                z = cancellation_zero(tree, dtree, xs[k], xs[k + 1], signs[k])
                if z is not None:
                    zeros.append(z)
        if zeros:
            for k in range(i, j + 1):
                out[k] = min(zeros, key=lambda z: abs(z - mpf(xs[k])))
        i = j + 1
    return out


def resolved(v):
    """The value as a string if the interval fixes it, else None."""
    with mp.workprec(max(iv.prec, 256) + 64):
        return resolved_at(lo(v), hi(v))


def resolved_at(a, b):
    if a == b:
        return format_value(a) if a != 0 else "0"
    if (a > 0 or b < 0) and (b - a) <= REL_WIDTH * min(abs(a), abs(b)):
        return format_value((a + b) / 2)
    if a > HUGE:
        return "Infinity"
    if b < -HUGE:
        return "-Infinity"
    if -TINY <= a and b <= TINY:
        return "-0" if b <= 0 else "0"
    return None


def evaluate_at(trees, x, prec):
    """The interval values of the trees at the exact x, at prec bits (raises Undecided)."""
    iv.prec = prec
    memo = {}
    xi = iv.mpf(x)
    return [ev(t, xi, memo) for t in trees]


def exact_values(trees, x, prec=START_PREC):
    """(strings, prec): each tree's exact value at x, or (None, prec) if not resolved at MAX_PREC (from prec up)."""
    while prec <= 2 * MAX_PREC:
        try:
            vals = evaluate_at(trees, x, prec)
        except Undecided:
            vals = None
        if vals is not None:
            out = [resolved(v) for v in vals]
            if all(o is not None for o in out):
                return out, prec
        prec *= 2
    return None, prec


def agree(s, t):
    """Two value strings agree to 31 digits (or are the same zero / infinity)."""
    if s == t:
        return True
    if s in ("0", "-0") and t in ("0", "-0"):
        return True
    if s in ("Infinity", "-Infinity") or t in ("Infinity", "-Infinity"):
        return False
    with mp.workdps(60):
        a, b = mpf(s), mpf(t)
        if abs(a) < TINY and abs(b) < TINY:
            return True
        return abs(a - b) <= mpf("1e-29") * max(abs(a), abs(b))


# ---------------------------------------------------------------------------
# Random definitions
# ---------------------------------------------------------------------------

NICE = [0.5, 1.5, 2.0, 3.0, 0.25, 0.1, 1.702, 0.044715, 0.7978845608, 1.0507, 0.2, 4.0, 0.8, 1.2]


def coef(rng, lo_=0.1, hi_=3.0):
    if rng.random() < 0.5:
        return rng.choice(NICE)
    return round(rng.uniform(lo_, hi_), rng.choice((1, 2, 3)))


def offset(rng):
    v = rng.choice((0.5, 1.0, 2.0, 3.0)) if rng.random() < 0.4 else round(rng.uniform(0.1, 4.0), rng.choice((1, 2)))
    return v if rng.random() < 0.5 else -v


def plus_const(e, b):
    """e + b written with a positive literal."""
    return ("add", e, C(b)) if b >= 0 else ("sub", e, C(-b))


def lin(rng):
    """An affine argument: x, a * x, x + b, a * x + b, a * (x - b)."""
    r = rng.random()
    a = coef(rng)
    if rng.random() < 0.25:
        a = -a
    if r < 0.2:
        return X
    if r < 0.45:
        return ("mul", C(a), X)
    if r < 0.6:
        return plus_const(X, offset(rng))
    if r < 0.85:
        return plus_const(("mul", C(a), X), offset(rng))
    return ("mul", C(abs(a)), plus_const(X, offset(rng)))


def growth(n):
    """(polynomial degree bound, grows exponentially) of |n| as |x| -> infinity."""
    k = n[0]
    if k == "x":
        return 1, False
    if k == "c":
        return 0, False
    if k in ("tanh", "sig", "erf", "erfc", "dsig", "sech2", "derf", "sgn"):
        return 0, False
    if k in ("exp", "expm1"):
        return 1, True
    if k == "mul":
        (d1, e1), (d2, e2) = growth(n[1]), growth(n[2])
        return d1 + d2, e1 or e2
    if k == "pow":
        g, e = growth(n[1])
        return g * n[2], e
    if k == "div":
        return growth(n[1])
    if k == "log":
        a = n[1]
        if a[0] == "add" and a[2][0] == "exp":  # ln(1 + e^E) ~ E
            return growth(a[2][1])
        return 1, False
    if k == "log1p":
        if n[1][0] == "exp":
            return growth(n[1][1])
        return 1, False
    if k == "sqrt":
        return growth(n[1][1][1])  # sqrt(E * E + c) ~ |E|
    if k == "cond":
        parts = [growth(n[4]), growth(n[5])]
    else:
        parts = [growth(a) for a in n[1:]]
    return max(p[0] for p in parts), any(p[1] for p in parts)


def tame(n):
    """n may be the argument of an exponential-like function (no exponential growth, degree <= 3)."""
    g, e = growth(n)
    return not e and g <= 3


def arg(rng, budget):
    """An argument of an exponential-like function: mostly affine."""
    if budget < 4 or rng.random() < 0.7:
        return lin(rng)
    for _ in range(20):
        e = gen(rng, budget)
        if tame(e):
            return e
    return lin(rng)


def gate(rng, budget):
    """x * g(a x + b): the gated activations (swish, GELU and their kin)."""
    left = X if rng.random() < 0.6 else (lin(rng) if rng.random() < 0.7 else gen(rng, max(budget // 2, 2)))
    u = arg(rng, budget // 2)
    r = rng.random()
    if r < 0.35:
        g = ("sig", u)
    elif r < 0.55:
        g = ("mul", C(0.5), ("add", ONE, ("tanh", u)))
    elif r < 0.7:
        g = ("mul", C(0.5), ("add", ONE, ("erf", u)))
    elif r < 0.8:
        g = ("erfc", u)
    elif r < 0.9:
        g = ("tanh", ("sp", u))
    else:
        g = ("div", ONE, ("add", ONE, ("exp", negated(u))))
    return ("mul", left, g)


def negated(u):
    """-u, written -a * x where u is a * x."""
    if u[0] == "mul" and u[1][0] == "c":
        return ("mul", C(-u[1][1]), u[2])
    return ("neg", u)


def atom(rng):
    """A small activation-like expression (3 to 8 nodes)."""
    u = lin(rng)
    r = rng.random()
    if r < 0.12:
        return ("mul", X, ("sig", u))
    if r < 0.22:
        return ("tanh", u)
    if r < 0.32:
        return ("sig", u)
    if r < 0.4:
        return ("erf", u)
    if r < 0.46:
        return ("erfc", u)
    if r < 0.54:
        return ("sp", u)
    if r < 0.62:
        return ("exp", ("neg", ("abs", u)) if rng.random() < 0.5 else ("neg", ("pow", u, 2)))
    if r < 0.68:
        return ("expm1", ("neg", ("abs", u)))
    if r < 0.76:
        return ("mul", X, ("tanh", u))
    if r < 0.84:
        return ("pow", u, rng.choice((2, 3)))
    if r < 0.92:
        return ("max", u, ZERO) if rng.random() < 0.5 else ("min", u, X)
    return ("div", X, ("add", ONE, ("abs", u)))


def gen(rng, budget):
    """A random well-formed expression of about budget nodes."""
    if budget <= 2:
        return X
    if budget <= 5:
        return lin(rng) if rng.random() < 0.5 else atom(rng)
    choices = [
        ("gate", 3), ("unary", 5), ("scale", 2), ("sum", 3), ("prod", 2), ("div", 4), ("log", 3), ("logp1", 2),
        ("sqrt", 2), ("maxmin", 3), ("cond", 5), ("rewrite", 4), ("subcond", 2),
    ]
    total = sum(w for _, w in choices)
    r = rng.uniform(0, total)
    for what, w in choices:
        r -= w
        if r <= 0:
            break
    sub = budget - 2
    if what == "gate":
        return gate(rng, budget)
    if what == "unary":
        f = rng.choice(("exp", "expm1", "tanh", "sig", "sp", "erf", "erfc", "abs", "pow2", "pow3", "tanh", "sig"))
        if f in ("abs", "pow2", "pow3"):
            e = gen(rng, sub)
            if f == "abs":
                return ("abs", e)
            return ("pow", e, 2 if f == "pow2" else 3)
        u = arg(rng, sub)
        if f in ("exp", "expm1") and rng.random() < 0.6:
            # keep the exponential bounded on one side, as activations do
            u = ("neg", ("abs", u)) if rng.random() < 0.3 else ("neg", ("pow", u, 2))
        return (f, u)
    if what == "scale":
        return ("mul", C(coef(rng) * (1 if rng.random() < 0.8 else -1)), gen(rng, sub))
    if what == "sum":
        a = gen(rng, sub // 2 + 1)
        if rng.random() < 0.3:
            return plus_const(a, offset(rng))
        b = gen(rng, sub // 2 + 1)
        return ("add" if rng.random() < 0.6 else "sub", a, b)
    if what == "prod":
        a = X if rng.random() < 0.5 else gen(rng, sub // 2)
        return ("mul", a, gen(rng, sub // 2 + 1))
    if what == "div":
        num = X if rng.random() < 0.5 else gen(rng, sub // 2)
        r = rng.random()
        if r < 0.35:
            den = ("add", ONE, ("abs", lin(rng) if rng.random() < 0.7 else gen(rng, sub // 2)))
        elif r < 0.7:
            e = lin(rng) if rng.random() < 0.7 else gen(rng, sub // 2)
            den = ("add", C(coef(rng, 0.5, 4.0)), ("mul", e, e))
        else:
            den = ("add", ONE, ("exp", arg(rng, sub // 2)))
        return ("div", num, den)
    if what == "log":
        r = rng.random()
        if r < 0.4:
            return ("log", ("add", ONE, ("exp", arg(rng, sub))))
        if r < 0.6:
            e = gen(rng, sub // 2)
            return ("log", ("add", C(coef(rng, 0.5, 4.0)), ("mul", e, e)))
        if r < 0.8:
            return ("log", ("sig", arg(rng, sub)))
        return ("log", ("add", ONE, ("abs", gen(rng, sub))))
    if what == "logp1":
        r = rng.random()
        if r < 0.35:
            return ("log1p", ("abs", gen(rng, sub)))
        if r < 0.7:
            e = gen(rng, sub // 2)
            return ("log1p", ("mul", e, e))
        return ("log1p", ("exp", arg(rng, sub)))
    if what == "sqrt":
        e = lin(rng) if rng.random() < 0.6 else gen(rng, sub // 2)
        s = ("sqrt", ("add", ("mul", e, e), C(coef(rng, 0.5, 4.0))))
        if rng.random() < 0.5:  # squareplus
            return ("mul", C(0.5), ("add", e, s))
        return s
    if what == "maxmin":
        a = gen(rng, sub // 2 + 1)
        b = C(rng.choice((0.0, 0.0, offset(rng)))) if rng.random() < 0.5 else gen(rng, sub // 2)
        if not has_x(a) and not has_x(b):
            b = X
        return ("max" if rng.random() < 0.6 else "min", a, b)
    if what == "cond":
        c = rng.choice((0.0, 0.0, 0.0, offset(rng)))
        a, b = gen(rng, sub // 2), gen(rng, sub // 2)
        if rng.random() < 0.3:  # ELU-like: the identity on one side
            a = X
        return ("cond", rng.choice((">", "<")), X, C(c), a, b)
    if what == "rewrite":
        u = arg(rng, sub)
        r = rng.random()
        if r < 0.35:
            e = ("sub", ("exp", u), ONE)  # e^u - 1
            if rng.random() < 0.5:
                e = ("mul", C(coef(rng)), e)
            return ("cond", ">", X, ZERO, X, e)
        if r < 0.55:
            return ("sub", ONE, ("exp", ("neg", ("abs", u))))  # 1 - e^u
        if r < 0.8:
            return ("mul", X, ("add", ONE, ("tanh", u)))
        return ("mul", X, ("sub", ONE, ("erf", u)))
    # a condition on a subexpression
    g = rng.choice((("tanh", lin(rng)), ("sig", lin(rng)), ("mul", X, X), ("exp", lin(rng)), ("abs", lin(rng))))
    c = {"tanh": 0.5, "sig": 0.25, "mul": 2.0, "exp": 1.5, "abs": 1.0}[g[0]]
    a, b = gen(rng, sub // 2), gen(rng, sub // 2)
    return ("cond", rng.choice((">", "<")), g, C(c), a, b)


def well_formed(n):
    """The grammar's side conditions (checked again, independently of the way gen builds trees)."""
    k = n[0]
    if k in ("x", "c"):
        return True
    if k in ("add", "sub", "mul", "div", "max", "min"):
        if not has_x(n[1]) and not has_x(n[2]):
            return False  # two constants: C# would fold them
    if k == "div":
        den = n[2]
        ok = (den[0] == "add" and den[1][0] == "c" and den[1][1] > 0 and
              ((den[1][1] == 1 and den[2][0] in ("abs", "exp")) or
               (den[2][0] == "mul" and den[2][1] == den[2][2])))
        if not ok:
            return False
    if k in ("exp", "expm1", "tanh", "sig", "sp", "erf", "erfc") and not tame(n[1]):
        return False
    if k == "log":
        a = n[1]
        ok = a[0] == "sig" or (a[0] == "add" and a[1][0] == "c" and a[1][1] > 0 and (
            (a[1][1] == 1 and a[2][0] in ("exp", "abs")) or (a[2][0] == "mul" and a[2][1] == a[2][2])))
        if not ok:
            return False
    if k == "log1p" and not (n[1][0] in ("abs", "exp") or (n[1][0] == "mul" and n[1][1] == n[1][2])):
        return False
    if k == "sqrt":
        a = n[1]
        if not (a[0] == "add" and a[2][0] == "c" and a[2][1] > 0 and a[1][0] == "mul" and a[1][1] == a[1][2]):
            return False
    if k == "pow":
        return n[2] in (2, 3) and well_formed(n[1])
    if k == "cond":
        return n[1] in ("<", ">") and all(well_formed(m) for m in n[2:]) and not (has_x(n[3]))
    return all(well_formed(m) for m in n[1:])


def depth(n):
    k = n[0]
    if k in ("x", "c"):
        return 0
    kids = [n[1]] if k == "pow" else n[2:] if k == "cond" else n[1:]
    return 1 + max(depth(a) for a in kids)


def nontrivial(n):
    """Not affine; some call, condition, quotient, power or product of two non-constants; no Max / Min of equal
    arguments nor a condition with equal branches."""
    if affine(n) is not None:
        return False

    def walk(m):
        k = m[0]
        if k in ("x", "c"):
            return
        if k in ("max", "min") and text(m[1]) == text(m[2]):
            raise ValueError
        if k == "cond" and text(m[4]) == text(m[5]):
            raise ValueError
        for a in ([m[1]] if k == "pow" else m[2:] if k == "cond" else m[1:]):
            walk(a)

    try:
        walk(n)
    except ValueError:
        return False
    return True


def candidates():
    """CANDIDATES distinct definitions: about 55% simple (3 to 8 nodes), the others nested (10 to 20 nodes, at least 4
    calls or operators deep)."""
    rng = random.Random(SEED)
    out, seen = [], set()
    while len(out) < CANDIDATES:
        simple = rng.random() < 0.55
        lo_, hi_ = (3, 8) if simple else (10, 20)
        for _ in range(400):
            t = gen(rng, rng.randint(lo_, hi_) + (0 if simple else 4))
            if (lo_ <= size(t) <= hi_ and (simple or depth(t) >= 4) and nontrivial(t) and well_formed(t)
                    and growth(t)[0] <= 9):
                break
        else:
            continue
        s = text(t)
        if s in seen:
            continue
        seen.add(s)
        out.append(t)
    return out


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------


def affine(n):
    """(a, b) if n is a * x + b (approximately, as floats), else None."""
    k = n[0]
    if k == "x":
        return 1.0, 0.0
    if k == "c":
        return 0.0, n[1]
    if k == "neg":
        r = affine(n[1])
        return None if r is None else (-r[0], -r[1])
    if k in ("add", "sub"):
        p, q = affine(n[1]), affine(n[2])
        if p is None or q is None:
            return None
        s = 1 if k == "add" else -1
        return p[0] + s * q[0], p[1] + s * q[1]
    if k == "mul":
        p, q = affine(n[1]), affine(n[2])
        if p is None or q is None or (p[0] != 0 and q[0] != 0):
            return None
        return p[0] * q[1] + q[0] * p[1], p[1] * q[1]
    return None


def special_inputs(n, typ, out):
    """Kinks (condition thresholds on x, zeros of affine Abs / Max / Min arguments) and where affine arguments of
    exponential-like functions leave the type's range."""
    k = n[0]
    if k in ("x", "c"):
        return
    kids = [n[1]] if k == "pow" else list(n[2:]) if k == "cond" else list(n[1:])
    for m in kids:
        special_inputs(m, typ, out)
    roots = []
    if k == "cond" and n[2] == X:
        roots.append(n[3][1])
    if k == "abs":
        r = affine(n[1])
        if r and r[0] != 0:
            roots.append(-r[1] / r[0])
    if k in ("max", "min"):
        p, q = affine(n[1]), affine(n[2])
        if p and q and p[0] != q[0]:
            roots.append((q[1] - p[1]) / (p[0] - q[0]))
    limit = FLOAT_MAX if typ == "float" else DOUBLE_LIMIT
    for r in roots:
        if abs(r) <= limit:
            out += neighbours(r, typ, 1)
    if k in ("exp", "expm1", "sig", "sp", "tanh", "erf", "erfc"):
        r = affine(n[1])
        if r and r[0] != 0:
            bands = (87.0, 88.5, 89.0, 103.5, 104.5, 110.0) if typ == "float" else (
                700.0, 708.4, 709.9, 744.0, 745.2, 760.0)
            for t in bands:
                for u in (t, -t):
                    out.append((u - r[1]) / r[0])


def make_inputs(idx, tree, typ):
    rng = random.Random(SEED * 1000 + idx * 2 + (0 if typ == "float" else 1))
    raw = [0.0, -0.0]
    if typ == "float":
        small, big = FLOAT_MIN_SUBNORMAL, FLOAT_MAX
        band = (80.0, 110.0)
    else:
        small, big = DOUBLE_MIN_SUBNORMAL, DOUBLE_LIMIT
        band = (690.0, 760.0)
    a, b = math.log10(small), math.log10(big)
    for i in range(60):
        m = 10.0 ** (a + (b - a) * min((i + rng.random()) / 60, 1.0))
        m = min(max(m, small), big)
        raw += [m, -m]
    raw += [big, -big, small, -small]
    raw += [i / 2 for i in range(-40, 41)]
    raw += [rng.uniform(-20.0, 20.0) for _ in range(100)]
    for _ in range(10):
        v = rng.uniform(*band)
        raw += [v, -v]
    special_inputs(tree, typ, raw)
    xs = unique_sorted([v for v in raw if math.isfinite(v)], typ)
    if typ == "double":
        xs = [x for x in xs if abs(x) <= DOUBLE_LIMIT]
    return xs


# ---------------------------------------------------------------------------
# Self-tests
# ---------------------------------------------------------------------------


def mid_value(tree, x, prec):
    v = evaluate_at([tree], x, prec)[0]
    return (lo(v) + hi(v)) / 2


def check_derivative(idx, tree, dtree):
    """The derivative tree against a central difference of f at 12 random points of [-4, 4]."""
    rng = random.Random(SEED + idx)
    h = mpf("1e-40")
    with mp.workprec(800):
        for _ in range(12):
            x0 = mpf(round(rng.uniform(-4, 4), 6)) + mpf("1e-7") * mpf(rng.random())
            try:
                fp = mid_value(tree, x0 + h, 700)
                fm = mid_value(tree, x0 - h, 700)
                dv = mid_value(dtree, x0, 700)
            except Undecided:
                continue
            num = (fp - fm) / (2 * h)
            assert abs(num - dv) <= mpf("1e-25") * max(abs(dv), 1), (
                "derivative", "R%02d" % idx, text(tree), float(x0), num, dv)


def exact_string(tree, x):
    return exact_values([tree], mpf(x))[0][0]


def self_test():
    """The kink rules and the printer on hand-written cases."""
    cases = [
        # (tree, text, x, f', ...)
        (("cond", ">", X, ZERO, X, ("mul", C(0.5), ("sub", ("exp", X), ONE))),
         "x > 0 ? x : 0.5 * (Math.Exp(x) - 1)", 0.0, "0.5"),
        (("max", X, ZERO), "Math.Max(x, 0)", 0.0, "0"),
        (("min", X, ZERO), "Math.Min(x, 0)", 0.0, "0"),
        (("max", ZERO, X), "Math.Max(0, x)", 0.0, "1.0"),
        (("div", X, ("add", ONE, ("abs", X))), "x / (1 + Math.Abs(x))", 0.0, "1.0"),
        (("abs", ("sub", ("mul", C(2), X), ONE)), "Math.Abs(2 * x - 1)", 0.5, "0"),
        (("neg", ("neg", X)), "-(-x)", 1.0, "1.0"),
        (("sub", X, ("sub", X, C(1.5))), "x - (x - 1.5)", 1.0, "0"),
        (("mul", C(-1.5), X), "-1.5 * x", 1.0, "-1.5"),
        (("div", X, ("add", C(2.0), ("mul", ("sub", X, ONE), ("sub", X, ONE)))), None, 1.0, None),
    ]
    for tree, txt, x, df in cases:
        if txt is not None:
            assert text(tree) == txt, (text(tree), txt)
        if df is not None:
            got = exact_string(d(tree), x)
            assert got == df, (txt, x, got, df)
    # the derivative of x / (2 + (x - 1)^2) at 1: (b - a b') / b^2 = (2 - 0) / 4
    t = cases[-1][0]
    assert exact_string(d(t), 1.0) == "0.5"
    # exact constants: 0.1 * x at x = 3 is 3 times the double 0.1
    assert exact_string(("mul", C(0.1), X), 3.0) == format_value(mpf(0.1) * 3)


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def build(task):
    """Both tables of one candidate; None if some input cannot be evaluated."""
    idx, tree = task
    dtree = d(tree)
    check_derivative(idx, tree, dtree)
    tables = {}
    worst_prec = 0
    for typ in TYPES:
        rows, signs, cancels, terms = [], [], [], []
        xs = make_inputs(idx, tree, typ)
        for x in xs:
            vals, prec = exact_values([tree, dtree], mpf(x))
            if vals is None or prec > MAX_PREC:
                return idx, None, "not resolved at x = %r (%s)" % (x, typ)
            with_more, _ = exact_values([tree, dtree], mpf(x), 2 * prec)
            if with_more is None:
                return idx, None, "not resolved at x = %r (%s) from %d bits" % (x, typ, 2 * prec)
            for s, t in zip(vals, with_more):
                if not agree(s, t):
                    return idx, None, "unstable at x = %r (%s): %s vs %s" % (x, typ, s, t)
            worst_prec = max(worst_prec, prec)
            dv, t = terms_at(tree, dtree, mpf(x), prec)
            with mp.workprec(prec + 64):
                # one term per occurrence of x: |f'| is at most their number times the largest
                assert hi(t) * occurrences(tree) >= min(abs(lo(dv)), abs(hi(dv))) * (1 - mpf(2) ** -60), (
                    "term", idx, x)
                cancels.append(lo(t) > max(abs(lo(dv)), abs(hi(dv))))
            signs.append(sign(dv))
            terms.append(format_term(t))
            rows.append("%s,%s,%s" % (format_x(x, typ), vals[0], vals[1]))
        zeros = near_zeros(tree, dtree, xs, signs, cancels)
        rows = ["%s,%s,%s" % (r, t, "-" if z is None else mp.nstr(z, 9)) for r, t, z in zip(rows, terms, zeros)]
        tables[typ] = rows
    return idx, tables, "ok, up to %d bits" % worst_prec


def main():
    start = time.time()
    self_test()
    cands = candidates()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(build, list(enumerate(cands)), chunksize=1)
    chosen = []
    for idx, tables, note in results:
        if tables is None:
            print("left out: candidate %d, %s: %s" % (idx, text(cands[idx]), note))
            continue
        if len(chosen) < COUNT:
            chosen.append((cands[idx], tables))
    assert len(chosen) == COUNT, len(chosen)
    os.makedirs(OUT_DIR, exist_ok=True)
    for f in os.listdir(OUT_DIR):
        if f.endswith(".csv"):
            os.remove(os.path.join(OUT_DIR, f))
    lines = [
        "# Random [Activation] definitions (make_random_definitions.py, seed %d): id, the definition (C#, double),"
        % SEED,
        "# and its derivative written naively in C# (the textbook rules, CUSTOM.md's kink rules); separator ';'",
        "id;definition;derivative",
    ]
    total = 0
    for i, (tree, tables) in enumerate(chosen):
        rid = "R%02d" % i
        lines.append("%s;%s;%s" % (rid, text(tree), text(d(tree))))
        for typ in TYPES:
            body = "\n".join(["# definition: " + text(tree), "x,f,df,t,z"] + tables[typ]) + "\n"
            with open(os.path.join(OUT_DIR, "random_%s_%s.csv" % (rid, typ)), "wb") as fh:
                fh.write(body.encode("utf-8"))
            total += len(tables[typ])
        print("%s  %-3d nodes  %s" % (rid, size(tree), text(tree)))
    with open(os.path.join(OUT_DIR, "random_definitions.csv"), "wb") as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    used = set()

    def kinds(n):
        used.add(n[0] if n[0] != "cond" else "cond on x" if n[2] == X else "cond on a subexpression")
        for m in ([n[1]] if n[0] == "pow" else n[2:] if n[0] == "cond" else n[1:] if n[0] != "c" else []):
            kinds(m)

    for tree, _ in chosen:
        kinds(tree)
    print("constructs: " + ", ".join(sorted(used)))
    assert all(r in used for r in REQUIRED), [r for r in REQUIRED if r not in used]
    print("%d definitions, %d rows, %.1f s" % (len(chosen), total, time.time() - start))


if __name__ == "__main__":
    main()
