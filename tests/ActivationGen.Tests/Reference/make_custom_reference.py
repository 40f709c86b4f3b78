#!/usr/bin/env python3
"""Generate the reference tables of the user-defined activations of CUSTOM.md.

For each of the 13 definitions of CUSTOM.md's table and each element type, Custom/custom_<id>_<type>.csv holds
inputs x exactly representable in the type together with f(x) and f'(x) of the EXACT real function the
definition denotes (CUSTOM.md, "What it means"), written with 30 significant digits in the format of the other
reference tables (make_reference.py, README.md): a comment line, the header `x,f,df`, then one row per input.

- The comment line is `# definition: <the C# expression of CUSTOM.md's table>`.
- Constants C# folds keep their double value: `0.044715` is the double nearest 0.044715 (its exact binary value)
  and `2 / Math.PI` is the double nearest 2/pi (IEEE division of 2 by the double Math.PI); everything else is
  exact: `Math.Sqrt(2 / Math.PI)` is the exact square root of that double, `Math.Sqrt(2)` is the exact sqrt(2),
  `Math.Exp` is e^x, `double.ExpM1` is e^x - 1.
- f' is the exact derivative, written out by hand below and checked against mpmath.diff of the definition as
  written (run-time assertions). At a kink it is the derivative of the branch the definition takes there:
  `x > 0 ? a : b` takes b at x = 0 (naive ELU: f'(0) = 0.5, exp-based ELU: f'(0) = 1); Abs'(0) = 0 (softsign:
  f'(0) = 1).
- float tables cover the whole float domain (+-Infinity, +-3.4028235e+38, magnitudes down to the smallest
  subnormal, +-0), double tables |x| <= 1e50 and +-Infinity (the double contract stops at 1e50); both are dense
  where the functions bend, around the zeros of f' (swish, mish, both GELUs) and where e^(...) underflows.
- At +-Infinity the tables give the limits. A limit 0 approached through negative values (e.g. swish and mish at
  -Infinity, log-sigmoid at +Infinity) is written `-0`, like the rows next to it whose exact negative values are
  below 1e-1000; an exact zero result at a finite x (f(+-0) of swish, say) is written `0` as in the other tables.

Every value is computed with mp.dps = 80 from a cancellation-free form, recomputed at mp.dps = 120 (the two must
agree to 40 digits), and, for the inputs with 1e-20 <= |x| <= 60, compared with the definition evaluated literally
at mp.dps = 250.

Usage (from the repository root; needs mpmath, e.g. `apt-get install -y python3-mpmath`):

    /usr/bin/python3 tests/ActivationGen.Tests/Reference/make_custom_reference.py [PATTERN ...]

PATTERN (shell pattern on the file name without .csv, e.g. 'custom_swish_*') limits the tables written.
The output is deterministic: the same bytes on every run.
"""

import fnmatch
import math
import multiprocessing
import os
import random
import sys
import time
import zlib

import mpmath
from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

# The helpers of the catalog's tables: the same input rounding, sorting and formatting.
from make_reference import (  # noqa: E402
    DOUBLE_MIN_NORMAL,
    DOUBLE_MIN_SUBNORMAL,
    FLOAT_MAX,
    FLOAT_MIN_NORMAL,
    FLOAT_MIN_SUBNORMAL,
    f32_from_bits,
    format_value,
    format_x,
    linspace,
    neighbours,
    sigma_pair,
    to_type,
    unique_sorted,
)

mp.dps = 80

OUT_DIR = os.path.join(HERE, "Custom")
TYPES = ("float", "double")

# The double contract's domain (CUSTOM.md, Accuracy).
DOUBLE_LIMIT = 1e50

# ---------------------------------------------------------------------------
# Constants as C# folds them
# ---------------------------------------------------------------------------

TWO_OVER_PI = 2 / math.pi  # C# `2 / Math.PI`: a constant expression, the IEEE quotient (correctly rounded)
GELU_A = 0.044715  # the double nearest 0.044715


def gelu_tanh_consts():
    """(2 sqrt(D), A) at the current precision: D = double(2/pi) and A = double(0.044715), taken exactly."""
    return 2 * mp.sqrt(mpf(TWO_OVER_PI)), mpf(GELU_A)


