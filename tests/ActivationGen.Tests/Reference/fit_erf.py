#!/usr/bin/env python3
"""Derive the coefficients of ActivationGen.Fn's erf/erfc (FnSource.cs) and of the vector helper Erf.cs.

Deterministic (mpmath, 50 digits, Chebyshev fits via mpmath.chebyfit converted to monomials); prints C# literals,
highest degree first for Horner's scheme, and the maximum relative error of each fit with the coefficients rounded to
double, measured on a dense grid against the exact function.

    /usr/bin/python3 tests/ActivationGen.Tests/Reference/fit_erf.py

- Small |x| (|x| < 1/2): erf(x) = x + x Q(x^2), Q fitted over z = x^2 in [0, 1/4] for the error of x + x Q relative to
  erf(x) (the leading term x stays exact, so Q's roundings are scaled down by Q / (1 + Q) < 0.12).
- Tail (x >= 1/2, the whole half-line): erfc(x) = e^(-x^2) H(t) / (x + K), t = (x - K) / (x + K), K = 2, so t runs
  over [-0.6, 1) and H(1) = 1/sqrt(pi) (Schonfelder's form). H is fitted with degree 26; its three leading coefficients
  are written as double pairs (hi + lo) so that the last three Horner steps, evaluated with exact products, keep H's digits.
- The slope: D(t) ~ H'(t) of degree 6 (a few digits suffice): the caller adds D(t) times the rounding error of t.
"""

import mpmath
from mpmath import mp, mpf

mp.dps = 50

T1 = mpf(1) / 2
K = mpf(2)
SMALL_DEGREE = 9
TAIL_DEGREE = 26
SLOPE_DEGREE = 6


def literal(v):
    return repr(float(v)).replace("e", "E")


def erfcx(x):
    if x > 10 ** 8:
        # asymptotic series, far beyond double precision needs at this x
        s, term = mpf(1), mpf(1)
        for n in range(1, 6):
            term *= -(2 * n - 1) / (2 * x * x)
            s += term
        return s / (x * mp.sqrt(mp.pi))
    return mp.erfc(x) * mp.exp(x * x)


def H(t):
    if t >= 1:
        return 1 / mp.sqrt(mp.pi)
    x = K * (1 + t) / (1 - t)
    return (x + K) * erfcx(x)


def Q(z):
    if z == 0:
        return 2 / mp.sqrt(mp.pi) - 1
    x = mp.sqrt(z)
    return mp.erf(x) / x - 1


def split(v):
    hi = mpf(float(v))
    return hi, mpf(float(v - hi))


def show(name, coefficients):
    print(f"{name} (highest degree first):")
    for c in coefficients:
        print("    " + literal(c))


def main():
    # Small |x|: x + x Q(x^2); error relative to erf(x)/x = 1 + Q.
    q = mpmath.chebyfit(Q, [mpf(0), T1 * T1], SMALL_DEGREE + 1)
    qd = [mpf(float(c)) for c in q]
    grid = [T1 * T1 * i / 2000 for i in range(2001)]
    err = max(abs((1 + mpmath.polyval(qd, z)) / (1 + Q(z)) - 1) for z in grid)
    show(f"ErfSmall Q, degree {SMALL_DEGREE} in x^2, max relative error {mpmath.nstr(err, 3)}", qd)

    # Tail: H(t) on [t0, 1].
    t0 = (T1 - K) / (T1 + K)
    h = mpmath.chebyfit(H, [t0, mpf(1)], TAIL_DEGREE + 1)
    c = h[::-1]  # ascending
    c0hi, c0lo = split(c[0])
    c1hi, c1lo = split(c[1])
    c2hi, c2lo = split(c[2])
    rest = [mpf(float(v)) for v in c[3:]]
    used = [c0hi + c0lo, c1hi + c1lo, c2hi + c2lo] + rest
    grid = [t0 + (1 - t0) * i / 4000 for i in range(4001)]
    err = max(abs(mpmath.polyval(used[::-1], t) / H(t) - 1) for t in grid)
    print(f"ErfcTail K = {K}, t0 = {float(t0)}, degree {TAIL_DEGREE}, max relative error {mpmath.nstr(err, 3)}")
    print("    c0 = " + literal(c0hi) + " + " + literal(c0lo))
    print("    c1 = " + literal(c1hi) + " + " + literal(c1lo))
    print("    c2 = " + literal(c2hi) + " + " + literal(c2lo))
    show("    c3..", rest[::-1])

    # Slope D ~ H'.
    derivative = [j * c[j] for j in range(1, len(c))]  # ascending
    d = mpmath.chebyfit(lambda t: mpmath.polyval(derivative[::-1], t), [t0, mpf(1)], SLOPE_DEGREE + 1)
    dd = [mpf(float(v)) for v in d]
    err = max(abs(mpmath.polyval(dd, t) / mpmath.polyval(derivative[::-1], t) - 1) for t in grid
              if abs(mpmath.polyval(derivative[::-1], t)) > mpf(10) ** -3)
    scale = max(abs(mpmath.polyval(dd, t) - mpmath.polyval(derivative[::-1], t)) for t in grid)
    show(f"ErfcTailSlope D ~ H', degree {SLOPE_DEGREE}, max absolute error {mpmath.nstr(scale, 3)}", dd)

    # ln 2 split for the exponential's reduction: hi with 42 significant fraction bits (k hi exact for |k| < 2^11).
    ln2 = mp.log(2)
    hi = mpf(int(ln2 * 2 ** 42)) / 2 ** 42
    print("Ln2 hi (42 bits) = " + literal(hi) + ", lo = " + literal(ln2 - hi))


if __name__ == "__main__":
    main()
