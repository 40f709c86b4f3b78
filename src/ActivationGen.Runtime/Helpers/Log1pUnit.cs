// Log1pUnit: ln(1 + t) lane-wise for 0 ≤ t ≤ 1 (softplus's ln(1 + e^-|x|)), as 2·atanh(s), s = t / (2 + t), with the
// roundings of 2 + t and of the division put back. Double: the atanh series to s^31; float: 2s + 2s³·P(s²), P a minimax
// fit on [0, 1/9] (fit_exp_polynomial.py, 0.04 ULP). Log1pUnitFast (softplus in float) leaves the roundings in: in float
// one division and the polynomial, within 2 ULP; in double it is Log1pUnit.
//
// Lanes:       double, float
// Max error:   1 ULP (measured 0.71 in double; in float 1.0, at t near the smallest normal float, where s is subnormal:
//              HelperAccuracyTests); Log1pUnitFast in float 2 ULP
// Valid range: 0 ≤ t ≤ 1; NaN gives NaN
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// ln(1 + t) lane-wise for 0 ≤ t ≤ 1, within 1 ULP: 2·atanh(t / (2 + t)) with the rounding of 2 + t and of the
    /// division put back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Log1pUnit(Vector128<double> t)
    {
        var two = Vector128.Create(2.0);
        var den = two + t;
        var denError = t - (den - two);
        var reciprocal = Vector128.Create(1.0) / den;
        var s = t * reciprocal;
        var residual = Vector128.FusedMultiplyAdd(-s, den, t);
        var correction = Vector128.FusedMultiplyAdd(-s, denError, residual) * reciprocal;
        var s2 = s * s;
        var q = Vector128.Create(2.0 / 31);
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 29));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 27));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 25));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 23));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 21));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 19));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 17));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 15));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 13));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 11));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 9));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 7));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 5));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2.0 / 3));
        var tail = Vector128.FusedMultiplyAdd(s * s2, q, correction + correction);
        return tail + (s + s);
    }

    /// <summary>
    /// ln(1 + t) lane-wise in float for 0 ≤ t ≤ 1: 2·atanh(s), s = t / (2 + t), as 2s + 2s³·P(s²), with the rounding of
    /// 2 + t and of the division put back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log1pUnit(Vector128<float> t)
    {
        var two = Vector128.Create(2f);
        var den = two + t;
        var denError = t - (den - two);
        var reciprocal = Vector128.Create(1f) / den;
        var s = t * reciprocal;
        var residual = Vector128.FusedMultiplyAdd(-s, den, t);
        var correction = Vector128.FusedMultiplyAdd(-s, denError, residual) * reciprocal;
        var s2 = s * s;
        var tail = Vector128.FusedMultiplyAdd(s * s2, TwiceAtanhTail(s2), correction + correction);
        return tail + (s + s);
    }

    /// <summary>
    /// ln(1 + t) lane-wise in float for 0 ≤ t ≤ 1, within 2 ULP: 2s + 2s³·P(s²) for s = t / (2 + t) as Log1pUnit, with
    /// the roundings of 2 + t and of the division left in (one ULP of s at most between them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log1pUnitFast(Vector128<float> t)
    {
        var s = t / (Vector128.Create(2f) + t);
        var s2 = s * s;
        return Vector128.FusedMultiplyAdd(s * s2, TwiceAtanhTail(s2), s + s);
    }

    /// <summary>ln(1 + t) lane-wise for 0 ≤ t ≤ 1: in double this is Log1pUnit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Log1pUnitFast(Vector128<double> t) => Log1pUnit(t);

    /// <summary>2·P(s²) with 2·atanh(s) = 2s + 2s³·P(s²), P minimax on [0, 1/9] (fit_exp_polynomial.py): 0.04 ULP.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> TwiceAtanhTail(Vector128<float> s2)
    {
        var q = Vector128.Create(2 * 0.140033901f);
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2 * 0.140015125f));
        q = Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2 * 0.200107187f));
        return Vector128.FusedMultiplyAdd(q, s2, Vector128.Create(2 * 0.333332092f));
    }
    //#EndPerWidth
}
