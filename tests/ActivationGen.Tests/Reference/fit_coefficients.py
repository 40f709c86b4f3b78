#!/usr/bin/env python3
"""Derive the polynomial coefficients of the smooth activations' math (the helpers in src/ActivationGen.Runtime/Helpers).

Each polynomial is a Chebyshev fit (mpmath.chebyfit, 60 digits) of an exactly defined function, converted to
monomial coefficients and printed as C# literals (highest degree first, for Horner's scheme). The printed maximum
relative error is measured on a dense grid against the exact function.

    /usr/bin/python3 tests/ActivationGen.Tests/Reference/fit_coefficients.py

- TanhOdd: tanh(x) = x + x^3 P(x^2) for |x| <= 0.55, P fitted over s = x^2 in [0, 0.3025] (double and float).
- NormalTail: Phi(-a) = e^(-a^2/2) M(a), M(a) = H(t) / (a + K), t = (a - K) / (a + K), K = 5, fitted for a in [0, 40]
  (double lanes). Float lanes: M(a) = H(t) / (a + 3), t = (a - 3) / (a + 3) = 2a/(a + 3) - 1 (K = 3: H is flat near
  t = -1, so the rounding of t costs little there), degree 10 with float coefficients for a in [0, 15].
- Roots: f'(x) = d Q(d), d = x - x0, for the derivatives of GELU (exact and tanh form) and Mish, which vanish at x0;
  Q fitted over |d| <= W so the derivative keeps its relative accuracy around its zero (double lanes: W = 0.6; float
  lanes: W = 0.6, degree 9, float coefficients; Mish: -0.4 <= d <= 1.2,
  up to x = 0, degree 10, where the general fraction's roundings add up to 5 ULP).
- GELU near 0 in float lanes: Phi(x) = 1/2 + x S(x^2) for |x| < 0.6 and f'(x) = 1/2 + x T(x^2) for |x| < 0.35,
  T = S + phi, degree 4 with float coefficients.
"""

import mpmath
from mpmath import mp, mpf

mp.dps = 60


def literal(v, single=False):
    if single:
        import struct
        f = struct.unpack("<f", struct.pack("<f", float(v)))[0]
        for p in range(6, 12):
            s = "%.*gf" % (p, f)
            if struct.unpack("<f", struct.pack("<f", float(s[:-1])))[0] == f:
                return s.replace("e", "E")
    return repr(float(v)).replace("e", "E")


def fit(name, f, a, b, n, single=False, relative_to=None):
    c = mpmath.chebyfit(f, [mpf(a), mpf(b)], n)
    rounded = [mpf(float(x)) if not single else mpf(float(literal(x, True)[:-1])) for x in c]
    err = max(abs(mpmath.polyval(rounded, x) / f(x) - 1) for x in mpmath.linspace(mpf(a), mpf(b), 2001))
    print("// %s: degree %d on [%s, %s], max relative error %s" % (name, n - 1, a, b, mpmath.nstr(err, 3)))
    print(", ".join(literal(x, single) for x in c))
    print()


def tanh_p(s):
    if s == 0:
        return mpf(-1) / 3
    r = mp.sqrt(s)
    return (mp.tanh(r) - r) / (s * r)


K = 5


def normal_h(t, k=K):
    a = k * (1 + t) / (1 - t)
    return mp.ncdf(-a) * mp.exp(a * a / 2) * (a + k)


C1 = 2 * mp.sqrt(2 / mp.pi)
C3 = C1 * mpf("0.044715")


def sig(v):
    return 1 / (1 + mp.exp(-v))


def d_gelu(x):
    return mp.ncdf(x) + x * mp.npdf(x)


def d_gelu_tanh(x):
    v = C1 * x + C3 * x ** 3
    return sig(v) + x * sig(v) * sig(-v) * (C1 + 3 * C3 * x * x)


def d_mish(x):
    th = mp.tanh(mp.log1p(mp.exp(x)))
    return th + x * (1 - th * th) * sig(x)


def gelu_s(s):
    if s == 0:
        return 1 / mp.sqrt(2 * mp.pi)
    r = mp.sqrt(s)
    return (mp.ncdf(r) - mpf(1) / 2) / r


def gelu_t(s):
    return gelu_s(s) + mp.npdf(mp.sqrt(s))


def root_fit(name, f, guess, w, n, single=False, low=None):
    x0 = mp.findroot(f, guess)
    hi = float(x0)
    lo = float(x0 - mpf(hi))
    print("// %s: x0 = %s = %s + %s" % (name, mpmath.nstr(x0, 25), repr(hi), repr(lo)))

    def q(d):
        if abs(d) < mpf("1e-40"):
            return mp.diff(f, x0)
        return f(x0 + d) / d

    fit(name + " Q(d)", q, -w if low is None else low, w, n, single)


if __name__ == "__main__":
    fit("TanhOdd double", tanh_p, 0, "0.3025", 11)
    fit("TanhOdd float", tanh_p, 0, "0.3025", 5, single=True)
    tmax = (mpf(40) - K) / (40 + K)
    fit("NormalTail H(t), K = %d" % K, normal_h, -1, tmax, 25)
    fit("NormalTail H(t) for float lanes (a <= 15), K = 3", lambda t: normal_h(t, 3), -1, (mpf(15) - 3) / (mpf(15) + 3), 11, single=True)
    root_fit("GELU' float", d_gelu, -0.75, 0.6, 10, single=True)
    root_fit("GELU (tanh)' float", d_gelu_tanh, -0.75, 0.6, 10, single=True)
    fit("GELU near 0, float: S", gelu_s, 0, "0.36", 5, single=True)
    fit("GELU' near 0, float: T", gelu_t, 0, "0.1225", 5, single=True)
    root_fit("Mish' float", d_mish, -1.19, "1.2", 11, single=True, low="-0.4")
    root_fit("GELU'", d_gelu, -0.75, 0.6, 19)
    root_fit("GELU (tanh)'", d_gelu_tanh, -0.75, 0.6, 22)
    root_fit("Mish'", d_mish, -1.19, 0.6, 22)
    for name, c in (("c1 = 2 sqrt(2/pi)", C1), ("c3 = c1 * 0.044715", C3), ("1/sqrt(2 pi)", 1 / mp.sqrt(2 * mp.pi))):
        hi = float(c)
        print("// %s = %s + %s" % (name, repr(hi), repr(float(c - mpf(hi)))))
