// ExpM1NonNegative: e^(x + lo) - 1 lane-wise for x ≥ 0, lo a low-order correction of x, accurate near 0; computed as
// 2·(2^(k-1)·(1 + p) - 1/2) so that 2^(k-1) stays finite up to the overflow threshold.
//
// Lanes:       double, float
// Max error:   2 ULP (measured 1.10 in double, 1.35 in float: HelperAccuracyTests)
// Valid range: x ≥ 0 (x < 0 taken as 0; +0 at ±0); results beyond the largest finite value are +∞; NaN gives NaN
// Requires:    ExpM1Reduced

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// e^(x + lo) - 1 lane-wise for x ≥ 0 (x &lt; 0 taken as 0), accurate near 0 (+0 at ±0), with |lo| far below 1 a low-order
    /// correction of x; results beyond the largest finite value are +∞; NaN gives NaN. Computed as
    /// 2·(2^(k-1)·(1 + p) - 1/2) so that 2^(k-1) stays finite up to the overflow threshold.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpM1NonNegative(Vector128<double> x, Vector128<double> lo)
    {
        var max = Vector128.Create(709.8); // just above ln(MaxValue): the result overflows
        var xc = Vector128.ConditionalSelect(Vector128.GreaterThan(x, max), max, x);
        xc = Vector128.ConditionalSelect(Vector128.LessThan(xc, Vector128<double>.Zero), Vector128<double>.Zero, xc);
        // Clamped: the correction no longer applies (it may be as large as x):
        lo = Vector128.ConditionalSelect(Vector128.Equals(xc, x), lo, Vector128<double>.Zero);
        var t = Vector128.FusedMultiplyAdd(xc, Vector128.Create(Log2E), Vector128.Create(RoundMagic));
        var k = t - Vector128.Create(RoundMagic);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2Hi), xc);
        r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2Lo), r) + lo;
        var p = ExpM1Reduced(r);
        var half = ((t.AsInt64() - Vector128.Create(RoundMagicBits - 1023 + 1)) << 52).AsDouble(); // 2^(k-1)
        var result = Vector128.FusedMultiplyAdd(half, p, half - Vector128.Create(0.5));
        return result + result;
    }

    /// <summary>
    /// e^(x + lo) - 1 lane-wise for x ≥ 0 (x &lt; 0 taken as 0), accurate near 0 (+0 at ±0), with |lo| far below 1 a low-order
    /// correction of x; results beyond the largest finite value are +∞; NaN gives NaN. Computed as
    /// 2·(2^(k-1)·(1 + p) - 1/2) so that 2^(k-1) stays finite up to the overflow threshold.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpM1NonNegative(Vector128<float> x, Vector128<float> lo)
    {
        var max = Vector128.Create(88.75f); // just above ln(MaxValue): the result overflows
        var xc = Vector128.ConditionalSelect(Vector128.GreaterThan(x, max), max, x);
        xc = Vector128.ConditionalSelect(Vector128.LessThan(xc, Vector128<float>.Zero), Vector128<float>.Zero, xc);
        // Clamped: the correction no longer applies (it may be as large as x):
        lo = Vector128.ConditionalSelect(Vector128.Equals(xc, x), lo, Vector128<float>.Zero);
        var t = Vector128.FusedMultiplyAdd(xc, Vector128.Create(Log2EF), Vector128.Create(RoundMagicF));
        var k = t - Vector128.Create(RoundMagicF);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2HiF), xc);
        r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2LoF), r) + lo;
        var p = ExpM1Reduced(r);
        var half = ((t.AsInt32() - Vector128.Create(RoundMagicBitsF - 127 + 1)) << 23).AsSingle(); // 2^(k-1)
        var result = Vector128.FusedMultiplyAdd(half, p, half - Vector128.Create(0.5f));
        return result + result;
    }
    //#EndPerWidth
}
