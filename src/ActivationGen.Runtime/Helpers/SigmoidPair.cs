// SigmoidPair: 1 / (1 + t) and t / (1 + t) lane-wise for 0 ≤ t ≤ 1 (σ(|z|) and σ(-|z|) with t = e^-|z|), one division
// for both, each with the roundings of 1 + t and of its quotient put back: for the sums of sigmoids in float lanes,
// which add and subtract σ at both ends of the offsets and need each to half an ULP.
//
// Lanes:       double, float
// Max error:   0.5 ULP plus the error of t (measured 0.50 with t exact, in both types: HelperAccuracyTests)
// Valid range: 0 ≤ t ≤ 1 (also slightly above 1, from the low part of an exact argument); NaN gives NaN
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>1 / (1 + t), and t / (1 + t) in <paramref name="small"/>, lane-wise, each within 0.5 ULP plus the error of t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> SigmoidPair(Vector128<double> t, out Vector128<double> small)
    {
        var den = Vector128<double>.One + t;
        var denError = t - (den - Vector128<double>.One);
        var reciprocal = Vector128<double>.One / den;
        var q = t * reciprocal;
        small = Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(-q, denError, Vector128.FusedMultiplyAdd(-q, den, t)), reciprocal, q);
        return Vector128.FusedMultiplyAdd(
            Vector128.FusedMultiplyAdd(-reciprocal, denError, Vector128.FusedMultiplyAdd(-reciprocal, den, Vector128<double>.One)), reciprocal, reciprocal);
    }

    /// <summary>1 / (1 + t), and t / (1 + t) in <paramref name="small"/>, lane-wise in float, each within 0.5 ULP plus the error of t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SigmoidPair(Vector128<float> t, out Vector128<float> small)
    {
        var den = Vector128<float>.One + t;
        var denError = t - (den - Vector128<float>.One);
        var reciprocal = Vector128<float>.One / den;
        var q = t * reciprocal;
        small = Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(-q, denError, Vector128.FusedMultiplyAdd(-q, den, t)), reciprocal, q);
        return Vector128.FusedMultiplyAdd(
            Vector128.FusedMultiplyAdd(-reciprocal, denError, Vector128.FusedMultiplyAdd(-reciprocal, den, Vector128<float>.One)), reciprocal, reciprocal);
    }
    //#EndPerWidth
}
