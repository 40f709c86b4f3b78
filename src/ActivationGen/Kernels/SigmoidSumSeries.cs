using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace ActivationGen.Kernels;

/// <summary>
/// Compile-time series of <see cref="SigmoidSum"/> (../shared/design/SIGMOID-SUM.md): the derivatives of σ as
/// polynomials, the Euler–Maclaurin and Taylor coefficients built from them, and the number of terms that reaches a
/// tolerance. Exact arithmetic on fractions of <see cref="BigInteger"/>, rounded to double once at the end.
/// </summary>
/// <remarks>
/// With s = σ(z), u = σ(-z) = 1 - s, p = s·u and d = u - s (so p' = p·d, d' = -2p, d² = 1 - 4p), every derivative is
/// σ^(m) = p·(A_m(p) + d·B_m(p)), A_m and B_m polynomials with integer coefficients: A_1 = 1, B_1 = 0 and
/// A_(m+1) = (1 - 4p)·(B + p·B') - 2p·B, B_(m+1) = A + p·A'. Odd m have B_m = 0, even m have A_m = 0. In terms of s and
/// u (each known to full relative precision from e^-|z|) nothing cancels in either tail.
/// </remarks>
internal static class SigmoidSumSeries
{
    /// <summary>
    /// max over z of |σ^(m)(z)| / min(σ(z), σ'(z)), m = 1 … 45 (measured with mpmath on z = -40 … 40 by steps of 0.05,
    /// rounded up; tests/ActivationGen.Tests/Reference/sigmoid_derivative_bounds.py measures it again and, with --check,
    /// verifies each entry): bounds a term of either series relative to the sum it corrects.
    /// </summary>
    private static readonly double[] RelativeDerivativeBound =
    {
        1, 1, 1, 1, 1, 1.9, 4.3, 10.2, 31, 93, 346, 1246, 5461, 23014, 116197, 559621, 3202291, 1.752e7, 1.1097e8, 6.684e8,
        4.723e9, 3.17e10, 2.421e11, 1.776e12, 1.472e13, 1.153e14, 1.047e15, 8.92e15, 8.613e16, 7.951e17, 8.116e18, 8.007e19,
        8.684e20, 9.037e21, 1.047e23, 1.135e24, 1.413e25, 1.59e26, 2.122e27, 2.56e28, 3.526e29, 4.529e30, 6.452e31, 8.769e32,
        1.295e34,
    };

    /// <summary>The highest derivative <see cref="RelativeDerivativeBound"/> covers.</summary>
    public static int MaxDerivative => RelativeDerivativeBound.Length;

    /// <summary>A_m and B_m (coefficients lowest degree first) for m = 1 … <paramref name="highest"/>.</summary>
    public static (BigInteger[] A, BigInteger[] B)[] Derivatives(int highest)
    {
        var result = new (BigInteger[] A, BigInteger[] B)[highest + 1];
        result[1] = (new BigInteger[] { 1 }, new BigInteger[] { 0 });
        for (var m = 1; m < highest; m++)
        {
            var (a, b) = result[m];
            var bb = Add(b, ShiftUp(Derivative(b)));
            result[m + 1] = (Add(Add(bb, Times(ShiftUp(bb), -4)), Times(ShiftUp(b), -2)), Add(a, ShiftUp(Derivative(a))));
        }

        return result;
    }

    /// <summary>B_2k/(2k)! for k = 1 … <paramref name="count"/>, exact (Bernoulli numbers by their recurrence).</summary>
    public static Fraction[] BernoulliOverFactorial(int count)
    {
        var bernoulli = new Fraction[(2 * count) + 1];
        bernoulli[0] = Fraction.One;
        for (var m = 1; m <= 2 * count; m++)
        {
            // B_m = -1/(m + 1) · Σ_{k<m} C(m + 1, k)·B_k
            var sum = Fraction.Zero;
            var binomial = BigInteger.One;
            for (var k = 0; k < m; k++)
            {
                sum += bernoulli[k] * binomial;
                binomial = binomial * (m + 1 - k) / (k + 1);
            }

            bernoulli[m] = sum * new Fraction(-1, m + 1);
        }

        return Enumerable.Range(1, count).Select(k => bernoulli[2 * k] * new Fraction(1, Factorial(2 * k))).ToArray();
    }