# ---------------------------------------------------------------------------
# The definitions: f and f' from forms without cancellation
# ---------------------------------------------------------------------------
#
# Each evaluator takes an mpf x (finite; exact value of the input) and returns (f, df) as mpf values, or the
# strings "0" / "-0" for values known to be far below the 1e-1000 cutoff.


def softplus(z):
    """ln(1 + e^z) for any finite z, with full relative precision."""
    return max(z, mpf(0)) + mp.log1p(mp.exp(-abs(z)))


def ev_naive_softplus(x):
    # ln(1 + e^x); f' = sigma(x)
    s, _ = sigma_pair(x)
    return softplus(x), s


def ev_naive_shifted_sigmoid(x):
    # 1 / (1 + e^-(x - 2)) = sigma(z), z = x - 2; f' = sigma(z) sigma(-z)
    z = mp.fsub(x, 2, exact=True)
    s, t = sigma_pair(z)
    return s, s * t


def ev_naive_elu(x):
    # x > 0 ? x : 0.5 (e^x - 1); f' = 1 or 0.5 e^x (the second branch at x = 0)
    if x > 0:
        return x, mpf(1)
    return mp.expm1(x) / 2, mp.exp(x) / 2


def ev_swish(x):
    # x / (1 + e^(-1.5 x)) = x sigma(z), z = 1.5 x; f' = sigma(z) + 1.5 x sigma(z) sigma(-z)
    z = mp.fmul(x, mpf(1.5), exact=True)
    s, t = sigma_pair(z)
    return x * s, s + z * s * t


def ev_naive_mish(x):
    # x tanh(ln(1 + e^x)); with t = e^x: tanh(ln(1 + t)) = t (t + 2) / (t (t + 2) + 2) and
    # sech^2(ln(1 + t)) = 4 (1 + t)^2 / (t (t + 2) + 2)^2; f' = tanh(sp) + x sech^2(sp) sigma(x)
    t = mp.exp(x)
    w = 1 + t
    n = t * (t + 2)
    th = n / (n + 2)
    sech2 = 4 * w * w / (n + 2) ** 2
    s, _ = sigma_pair(x)
    return x * th, th + x * sech2 * s


def ev_naive_gelu_tanh(x):
    # 0.5 x (1 + tanh(sqrt(D) (x + A x^3))) = x sigma(v), v = 2 sqrt(D) (x + A x^3);
    # f' = sigma(v) + x sigma(v) sigma(-v) v', v' = 2 sqrt(D) (1 + 3 A x^2)
    c2, a = gelu_tanh_consts()
    v = c2 * (x + a * x ** 3)
    dv = c2 * (1 + 3 * a * x ** 2)
    s, t = sigma_pair(v)
    return x * s, s + x * s * t * dv


def ev_naive_log_sigmoid(x):
    # ln(1 / (1 + e^-x)) = -ln(1 + e^-x); f' = sigma(-x)
    _, t = sigma_pair(x)
    return -softplus(-x), t


def ev_softsign(x):
    # x / (1 + |x|); f' = ((1 + |x|) - x Abs'(x)) / (1 + |x|)^2 = 1 / (1 + |x|)^2 (also at 0, Abs'(0) = 0)
    d = 1 + abs(x)
    return x / d, 1 / (d * d)


def ev_two_sigmoids(x):
    # sigma(x) + sigma(x - 3); f' = sigma(x) sigma(-x) + sigma(x - 3) sigma(3 - x)
    s1, t1 = sigma_pair(x)
    s2, t2 = sigma_pair(mp.fsub(x, 3, exact=True))
    return s1 + s2, s1 * t1 + s2 * t2


def ev_squareplus(x):
    # 0.5 (x + s), s = sqrt(x^2 + 4); f' = 0.5 (1 + x / s).
    # For x < 0 both cancel: 0.5 (x + s) = 2 / (s - x) and 0.5 (1 + x / s) = 2 / ((s - x) s).
    s = mp.sqrt(x * x + 4)
    if x >= 0:
        return (x + s) / 2, (1 + x / s) / 2
    d = s - x
    return 2 / d, 2 / (d * s)


def ev_rational(x):
    # x^3 / (1 + x^2); f' = (3 x^2 (1 + x^2) - 2 x^4) / (1 + x^2)^2 = x^2 (x^2 + 3) / (1 + x^2)^2
    x2 = x * x
    q = 1 + x2
    return x2 * x / q, x2 * (x2 + 3) / (q * q)


