// DivideByOnePlus: n / (1 + t) lane-wise for 0 ≤ t ≤ 1 (σ(z) = (z ≥ 0 ? 1 : t) / (1 + t) with t = e^-|z|). In double
// the roundings of 1 + t and of the quotient are computed exactly and put back (one division, for the reciprocal); in
// float one division, within the float contract without the corrections.
//
// Lanes:       double, float
// Max error:   double 0.5 ULP plus the error of t; float 2 ULP for n ∈ {1, t} (measured 1.47: HelperAccuracyTests)
// Valid range: 0 ≤ t ≤ 1; NaN gives NaN
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// n / (1 + t) lane-wise for 0 ≤ t ≤ 1, within 0.5 ULP plus the error of t: the rounding of 1 + t and of the
    /// quotient are computed exactly and put back (one division, for the reciprocal).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> DivideByOnePlus(Vector128<double> n, Vector128<double> t)
    {
        var den = Vector128<double>.One + t;
        var denError = t - (den - Vector128<double>.One);
        var reciprocal = Vector128<double>.One / den;
        var q = n * reciprocal;
        var residual = Vector128.FusedMultiplyAdd(-q, den, n);
        return Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(-q, denError, residual), reciprocal, q);
    }

    /// <summary>
    /// n / (1 + t) lane-wise in float for 0 ≤ t ≤ 1, n ∈ {1, t}: two roundings (0.5 ULP each) plus at most half the
    /// error of t, so within 2 ULP without the corrections the double version needs for its tighter result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> DivideByOnePlus(Vector128<float> n, Vector128<float> t) =>
        n / (Vector128<float>.One + t);
    //#EndPerWidth
}
