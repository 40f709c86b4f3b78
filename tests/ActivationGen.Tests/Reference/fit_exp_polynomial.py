#!/usr/bin/env python3
"""Fit the float polynomials of the helpers' exp/expm1 (ExpM1Reduced) and log1p (Log1pUnit) for float lanes.

After the range reduction x = k·ln2 + r, |r| <= ln2/2 (plus a little for the rounding of k), the runtime computes

    e^r - 1 ~= r + r^2 · q(r),   q(r) = c0 + c1 r + ... + cd r^d

(the leading r is exact, so expm1 near 0 and e^0 = 1 stay exact). This script finds float coefficients c_j that
minimise the largest error relative to e^r over |r| <= R with a Remez exchange on the weighted problem
q(r) ~ q*(r) = (e^r - 1 - r) / r^2 with weight r^2 / e^r, rounds c0 to float, refits the others with c0 fixed, and so
on (each rounding is absorbed by the coefficients still free), then checks the result on a fine grid with the float
coefficients, relative to e^r and to e^r - 1, in units of 2^-23 (one ULP of 1.0).

Usage (from the repository root; mpmath, `apt-get install -y python3-mpmath`):

    /usr/bin/python3 tests/ActivationGen.Tests/Reference/fit_exp_polynomial.py [degree of q, default 4] [degree of P, default 3]

Log1pUnit computes ln(1 + t), 0 <= t <= 1, as 2·atanh(s), s = t / (2 + t) in [0, 1/3], = 2s + 2s^3·P(s^2); P is fitted
the same way (the second part of the output).
"""

import struct
import sys

import mpmath
from mpmath import mp, mpf

mp.dps = 50

# ln2/2 = 0.34657...; the reduction rounds k to nearest, so |r| exceeds it only by rounding (far below 1e-6).
R = mpf("0.3466")


def to_float(v):
    return mpf(struct.unpack("<f", struct.pack("<f", float(v)))[0])


def q_star(r):
    return (mpmath.expm1(r) - r) / r**2 if r != 0 else mpf(1) / 2


def weight(r):
    return r**2 / mpmath.exp(r)


def remez(fixed, degree, q_star=q_star, weight=weight, low=-R, high=R, iterations=30, grid_points=3000):
    """Free coefficients c_len(fixed)..c_degree of q minimising max |weight·(q* - q)| on [low, high], c_0.. fixed."""
    nfix = len(fixed)
    nfree = degree + 1 - nfix
    m = nfree + 1
    grid = [low + (high - low) * mpf(i) / grid_points for i in range(grid_points + 1)]
    grid = [x for x in grid if x != 0]

    def target(r):
        return q_star(r) - sum(c * r**j for j, c in enumerate(fixed))

    # Start from Chebyshev points, kept away from 0 (where the weights vanish).
    middle, half = (low + high) / 2, (high - low) / 2
    ref = [middle - half * mpmath.cos(mpmath.pi * i / (m - 1)) for i in range(m)]
    ref = [x if abs(x) > half / 20 else (half / 20 if i % 2 or low == 0 else -half / 20) for i, x in enumerate(ref)]
    coefficients, level = None, None
    for _ in range(iterations):
        a = mpmath.matrix(m, m)
        b = mpmath.matrix(m, 1)
        for i, x in enumerate(ref):
            for j in range(nfree):
                a[i, j] = x ** (nfix + j)
            a[i, nfree] = (-1) ** i / weight(x)
            b[i] = target(x)
        solution = mpmath.lu_solve(a, b)
        coefficients = [solution[j] for j in range(nfree)]
        level = abs(solution[nfree])

        def error(x):
            return weight(x) * (target(x) - sum(c * x ** (nfix + j) for j, c in enumerate(coefficients)))

        values = [error(x) for x in grid]
        # one extremum per run of equal sign
        runs = []
        for x, v in zip(grid, values):
            if runs and (runs[-1][1] > 0) == (v > 0):
                if abs(v) > abs(runs[-1][1]):
                    runs[-1] = (x, v)
            else:
                runs.append((x, v))
        while len(runs) > m:
            drop = 0 if abs(runs[0][1]) < abs(runs[-1][1]) else len(runs) - 1
            runs.pop(drop)
        if len(runs) < m:
            break
        new_ref = [x for x, _ in runs]
        worst = max(abs(v) for _, v in runs)
        ref = new_ref
        if worst - level < level * mpf("1e-6"):
            break
    return coefficients


def fit(degree, **problem):
    fixed = []
    for _ in range(degree + 1):
        free = remez(fixed, degree, **problem)
        fixed.append(to_float(free[0]))
    return fixed


# log1p(t) for 0 <= t <= 1 (Log1pUnit) is 2·atanh(s) with s = t/(2 + t) in [0, 1/3]: 2s + 2s^3·P(s^2), and
# P(w) ~ P*(w) = (atanh(sqrt w) - sqrt w) / w^(3/2) on w in [0, 1/9]; the error relative to log1p is about w·(P* - P).
W = mpf(1) / 9


def p_star(w):
    return (mpmath.atanh(mpmath.sqrt(w)) - mpmath.sqrt(w)) / w ** mpf(1.5) if w != 0 else mpf(1) / 3


def p_weight(w):
    s = mpmath.sqrt(w)
    return s**3 / mpmath.atanh(s)


def check_log(coefficients, points=20000):
    worst = mpf(0)
    for i in range(1, points + 1):
        w = W * mpf(i) / points
        s = mpmath.sqrt(w)
        approx = s + s**3 * sum(c * w**j for j, c in enumerate(coefficients))
        worst = max(worst, abs(approx / mpmath.atanh(s) - 1))
    return worst / mpf(2) ** -23


def check(coefficients, points=40000):
    worst_exp = worst_expm1 = mpf(0)
    for i in range(points + 1):
        r = -R + 2 * R * mpf(i) / points
        if r == 0:
            continue
        p = r + r**2 * sum(c * r**j for j, c in enumerate(coefficients))
        e = mpmath.expm1(r)
        worst_exp = max(worst_exp, abs((p - e) / (e + 1)))
        worst_expm1 = max(worst_expm1, abs((p - e) / e))
    ulp = mpf(2) ** -23
    return worst_exp / ulp, worst_expm1 / ulp


def print_coefficients(coefficients):
    for j, c in enumerate(coefficients):
        print(f"  c{j} = {mpmath.nstr(c, 12)}  ({float(c)!r}f, bits 0x{struct.unpack('<I', struct.pack('<f', float(c)))[0]:08X})")


def main():
    degree = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    log_degree = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    coefficients = fit(degree)
    rel_exp, rel_expm1 = check(coefficients)
    print(f"exp: q of degree {degree} (e^r of degree {degree + 2}) on |r| <= {R}, float coefficients:")
    print_coefficients(coefficients)
    print(f"max error relative to e^r: {mpmath.nstr(rel_exp, 4)} ULP(1); relative to e^r - 1: {mpmath.nstr(rel_expm1, 4)} ULP")
    log_coefficients = fit(log_degree, q_star=p_star, weight=p_weight, low=mpf(0), high=W)
    print(f"log1p: P of degree {log_degree} in w = s^2 on [0, 1/9], float coefficients:")
    print_coefficients(log_coefficients)
    print(f"max error of atanh(s) (so of log1p(t)), relative: {mpmath.nstr(check_log(log_coefficients), 4)} ULP")


if __name__ == "__main__":
    main()