def ev_naive_gelu(x):
    # 0.5 x (1 + erf(x / sqrt(2))) = x Phi(x); f' = Phi(x) + x phi(x).
    # Beyond |x| = 100, e^(-x^2/2) < 1e-2000: for x > 100 the values are x and 1 to far more than 30 digits (and
    # mpmath's erfc cannot take such arguments); for x < -100 both are negative and far below the 1e-1000 cutoff.
    if x > 100:
        return x, mpf(1)
    if x < -100:
        return "-0", "-0"
    p = mp.ncdf(x)
    return x * p, p + x * mp.npdf(x)


def ev_exp_elu(x):
    # x > 0 ? x : e^x - 1; f' = 1 or e^x (the second branch at x = 0: f'(0) = 1)
    if x > 0:
        return x, mpf(1)
    return mp.expm1(x), mp.exp(x)


# ---------------------------------------------------------------------------
# The definitions as written (evaluated literally, at high precision, for the checks)
# ---------------------------------------------------------------------------


def lit_gelu_tanh(x):
    a = mpf(GELU_A)
    return mpf(0.5) * x * (1 + mp.tanh(mp.sqrt(mpf(TWO_OVER_PI)) * (x + a * x * x * x)))


LITERAL = {
    "naive_softplus": lambda x: mp.log(1 + mp.exp(x)),
    "naive_shifted_sigmoid": lambda x: 1 / (1 + mp.exp(-(x - 2))),
    "naive_elu": lambda x: x if x > 0 else mpf(0.5) * (mp.exp(x) - 1),
    "swish": lambda x: x / (1 + mp.exp(mpf(-1.5) * x)),
    "naive_mish": lambda x: x * mp.tanh(mp.log(1 + mp.exp(x))),
    "naive_gelu_tanh": lit_gelu_tanh,
    "naive_log_sigmoid": lambda x: mp.log(1 / (1 + mp.exp(-x))),
    "softsign": lambda x: x / (1 + abs(x)),
    "two_sigmoids": lambda x: 1 / (1 + mp.exp(-x)) + 1 / (1 + mp.exp(-(x - 3))),
    "squareplus": lambda x: mpf(0.5) * (x + mp.sqrt(x * x + 4)),
    "rational": lambda x: x * x * x / (1 + x * x),
    "naive_gelu": lambda x: mpf(0.5) * x * (1 + mp.erf(x / mp.sqrt(2))),
    "exp_elu": lambda x: x if x > 0 else mp.expm1(x),
}

# The branch each kinked definition takes at its kink x = 0 (f'(0) is its derivative there).
KINK_BRANCH = {
    "naive_elu": lambda x: mpf(0.5) * (mp.exp(x) - 1),
    "exp_elu": lambda x: mp.expm1(x),
    "softsign": lambda x: x / (1 + x),  # Abs'(0) = 0: |x| held at its value 0 -> f' = 1 / (1 + 0)^2
}

# ---------------------------------------------------------------------------
# The table of CUSTOM.md
# ---------------------------------------------------------------------------

INF = "Infinity"
NINF = "-Infinity"

