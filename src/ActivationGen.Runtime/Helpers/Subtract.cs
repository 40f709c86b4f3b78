// Subtract: z + lo = x - (hi + hiLo) lane-wise, exactly (Knuth's two-sum), for a constant known as the pair hi + hiLo:
// sigmoid's x - Offset and the sum of sigmoids' x - o_i, kept exact before an exponential.
//
// Lanes:       double, float
// Max error:   exact as a pair (z is x - hi rounded once; lo holds the rest)
// Valid range: any x; ±∞ give no low part (lo = 0); NaN gives NaN
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>z + lo = x - (hi + hiLo) exactly, lane-wise (Knuth's two-sum), for a constant hi + hiLo.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Subtract(Vector128<double> x, double hi, double hiLo, out Vector128<double> lo)
    {
        var minusHi = Vector128.Create(-hi);
        var z = x + minusHi;
        var b = z - x;
        lo = ((x - (z - b)) + (minusHi - b)) - Vector128.Create(hiLo);
        lo = Vector128.ConditionalSelect(Vector128.Equals(lo, lo), lo, Vector128<double>.Zero); // ±∞ in x: no low part
        return z;
    }

    /// <summary>z + lo = x - (hi + hiLo) lane-wise in float (two-sum; exact when hi + hiLo is the constant).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Subtract(Vector128<float> x, float hi, float hiLo, out Vector128<float> lo)
    {
        var minusHi = Vector128.Create(-hi);
        var z = x + minusHi;
        var b = z - x;
        lo = ((x - (z - b)) + (minusHi - b)) - Vector128.Create(hiLo);
        lo = Vector128.ConditionalSelect(Vector128.Equals(lo, lo), lo, Vector128<float>.Zero); // ±∞ in x: no low part
        return z;
    }
    //#EndPerWidth
}
