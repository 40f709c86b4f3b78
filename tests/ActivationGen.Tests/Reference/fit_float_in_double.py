#!/usr/bin/env python3
"""Fit the polynomials of src/ActivationGen.Runtime/Helpers/FloatInDouble.cs (double lanes, about 1e-10 relative).

ExpForFloat: after x = k·ln2 + r, |r| <= ln2/2 (+ a little), e^r = 1 + r + r^2·q(r), q of degree 5 fitted to
(e^r - 1 - r)/r^2. TwoAtanhForFloat: ln((1 + s)/(1 - s)) = 2s + 2s^3·P(s^2), |s| <= 1/3, P of degree 4 fitted to
(atanh(s)/s - 1)/s^2 as a function of u = s^2 in [0, 1/9]. Both by mpmath's chebyfit (near-minimax: the results are
rounded to float, where a few 1e-10 are 0.005 ULP, so a Remez exchange buys nothing); the coefficients are rounded to
double and the relative error of the rounded polynomials is measured on a fine grid in exact arithmetic.

Usage (from the repository root; mpmath, `apt-get install -y python3-mpmath`), a few seconds:

    /usr/bin/python3 tests/ActivationGen.Tests/Reference/fit_float_in_double.py
"""

from mpmath import mp, mpf, chebyfit, exp, expm1, atanh, sqrt

mp.dps = 40
R = mpf("0.3466")  # ln2/2 = 0.34657...; k is rounded to nearest, so |r| exceeds it only by rounding


def q_star(r):
    return (expm1(r) - r) / r**2 if r != 0 else mpf(1) / 2


def p_star(u):
    if u == 0:
        return mpf(1) / 3
    s = sqrt(u)
    return (atanh(s) / s - 1) / u


def horner(coefficients, v):  # highest degree first
    total = mpf(0)
    for c in coefficients:
        total = total * v + mpf(c)
    return total


def main():
    q = [float(c) for c in chebyfit(q_star, [-R, R], 6)]
    worst = max(abs(1 + r + r * r * horner(q, r) - exp(r)) / exp(r) for r in (R * i / 4000 for i in range(-4000, 4001)))
    print("ExpForFloat: relative error %.3g" % float(worst))
    for i, c in enumerate(reversed(q)):
        print("    private const double EF%d = %r;" % (i, c))
    p = [float(c) for c in chebyfit(p_star, [0, mpf(1) / 9], 5)]
    worst = max(abs(2 * s + 2 * s**3 * horner(p, s * s) - 2 * atanh(s)) / (2 * atanh(s)) for s in (mpf(i) / 12000 for i in range(1, 4001)))
    print("TwoAtanhForFloat: relative error %.3g" % float(worst))
    for i, c in enumerate(reversed(p)):
        print("    private const double LF%d = %r;" % (i, c))


if __name__ == "__main__":
    main()