# id: (C# expression, evaluator, (f, f') at +Infinity, (f, f') at -Infinity, sampling)
# sampling: "centres" for dense grids of +-2, "exp" for the (shift, scale) of each e^(scale (x - shift)) whose
# underflow / saturation band is sampled, "bands" for extra (lo, hi) intervals per type.
DEFINITIONS = {
    "naive_softplus": (
        "Math.Log(1 + Math.Exp(x))", ev_naive_softplus,
        (INF, 1), ("0", "0"),
        {"exp": [(0.0, 1.0)]}),
    "naive_shifted_sigmoid": (
        "1 / (1 + Math.Exp(-(x - 2)))", ev_naive_shifted_sigmoid,
        (1, "0"), ("0", "0"),
        {"centres": [2.0], "exp": [(2.0, 1.0)]}),
    "naive_elu": (
        "x > 0 ? x : 0.5 * (Math.Exp(x) - 1)", ev_naive_elu,
        (INF, 1), (-0.5, "0"),
        {"exp": [(0.0, 1.0)]}),
    "swish": (
        "x / (1 + Math.Exp(-1.5 * x))", ev_swish,
        (INF, 1), ("-0", "-0"),
        {"exp": [(0.0, 1.5)], "root": "swish"}),
    "naive_mish": (
        "x * Math.Tanh(Math.Log(1 + Math.Exp(x)))", ev_naive_mish,
        (INF, 1), ("-0", "-0"),
        {"exp": [(0.0, 1.0)], "root": "naive_mish"}),
    "naive_gelu_tanh": (
        "0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))", ev_naive_gelu_tanh,
        (INF, 1), ("-0", "-0"),
        {"cubic": True, "root": "naive_gelu_tanh"}),
    "naive_log_sigmoid": (
        "Math.Log(1 / (1 + Math.Exp(-x)))", ev_naive_log_sigmoid,
        ("-0", "0"), (NINF, 1),
        {"exp": [(0.0, 1.0)]}),
    "softsign": (
        "x / (1 + Math.Abs(x))", ev_softsign,
        (1, "0"), (-1, "0"),
        {}),
    "two_sigmoids": (
        "Fn.Sigmoid(x) + Fn.Sigmoid(x - 3)", ev_two_sigmoids,
        (2, "0"), ("0", "0"),
        {"centres": [3.0], "exp": [(0.0, 1.0), (3.0, 1.0)]}),
    "squareplus": (
        "0.5 * (x + Math.Sqrt(x * x + 4))", ev_squareplus,
        (INF, 1), ("0", "0"),
        {}),
    "rational": (
        "x * x * x / (1 + x * x)", ev_rational,
        (INF, 1), (NINF, 1),
        {}),
    "naive_gelu": (
        "0.5 * x * (1 + Fn.Erf(x / Math.Sqrt(2)))", ev_naive_gelu,
        (INF, 1), ("-0", "-0"),
        {"bands": {"float": [(-16.0, -12.0)], "double": [(-41.0, -36.0)]}, "root": "naive_gelu"}),
    "exp_elu": (
        "x > 0 ? x : double.ExpM1(x)", ev_exp_elu,
        (INF, 1), (-1, "0"),
        {"exp": [(0.0, 1.0)]}),
}

# ---------------------------------------------------------------------------
# Zeros of f'
# ---------------------------------------------------------------------------


def derivative_root(did):
    """The x < 0 where f' vanishes (the minimum of f), to the working precision."""
    ev = DEFINITIONS[did][1]
    guess = {"swish": "-0.85", "naive_mish": "-1.19", "naive_gelu_tanh": "-0.75", "naive_gelu": "-0.75"}[did]
    return mp.findroot(lambda x: ev(x)[1], mpf(guess))


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------


def random_doubles(rng, count):
    """count doubles with |x| <= 1e50, their exponents spread evenly (subnormals included)."""
    out = []
    while len(out) < count:
        e = rng.randint(-1075, 166)
        m = 1 + rng.getrandbits(52) / 2.0 ** 52
        v = math.ldexp(m, e) * (1 if rng.getrandbits(1) else -1)
        if abs(v) <= DOUBLE_LIMIT:
            out.append(v)
    return out


