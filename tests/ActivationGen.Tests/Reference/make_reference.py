#!/usr/bin/env python3
"""Generate the reference tables of exactly computed activation values.

Every table holds inputs x that are exactly representable in its element type
(float = binary32, double = binary64) together with f(x) and f'(x) evaluated in
exact real arithmetic (mpmath, 80 significant digits of working precision, with
the argument reduction x - offset done exactly) and written with 30
significant digits. The values are NOT rounded to float or double: the test
rounds the 30-digit strings itself.

Usage (from the repository root):

    /usr/bin/python3 tests/ActivationGen.Tests/Reference/make_reference.py

The output is deterministic: the same bytes on every run.
"""

import fnmatch
import math
import multiprocessing
import os
import random
import struct
import sys
import time
import zlib
from fractions import Fraction

import mpmath
from mpmath import mp, mpf
from mpmath.libmp import from_rational

mp.dps = 80

OUT_DIR = os.path.dirname(os.path.abspath(__file__))

# Magnitudes below this are written as "0" (or "-0"): they are hundreds of
# orders of magnitude below the smallest binary64 subnormal (4.9e-324), so they
# round to zero in both element types, and writing them exactly would need
# exponents with up to 308 digits.
ZERO_CUTOFF = mpf("1e-1000")

# Magnitudes above this are written as "Infinity" (or "-Infinity"): they are
# far beyond the largest binary64 (1.8e308), so they round to infinity in both
# element types.
INFINITY_CUTOFF = mpf("1e1000")

# ---------------------------------------------------------------------------
# Parameter sets (the contract)
# ---------------------------------------------------------------------------

SETS = {
    "sigmoid": [
        {"Offset": 0.0},
        {"Offset": 2.0},
        {"Offset": -3.5},
        {"Offset": 1000.25},
        {"Offset": 0.1},
    ],
    "sigmoidsum": [
        {"Count": 100, "From": 0.0, "To": 10.0, "Scale": 1.0},
        {"Count": 100, "From": 0.0, "To": 9.8, "Scale": 0.1},
        {"Count": 1, "From": 5.0, "To": 5.0, "Scale": 1.0},
        {"Count": 7, "From": -1000.0, "To": -990.0, "Scale": 2.5},
        {"Count": 50, "From": -300.0, "To": 300.0, "Scale": 1.0},
        {"Count": 3, "From": 0.1, "To": 0.3, "Scale": 1.0},
        # Large counts (LARGE_SUM): small and large spacings, offsets far from 0 that are no doubles, a tiny total range.
        {"Count": 1000, "From": 0.0, "To": 10.0, "Scale": 1.0},
        {"Count": 10000, "From": 0.0, "To": 9.999, "Scale": 0.001},
        {"Count": 10000, "From": 1000000.1, "To": 1009999.2, "Scale": 1.0},
        {"Count": 10000, "From": 0.0, "To": 1000000.0, "Scale": 1.0},
        {"Count": 10000, "From": -1234567.8, "To": 1234567.9, "Scale": 1.0},
        {"Count": 1000, "From": 1000000.0, "To": 1000000.1, "Scale": 1.0},
        # Three blocks of 32 (9, 9 and 3 terms): the code written out block by block.
        {"Count": 21, "From": -40.3, "To": 39.7, "Scale": 1.0},
        # Count 2, 7, 100, 1,000 and 10,000 with spacings from 1e-3 to 100, offsets far from 0: each of the kernel's
        # methods (direct sum, Taylor about the midpoint for a total range up to 1, Euler-Maclaurin for spacings up to
        # 0.3) at its limits.
        {"Count": 2, "From": 0.0, "To": 0.001, "Scale": 1.0},
        {"Count": 2, "From": -123456.7, "To": -123356.7, "Scale": 1.0},
        {"Count": 7, "From": -0.003, "To": 0.003, "Scale": 1.0},
        {"Count": 7, "From": 1000.5, "To": 1001.7, "Scale": 1.0},
        {"Count": 7, "From": -300.0, "To": 300.0, "Scale": 1e200},
        {"Count": 100, "From": -0.0495, "To": 0.0495, "Scale": 1.0},
        {"Count": 100, "From": 1000000.3, "To": 1000030.0, "Scale": 1.0},
        {"Count": 100, "From": -5000.0, "To": 4900.0, "Scale": 1.0},
        {"Count": 100, "From": -777777.7, "To": -777757.9, "Scale": 0.1},
        {"Count": 1000, "From": -0.5, "To": 0.499, "Scale": 1.0},
        {"Count": 1000, "From": 0.0, "To": 2997.0, "Scale": 1.0},
        {"Count": 1000, "From": 12345.6, "To": 12355.59, "Scale": 1e-3},
        {"Count": 10000, "From": -5.0, "To": 4.999, "Scale": 1.0},
        {"Count": 10000, "From": -777777.7, "To": -777277.75, "Scale": 1.0},
        {"Count": 10000, "From": 0.0, "To": 999900.0, "Scale": 1e200},
    ],
    "softplus": [{}, {"Beta": 2.0}, {"Beta": 0.5}, {"Beta": -1.0}],
    "relu": [{}],
    "elu": [
        {"Alpha": 1.0},
        {"Alpha": 0.25},
        {"Alpha": 1.6732632423543772},
    ],
    "selu": [{}],
    "celu": [
        {"Alpha": 1.0},
        {"Alpha": 0.5},
        {"Alpha": 3.0},
        {"Alpha": -2.0},
        {"Alpha": -0.5},
    ],
    "silu": [
        {"Beta": 1.0},
        {"Beta": 1.702},
        {"Beta": 0.5},
        {"Beta": -1.0},
        {"Beta": 0.0},
    ],
    "logsigmoid": [{}],
    "tanh": [{}],
    "mish": [{}],
    "gelu": [
        {"Approximate": "None"},
        {"Approximate": "Tanh"},
    ],
    "leakyrelu": [
        {"NegativeSlope": 0.01},
        {"NegativeSlope": 0.2},
        {"NegativeSlope": 0.0},
        {"NegativeSlope": -0.5},
    ],
    "hardsigmoid": [{}],
    "hardswish": [{}],
    "hardtanh": [
        {"Min": -1.0, "Max": 1.0},
        {"Min": 0.0, "Max": 6.0},
        {"Min": -0.1, "Max": 0.7},
    ],
    "softsign": [{}],
}

