// Log: ln(x) and ln(1 + u) lane-wise over their whole domain. x (for Log1p: 1 + u as an exact pair hi + lo) is split
// as 2^k·m, m in [√2/2, √2), and ln(m) = 2·atanh(s), s = f / (2 + f), f = m - 1 exact, with the roundings of 2 + f and
// of the division put back (as Log1pUnit); k·ln2 is added as an exact product plus a low part, and the sum's rounding
// is carried. Log1p adds ln(1 + lo/hi) as c - c²/2, c = lo/hi, so tiny u give u exactly. Double: the atanh series to
// s^21; float: to s^11, all in float.
//
// Lanes:       double, float
// Max error:   1 ULP (measured in double 0.53 for Log, 0.66 for Log1p, against mpmath on 550,000 inputs over every
//              binade; in float 0.55 for Log, 0.66 for Log1p, over every float)
// Valid range: any: ln(±0) = -∞, ln(x < 0) = NaN, ln(+∞) = +∞; Log1p(-1) = -∞, Log1p(u < -1) = NaN, Log1p(+∞) = +∞,
//              Log1p(±0) = ±0; NaN gives NaN (the default NaN, not the input's payload)
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    private const double LogLn2Hi = 0.6931471803691238; // 0x3FE62E42FEE00000: k·LogLn2Hi is exact for |k| < 2^21
    private const double LogLn2Lo = 1.9082149292705877E-10; // ln2 - LogLn2Hi
    private const long LogSqrtHalfBits = 0x3FE6A09E667F3BCD; // √2/2: mantissas are taken in [√2/2, √2)
    private const double LogExponentOffset = 4503599627371519.0; // 2^52 + 1023: the bits 2^52 + e read as a double, less this, give k
    private const double LogSubnormalScale = 18014398509481984.0; // 2^54: subnormal inputs are scaled into the normals
    private const float LogLn2HiF = 0.693115234f; // 0x3F317000: k·LogLn2HiF is exact for |k| < 2^12
    private const float LogLn2LoF = 3.19461833E-05f; // ln2 - LogLn2HiF
    private const int LogSqrtHalfBitsF = 0x3F3504F3;
    private const float LogExponentOffsetF = 8388735f; // 2^23 + 127
    private const float LogSubnormalScaleF = 16777216f; // 2^24
    //#PerWidth
    /// <summary>
    /// ln(x) lane-wise, within 1 ULP for every positive x (subnormals included); ln(±0) = -∞, ln(+∞) = +∞, and x &lt; 0
    /// or NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Log(Vector128<double> x)
    {
        var subnormal = Vector128.LessThan(x, Vector128.Create(2.2250738585072014E-308)); // below 2^-1022
        var scaled = Vector128.ConditionalSelect(subnormal, x * Vector128.Create(LogSubnormalScale), x);
        var offset = Vector128.ConditionalSelect(subnormal, Vector128.Create(LogExponentOffset + 54), Vector128.Create(LogExponentOffset));
        var result = LogOfPositive(scaled, offset, Vector128<double>.Zero);
        result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128.Create(double.PositiveInfinity)), x, result);
        result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<double>.Zero), Vector128.Create(double.NegativeInfinity), result);
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<double>.Zero), result, Vector128.Create(double.NaN));
    }

    /// <summary>
    /// ln(1 + u) lane-wise, within 1 ULP for every u &gt; -1: 1 + u is formed as an exact pair hi + lo and ln(hi) gets
    /// lo/hi added, so tiny u (subnormals included) give u and huge u do not overflow. Log1p(-1) = -∞, Log1p(+∞) = +∞,
    /// Log1p(±0) = ±0, and u &lt; -1 or NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Log1p(Vector128<double> u)
    {
        var one = Vector128<double>.One;
        var hi = one + u;
        var uPart = hi - one;
        var lo = (one - (hi - uPart)) + (u - uPart);
        var c = lo / hi;
        var result = LogOfPositive(hi, Vector128.Create(LogExponentOffset), Vector128.FusedMultiplyAdd(c * Vector128.Create(-0.5), c, c));
        var exact = Vector128.Equals(u, Vector128<double>.Zero) | Vector128.Equals(u, Vector128.Create(double.PositiveInfinity));
        result = Vector128.ConditionalSelect(exact, u, result);
        result = Vector128.ConditionalSelect(Vector128.Equals(u, -one), Vector128.Create(double.NegativeInfinity), result);
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(u, -one), result, Vector128.Create(double.NaN));
    }

    /// <summary>
    /// ln(x) + <paramref name="correction"/> (Log1p's ln(1 + lo/hi), of the order of an ULP of 1) for normal finite
    /// x &gt; 0, with k read from the exponent bits less <paramref name="offset"/> (2^52 + 1023, plus 54 for subnormal
    /// inputs scaled by 2^54).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> LogOfPositive(Vector128<double> x, Vector128<double> offset, Vector128<double> correction)
    {
        var bits = x.AsInt64() + Vector128.Create(0x3FF0000000000000 - LogSqrtHalfBits);
        var k = (Vector128.ShiftRightLogical(bits, 52) | Vector128.Create(0x4330000000000000L)).AsDouble() - offset;
        var m = ((bits & Vector128.Create(0x000FFFFFFFFFFFFFL)) + Vector128.Create(LogSqrtHalfBits)).AsDouble();
        var f = m - Vector128<double>.One;
        var two = Vector128.Create(2.0);
        var den = two + f;
        var denError = f - (den - two);
        var reciprocal = Vector128<double>.One / den;
        var s = f * reciprocal;
        var residual = Vector128.FusedMultiplyAdd(-s, den, f);
        var sError = Vector128.FusedMultiplyAdd(-s, denError, residual) * reciprocal;
        var s2 = s * s;
        var q = Vector128.Create(2.0 / 21);
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 19));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 17));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 15));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 13));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 11));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 9));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 7));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 5));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 3));
        var tail = Vector128.FusedMultiplyAdd(s * s2, q, sError + sError);
        var twoS = s + s;
        var kLn2 = k * Vector128.Create(LogLn2Hi);
        var sum = kLn2 + twoS;
        var sumError = twoS - (sum - kLn2); // exact: |k·ln2| ≥ ln2 > |2s| unless k = 0
        return sum + (tail + Vector128.FusedMultiplyAdd(k, Vector128.Create(LogLn2Lo), sumError + correction));
    }

    /// <summary>
    /// ln(x) lane-wise in float, within 1 ULP for every positive x (subnormals included); ln(±0) = -∞, ln(+∞) = +∞, and
    /// x &lt; 0 or NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log(Vector128<float> x)
    {
        var subnormal = Vector128.LessThan(x, Vector128.Create(1.17549435E-38f)); // below 2^-126
        var scaled = Vector128.ConditionalSelect(subnormal, x * Vector128.Create(LogSubnormalScaleF), x);
        var offset = Vector128.ConditionalSelect(subnormal, Vector128.Create(LogExponentOffsetF + 24), Vector128.Create(LogExponentOffsetF));
        var result = LogOfPositive(scaled, offset, Vector128<float>.Zero);
        result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128.Create(float.PositiveInfinity)), x, result);
        result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<float>.Zero), Vector128.Create(float.NegativeInfinity), result);
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), result, Vector128.Create(float.NaN));
    }

    /// <summary>
    /// ln(1 + u) lane-wise in float, within 1 ULP for every u &gt; -1, as the double version: 1 + u as an exact pair
    /// hi + lo, ln(hi) + lo/hi. Log1p(-1) = -∞, Log1p(+∞) = +∞, Log1p(±0) = ±0, and u &lt; -1 or NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log1p(Vector128<float> u)
    {
        var one = Vector128<float>.One;
        var hi = one + u;
        var uPart = hi - one;
        var lo = (one - (hi - uPart)) + (u - uPart);
        var c = lo / hi;
        var result = LogOfPositive(hi, Vector128.Create(LogExponentOffsetF), Vector128.FusedMultiplyAdd(c * Vector128.Create(-0.5f), c, c));
        var exact = Vector128.Equals(u, Vector128<float>.Zero) | Vector128.Equals(u, Vector128.Create(float.PositiveInfinity));
        result = Vector128.ConditionalSelect(exact, u, result);
        result = Vector128.ConditionalSelect(Vector128.Equals(u, -one), Vector128.Create(float.NegativeInfinity), result);
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(u, -one), result, Vector128.Create(float.NaN));
    }

    /// <summary>
    /// ln(x) + <paramref name="correction"/> in float for normal finite x &gt; 0, as the double version; the atanh series
    /// to s^11.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> LogOfPositive(Vector128<float> x, Vector128<float> offset, Vector128<float> correction)
    {
        var bits = x.AsInt32() + Vector128.Create(0x3F800000 - LogSqrtHalfBitsF);
        var k = (Vector128.ShiftRightLogical(bits, 23) | Vector128.Create(0x4B000000)).AsSingle() - offset;
        var m = ((bits & Vector128.Create(0x007FFFFF)) + Vector128.Create(LogSqrtHalfBitsF)).AsSingle();
        var f = m - Vector128<float>.One;
        var two = Vector128.Create(2f);
        var den = two + f;
        var denError = f - (den - two);
        var reciprocal = Vector128<float>.One / den;
        var s = f * reciprocal;
        var residual = Vector128.FusedMultiplyAdd(-s, den, f);
        var sError = Vector128.FusedMultiplyAdd(-s, denError, residual) * reciprocal;
        var s2 = s * s;
        var q = Vector128.Create(2f / 11);
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2f / 9));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2f / 7));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2f / 5));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2f / 3));
        var tail = Vector128.FusedMultiplyAdd(s * s2, q, sError + sError);
        var twoS = s + s;
        var kLn2 = k * Vector128.Create(LogLn2HiF);
        var sum = kLn2 + twoS;
        var sumError = twoS - (sum - kLn2); // exact: |k·ln2| ≥ ln2 > |2s| unless k = 0
        return sum + (tail + Vector128.FusedMultiplyAdd(k, Vector128.Create(LogLn2LoF), sumError + correction));
    }
    //#EndPerWidth
}