def make_inputs(name, did, typ):
    sampling = DEFINITIONS[did][4]
    raw = []
    if typ == "float":
        mn, sub, big = FLOAT_MIN_NORMAL, FLOAT_MIN_SUBNORMAL, FLOAT_MAX
        dense = (-50.0, 50.0)
        band = (80.0, 110.0)  # where e^u leaves the float range (e^-87.3 is the smallest normal, e^88.7 overflows)
    else:
        mn, sub, big = DOUBLE_MIN_NORMAL, DOUBLE_MIN_SUBNORMAL, DOUBLE_LIMIT
        dense = (-40.0, 40.0)
        band = (690.0, 760.0)
    # dense grid where the functions bend
    raw += linspace(dense[0], dense[1], 1201)
    # denser grids of +-2 about 0 and each centre
    for c in [0.0] + sampling.get("centres", []):
        raw += linspace(c - 2.0, c + 2.0, 201)
    # tiny values and signed zeros
    for t in (1e-30, 1e-10, 1e-5, 1e-3, mn, sub, 0.0):
        raw += [t, -t]
    # magnitudes from the smallest subnormal to the largest input, evenly in log scale, both signs
    lo, hi = math.log10(sub), math.log10(big)
    for i in range(200):
        m = 10.0 ** (lo + (hi - lo) * i / 199)
        raw += [m, -m]
    # where e^(scale (x - shift)) underflows and overflows
    for shift, scale in sampling.get("exp", []):
        raw += [shift + v / scale for v in linspace(-band[1], -band[0], 100)]
        raw += [shift + v / scale for v in linspace(band[0], band[1], 100)]
    # tanh-form GELU: the argument 2 sqrt(D) (x + A x^3) ~ 0.0714 x^3 crosses the same bands
    if sampling.get("cubic"):
        k = 2 * math.sqrt(TWO_OVER_PI) * GELU_A
        for v in linspace(band[0], band[1], 100):
            r = (v / k) ** (1.0 / 3.0)
            raw += [r, -r]
    for a, b in sampling.get("bands", {}).get(typ, []):
        raw += linspace(a, b, 100)
    # extremes and far tails
    raw += [big, -big, math.inf, -math.inf]
    if typ == "double":
        for m in (1e5, 1e10, 1e15, 1e20, 1e30, 1e40, 1e49):
            raw += [m, -m]
    else:
        for m in (1e5, 1e10, 1e20, 1e30, 1e38):
            raw += [m, -m]
    # the inputs nearest the zero of f'
    if "root" in sampling:
        raw += neighbours(derivative_root(sampling["root"]), typ, 20)
    # pseudo-random values (fixed seed per table)
    rng = random.Random(zlib.crc32(name.encode("ascii")))
    if typ == "float":
        count = 0
        while count < 150:
            v = f32_from_bits(rng.getrandbits(32))
            if math.isnan(v) or math.isinf(v):
                continue
            raw.append(v)
            count += 1
    else:
        raw += random_doubles(rng, 150)
    raw += [rng.uniform(dense[0], dense[1]) for _ in range(150)]
    xs = unique_sorted(raw, typ)
    if typ == "double":
        xs = [x for x in xs if math.isinf(x) or abs(x) <= DOUBLE_LIMIT]
    return xs


# ---------------------------------------------------------------------------
# Evaluation and checks
# ---------------------------------------------------------------------------


def limit_value(v):
    """A limit as the evaluators give values: "Infinity"-like strings, "0" / "-0", or an exact mpf."""
    if isinstance(v, str):
        return v
    return mpf(v)


def evaluate(did, x):
    """(f, df) for a float x (may be +-inf): mpf values or the strings Infinity / -Infinity / 0 / -0."""
    _, ev, pos, neg, _ = DEFINITIONS[did]
    if math.isinf(x):
        lim = pos if x > 0 else neg
        return limit_value(lim[0]), limit_value(lim[1])
    return ev(mpf(x))


def fmt(v):
    if isinstance(v, str):
        if v in ("0", "-0"):
            return v
        return format_value(v)  # Infinity / -Infinity
    return format_value(v)


def agree(a, b, rel):
    """a and b (mpf or the zero strings) agree to rel, or are both below the 1e-1000 cutoff with the same sign."""
    tiny = mpf("1e-1000")

    def norm(v):
        if isinstance(v, str):
            return mpf(0), (-1 if v.startswith("-") else 1)
        return v, (-1 if v < 0 else 1)

    (va, sa), (vb, sb) = norm(a), norm(b)
    if abs(va) < tiny and abs(vb) < tiny:
        return va == vb or sa == sb or va == 0 or vb == 0
    return abs(va - vb) <= rel * max(abs(va), abs(vb))


def check_row(did, x, f, df):
    """Recompute at a higher precision; compare with the literal definition where that is well conditioned."""
    with mp.workdps(120):
        f2, df2 = DEFINITIONS[did][1](mpf(x))
    assert agree(f, f2, mpf("1e-40")) and agree(df, df2, mpf("1e-40")), (did, x, f, f2, df, df2)
    if 1e-20 <= abs(x) <= 60 and well_above(f, "1e-100"):
        with mp.workdps(250):
            lit = LITERAL[did](mpf(x))
        assert agree(f, lit, mpf("1e-40")), (did, x, f, lit)


def well_above(v, bound):
    """v is a value (not a zero string) of magnitude above bound: the literal definition, whose cancellations lose
    about as many digits as the result is small, can be evaluated to 250 digits there and keep 40."""
    return not isinstance(v, str) and abs(v) > mpf(bound)


