#!/usr/bin/env python3
"""Generate the reference table of ActivationGen.Fn (Sigmoid, Softplus, Erf, Erfc): Fn/fn_reference.csv.

The functions Fn denotes, computed in exact real arithmetic (mpmath) at inputs x that are doubles, many of them also
floats (so that the float overloads are checked on the same rows):

    sigmoid(x)  = 1 / (1 + e^-x)         computed as 1 / (1 + e^-x) and e^x / (1 + e^x) for x < 0
    softplus(x) = ln(1 + e^x)            computed as max(x, 0) + log1p(e^-|x|)
    erf(x)      = 2/sqrt(pi) int_0^x e^(-t^2) dt
    erfc(x)     = 1 - erf(x)

Format (UTF-8, `\\n` line endings): a comment line, the header `function,x,value`, then one row per function and input,
the functions in the order above and the inputs of each in increasing order (-0 before 0):

- `x` is the shortest string that round-trips to the double (`repr`), or `0`, `-0`, `Infinity`, `-Infinity`.
- `value` is the exact value rounded to 30 significant digits (format_value of make_reference.py): a magnitude
  below 1e-1000 is written `0` (`-0` if negative), one above 1e1000 `Infinity` / `-Infinity`, an exact zero `0` --
  except erf(-0) = -0, the odd function's value at -0, written `-0`. At x = +-Infinity the limits.
- For |x| > 50, erfc(|x|) < e^(-2500) < 1e-1000, so erfc(x) is written `0` for x > 50, and erf(x) = +-(1 - erfc(|x|)),
  erfc(-|x|) = 2 - erfc(|x|) are written from those (mpmath's erfc cannot take x near 1e308).

Inputs (the same for all four functions, plus a few per function): +-0; +-the smallest subnormal, subnormals and
powers of two down to it; +-the smallest normal; 300 log-spaced magnitudes from 1e-320 to 1e308 with both signs;
+-the largest double and float; +-Infinity; a grid over [-30, 30] with step 1/32 (exact floats); 600 random doubles
and 400 random floats in [-30, 30]; 120 random finite double bit patterns and 120 float ones. Per function:

- sigmoid and softplus: where e^x underflows in double ([-760, -700], the neighbours of -745.1332 and -708.3964) and
  in float ([-110, -80] as floats); where sigmoid rounds to 1 and softplus to x ([30, 45], the neighbours of 40).
- erf and erfc: dense on [-28, 28] (2000 random doubles more); erfc's subnormal and underflow range [25.5, 27.5]
  (400 points, the neighbours of 26.5432 and 27.2264) and the float one ([9, 10.5] as floats); where erf rounds to
  +-1 ([5.5, 6.5] with both signs); the neighbours of +-1/2.

Every value is computed at mp.dps = 60 and again at mp.dps = 90; the two must agree to 45 significant digits (or both
be below 1e-1000). The random inputs come from random.Random seeded with a constant, so the output is deterministic:
the same bytes on every run.

Usage (from the repository root; needs mpmath):

    /usr/bin/python3 tests/ActivationGen.Tests/Reference/make_fn_reference.py
"""

import math
import os
import random
import sys
import time

import mpmath
from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from make_reference import (  # noqa: E402
    DOUBLE_MAX,
    DOUBLE_MIN_NORMAL,
    DOUBLE_MIN_SUBNORMAL,
    FLOAT_MAX,
    ZERO_CUTOFF,
    f32_from_bits,
    f64_from_bits,
    format_value,
    format_x,
    linspace,
    neighbours,
    to_f32,
    unique_sorted,
)

OUT_DIR = os.path.join(HERE, "Fn")
OUT_FILE = "fn_reference.csv"
FUNCTIONS = ("sigmoid", "softplus", "erf", "erfc")
SEED = 20261204

# Beyond this |x|, erfc(|x|) < e^(-x^2) <= e^(-2500) < 1e-1000 (written 0).
ERF_FAR = 50


# ---------------------------------------------------------------------------
# The exact functions (finite x, as an mpf; the result an mpf or "0" / "-0")
# ---------------------------------------------------------------------------


def sigmoid(x):
    if x >= 0:
        return 1 / (1 + mp.exp(-x))
    e = mp.exp(x)
    return e / (1 + e)


def softplus(x):
    return max(x, mpf(0)) + mp.log1p(mp.exp(-abs(x)))


def erf(x):
    if x == 0:
        return mpf(0)
    if abs(x) > ERF_FAR:
        return mpf(1) if x > 0 else mpf(-1)  # 1 - erfc(|x|), erfc(|x|) < 1e-1000: 1 to any number of digits written
    return mp.erf(x)


