// ExpM1NonPositive: e^x - 1 lane-wise for x ≤ 0, accurate near 0 (no cancellation), and e^(x + lo) - 1 with a low-order
// correction lo of x, to first order in lo.
//
// Lanes:       double, float
// Max error:   2 ULP (measured 0.98 in double, 0.90 in float: HelperAccuracyTests)
// Valid range: x ≤ 0: +0 at ±0 (callers that need -0 take x there), -1 below -40 (double) or -18 (float); x > 0 gives 0
//              (with lo: unspecified); NaN gives NaN
// Requires:    ExpM1Reduced

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// e^x - 1 lane-wise for x ≤ 0, within 2 ULP and accurate near 0; +0 at ±0 (callers that need -0 at -0 take x
    /// there); x &gt; 0 gives 0, x &lt; -40 gives -1; NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpM1NonPositive(Vector128<double> x)
    {
        var min = Vector128.Create(-40.0);
        var xc = Vector128.ConditionalSelect(Vector128.LessThan(x, min), min, x);
        xc = Vector128.ConditionalSelect(Vector128.GreaterThan(xc, Vector128<double>.Zero), Vector128<double>.Zero, xc);
        var t = Vector128.FusedMultiplyAdd(xc, Vector128.Create(Log2E), Vector128.Create(RoundMagic));
        var k = t - Vector128.Create(RoundMagic);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2Hi), xc);
        r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2Lo), r);
        var p = ExpM1Reduced(r);
        var scale = ((t.AsInt64() - Vector128.Create(RoundMagicBits - 1023)) << 52).AsDouble();
        return Vector128.FusedMultiplyAdd(scale, p, scale - Vector128<double>.One);
    }

    /// <summary>
    /// e^(x + lo) - 1 lane-wise for x ≤ 0 (other lanes unspecified), with |lo| far below 1 a low-order correction of x:
    /// expm1(x) + lo·e^x, to first order in lo.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpM1NonPositive(Vector128<double> x, Vector128<double> lo)
    {
        var expm1 = ExpM1NonPositive(x);
        return Vector128.FusedMultiplyAdd(lo, expm1 + Vector128<double>.One, expm1);
    }

    /// <summary>
    /// e^x - 1 lane-wise in float for x ≤ 0, accurate near 0; +0 at ±0 (callers that need -0 at -0 take x there); x
    /// &gt; 0 gives 0, x &lt; -18 gives -1; NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpM1NonPositive(Vector128<float> x)
    {
        var min = Vector128.Create(-18f);
        var xc = Vector128.ConditionalSelect(Vector128.LessThan(x, min), min, x);
        xc = Vector128.ConditionalSelect(Vector128.GreaterThan(xc, Vector128<float>.Zero), Vector128<float>.Zero, xc);
        var r = ReduceExp(xc, out var t);
        var p = ExpM1Reduced(r);
        var scale = ((t.AsInt32() - Vector128.Create(RoundMagicBitsF - 127)) << 23).AsSingle();
        return Vector128.FusedMultiplyAdd(scale, p, scale - Vector128<float>.One);
    }

    /// <summary>
    /// e^(x + lo) - 1 lane-wise in float for x ≤ 0 (other lanes unspecified), with |lo| far below 1 a low-order correction of x:
    /// expm1(x) + lo·e^x, to first order in lo.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpM1NonPositive(Vector128<float> x, Vector128<float> lo)
    {
        var expm1 = ExpM1NonPositive(x);
        return Vector128.FusedMultiplyAdd(lo, expm1 + Vector128<float>.One, expm1);
    }
    //#EndPerWidth
}