def check_derivative(did, x, df):
    """f' against mpmath.diff of the definition as written (away from kinks), where f' is above 1e-100."""
    if not well_above(df, "1e-100"):
        return
    with mp.workdps(250):
        d = mp.diff(LITERAL[did], mpf(x))
    assert agree(df, d, mpf("1e-45")), ("derivative", did, x, df, d)


def self_test():
    """The hand-written derivatives against mpmath.diff, the kink rules, and the limits."""
    mp.dps = 80
    points = ["-30.5", "-7.25", "-2.6", "-1.19", "-0.75", "-0.3", "-1e-3", "1e-3", "0.2", "1.1", "2.5", "3.1", "6", "17"]
    for did in DEFINITIONS:
        ev = DEFINITIONS[did][1]
        for p in points:
            x = float(p)
            check_derivative(did, x, ev(mpf(x))[1])
        # at 0: the derivative of the branch taken there
        branch = KINK_BRANCH.get(did, LITERAL[did])
        with mp.workdps(120):
            d0 = mp.diff(branch, mpf(0))
        assert abs(ev(mpf(0))[1] - d0) <= mpf("1e-45") * max(abs(d0), 1), (did, "f'(0)", ev(mpf(0))[1], d0)
        if did in ("swish", "naive_mish", "naive_gelu_tanh", "naive_gelu"):
            r = derivative_root(did)
            check_derivative(did, r + mpf("0.01"), ev(r + mpf("0.01"))[1])
    # the kink values the contract names
    assert ev_naive_elu(mpf(0))[1] == mpf(0.5) and ev_naive_elu(mpf("-0.0"))[1] == mpf(0.5)
    assert ev_exp_elu(mpf(0))[1] == 1
    assert ev_softsign(mpf(0))[1] == 1
    # the limits at +-inf against the values far out (the sign of a zero limit is the sign of the tail)
    for did, (_, ev, pos, neg, _) in DEFINITIONS.items():
        for far, lim in ((mpf("1e30"), pos), (mpf("-1e30"), neg)):
            vals = ev(far)
            for v, l in zip(vals, lim):
                if l in (INF, NINF):
                    assert not isinstance(v, str) and v * (1 if l == INF else -1) > 1e29, (did, far, v, l)
                elif l in ("0", "-0"):
                    neg_tail = v.startswith("-") if isinstance(v, str) else v < 0
                    assert (l == "-0") == neg_tail, (did, far, v, l)
                    assert isinstance(v, str) or abs(v) < mpf("1e-25"), (did, far, v, l)
                else:
                    assert abs(v - mpf(l)) < mpf("1e-25"), (did, far, v, l)


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def build_table(task):
    did, typ = task
    mp.dps = 80
    name = "custom_%s_%s" % (did, typ)
    lines = ["# definition: " + DEFINITIONS[did][0], "x,f,df"]
    for i, x in enumerate(make_inputs(name, did, typ)):
        f, df = evaluate(did, x)
        if not math.isinf(x):
            check_row(did, x, f, df)
            if i % 37 == 0 and 1e-3 <= abs(x) <= 60 and not (did in KINK_BRANCH and x == 0):
                check_derivative(did, x, df)
        lines.append("%s,%s,%s" % (format_x(x, typ), fmt(f), fmt(df)))
    return name + ".csv", "\n".join(lines) + "\n"


def all_tasks():
    return [(did, typ) for did in DEFINITIONS for typ in TYPES]


def main():
    start = time.time()
    self_test()
    tasks = all_tasks()
    if len(sys.argv) > 1:
        tasks = [t for t in tasks if any(fnmatch.fnmatchcase("custom_%s_%s" % t, p) for p in sys.argv[1:])]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(build_table, tasks, chunksize=1)
    os.makedirs(OUT_DIR, exist_ok=True)
    total = 0
    for fname, text in sorted(results):
        data = text.encode("utf-8")
        with open(os.path.join(OUT_DIR, fname), "wb") as fh:
            fh.write(data)
        total += len(data)
        print("%-42s %6d lines %8d bytes" % (fname, text.count("\n"), len(data)))
    print("total %d bytes in %d files, %.1f s" % (total, len(results), time.time() - start))


if __name__ == "__main__":
    main()
