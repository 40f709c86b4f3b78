// Divide: z + lo = x / (hi + hiLo) lane-wise, to about twice the working precision, with reciprocal the constant 1 / hi
// rounded: the remainder x - z·(hi + hiLo) is exact by fused multiply-add (CELU's x / Alpha).
//
// Lanes:       double, float
// Max error:   z within 1 ULP of x / hi, z + lo to about twice the working precision
// Valid range: any x; where z is infinite there is no low part (lo = 0); NaN gives NaN
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// z + lo = x / (hi + hiLo) lane-wise, to about twice the precision, with reciprocal the constant 1 / hi rounded: the
    /// remainder x - z·(hi + hiLo) is exact by fused multiply-add. z infinite: no low part.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Divide(Vector128<double> x, double hi, double hiLo, double reciprocal, out Vector128<double> lo)
    {
        var z = x * Vector128.Create(reciprocal);
        var remainder = Vector128.FusedMultiplyAdd(-z, Vector128.Create(hi), x);
        if (hiLo != 0)
        {
            remainder = Vector128.FusedMultiplyAdd(-z, Vector128.Create(hiLo), remainder);
        }

        var finite = Vector128.LessThan(Vector128.Abs(z), Vector128.Create(double.PositiveInfinity));
        lo = Vector128.ConditionalSelect(finite, remainder * Vector128.Create(reciprocal), Vector128<double>.Zero);
        return z;
    }

    /// <summary>
    /// z + lo = x / (hi + hiLo) lane-wise, to about twice the precision, with reciprocal the constant 1 / hi rounded: the
    /// remainder x - z·(hi + hiLo) is exact by fused multiply-add. z infinite: no low part.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Divide(Vector128<float> x, float hi, float hiLo, float reciprocal, out Vector128<float> lo)
    {
        var z = x * Vector128.Create(reciprocal);
        var remainder = Vector128.FusedMultiplyAdd(-z, Vector128.Create(hi), x);
        if (hiLo != 0)
        {
            remainder = Vector128.FusedMultiplyAdd(-z, Vector128.Create(hiLo), remainder);
        }

        var finite = Vector128.LessThan(Vector128.Abs(z), Vector128.Create(float.PositiveInfinity));
        lo = Vector128.ConditionalSelect(finite, remainder * Vector128.Create(reciprocal), Vector128<float>.Zero);
        return z;
    }
    //#EndPerWidth
}