# Backward from the output: the parameter sets (indices into SETS) whose derivative is also tabulated as a function of
# the forward result y (tables fromoutput_<func>_<k>_<type>.csv, columns y and g = f'(x) expressed through that y).
FROM_OUTPUT = {
    "relu": [0],
    "leakyrelu": [0, 1],
    "hardsigmoid": [0],
    "hardtanh": [0, 1, 2],
    "softsign": [0],
    "sigmoid": [0, 1],
    "elu": [0, 1, 2],
    "celu": [0, 1, 2],
    "selu": [0],
    "softplus": [0, 1, 2, 3],
    "tanh": [0],
}

# SELU's constants (Klambauer et al. 2017), as PyTorch gives them.
SELU_ALPHA = mpf("1.6732632423543772848170429916717")
SELU_LAMBDA = mpf("1.0507009873554804934193349852946")

ATTRIBUTE_NAMES = {
    "sigmoid": "Sigmoid",
    "sigmoidsum": "SigmoidSum",
    "softplus": "Softplus",
    "relu": "Relu",
    "elu": "Elu",
    "selu": "Selu",
    "celu": "Celu",
    "silu": "Silu",
    "logsigmoid": "LogSigmoid",
    "leakyrelu": "LeakyRelu",
    "hardsigmoid": "HardSigmoid",
    "hardswish": "HardSwish",
    "hardtanh": "HardTanh",
    "softsign": "Softsign",
    "tanh": "Tanh",
    "mish": "Mish",
    "gelu": "Gelu",
}

# Enum-valued properties: the C# enum type of each (printed as Type.Member).
ENUM_TYPES = {
    "Approximate": "GeluApproximation",
}

TYPES = ("float", "double")

# ---------------------------------------------------------------------------
# IEEE helpers
# ---------------------------------------------------------------------------

FLOAT_MAX = struct.unpack("<f", struct.pack("<I", 0x7F7FFFFF))[0]
FLOAT_MIN_NORMAL = 2.0 ** -126
FLOAT_MIN_SUBNORMAL = 2.0 ** -149
DOUBLE_MAX = sys.float_info.max
DOUBLE_MIN_NORMAL = 2.0 ** -1022
DOUBLE_MIN_SUBNORMAL = 5e-324


def to_f32(v):
    """Round a Python float to the nearest binary32 value (None if it overflows)."""
    try:
        return struct.unpack("<f", struct.pack("<f", v))[0]
    except OverflowError:
        return None


def f32_from_bits(b):
    return struct.unpack("<f", struct.pack("<I", b))[0]


def f32_bits(v):
    return struct.unpack("<I", struct.pack("<f", v))[0]


