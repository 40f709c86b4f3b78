// ExpM1AndExpNonPositive: e^x - 1 and e^x together for x ≤ 0 (ELU's fused shape), with exactly the values of
// ExpM1NonPositive(x) and ExpNonPositiveFlushed(x); in float from one range reduction.
//
// Lanes:       double, float
// Max error:   those of ExpM1NonPositive (2 ULP) and ExpNonPositiveFlushed (1 ULP; below the smallest normal, within
//              it), whose values it gives bit for bit
// Valid range: x ≤ 0 (lanes with x > 0 are unspecified); NaN gives NaN
// Requires:    Exp, ExpM1NonPositive, ExpM1Reduced

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// e^x - 1 (returned) and e^x (in <paramref name="exp"/>) lane-wise for x ≤ 0: ExpM1NonPositive(x) and
    /// ExpNonPositiveFlushed(x).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpM1AndExpNonPositive(Vector128<double> x, out Vector128<double> exp)
    {
        exp = ExpNonPositiveFlushed(x);
        return ExpM1NonPositive(x);
    }

    /// <summary>
    /// e^x - 1 (returned) and e^x (in <paramref name="exp"/>) lane-wise in float for x ≤ 0 from one range reduction:
    /// the same values as ExpM1NonPositive(x) and ExpNonPositiveFlushed(x). Lanes with x &gt; 0 hold unspecified values.
    /// NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpM1AndExpNonPositive(Vector128<float> x, out Vector128<float> exp)
    {
        var r = ReduceExpFlushed(Vector128.Max(x, Vector128.Create(FlushBelowF)), out var t);
        var p = ExpM1Reduced(r);
        var scale = (t.AsInt32() << 23).AsSingle(); // 2^k, +0 below x ≈ -87.7, where e^x - 1 rounds to -1 anyway
        exp = Vector128.FusedMultiplyAdd(p, scale, scale); // ExpFlushedOfReduced(r, t)
        return Vector128.FusedMultiplyAdd(scale, p, scale - Vector128<float>.One);
    }
    //#EndPerWidth
}
