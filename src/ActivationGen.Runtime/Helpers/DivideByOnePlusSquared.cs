// DivideByOnePlusSquared: n / (1 + t)² and t / (1 + t)² lane-wise for 0 ≤ t ≤ 1 (σ'(z) = t / (1 + t)² with t = e^-|z|),
// with the roundings of 1 + t, of the square and of the division put back.
//
// Lanes:       double, float
// Max error:   0.5 ULP plus the errors of n and t (measured 0.50 with t exact, in both types: HelperAccuracyTests)
// Valid range: 0 ≤ t ≤ 1; NaN gives NaN
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// t / (1 + t)² lane-wise for 0 ≤ t ≤ 1, within 0.5 ULP plus the error of t (roundings of 1 + t, the square and the
    /// division put back).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> DivideByOnePlusSquared(Vector128<double> t) =>
        DivideByOnePlusSquared(t, t);

    /// <summary>
    /// n / (1 + t)² lane-wise for 0 ≤ t ≤ 1, within 0.5 ULP plus the errors of n and t (roundings of 1 + t, the square
    /// and the division put back).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> DivideByOnePlusSquared(Vector128<double> n, Vector128<double> t)
    {
        var den = Vector128<double>.One + t;
        var denError = t - (den - Vector128<double>.One);
        var square = den * den;
        var squareError = Vector128.FusedMultiplyAdd(den, den, -square);
        var correction = Vector128.FusedMultiplyAdd(den + den, denError, squareError);
        var reciprocal = Vector128<double>.One / square;
        var q = n * reciprocal;
        var residual = Vector128.FusedMultiplyAdd(-q, square, n);
        return Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(-q, correction, residual), reciprocal, q);
    }

    /// <summary>
    /// t / (1 + t)² lane-wise in float for 0 ≤ t ≤ 1, the roundings of 1 + t, the square and the division put back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> DivideByOnePlusSquared(Vector128<float> t) =>
        DivideByOnePlusSquared(t, t);

    /// <summary>
    /// n / (1 + t)² lane-wise in float for 0 ≤ t ≤ 1, the roundings of 1 + t, the square and the division put back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> DivideByOnePlusSquared(Vector128<float> n, Vector128<float> t)
    {
        var den = Vector128<float>.One + t;
        var denError = t - (den - Vector128<float>.One);
        var square = den * den;
        var squareError = Vector128.FusedMultiplyAdd(den, den, -square);
        var correction = Vector128.FusedMultiplyAdd(den + den, denError, squareError);
        var reciprocal = Vector128<float>.One / square;
        var q = n * reciprocal;
        var residual = Vector128.FusedMultiplyAdd(-q, square, n);
        return Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(-q, correction, residual), reciprocal, q);
    }
    //#EndPerWidth
}
