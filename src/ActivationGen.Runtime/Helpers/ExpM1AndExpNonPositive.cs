// ExpM1AndExpNonPositive: e^x - 1 and e^x together for x ≤ 0 (ELU's fused shape), with exactly the values of
// ExpM1NonPositive(x) and ExpNonPositive(x, 0); in float from one range reduction.
//
// Lanes:       double, float
// Max error:   those of ExpM1NonPositive (2 ULP) and Exp (1 ULP), whose values it gives bit for bit
// Valid range: x ≤ 0 (lanes with x > 0 are unspecified); NaN gives NaN
// Requires:    Exp, ExpM1NonPositive, ExpM1Reduced

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// e^x - 1 (returned) and e^x (in <paramref name="exp"/>) lane-wise for x ≤ 0: ExpM1NonPositive(x) and Exp(x, 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpM1AndExpNonPositive(Vector128<double> x, out Vector128<double> exp)
    {
        exp = Exp(x, 0);
        return ExpM1NonPositive(x);
    }

    /// <summary>
    /// e^x - 1 (returned) and e^x (in <paramref name="exp"/>) lane-wise in float for x ≤ 0 from one range reduction:
    /// the same values as ExpM1NonPositive(x) and ExpNonPositive(x, 0). Lanes with x &gt; 0 hold unspecified values. NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpM1AndExpNonPositive(Vector128<float> x, out Vector128<float> exp)
    {
        var r = ReduceExp(Vector128.Max(x, Vector128.Create(-151 * Ln2HiF)), out var t);
        var p = ExpM1Reduced(r);
        var biasedScale = ((t.AsInt32() - Vector128.Create(RoundMagicBitsF - 127 - ExpBiasF)) << 23).AsSingle(); // 2^(k + 24), +0 for k = -151
        exp = Vector128.FusedMultiplyAdd(p, biasedScale, biasedScale) * Vector128.Create(TwoToMinusExpBiasF);
        var scale = biasedScale * Vector128.Create(TwoToMinusExpBiasF); // 2^k: exact down to 2^-149; below, e^x - 1 rounds to -1 anyway
        return Vector128.FusedMultiplyAdd(scale, p, scale - Vector128<float>.One);
    }
    //#EndPerWidth
}
