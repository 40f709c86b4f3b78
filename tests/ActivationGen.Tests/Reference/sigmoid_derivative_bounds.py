#!/usr/bin/env python3
"""Measure SigmoidSumSeries.RelativeDerivativeBound: max over z of |σ^(m)(z)| / min(σ(z), σ'(z)), m = 1 … 45.

The series of SigmoidSum (Euler–Maclaurin and Taylor about the midpoint) choose their number of terms from these
bounds: a left-out term is a derivative of σ, and the sum it corrects is at least σ(z) or σ'(z) of the nearest end.
σ^(m) is a polynomial in s = σ(z): P_0(s) = s and P_(m+1)(s) = P_m'(s)·s(1 - s) (since ds/dz = s(1 - s)), with integer
coefficients (exact Python integers here); it is evaluated with mpmath at 100 digits (the coefficients reach 1e55
and cancel near s = 1/2) on z = -40 … 40 by steps of 0.05, and each maximum is rounded up to 4 significant digits
(values below 100 to 1 decimal, integers up to 1e6 to the next integer above, as the table has them).

Usage (from the repository root; mpmath, `apt-get install -y python3-mpmath`), about 20 s:

    /usr/bin/python3 tests/ActivationGen.Tests/Reference/sigmoid_derivative_bounds.py [--check]

prints the table in the layout of src/ActivationGen/Kernels/SigmoidSumSeries.cs; with --check it also reads the
committed table there and reports every entry below the measured maximum (exit status 1 if there is one).
"""

import re
import sys

from mpmath import mp, mpf

mp.dps = 100
HIGHEST = 45
SERIES = "src/ActivationGen/Kernels/SigmoidSumSeries.cs"


def derivative_polynomials(highest):
    """P_m for m = 0 … highest as integer coefficient lists, lowest degree first."""
    polys = [[0, 1]]  # P_0 = s
    for _ in range(highest):
        p = polys[-1]
        dp = [i * p[i] for i in range(1, len(p))]  # P'
        # P' · (s - s^2)
        out = [0] * (len(dp) + 2)
        for i, c in enumerate(dp):
            out[i + 1] += c
            out[i + 2] -= c
        while len(out) > 1 and out[-1] == 0:
            out.pop()
        polys.append(out)
    return polys


def horner(coefficients, s):
    value = mpf(0)
    for c in reversed(coefficients):
        value = value * s + c
    return value


def measure(per_unit=20):
    polys = derivative_polynomials(HIGHEST)
    maxima = [mpf(0)] * (HIGHEST + 1)
    for k in range(-40 * per_unit, 40 * per_unit + 1):  # z = k/per_unit, exactly
        z = mpf(k) / per_unit
        s = 1 / (1 + mp.exp(-z))
        smaller = min(s, s * (1 - s))
        for m in range(1, HIGHEST + 1):
            ratio = abs(horner(polys[m], s)) / smaller
            if ratio > maxima[m]:
                maxima[m] = ratio
    return maxima[1:]


def round_up(v):
    """v rounded up to 4 significant digits, as a C# literal: plain below 1e6, else with an exponent."""
    exponent = int(mp.floor(mp.log10(v)))
    digits = int(mp.ceil(v / mpf(10) ** (exponent - 3)))  # 1000 … 10000
    if digits == 10000:
        digits, exponent = 1000, exponent + 1
    if exponent < 6:
        return ("%.*f" % (max(0, 3 - exponent), digits * 10.0 ** (exponent - 3))).rstrip("0").rstrip(".") if exponent < 3 else str(digits * 10 ** (exponent - 3))
    return ("%.3f" % (digits / 1000)).rstrip("0").rstrip(".") + "e" + str(exponent)


def committed():
    with open(SERIES, encoding="utf-8") as f:
        text = f.read()
    body = re.search(r"RelativeDerivativeBound =\s*\{(.*?)\};", text, re.S).group(1)
    return [float(v) for v in body.replace("\n", " ").split(",") if v.strip()]


def main():
    step = float(sys.argv[sys.argv.index("--step") + 1]) if "--step" in sys.argv else 0.05
    maxima = measure(round(1 / step))
    lines, line = [], "       "
    for text in (round_up(v) for v in maxima):
        if len(line) + len(text) + 2 > 120:
            lines.append(line)
            line = "       "
        line += " " + text + ","
    print("\n".join(lines + [line]))
    if "--check" in sys.argv:
        table = committed()
        bad = 0
        if len(table) != len(maxima):
            print("committed table has %d entries, measured %d" % (len(table), len(maxima)))
            bad += 1
        for m, (c, v) in enumerate(zip(table, maxima), start=1):
            if c < v:
                print("m = %d: committed %g is below the measured maximum %s" % (m, c, mp.nstr(v, 8)))
                bad += 1
            elif c > 1.01 * float(v) + 0.1:
                print("m = %d: committed %g is more than 1%% above the measured maximum %s" % (m, c, mp.nstr(v, 8)))
        print("check: %s" % ("all committed entries bound the measured maxima" if bad == 0 else "%d problem(s)" % bad))
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