def erfc(x):
    if x > ERF_FAR:
        return "0"  # 0 < erfc(x) < 1e-1000
    if x < -ERF_FAR:
        return mpf(2)  # 2 - erfc(|x|), erfc(|x|) < 1e-1000
    return mp.erfc(x)


EXACT = {"sigmoid": sigmoid, "softplus": softplus, "erf": erf, "erfc": erfc}

# The limits at +Infinity and -Infinity.
LIMITS = {
    "sigmoid": ("1", "0"),
    "softplus": ("Infinity", "0"),
    "erf": ("1", "-1"),
    "erfc": ("0", "2"),
}


def value(func, x):
    """The table's string for func at the double x: computed twice, at two precisions that must agree."""
    if math.isinf(x):
        return LIMITS[func][0 if x > 0 else 1]
    if func == "erf" and x == 0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    results = []
    for dps in (60, 90):
        mp.dps = dps
        results.append(EXACT[func](mpf(x)))
    mp.dps = 60
    a, b = results
    if isinstance(a, str) or isinstance(b, str):
        assert a == b, (func, x, a, b)
        return a
    if abs(a) < ZERO_CUTOFF and abs(b) < ZERO_CUTOFF:
        return format_value(a)
    assert a == b or abs(a - b) <= abs(b) * mpf("1e-45"), (func, x, a, b)
    return format_value(b)


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------


def both_signs(values):
    return [s * v for v in values for s in (1.0, -1.0)]


def common_inputs(rng):
    raw = [0.0, -0.0, math.inf, -math.inf]
    raw += both_signs([DOUBLE_MIN_SUBNORMAL, 2 * DOUBLE_MIN_SUBNORMAL, 3 * DOUBLE_MIN_SUBNORMAL, 1e-320, 1e-310])
    raw += both_signs([DOUBLE_MIN_NORMAL, math.nextafter(DOUBLE_MIN_NORMAL, 0), math.nextafter(DOUBLE_MIN_NORMAL, 1)])
    raw += both_signs([math.ldexp(m, -k) for k in range(1, 1075, 9) for m in (1.0, 1.37)])
    raw += both_signs([10.0 ** e for e in linspace(-320, 308, 300)])
    raw += both_signs([DOUBLE_MAX, FLOAT_MAX, 1e300, 1e200, 1e100, 1e30, 1e20, 1e10])
    raw += both_signs([math.ldexp(1.0, -149), math.ldexp(1.0, -126), 1e-45, 1e-40, 1e-38])
    raw += [i / 32 for i in range(-30 * 32, 30 * 32 + 1)]
    raw += [rng.uniform(-30, 30) for _ in range(600)]
    raw += [to_f32(rng.uniform(-30, 30)) for _ in range(400)]
    for _ in range(120):
        v = f64_from_bits(rng.getrandbits(64))
        if math.isfinite(v):
            raw.append(v)
    for _ in range(120):
        v = f32_from_bits(rng.getrandbits(32))
        if math.isfinite(v):
            raw.append(v)
    return raw


def function_inputs(func, rng):
    raw = []
    if func in ("sigmoid", "softplus"):
        raw += linspace(-760, -700, 300)
        raw += neighbours(-745.1332191019412, "double", 10) + neighbours(-708.3964185322641, "double", 10)
        raw += [to_f32(v) for v in linspace(-110, -80, 200)]
        raw += linspace(30, 45, 200) + neighbours(40.0, "double", 10)
    else:
        raw += [rng.uniform(-28, 28) for _ in range(2000)]
        raw += linspace(25.5, 27.5, 400)
        raw += neighbours(26.5432, "double", 10) + neighbours(27.2264, "double", 10)
        raw += [to_f32(v) for v in linspace(9, 10.5, 200)]
        raw += both_signs(linspace(5.5, 6.5, 100))
        raw += both_signs(neighbours(0.5, "double", 10))
    return raw


def main():
    start = time.time()
    mp.dps = 60
    lines = ["# ActivationGen.Fn: exact sigmoid, softplus, erf, erfc (make_fn_reference.py)", "function,x,value"]
    rng = random.Random(SEED)
    common = common_inputs(rng)
    for func in FUNCTIONS:
        xs = unique_sorted(common + function_inputs(func, rng), "double")
        for x in xs:
            lines.append("%s,%s,%s" % (func, format_x(x, "double"), value(func, x)))
        print("%-8s %5d rows" % (func, len(xs)))
    os.makedirs(OUT_DIR, exist_ok=True)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(os.path.join(OUT_DIR, OUT_FILE), "wb") as fh:
        fh.write(data)
    print("%s: %d bytes, %.1f s" % (OUT_FILE, len(data), time.time() - start))


if __name__ == "__main__":
    main()
