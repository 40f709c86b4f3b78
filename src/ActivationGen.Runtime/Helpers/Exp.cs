// Exp: e^(x + lo)·2^shift lane-wise, lo a low-order correction of x (|lo| far below 1) and shift a power of two the
// caller keeps the result scaled by; ExpNonPositive is the same for x ≤ 0 (in float it clamps more cheaply). The result
// is scaled by 2^(k + shift + bias) and then by 2^-bias, so results down in the subnormals are rounded once.
//
// Lanes:       double, float
// Max error:   1 ULP where the result is normal (measured 0.92 in double, 0.99 in float: HelperAccuracyTests); subnormal
//              results are rounded once
// Valid range: double: results in [2^-1080, 2^955], x ≤ 661.9 - 0.69·shift; float: results in [2^-151, 2^100],
//              x ≤ 69.3 - 0.69·shift. Beyond, x is clamped (the result is 0 below, stays 2^955 resp. 2^100 above); NaN
//              gives NaN. ExpNonPositive: x ≤ 0 (in float, lanes with x > 0 are unspecified).
//              ExpNonPositiveFlushed and ExpMinusAbs (e^x for x ≤ 0, e^-|x|, for σ, softplus, ELU): within 1 ULP where the
//              result is normal (with a correction lo: plus its rounding into r, 1.5 ULP); below the smallest normal within that smallest normal (0 from x ≈ -87.7 in float,
//              -708.7 in double on: scaled once, by a 2^k that is +0 there), which the contract accepts
// Requires:    ExpM1Reduced

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    private const double RoundMagicBiased = 6755399441056767.0; // 1.5 · 2^52 + 1023: the low bits of the sum hold k + 1023
    private const float RoundMagicBiasedF = 12583039f; // 1.5 · 2^23 + 127: the low bits of the sum hold k + 127
    private const double FlushBelow = -709.0; // rounds to k = -1023: 2^k is built as +0
    private const float FlushBelowF = -88f; // rounds to k = -127: 2^k is built as +0
    //#PerWidth
    /// <summary>
    /// e^(x + lo) · 2^shift lane-wise, within 1 ULP, with |lo| far below 1 a low-order correction of x. x is clamped
    /// to the range where the result lies in [2^-1080, 2^955]: below it the result rounds to 0, above it stays 2^955
    /// (callers use only results up to e^32·2^shift, or discard the lane); NaN gives NaN. (Clamping alone, without
    /// selecting 0 or ∞ afterwards, also keeps the JIT from holding the masks across the whole computation.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Exp(Vector128<double> x, Vector128<double> lo, int shift)
    {
        var xc = ClampExpArgument(x, shift);
        lo = Vector128.ConditionalSelect(Vector128.Equals(xc, x), lo, Vector128<double>.Zero); // clamped: the correction no longer applies
        return ExpOfClamped(xc, lo, shift);
    }

    /// <summary>e^x · 2^shift lane-wise: Exp(x, lo, shift) with lo = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Exp(Vector128<double> x, int shift) =>
        ExpOfClamped(ClampExpArgument(x, shift), Vector128<double>.Zero, shift);

    /// <summary>
    /// e^(x + lo) · 2^shift lane-wise for x ≤ 0 (the float version clamps more cheaply; in double this is Exp).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpNonPositive(Vector128<double> x, Vector128<double> lo, int shift) => Exp(x, lo, shift);

    /// <summary>e^x · 2^shift lane-wise for x ≤ 0 (in double this is Exp).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpNonPositive(Vector128<double> x, int shift) => Exp(x, shift);

    /// <summary>
    /// e^(x + lo) lane-wise for x ≤ 0, where results below the smallest normal double may be off by up to it (the
    /// contract's absolute bound there): within 1 ULP down to 2^-1022, +0 from x ≈ -708.7 on (clamped at -709, where
    /// the built 2^k is +0). One maximum and one scaling, no double scaling as in Exp. Lanes with x &gt; 0 are unspecified;
    /// NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpNonPositiveFlushed(Vector128<double> x, Vector128<double> lo)
    {
        var xc = Vector128.Max(x, Vector128.Create(FlushBelow));
        lo = Vector128.ConditionalSelect(Vector128.Equals(xc, x), lo, Vector128<double>.Zero); // clamped: the correction no longer applies (and may be large)
        return ExpFlushedOfReduced(ReduceExpFlushed(xc, out var t) + lo, t);
    }

    /// <summary>e^x lane-wise for x ≤ 0: ExpNonPositiveFlushed(x, lo) with lo = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpNonPositiveFlushed(Vector128<double> x) =>
        ExpFlushedOfReduced(ReduceExpFlushed(Vector128.Max(x, Vector128.Create(FlushBelow)), out var t), t);

    /// <summary>e^-|z| lane-wise (σ's and softplus's t), as ExpNonPositiveFlushed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpMinusAbs(Vector128<double> z) =>
        ExpNonPositiveFlushed(z | Vector128.Create(-0.0));

    /// <summary>
    /// e^-|z + zLow| lane-wise for an exact pair z + zLow (x - Offset), as ExpNonPositiveFlushed: the low part enters
    /// with the sign that -|z + zLow| gives it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpMinusAbs(Vector128<double> z, Vector128<double> zLow) =>
        ExpNonPositiveFlushed(z | Vector128.Create(-0.0), Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(z, Vector128<double>.Zero), -zLow, zLow));

    /// <summary>
    /// r = xc - k·ln2 for xc ≥ -709 (k = round(xc / ln2), |r| ≤ ln2/2), k + bias held in the low bits of <paramref name="t"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> ReduceExpFlushed(Vector128<double> xc, out Vector128<double> t)
    {
        t = Vector128.FusedMultiplyAdd(xc, Vector128.Create(Log2E), Vector128.Create(RoundMagicBiased));
        var k = t - Vector128.Create(RoundMagicBiased);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2Hi), xc);
        return Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2Lo), r);
    }

    /// <summary>e^r · 2^k, with 2^k built from the bits of <paramref name="t"/> (+0 for k = -1023).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> ExpFlushedOfReduced(Vector128<double> r, Vector128<double> t)
    {
        var scale = (t.AsInt64() << 52).AsDouble();
        return Vector128.FusedMultiplyAdd(ExpM1Reduced(r), scale, scale);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> ClampExpArgument(Vector128<double> x, int shift)
    {
        var min = Vector128.Create((-1080 - shift) * Ln2Hi);
        var max = Vector128.Create((955 - shift) * Ln2Hi);
        return Vector128.ConditionalSelect(Vector128.LessThan(x, min), min, Vector128.ConditionalSelect(Vector128.GreaterThan(x, max), max, x));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> ExpOfClamped(Vector128<double> xc, Vector128<double> lo, int shift)
    {
        var t = Vector128.FusedMultiplyAdd(xc, Vector128.Create(Log2E), Vector128.Create(RoundMagic));
        var k = t - Vector128.Create(RoundMagic);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2Hi), xc);
        r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2Lo), r) + lo;
        var p = ExpM1Reduced(r);
        var scale = ((t.AsInt64() - Vector128.Create(RoundMagicBits - 1023 - ExpBias - shift)) << 52).AsDouble();
        var result = Vector128.FusedMultiplyAdd(p, scale, scale) * Vector128.Create(TwoToMinusExpBias);
        return result;
    }

    /// <summary>
    /// e^(x + lo) · 2^shift lane-wise in float, within 1 ULP; x clamped to where the result is at most 2^100 and at
    /// least 2^-151, which gives exactly 0; NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x, Vector128<float> lo, int shift)
    {
        var xc = ClampExpArgument(x, shift);
        lo = Vector128.ConditionalSelect(Vector128.Equals(xc, x), lo, Vector128<float>.Zero); // clamped: the correction no longer applies
        return ExpOfReduced(ReduceExp(xc, out var t) + lo, t, shift);
    }

    /// <summary>e^x · 2^shift lane-wise: Exp(x, lo, shift) with lo = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x, int shift) =>
        ExpOfReduced(ReduceExp(ClampExpArgument(x, shift), out var t), t, shift);

    /// <summary>
    /// e^(x + lo) · 2^shift lane-wise in float for x ≤ 0 (the kernels' e^-|z|), as Exp(x, lo, shift) but clamped only
    /// from below (one maximum); lanes with x &gt; 0 hold unspecified values. NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpNonPositive(Vector128<float> x, Vector128<float> lo, int shift)
    {
        var xc = Vector128.Max(x, Vector128.Create((-151 - shift) * Ln2HiF));
        lo = Vector128.ConditionalSelect(Vector128.Equals(xc, x), lo, Vector128<float>.Zero); // clamped: the correction no longer applies
        return ExpOfReduced(ReduceExp(xc, out var t) + lo, t, shift);
    }

    /// <summary>e^x · 2^shift lane-wise in float for x ≤ 0: ExpNonPositive(x, lo, shift) with lo = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpNonPositive(Vector128<float> x, int shift) =>
        ExpOfReduced(ReduceExp(Vector128.Max(x, Vector128.Create((-151 - shift) * Ln2HiF)), out var t), t, shift);

    /// <summary>
    /// e^(x + lo) lane-wise for x ≤ 0, where results below the smallest normal float may be off by up to it (the
    /// contract's absolute bound there): within 1 ULP down to 2^-126, +0 from x ≈ -87.7 on (clamped at -88, where
    /// the built 2^k is +0). One maximum and one scaling, no double scaling as in Exp. Lanes with x &gt; 0 are unspecified;
    /// NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpNonPositiveFlushed(Vector128<float> x, Vector128<float> lo)
    {
        var xc = Vector128.Max(x, Vector128.Create(FlushBelowF));
        lo = Vector128.ConditionalSelect(Vector128.Equals(xc, x), lo, Vector128<float>.Zero); // clamped: the correction no longer applies (and may be large)
        return ExpFlushedOfReduced(ReduceExpFlushed(xc, out var t) + lo, t);
    }

    /// <summary>e^x lane-wise for x ≤ 0: ExpNonPositiveFlushed(x, lo) with lo = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpNonPositiveFlushed(Vector128<float> x) =>
        ExpFlushedOfReduced(ReduceExpFlushed(Vector128.Max(x, Vector128.Create(FlushBelowF)), out var t), t);

    /// <summary>e^-|z| lane-wise (σ's and softplus's t), as ExpNonPositiveFlushed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpMinusAbs(Vector128<float> z) =>
        ExpNonPositiveFlushed(z | Vector128.Create(-0f));

    /// <summary>
    /// e^-|z + zLow| lane-wise for an exact pair z + zLow (x - Offset), as ExpNonPositiveFlushed: the low part enters
    /// with the sign that -|z + zLow| gives it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpMinusAbs(Vector128<float> z, Vector128<float> zLow) =>
        ExpNonPositiveFlushed(z | Vector128.Create(-0f), Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(z, Vector128<float>.Zero), -zLow, zLow));

    /// <summary>
    /// r = xc - k·ln2 for xc ≥ -88 (k = round(xc / ln2), |r| ≤ ln2/2), k + bias held in the low bits of <paramref name="t"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ReduceExpFlushed(Vector128<float> xc, out Vector128<float> t)
    {
        t = Vector128.FusedMultiplyAdd(xc, Vector128.Create(Log2EF), Vector128.Create(RoundMagicBiasedF));
        var k = t - Vector128.Create(RoundMagicBiasedF);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2HiF), xc);
        return Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2LoF), r);
    }

    /// <summary>e^r · 2^k, with 2^k built from the bits of <paramref name="t"/> (+0 for k = -127).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpFlushedOfReduced(Vector128<float> r, Vector128<float> t)
    {
        var scale = (t.AsInt32() << 23).AsSingle();
        return Vector128.FusedMultiplyAdd(ExpM1Reduced(r), scale, scale);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ClampExpArgument(Vector128<float> x, int shift)
    {
        var min = Vector128.Create((-151 - shift) * Ln2HiF); // 2^-151 and below: the scale is +0, the result exactly 0
        var max = Vector128.Create((100 - shift) * Ln2HiF);
        return Vector128.ConditionalSelect(Vector128.LessThan(x, min), min, Vector128.ConditionalSelect(Vector128.GreaterThan(x, max), max, x));
    }

    /// <summary>
    /// e^r · 2^(k + shift), scaled by 2^(k + shift + 24) and then by 2^-24 so that results down in the subnormals round
    /// once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpOfReduced(Vector128<float> r, Vector128<float> t, int shift)
    {
        var p = ExpM1Reduced(r);
        var scale = ((t.AsInt32() - Vector128.Create(RoundMagicBitsF - 127 - ExpBiasF - shift)) << 23).AsSingle();
        return Vector128.FusedMultiplyAdd(p, scale, scale) * Vector128.Create(TwoToMinusExpBiasF);
    }
    //#EndPerWidth
}
