// Multiply: z + lo = x·(hi + hiLo) lane-wise (two-product by fused multiply-add): β·x kept exact before an exponential
// (SiLU, softplus with Beta).
//
// Lanes:       double, float
// Max error:   exact as a pair when hiLo = 0, else to twice the working precision
// Valid range: any x; where x·hi is infinite there is no low part (lo = 0); NaN gives NaN
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// z + lo = x·(hi + hiLo) lane-wise (two-product by fused multiply-add; exact when hiLo = 0, else to twice the
    /// precision); x·hi infinite: no low part.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Multiply(Vector128<double> x, double hi, double hiLo, out Vector128<double> lo)
    {
        var z = x * Vector128.Create(hi);
        lo = Vector128.FusedMultiplyAdd(x, Vector128.Create(hi), -z);
        if (hiLo != 0)
        {
            lo = Vector128.FusedMultiplyAdd(x, Vector128.Create(hiLo), lo);
        }

        lo = Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(z), Vector128.Create(double.PositiveInfinity)), lo, Vector128<double>.Zero);
        return z;
    }

    /// <summary>
    /// z + lo = x·(hi + hiLo) lane-wise (two-product by fused multiply-add; exact when hiLo = 0, else to twice the
    /// precision); x·hi infinite: no low part.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Multiply(Vector128<float> x, float hi, float hiLo, out Vector128<float> lo)
    {
        var z = x * Vector128.Create(hi);
        lo = Vector128.FusedMultiplyAdd(x, Vector128.Create(hi), -z);
        if (hiLo != 0)
        {
            lo = Vector128.FusedMultiplyAdd(x, Vector128.Create(hiLo), lo);
        }

        lo = Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(z), Vector128.Create(float.PositiveInfinity)), lo, Vector128<float>.Zero);
        return z;
    }
    //#EndPerWidth
}