def f64_from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def f64_bits(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


def to_type(v, typ):
    if typ == "double":
        return float(v)
    return to_f32(float(v))


def type_bits(v, typ):
    return f32_bits(v) if typ == "float" else f64_bits(v)


def f32_is_nearest(s, x):
    """True if the decimal string s rounds (to nearest, exactly) to the binary32 x."""
    q = Fraction(s)
    b = f32_bits(abs(x))
    ax = Fraction(abs(x))
    aq = abs(q)
    if x != 0 and (q < 0) != (math.copysign(1.0, x) < 0):
        return False
    # upper rounding boundary
    if b + 1 >= 0x7F800000:
        upper = ax + (ax - Fraction(f32_from_bits(b - 1))) / 2
    else:
        upper = (ax + Fraction(f32_from_bits(b + 1))) / 2
    lower = (ax + Fraction(f32_from_bits(b - 1))) / 2 if b > 0 else -upper
    return lower < aq < upper


def format_x(x, typ):
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    if typ == "double":
        s = repr(x)
        assert float(s) == x
        return s
    for p in range(1, 10):
        s = "%.*g" % (p, x)
        # Both a direct binary32 parse and a parse through binary64 must give x.
        if to_f32(float(s)) == x and f32_is_nearest(s, x):
            return s
    raise AssertionError("no round-trip string for %r" % x)


def format_value(v):
    """30 significant digits, parseable by double.Parse and Python float()."""
    if isinstance(v, str):
        s = v  # "Infinity" / "-Infinity"
        assert s in ("Infinity", "-Infinity")
        return s
    if v == 0:
        return "0"
    if abs(v) > INFINITY_CUTOFF:
        return "-Infinity" if v < 0 else "Infinity"
    if abs(v) < ZERO_CUTOFF:
        return "-0" if v < 0 else "0"
    s = mpmath.nstr(v, 30, min_fixed=-4, max_fixed=16)
    f = float(s)  # must parse
    assert not math.isnan(f), s
    return s


# ---------------------------------------------------------------------------
# Exact functions
# ---------------------------------------------------------------------------


def sigma_pair(z):
    """(sigma(z), sigma(-z)) with full relative precision for any finite mpf z."""
    e = mp.exp(-z)
    d = 1 + e
    return 1 / d, e / d


def exact_mpf(q):
    """Fraction -> mpf, correctly rounded with enough bits for exp() of it."""
    p, d = q.numerator, q.denominator
    extra = (abs(p) // d).bit_length()
    return mp.make_mpf(from_rational(p, d, mp.prec + extra + 16, "n"))


def sigmoidsum_offsets(par):
    n = par["Count"]
    a = Fraction(par["From"])
    b = Fraction(par["To"])
    if n == 1:
        return [a]
    return [a + i * (b - a) / (n - 1) for i in range(n)]


# SigmoidSum tables with more terms than this sum term by term only near x (SIGMOID-SUM.md), at 40 digits, and have
# fewer inputs (large_sum_inputs).
LARGE_SUM = 100

# Terms more than this beyond the nearest offset are left out (f') or counted as 1 (f, below x): each changes the sum
# by less than e^-300 of the nearest term's value.
SUM_WINDOW = 300


def sigmoidsum_near(par, qx):
    """(sum of sigma(x - o_i), sum of sigma'(x - o_i)) for equally spaced offsets: the terms whose offsets lie within
    SUM_WINDOW beyond the nearest one, term by term with z_i = (x - o_0) - i*h (o_0 and h exact rationals, z_i at
    40 digits), plus the count of the saturated terms below."""
    offs = par["_offsets"]
    n = len(offs)
    a = offs[0]
    h = (offs[-1] - a) / (n - 1)
    nearest = min(max(round((qx - a) / h), 0), n - 1) if h != 0 else 0
    reach = abs(qx - offs[nearest]) + SUM_WINDOW
    first = max(0, math.ceil((qx - reach - a) / h)) if h != 0 else 0
    last = min(n - 1, math.floor((qx + reach - a) / h)) if h != 0 else n - 1
    with mp.workdps(40):
        z0 = exact_mpf(qx - a - first * h)
        step = exact_mpf(h)
        fs = mpf(first)
        ds = mpf(0)
        for i in range(last - first + 1):
            s, t = sigma_pair(z0 - i * step)
            fs += s
            ds += s * t
        return +fs, +ds


def evaluate(func, par, x):
    """Return (f, df) as mpf (or 'Infinity' strings) for a float x (may be inf)."""
    if math.isinf(x):
        pos = x > 0
        if func == "sigmoid":
            return (mpf(1), mpf(0)) if pos else (mpf(0), mpf(0))
        if func == "sigmoidsum":
            if pos:
                return mpf(par["Scale"]) * par["Count"], mpf(0)
            return mpf(0), mpf(0)
        if func == "softplus" and par.get("Beta", 1.0) < 0:
            # (1/Beta) ln(1 + e^(Beta x)): 0 as Beta x -> -inf, x as Beta x -> +inf
            return (mpf(0), mpf(0)) if pos else ("-Infinity", mpf(1))
        if func in ("softplus", "relu"):
            return ("Infinity", mpf(1)) if pos else (mpf(0), mpf(0))
        if func == "elu":
            return ("Infinity", mpf(1)) if pos else (-mpf(par["Alpha"]), mpf(0))
        if func == "selu":
            return ("Infinity", SELU_LAMBDA) if pos else (-SELU_LAMBDA * SELU_ALPHA, mpf(0))
        if func == "celu":
            a = mpf(par["Alpha"])
            if pos:
                return "Infinity", mpf(1)
            # x/Alpha -> -inf for Alpha > 0 (f -> -Alpha), +inf for Alpha < 0 (f -> -inf)
            return (-a, mpf(0)) if a > 0 else ("-Infinity", "Infinity")
        if func == "silu":
            b = par["Beta"]
            if b == 0:
                return ("Infinity" if pos else "-Infinity"), mpf(0.5)
            # x * sigma(Beta x): x where Beta x -> +inf, 0 where Beta x -> -inf
            if (b > 0) == pos:
                return ("Infinity" if pos else "-Infinity"), mpf(1)
            return mpf(0), mpf(0)
        if func == "logsigmoid":
            return (mpf(0), mpf(0)) if pos else ("-Infinity", mpf(1))
        if func == "tanh":
            return (mpf(1), mpf(0)) if pos else (mpf(-1), mpf(0))
        if func in ("mish", "gelu"):
            return ("Infinity", mpf(1)) if pos else (mpf(0), mpf(0))
        if func == "leakyrelu":
            s = mpf(par["NegativeSlope"])
            if pos:
                return "Infinity", mpf(1)
            return (mpf(0) if s == 0 else ("-Infinity" if s > 0 else "Infinity")), s
        if func == "hardsigmoid":
            return (mpf(1) if pos else mpf(0)), mpf(0)
        if func == "hardswish":
            return ("Infinity", mpf(1)) if pos else (mpf(0), mpf(0))
        if func == "hardtanh":
            return mpf(par["Max"] if pos else par["Min"]), mpf(0)
        if func == "softsign":
            return mpf(1 if pos else -1), mpf(0)
        raise ValueError(func)

    mx = mpf(x)  # exact
    if func == "sigmoid":
        z = mp.fsub(mx, mpf(par["Offset"]), exact=True)
        s, t = sigma_pair(z)
        return s, s * t
    if func == "sigmoidsum":
        if par["Count"] > LARGE_SUM:
            fs, ds = sigmoidsum_near(par, Fraction(x))
            scale = mpf(par["Scale"])
            return scale * fs, scale * ds
        qx = Fraction(x)
        fs = mpf(0)
        ds = mpf(0)
        for o in par["_offsets"]:
            s, t = sigma_pair(exact_mpf(qx - o))
            fs += s
            ds += s * t
        scale = mpf(par["Scale"])
        return scale * fs, scale * ds
    if func == "softplus":
        b = par.get("Beta", 1.0)
        z = mp.fmul(mx, mpf(b), exact=True)
        f = (max(z, mpf(0)) + mp.log1p(mp.exp(-abs(z)))) / mpf(b)
        s, _ = sigma_pair(z)
        return f, s
    if func == "selu":
        if x > 0:
            return SELU_LAMBDA * mx, SELU_LAMBDA
        return SELU_LAMBDA * SELU_ALPHA * mp.expm1(mx), SELU_LAMBDA * SELU_ALPHA * mp.exp(mx)
    if func == "celu":
        a = mpf(par["Alpha"])
        if x > 0:
            return mx, mpf(1)
        u = mx / a
        if u > 1e6:  # Alpha < 0: e^u is far beyond any binary64
            return "-Infinity", "Infinity"
        return a * mp.expm1(u), mp.exp(u)
    if func == "silu":
        b = par["Beta"]
        if b == 0:
            return mx / 2, mpf(0.5)
        z = mp.fmul(mx, mpf(b), exact=True)
        s, t = sigma_pair(z)
        return mx * s, s + z * s * t
    if func == "logsigmoid":
        f = -(max(-mx, mpf(0)) + mp.log1p(mp.exp(-abs(mx))))
        _, t = sigma_pair(mx)
        return f, t
    if func == "relu":
        return (mx, mpf(1)) if x > 0 else (mpf(0), mpf(0))
    if func == "elu":
        a = mpf(par["Alpha"])
        if x > 0:
            return mx, mpf(1)
        return a * mp.expm1(mx), a * mp.exp(mx)
    if func == "tanh":
        return mp.tanh(mx), mp.sech(mx) ** 2
    if func == "mish":
        # With t = e^x: tanh(ln(1 + t)) = t(t + 2) / (t(t + 2) + 2) and
        # sech^2(ln(1 + t)) = 4(1 + t)^2 / ((1 + t)^2 + 1)^2: no cancellation anywhere.
        t = mp.exp(mx)
        w = 1 + t
        n = t * (t + 2)
        th = n / (n + 2)
        sech2 = 4 * w * w / (n + 2) ** 2
        s, _ = sigma_pair(mx)
        return mx * th, th + mx * sech2 * s
    if func == "gelu":
        if par["Approximate"] == "None":
            # Beyond |x| = 100 the tail e^(-x^2/2) < 1e-2000 is far below every cutoff (and mpmath's erfc
            # cannot take such arguments): the values are x and 1, or negative and far below ZERO_CUTOFF.
            if x > 100:
                return mx, mpf(1)
            if x < -100:
                return -mpf("1e-2000"), -mpf("1e-2000")
            return mx * mp.ncdf(mx), mp.ncdf(mx) + mx * mp.npdf(mx)
        # 0.5 x (1 + tanh(v / 2)) = x sigma(v), v = 2 sqrt(2/pi) (x + 0.044715 x^3),
        # with the decimal 0.044715 taken exactly.
        c = 2 * mp.sqrt(2 / mp.pi)
        v = c * (mx + mpf("0.044715") * mx ** 3)
        dv = c * (1 + 3 * mpf("0.044715") * mx ** 2)
        s, t = sigma_pair(v)
        return mx * s, s + mx * s * t * dv
    if func == "leakyrelu":
        s = mpf(par["NegativeSlope"])
        return (mx, mpf(1)) if x > 0 else (s * mx, s)
    if func == "hardsigmoid":
        f = min(mpf(1), max(mpf(0), mx / 6 + mpf(1) / 2))
        return f, (mpf(1) / 6 if -3 < x < 3 else mpf(0))
    if func == "hardswish":
        f = mx * min(mpf(1), max(mpf(0), mx / 6 + mpf(1) / 2))
        d = mpf(0) if x < -3 else (mx / 3 + mpf(1) / 2 if x <= 3 else mpf(1))
        return f, d
    if func == "hardtanh":
        lo, hi = mpf(par["Min"]), mpf(par["Max"])
        return min(hi, max(lo, mx)), (mpf(1) if lo < mx < hi else mpf(0))
    if func == "softsign":
        d = 1 + abs(mx)
        return mx / d, 1 / (d * d)
    raise ValueError(func)


def evaluate_from_output(func, par, y, typ):
    """g(y) = f'(x) written through the forward result y = f(x), exact for the given representable y."""
    my = mpf(y)  # exact (y may be +-inf: mpmath handles the limits below)
    if func == "relu":
        return mpf(1) if y > 0 else mpf(0)
    if func == "leakyrelu":
        return mpf(1) if y > 0 else mpf(par["NegativeSlope"])
    if func == "hardsigmoid":
        return mpf(1) / 6 if 0 < y < 1 else mpf(0)
    if func == "hardtanh":
        # The bounds as the forward method writes them: rounded to the element type.
        lo, hi = to_type(par["Min"], typ), to_type(par["Max"], typ)
        return mpf(1) if lo < y < hi else mpf(0)
    if func == "softsign":
        c = 1 - abs(my)
        return c * c
    if func == "sigmoid":
        return my * (1 - my)
    if func == "elu":
        return mpf(1) if y > 0 else my + mpf(par["Alpha"])
    if func == "celu":
        a = mpf(par["Alpha"])
        return mpf(1) if y > 0 else (my + a) / a
    if func == "selu":
        return SELU_LAMBDA if y > 0 else my + SELU_LAMBDA * SELU_ALPHA
    if func == "softplus":
        if math.isinf(y):
            return mpf(1)  # y -> sign(Beta) inf as Beta x -> +inf, where sigma(Beta x) -> 1
        return -mp.expm1(mp.fmul(-mpf(par.get("Beta", 1.0)), my, exact=True))
    if func == "tanh":
        return 1 - my * my
    raise ValueError(func)


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------


def centres(func, par):
    """(centres for the dense +-2 grids, low centre, high centre)."""
    if func == "sigmoid":
        c = par["Offset"]
        return [c], c, c
    if func in ROOTS:
        return [0.0, float(ROOTS[func](par))], 0.0, 0.0
    if func == "sigmoidsum":
        offs = par["_offsets"]
        n = len(offs)
        picks = sorted({0, n - 1, n // 2, min(1, n - 1)}) if n > 3 else range(n)
        cs = [float(offs[i]) for i in picks]
        return cs, float(min(offs)), float(max(offs))
    return [0.0], 0.0, 0.0


def silu_derivative_root():
    """z0 < 0 with 1 + z0 + e^z0 = 0, where the SiLU derivative
    sigma(z) (1 + z sigma(-z)) = sigma(z) sigma(-z) (1 + z + e^z) changes sign."""
    return mp.findroot(lambda z: 1 + z + mp.exp(z), mpf(-1.28))


def neighbours(v, typ, count):
    """The count representable values on each side of v (and v rounded)."""
    x = to_type(float(v), typ)
    out = [x]
    lo = hi = x
    for _ in range(count):
        if typ == "float":
            lo = f32_from_bits(f32_bits(lo) + (1 if lo < 0 else -1)) if lo != 0 else lo
            hi = f32_from_bits(f32_bits(hi) + (-1 if hi < 0 else 1)) if hi != 0 else hi
        else:
            lo = math.nextafter(lo, -math.inf)
            hi = math.nextafter(hi, math.inf)
        out += [lo, hi]
    return out


def extra_inputs(func, par, typ):
    """Inputs beyond the common ones, where a function needs a closer look."""
    if func == "silu" and par["Beta"] != 0:
        # f' crosses zero at x = z0 / Beta: 1 + z + e^z cancels there.
        return neighbours(silu_derivative_root() / mpf(par["Beta"]), typ, 20)
    return []


def gelu_root(par):
    """Where the GELU derivative vanishes (its minimum), to 80 digits."""
    if par["Approximate"] == "None":
        return mp.findroot(lambda x: mp.ncdf(x) + x * mp.npdf(x), mpf("-0.75"))
    c = 2 * mp.sqrt(2 / mp.pi)

    def d(x):
        v = c * (x + mpf("0.044715") * x ** 3)
        s, t = sigma_pair(v)
        return s + x * s * t * c * (1 + 3 * mpf("0.044715") * x ** 2)

    return mp.findroot(d, mpf("-0.75"))


def mish_root(par):
    """Where the Mish derivative vanishes (its minimum), to 80 digits."""
    def d(x):
        t = mp.exp(x)
        n = t * (t + 2)
        s, _ = sigma_pair(x)
        return n / (n + 2) + x * 4 * (1 + t) ** 2 / (n + 2) ** 2 * s

    return mp.findroot(d, mpf("-1.19"))


# Functions whose derivative has a zero: their tables also hold the inputs nearest that zero.
ROOTS = {"gelu": gelu_root, "mish": mish_root}


def linspace(a, b, n):
    return [a + (b - a) * i / (n - 1) for i in range(n)]


def large_sum_inputs(name, par, typ):
    """About 250 inputs for a SigmoidSum with many terms: a grid over the offsets and 60 beyond, every centre +-2, the
    tails where the sum underflows and saturates, the extremes and 40 random values."""
    cs, lo_c, hi_c = centres("sigmoidsum", par)
    raw = linspace(lo_c - 60.0, hi_c + 60.0, 101)
    for c in cs:
        raw += linspace(c - 2.0, c + 2.0, 21)
    r0, r1 = (690.0, 760.0) if typ == "double" else (80.0, 110.0)
    raw += [lo_c + v for v in linspace(-r1, -r0, 15)] + [hi_c + v for v in linspace(r0, r1, 15)]
    big = DOUBLE_MAX if typ == "double" else FLOAT_MAX
    raw += [0.0, -0.0, 1e-30, -1e-30, big, -big, math.inf, -math.inf, 1e30, -1e30]
    rng = random.Random(zlib.crc32(name.encode("ascii")))
    raw += [rng.uniform(lo_c - 40.0, hi_c + 40.0) for _ in range(40)]
    return unique_sorted(raw, typ)


def make_inputs(name, func, par, typ):
    if func == "sigmoidsum" and par["Count"] > LARGE_SUM:
        return large_sum_inputs(name, par, typ)
    cs, lo_c, hi_c = centres(func, par)
    raw = []
    # dense grid over [-50, 50]
    raw += linspace(-50.0, 50.0, 1201)
    # denser grids around each centre
    for c in cs:
        raw += linspace(c - 2.0, c + 2.0, 201)
    # tiny values and signed zeros
    if typ == "float":
        mn, sub, big = FLOAT_MIN_NORMAL, FLOAT_MIN_SUBNORMAL, FLOAT_MAX
    else:
        mn, sub, big = DOUBLE_MIN_NORMAL, DOUBLE_MIN_SUBNORMAL, DOUBLE_MAX
    for t in (1e-30, 1e-10, 1e-5, 1e-3, mn, sub, 0.0):
        raw += [t, -t]
    # logarithmically spaced magnitudes 1e-8 .. 1e30, both signs
    for i in range(150):
        m = 10.0 ** (-8.0 + 38.0 * i / 149)
        raw += [m, -m]
    # underflow / saturation regions shifted by the centre
    r0, r1 = (690.0, 760.0) if typ == "double" else (80.0, 110.0)
    raw += [lo_c + v for v in linspace(-r1, -r0, 100)]
    raw += [hi_c + v for v in linspace(r0, r1, 100)]
    # extremes
    raw += [big, -big, math.inf, -math.inf]
    raw += extra_inputs(func, par, typ)
    # the inputs nearest a zero of the derivative, where it is hardest to keep its relative accuracy
    if func in ROOTS:
        root = ROOTS[func](par)
        near = to_type(float(root), typ)
        step = (2.0 ** -24 if typ == "float" else 2.0 ** -53) * abs(near)
        raw += [near + k * step for k in range(-8, 9)]
    # pseudo-random values (fixed seed per table)
    rng = random.Random(zlib.crc32(name.encode("ascii")))
    nbits = 32 if typ == "float" else 64
    count = 0
    while count < 150:
        b = rng.getrandbits(nbits)
        v = f32_from_bits(b) if typ == "float" else f64_from_bits(b)
        if math.isnan(v) or math.isinf(v):
            continue
        raw.append(v)
        count += 1
    for _ in range(150):
        raw.append(rng.uniform(lo_c - 40.0, hi_c + 40.0))

    return unique_sorted(raw, typ)


def unique_sorted(raw, typ):
    """The distinct values of the type (rounded; NaN and overflows dropped), -0 before 0."""
    seen = {}
    for v in raw:
        t = to_type(v, typ)
        if t is None or math.isnan(t):
            continue
        seen.setdefault(type_bits(t, typ), t)
    xs = list(seen.values())
    xs.sort(key=lambda v: (v, 1 if math.copysign(1.0, v) > 0 else 0))
    return xs


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def csharp_double(v):
    if v == 0 and math.copysign(1.0, v) < 0:
        return "-0.0"
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    s = repr(v)
    assert float(s) == v
    return s


def attribute_text(func, par):
    name = ATTRIBUTE_NAMES[func]
    props = [(k, v) for k, v in par.items() if not k.startswith("_")]
    if not props:
        return "[%s]" % name
    parts = []
    for k, v in props:
        if k in ENUM_TYPES:
            text = ENUM_TYPES[k] + "." + v
        elif isinstance(v, int):
            text = str(v)
        else:
            text = csharp_double(v)
        parts.append("%s = %s" % (k, text))
    return "[%s(%s)]" % (name, ", ".join(parts))


def build_table(task):
    func, k, typ = task
    mp.dps = 80
    par = dict(SETS[func][k])
    if func == "sigmoidsum":
        par["_offsets"] = sigmoidsum_offsets(par)
    name = "%s_%d_%s" % (func, k, typ)
    lines = ["# attribute: " + attribute_text(func, par), "x,f,df"]
    for x in make_inputs(name, func, par, typ):
        f, df = evaluate(func, par, x)
        lines.append("%s,%s,%s" % (format_x(x, typ), format_value(f), format_value(df)))
    return name + ".csv", "\n".join(lines) + "\n"


def from_output_extra(func, par, typ):
    """More y where g(y) cancels: next to the finite ends of the range of f (the forward results of the regular
    inputs reach them only through rounding), kept inside the range as the type holds it."""
    ends = {
        "sigmoid": (mpf(0), mpf(1)),
        "elu": (-mpf(par.get("Alpha", 1.0)), None),
        "celu": (-mpf(par.get("Alpha", 1.0)), None),
        "selu": (-SELU_LAMBDA * SELU_ALPHA, None),
    }.get(func)
    if ends is None:
        return []
    lo, hi = (None if e is None else to_type(float(e), typ) for e in ends)
    raw = []
    for e in (lo, hi):
        if e is not None and e != 0:
            raw += neighbours(e, typ, 20)
            raw += [e * (1 + 2.0 ** -k) for k in range(1, 54)] + [e * (1 - 2.0 ** -k) for k in range(1, 54)]
    out = []
    for v in raw:
        t = to_type(v, typ)
        if t is not None and (lo is None or t >= lo) and (hi is None or t <= hi):
            out.append(t)
    return out


def build_from_output_table(task):
    """The forward results of the regular table's inputs (rounded to the type) as y, and the exact g(y)."""
    _, func, k, typ = task
    mp.dps = 80
    par = dict(SETS[func][k])
    name = "fromoutput_%s_%d_%s" % (func, k, typ)
    ys = {}
    for x in make_inputs("%s_%d_%s" % (func, k, typ), func, par, typ):
        f, _ = evaluate(func, par, x)
        y = math.copysign(math.inf, 1 if f == "Infinity" else -1) if isinstance(f, str) else to_type(f, typ)
        if y is None:  # beyond the float range: the forward method gives +-inf
            y = math.copysign(math.inf, f)
        ys.setdefault(type_bits(y, typ), y)
    for y in from_output_extra(func, par, typ):
        ys.setdefault(type_bits(y, typ), y)
    text = attribute_text(func, par)
    text = text[:-2] + ", FromOutput = true)]" if text.endswith(")]") else text[:-1] + "(FromOutput = true)]"
    lines = ["# attribute: " + text, "y,g"]
    for y in sorted(ys.values(), key=lambda v: (v, 1 if math.copysign(1.0, v) > 0 else 0)):
        lines.append("%s,%s" % (format_x(y, typ), format_value(evaluate_from_output(func, par, y, typ))))
    return name + ".csv", "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Extreme parameters (ParameterRangeTests.cs): ParameterRanges/<func>_<param>_<k>_double.csv
# ---------------------------------------------------------------------------

# Every double parameter of every attribute at each of these values (k is the index), with the other parameters at
# values that keep the set valid (From <= To, Min < Max). The float kernels are checked against a double reference
# written in the test; these tables serve the double kernels, and the float SigmoidSum kernels (whose offsets are exact
# rationals, which a double reference would round).
EXTREME_VALUES = [v for m in (1e-45, 1e-39, 3.5e38, 1e308, 5e-324) for v in (m, -m)] + [0.0, -0.0]

# (func, parameter, the other parameters as written in the attribute)
EXTREME_PARAMETERS = [
    ("sigmoid", "Offset", {}),
    ("sigmoidsum", "From", {"To": DOUBLE_MAX}),
    ("sigmoidsum", "To", {"From": -DOUBLE_MAX}),
    ("sigmoidsum", "Scale", {}),
    ("elu", "Alpha", {}),
    ("leakyrelu", "NegativeSlope", {}),
    ("celu", "Alpha", {}),
    ("silu", "Beta", {}),
    ("softplus", "Beta", {}),
    ("hardtanh", "Min", {"Max": DOUBLE_MAX}),
    ("hardtanh", "Max", {"Min": -DOUBLE_MAX}),
]

# The finite ends of the accepted ranges the README lists (k continues after EXTREME_VALUES).
RANGE_ENDS = {
    ("sigmoidsum", "Scale"): [1e200, -1e200],
    ("elu", "Alpha"): [1e280, -1e280],
    ("celu", "Alpha"): [2.2250738585072014e-308, -2.2250738585072014e-308],
    ("silu", "Beta"): [1e-148, -1e-148],
    ("softplus", "Beta"): [1e-148, -1e-148],
}

# The defaults of the attributes' parameters (API.md), for the ones an extreme table does not write.
DEFAULTS = {
    "sigmoid": {"Offset": 0.0},
    "sigmoidsum": {"Count": 100, "From": 0.0, "To": 10.0, "Scale": 1.0},
    "elu": {"Alpha": 1.0},
    "leakyrelu": {"NegativeSlope": 0.01},
    "celu": {"Alpha": 1.0},
    "silu": {"Beta": 1.0},
    "softplus": {"Beta": 1.0},
    "hardtanh": {"Min": -1.0, "Max": 1.0},
}

# Where backward from the output is supported for the parameter value (FromOutput tables alongside).
EXTREME_FROM_OUTPUT = {
    "elu": lambda par: par["Alpha"] >= 0,
    "celu": lambda par: par["Alpha"] >= 0,
    "leakyrelu": lambda par: par["NegativeSlope"] > 0,
    "softplus": lambda par: True,
    "hardtanh": lambda par: True,
}

EXTREME_DIR = "ParameterRanges"


def extreme_types(func):
    return TYPES if func == "sigmoidsum" else ("double",)


def extreme_sets():
    """(name, func, par for evaluate, attribute par as written, type) for every valid extreme parameter set."""
    out = []
    for func, param, others in EXTREME_PARAMETERS:
        values = EXTREME_VALUES + RANGE_ENDS.get((func, param), [])
        for k, v in enumerate(values):
            written = dict([(param, v)] + list(others.items()))
            par = dict(DEFAULTS[func], **written)
            if (func, param) in (("celu", "Alpha"), ("softplus", "Beta")) and v == 0:
                continue  # divides by it: rejected by its own rule
            if func == "sigmoidsum":
                par["_offsets"] = sigmoidsum_offsets(par)
            for typ in extreme_types(func):
                out.append(("%s_%s_%d_%s" % (func, param.lower(), k, typ), func, par, written, typ))
    return out


def extreme_inputs(name, func, par, typ):
    """Values of the type that cover every region where the parameters matter, about 400 per table."""
    if typ == "float":
        mn, sub, big, band = FLOAT_MIN_NORMAL, FLOAT_MIN_SUBNORMAL, FLOAT_MAX, (80.0, 110.0)
    else:
        mn, sub, big, band = DOUBLE_MIN_NORMAL, DOUBLE_MIN_SUBNORMAL, DOUBLE_MAX, (690.0, 760.0)
    low, high = math.log10(sub), math.log10(big)
    raw = [0.0, mn, sub, big, math.inf]
    raw += [10.0 ** (low + (high - low) * i / 80) for i in range(80)]
    raw += linspace(-40.0, 40.0, 81)
    raw += [v * s for v in linspace(band[0], band[1], 15) for s in (1, -1)]
    raw = raw + [-v for v in raw]
    translations, scales = [], []
    if func == "sigmoid":
        translations = [par["Offset"]]
    elif func == "sigmoidsum":
        offs = par["_offsets"]
        n = len(offs)
        translations = [float(offs[i]) for i in sorted({0, 1, n // 2, n - 2, n - 1}) if 0 <= i < n]
    elif func == "hardtanh":
        translations = [par["Min"], par["Max"]]
    elif func in ("silu", "softplus"):
        scales = [par["Beta"]]
    elif func == "celu":
        scales = [1 / mpf(par["Alpha"])]
    for c in (c for c in translations if abs(c) <= big):
        raw += [c + d for d in linspace(-60.0, 60.0, 121)]
        raw += neighbours(c, typ, 5)
    for b in scales:
        if b != 0:
            raw += [float(z / mpf(b)) for z in linspace(-800.0, 800.0, 161) + linspace(-4.0, 4.0, 41)]
    if func == "silu" and par["Beta"] != 0:
        raw += neighbours(silu_derivative_root() / mpf(par["Beta"]), typ, 5)
    # Where a scaled result crosses the smallest normal and the largest finite value.
    factor = {"elu": "Alpha", "leakyrelu": "NegativeSlope", "sigmoidsum": "Scale"}.get(func)
    if factor is not None and par[factor] != 0:
        a = abs(mpf(par[factor]))
        if func == "leakyrelu":
            raw += [-float(c / a) * (1 + e) for c in (mpf(mn), mpf(1), mpf(big)) for e in (-2.0 ** -40, 0, 2.0 ** -40)]
        else:
            # a·e^(x - From) (the left tail of the sum, or Alpha·e^x) reaches the smallest normal
            start = float(mp.log(mpf(mn) / a)) + (par["From"] if func == "sigmoidsum" else 0.0)
            raw += [start + d for d in linspace(-20.0, 20.0, 41)]
    rng = random.Random(zlib.crc32(name.encode("ascii")))
    for _ in range(40):
        v = f32_from_bits(rng.getrandbits(32)) if typ == "float" else f64_from_bits(rng.getrandbits(64))
        if not (math.isnan(v) or math.isinf(v)):
            raw.append(v)
    return unique_sorted(raw, typ)


def extreme_attribute(func, written, from_output=False):
    parts = ["%s = %s" % (k, csharp_double(v)) for k, v in written.items()]
    if from_output:
        parts.append("FromOutput = true")
    return "[%s(%s)]" % (ATTRIBUTE_NAMES[func], ", ".join(parts))


def build_extreme_table(task):
    _, name, func, par, written, typ = task
    mp.dps = 80
    lines = ["# attribute: " + extreme_attribute(func, written), "x,f,df"]
    ys = {}
    for x in extreme_inputs(name, func, par, typ):
        f, df = evaluate(func, par, x)
        lines.append("%s,%s,%s" % (format_x(x, typ), format_value(f), format_value(df)))
        y = math.copysign(math.inf, 1 if f == "Infinity" else -1) if isinstance(f, str) else to_type(f, typ)
        if y is None:  # beyond the float range
            y = math.copysign(math.inf, f)
        ys.setdefault(type_bits(y, typ), y)
    files = [(EXTREME_DIR + "/" + name + ".csv", "\n".join(lines) + "\n")]
    if func in EXTREME_FROM_OUTPUT and EXTREME_FROM_OUTPUT[func](par):
        for y in from_output_extra(func, par, typ):
            ys.setdefault(type_bits(y, typ), y)
        lines = ["# attribute: " + extreme_attribute(func, written, from_output=True), "y,g"]
        for y in sorted(ys.values(), key=lambda v: (v, 1 if math.copysign(1.0, v) > 0 else 0)):
            lines.append("%s,%s" % (format_x(y, typ), format_value(evaluate_from_output(func, par, y, typ))))
        files.append((EXTREME_DIR + "/" + FROM_OUTPUT_PREFIX + name + ".csv", "\n".join(lines) + "\n"))
    return files


FROM_OUTPUT_PREFIX = "fromoutput_"


def build(task):
    if task[0] == "extreme":
        return build_extreme_table(task)
    return [build_from_output_table(task) if task[0] == "fromoutput" else build_table(task)]


def all_tasks():
    tasks = [(func, k, typ) for func in SETS for k in range(len(SETS[func])) for typ in TYPES]
    tasks += [("fromoutput", func, k, typ) for func in FROM_OUTPUT for k in FROM_OUTPUT[func] for typ in TYPES]
    return tasks + [("extreme",) + s for s in extreme_sets()]


def task_name(task):
    """The table's file name without .csv (and without its directory)."""
    if task[0] == "extreme":
        return task[1]
    if task[0] == "fromoutput":
        return FROM_OUTPUT_PREFIX + "%s_%d_%s" % task[1:]
    return "%s_%d_%s" % task


def main():
    """python3 make_reference.py [PATTERN ...]: every table, or only those whose name matches a shell pattern
    (e.g. 'sigmoidsum_[0-9]*' for the SigmoidSum parameter sets; the other files are left as they are)."""
    start = time.time()
    tasks = all_tasks()
    if len(sys.argv) > 1:
        tasks = [t for t in tasks if any(fnmatch.fnmatchcase(task_name(t), p) for p in sys.argv[1:])]
    # Heaviest tables first so that the two workers finish together.
    order = sorted(range(len(tasks)), key=lambda i: tasks[i][0] != "sigmoidsum")
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = [f for files in pool.map(build, [tasks[i] for i in order], chunksize=1) for f in files]
    os.makedirs(os.path.join(OUT_DIR, EXTREME_DIR), exist_ok=True)
    total = 0
    for fname, text in sorted(results):
        data = text.encode("utf-8")
        with open(os.path.join(OUT_DIR, fname), "wb") as fh:
            fh.write(data)
        total += len(data)
        print("%-34s %6d lines %8d bytes" % (fname, text.count("\n"), len(data)))
    print("total %d bytes in %d files, %.1f s" % (total, len(results), time.time() - start))


if __name__ == "__main__":
    main()
