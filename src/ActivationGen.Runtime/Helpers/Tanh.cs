// Tanh: tanh(x) lane-wise, x + x³·P(x²) for |x| < 0.55 (P a fit, tanh(tiny x) = x, the sign copied from x so -0 gives
// -0), else ±(1 - 2t/(1 + t)) with t = e^-2|x| (no cancellation: 2t/(1 + t) ≤ 1/2). Takes t4 = 4e^-2|x| = Exp(-2|x|, 2),
// which SechSquared shares.
//
// Lanes:       double, float
// Max error:   2 ULP (measured 0.90 in double, 1.17 in float, with t4 from Exp: HelperAccuracyTests)
// Valid range: any x; ±∞ give ±1; NaN gives NaN
// Requires:    DivideByOnePlus

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// tanh(x) lane-wise, within 2 ULP: x + x³·P(x²) for |x| &lt; 0.55 (so tiny x gives x; the sign is copied from x, so -0 gives -0), else
    /// ±(1 - 2t/(1 + t)) with t = e^-2|x| (no cancellation: 2t/(1 + t) ≤ 1/2); ±∞ give ±1, NaN gives NaN. Takes
    /// t4 = 4e^-2|x| = Exp(-2|x|, 2), which SechSquared shares.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Tanh(Vector128<double> x, Vector128<double> t4)
    {
        var s = x * x;
        var p = Vector128.Create(-2.060276537636634E-05);
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(8.511313685577672E-05));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(-0.0002346347410887237));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(0.0005889360520074057));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(-0.001455661830100716));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(0.003592110378689024));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(-0.008863234397814355));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(0.021869488493666944));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(-0.053968253967434016));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(0.13333333333332714));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(-0.3333333333333333));
        var small = Vector128.FusedMultiplyAdd(x * s, p, x);
        var a = Vector128.Abs(x);
        var large = Vector128<double>.One - DivideByOnePlus(t4 * Vector128.Create(0.5), t4 * Vector128.Create(0.25));
        // The sign of x also for -0 (the polynomial gives +0 there):
        return Vector128.CopySign(Vector128.ConditionalSelect(Vector128.LessThan(a, Vector128.Create(0.55)), small, large), x);
    }

    /// <summary>
    /// tanh(x) lane-wise in float, within 2 ULP: x + x³·P(x²) for |x| &lt; 0.55 (so tiny x gives x; the sign is copied from x, so -0 gives -0),
    /// else ±(1 - 2t/(1 + t)) with t = e^-2|x|; ±∞ give ±1, NaN gives NaN. Takes t4 = 4e^-2|x| = Exp(-2|x|, 2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x, Vector128<float> t4)
    {
        var s = x * x;
        var p = Vector128.Create(-0.0066102277f);
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(0.021309389f));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(-0.05390943f));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(0.13333113f));
        p = Vector128.FusedMultiplyAdd(p, s, Vector128.Create(-0.3333333f));
        var small = Vector128.FusedMultiplyAdd(x * s, p, x);
        var a = Vector128.Abs(x);
        var large = Vector128<float>.One - (t4 * Vector128.Create(0.5f)) / (Vector128<float>.One + t4 * Vector128.Create(0.25f));
        // The sign of x also for -0 (the polynomial gives +0 there):
        return Vector128.CopySign(Vector128.ConditionalSelect(Vector128.LessThan(a, Vector128.Create(0.55f)), small, large), x);
    }
    //#EndPerWidth
}
