// NormalTailRatio: the normal distribution's lower tail Φ(-a) = e^(-a²/2)·M(a) (exact GELU's left tail), returning the
// Mills-type ratio M(a) = H(t) / (a + 5), t = (a - 5) / (a + 5), H a polynomial fit (fit_coefficients.py), and
// e = e^(-a²/2) with a² split exactly, so the tail keeps its digits down to 1e-300. In float lanes M(a) = H(t) / (a + 3),
// t = 2a/(a + 3) - 1, H of degree 10, and e scaled by 2^shift (the caller's, so the tail keeps its digits where e is
// subnormal).
//
// Lanes:       double, float
// Max error:   relative 2e-17 of the fit of H (degree 24); float: relative 1.6e-8 of the fit of H, plus the roundings
//              of t and of Horner's rule, and one rounding of H / (a + 3) (GELU's exhaustive float sweep bounds the result)
// Valid range: 0 ≤ a ≤ 40 (float: 0 ≤ a ≤ 15); NaN gives NaN
// Requires:    Exp

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    //#PerWidth
    /// <summary>
    /// The normal distribution's lower tail in the form Φ(-a) = e^(-a²/2)·M(a), lane-wise for 0 ≤ a ≤ 40 (NaN gives
    /// NaN): returns M(a) = H(t) / (a + 5), t = (a - 5) / (a + 5), H a degree-24 fit (relative error 2e-17), and
    /// e = e^(-a²/2) with a² split exactly into a high and a low part, so the tail keeps its digits down to 1e-300.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> NormalTailRatio(Vector128<double> a, out Vector128<double> e)
    {
        var square = a * a;
        var squareLow = Vector128.FusedMultiplyAdd(a, a, -square);
        e = Exp(square * Vector128.Create(-0.5), squareLow * Vector128.Create(-0.5), 0);
        // a ± 5 as exact pairs, then 1 / (a + 5) and t = (a - 5) / (a + 5) with their roundings put back: H is
        // steep near t = -1, where an error of t would cost several ULP.
        var five = Vector128.Create(5.0);
        var den = a + five;
        var denB = den - a;
        var denLow = (a - (den - denB)) + (five - denB);
        var num = a - five;
        var numB = num - a;
        var numLow = (a - (num - numB)) - (five + numB);
        var r = Vector128<double>.One / den;
        var reciprocal = Vector128.FusedMultiplyAdd(r, Vector128.FusedMultiplyAdd(-r, den, Vector128<double>.One) - r * denLow, r);
        var t0 = num * r;
        var t = Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(-t0, den, num) + (numLow - t0 * denLow), r, t0);
        var h = Vector128.Create(-1.9750205117389054E-11);
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-4.215048810150002E-10));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-1.1003514880321343E-09));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(2.380938735908965E-09));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(1.0732670653455705E-08));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-8.83395147619223E-09));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-7.012796329386927E-08));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(4.0453499469914684E-08));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(4.3632213903968043E-07));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-3.347456433999717E-07));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-2.7707520210893634E-06));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(3.979875146352331E-06));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(1.6681654735816092E-05));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-4.976247516686963E-05));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-5.9375811494585084E-05));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.0005448989960971598));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.0007978693886321235));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.0029933767622323353));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.020795066799200485));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.06911863870685579));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.16502036617040983));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.3135331566712881));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.495305615969976));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.6653825028900568));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.769193049750063));
        return h * reciprocal;
    }

    /// <summary>
    /// The lower tail in float lanes, Φ(-a) = e·2^-shift·M(a), lane-wise for 0 ≤ a ≤ 15 (NaN gives NaN): returns
    /// M(a) = H(t) / (a + 3), t = 2a/(a + 3) - 1, H a degree-10 fit (relative error 1.6e-8), and e = e^(-a²/2)·2^shift
    /// with a² split exactly (scaled so that Φ(-a) and a·φ(a) keep their digits where they are normal and e is not);
    /// low = M(a) - ratio, to the rounding of H / (a + 3).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> NormalTailRatio(Vector128<float> a, int shift, out Vector128<float> e, out Vector128<float> low)
    {
        var square = a * a;
        var squareLow = Vector128.FusedMultiplyAdd(a, a, -square);
        e = ExpNonPositive(square * Vector128.Create(-0.5f), squareLow * Vector128.Create(-0.5f), shift);
        // a + 3 = den + denLow (two-sum), so that H / (a + 3) below is rounded once.
        var three = Vector128.Create(3f);
        var den = a + three;
        var denB = den - a;
        var denLow = (a - (den - denB)) + (three - denB);
        var reciprocal = Vector128<float>.One / den;
        // t = (a - 3)/(a + 3) as 2a·r - 1: the error of r enters scaled by 1 + t, small where H is steepest (t near -1).
        var t = Vector128.FusedMultiplyAdd(a + a, reciprocal, -Vector128<float>.One);
        var h = Vector128.Create(5.5491873E-05f);
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.00013332395f));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.0002447093f));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.0010344766f));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.0010241573f));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.0069699204f));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.010462289f));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.04726276f));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.23001768f));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.509332f));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.7290837f));
        // H / (a + 3) as if rounded once: h·r corrected by the residual h - q·(den + denLow) (rounding r, h·r and a + 3
        // separately cost up to 1.5 ULP, which took GELU's left tail to 4.7 ULP).
        // low: what the rounded ratio leaves out (GELU's left tail multiplies it on unrounded).
        var q = h * reciprocal;
        var residual = Vector128.FusedMultiplyAdd(-q, den, h) - q * denLow;
        var ratio = Vector128.FusedMultiplyAdd(residual, reciprocal, q);
        low = Vector128.FusedMultiplyAdd(residual, reciprocal, q - ratio);
        return ratio;
    }
    //#EndPerWidth
}
