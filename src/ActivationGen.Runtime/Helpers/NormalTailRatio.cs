// NormalTailRatio: the normal distribution's lower tail Φ(-a) = e^(-a²/2)·M(a) (exact GELU's left tail), returning the
// Mills-type ratio M(a) = H(t) / (a + 5), t = (a - 5) / (a + 5), H a polynomial fit (fit_coefficients.py), and
// e = e^(-a²/2) with a² split exactly, so the tail keeps its digits down to 1e-300. NormalTailRatioSingle is the cheaper
// form for double lanes that compute a float result.
//
// Lanes:       double (also for float results, in double lanes)
// Max error:   relative 2e-17 of the fit of H (degree 24); Single: relative 1e-10 (degree 11), far inside a float ULP
// Valid range: 0 ≤ a ≤ 40 (Single: 0 ≤ a ≤ 15); NaN gives NaN
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
    /// NormalTailRatio for double lanes that compute a float result, lane-wise for 0 ≤ a ≤ 15: M(a) = H(t) / (a + 5)
    /// with a degree-11 fit of H (relative error 1e-10) and t rounded as it comes, far inside float's precision.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> NormalTailRatioSingle(Vector128<double> a, out Vector128<double> e)
    {
        e = Exp(a * a * Vector128.Create(-0.5), 0); // a is a float: a² is exact in double
        var reciprocal = Vector128<double>.One / (a + Vector128.Create(5.0));
        var t = (a - Vector128.Create(5.0)) * reciprocal;
        var h = Vector128.Create(-5.541948367239735E-05);
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-4.386239763971326E-05));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.0005539788066265183));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.0008035411670509104));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.0029972884006137165));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.020796091792858726));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.06911793682793106));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.16502026670253728));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.31353320723007627));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.49530562048586146));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(-0.6653825019029828));
        h = Vector128.FusedMultiplyAdd(h, t, Vector128.Create(0.7691930497100417));
        return h * reciprocal;
    }
    //#EndPerWidth
}