    /// <summary>
    /// The smallest number of Euler–Maclaurin corrections K whose first left-out term is below
    /// <paramref name="tolerance"/> relative to the sum, for spacing h; null when no K up to the bound table reaches it.
    /// </summary>
    public static int? EulerMaclaurinOrder(double h, double tolerance)
    {
        var factors = BernoulliOverFactorial((MaxDerivative / 2) + 1);
        for (var k = 1; 2 * (k + 1) <= MaxDerivative; k++)
        {
            // The remainder after k corrections is about the (k + 1)-th: c·h^(2k+1)·(σ^(2k+1)(x - a) - σ^(2k+1)(x - b)) in f,
            // one derivative higher in f'; each end is bounded relative to the sum.
            var next = Math.Abs(factors[k].ToDouble()) * Math.Pow(h, (2 * k) + 1);
            if (2 * next * Math.Max(RelativeDerivativeBound[2 * k], RelativeDerivativeBound[(2 * k) + 1]) < tolerance)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>
    /// The even order J of the Taylor series about the midpoint whose first left-out term (order J + 2) is below
    /// <paramref name="tolerance"/> relative to the sum, for offsets spanning <paramref name="range"/>; null when none.
    /// </summary>
    public static int? TaylorOrder(double range, double tolerance)
    {
        var term = 1.0;
        for (var j = 1; j + 2 < MaxDerivative; j++)
        {
            term *= range / 2 / j; // (range/2)^j / j!, the moment of order j per term bounded by (range/2)^j
            if (j % 2 == 0 && 2 * term * (range / 2) * (range / 2) / ((j + 1) * (j + 2)) * Math.Max(RelativeDerivativeBound[j + 1], RelativeDerivativeBound[j + 2]) < tolerance)
            {
                return j;
            }
        }

        return null;
    }

    /// <summary>
    /// Euler–Maclaurin for Σ_{i&lt;n} σ(x - a - i·h): the polynomials E and G with Σ_k B_2k/(2k)!·h^(2k-1)·σ^(2k-1)(z) =
    /// p·E(p) and its derivative p·d·G(p) (coefficients lowest degree first).
    /// </summary>
    public static (double[] E, double[] G) EulerMaclaurin(Fraction h, int order)
    {
        var derivatives = Derivatives(2 * order);
        var factors = BernoulliOverFactorial(order);
        var e = new List<Fraction>();
        var g = new List<Fraction>();
        var power = h;
        for (var k = 1; k <= order; k++)
        {
            var c = factors[k - 1] * power;
            Accumulate(e, derivatives[(2 * k) - 1].A, c);
            Accumulate(g, derivatives[2 * k].B, c);
            power = power * h * h;
        }

        return (e.Select(v => v.ToDouble()).ToArray(), g.Select(v => v.ToDouble()).ToArray());
    }

    /// <summary>
    /// Taylor about the midpoint for Σ_{i&lt;n} σ(w - δ_i), δ_i = (i - (n - 1)/2)·h: with the moments
    /// m_j = Σ δ_i^j / j! (odd ones vanish), f = n·s + p·d·T(p) and f' = p·U(p), U including n (coefficients lowest degree
    /// first), T = Σ_j m_j·B_j and U = n + Σ_j m_j·A_(j+1) over even j = 2 … order.
    /// </summary>
    public static (double[] T, double[] U) Taylor(int n, Fraction h, int order)
    {
        var derivatives = Derivatives(order + 1);
        var t = new List<Fraction>();
        var u = new List<Fraction> { new(n, 1) };
        for (var j = 2; j <= order; j += 2)
        {
            // Σ_i (i - (n - 1)/2)^j = Σ_i (2i - n + 1)^j / 2^j
            var sum = BigInteger.Zero;
            for (var i = 0; i < n; i++)
            {
                sum += BigInteger.Pow((2 * i) - n + 1, j);
            }

            var moment = new Fraction(sum, BigInteger.Pow(2, j) * Factorial(j)) * Fraction.Pow(h, j);
            Accumulate(t, derivatives[j].B, moment);
            Accumulate(u, derivatives[j + 1].A, moment);
        }

        return (t.Select(v => v.ToDouble()).ToArray(), u.Select(v => v.ToDouble()).ToArray());
    }

    /// <summary>
    /// Σ_{i&lt;n} e^(shift - i·h) = e^shift·(1 - e^(-n·h)) / (1 - e^(-h)) to about 240 bits, rounded to double
    /// (0 ≤ shift ≤ 64, 0 &lt; h ≤ 64).
    /// </summary>
    public static double GeometricSum(int n, Rational h, Rational shift)
    {
        var one = BigInteger.One << Rational.FixedBits;
        var q = Rational.ExpNegativeFixed(h);
        var power = one;
        var factor = q;
        for (var k = n; k > 0; k >>= 1)
        {
            if ((k & 1) != 0)
            {
                power = power * factor >> Rational.FixedBits;
            }

            factor = factor * factor >> Rational.FixedBits;
        }

        return new Rational((one - power) * one, (one - q) * Rational.ExpNegativeFixed(shift)).ToDouble();
    }

    private static void Accumulate(List<Fraction> into, BigInteger[] polynomial, Fraction factor)
    {
        for (var i = 0; i < polynomial.Length; i++)
        {
            while (into.Count <= i)
            {
                into.Add(Fraction.Zero);
            }

            into[i] += factor * polynomial[i];
        }
    }

    private static BigInteger Factorial(int n)
    {
        var result = BigInteger.One;
        for (var i = 2; i <= n; i++)
        {
            result *= i;
        }

        return result;
    }

    private static BigInteger[] Add(BigInteger[] a, BigInteger[] b) =>
        Enumerable.Range(0, Math.Max(a.Length, b.Length))
            .Select(i => (i < a.Length ? a[i] : BigInteger.Zero) + (i < b.Length ? b[i] : BigInteger.Zero))
            .ToArray();

    private static BigInteger[] ShiftUp(BigInteger[] a) => new[] { BigInteger.Zero }.Concat(a).ToArray();

    private static BigInteger[] Derivative(BigInteger[] a) =>
        a.Length <= 1 ? new[] { BigInteger.Zero } : Enumerable.Range(1, a.Length - 1).Select(i => a[i] * i).ToArray();

    private static BigInteger[] Times(BigInteger[] a, int factor) => a.Select(v => v * factor).ToArray();
}

/// <summary>An exact fraction of big integers (not reduced beyond a common factor of powers of two; for compile-time sums).</summary>
internal readonly struct Fraction
{
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = divisor.IsZero || divisor.IsOne ? numerator : numerator / divisor;
        Denominator = divisor.IsZero || divisor.IsOne ? denominator : denominator / divisor;
    }

    public static Fraction Zero => new(0, 1);

    public static Fraction One => new(1, 1);

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Fraction From(Rational value) => new(value.Numerator, value.Denominator);

    public static Fraction operator +(Fraction a, Fraction b) =>
        new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, BigInteger b) => new(a.Numerator * b, a.Denominator);

    public static Fraction Pow(Fraction a, int power) => new(BigInteger.Pow(a.Numerator, power), BigInteger.Pow(a.Denominator, power));

    public double ToDouble() => new Rational(Numerator, Denominator).ToDouble();
}
