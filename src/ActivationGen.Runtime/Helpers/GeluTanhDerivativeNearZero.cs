// GeluTanhDerivativeNearZero: the derivative of tanh-form GELU around its zero x0 = -0.75246…, as d·Q(d), d = x - x0
// (x0 a double pair) and Q a degree-21 fit (fit_coefficients.py), so no cancellation; elsewhere the caller's value.
//
// Lanes:       double
// Max error:   relative 2e-16 of the fit
// Valid range: any x; the fit serves |x - x0| < 0.6, elsewhere (and for NaN) returns elsewhere
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
//#PerWidth
    /// <summary>
    /// The derivative of tanh-form GELU lane-wise around its zero x0 = -0.75246…: d·Q(d) with d = x - x0 (x0 as a
    /// double pair) and Q a degree-21 fit over |d| ≤ 0.6 (relative error 2e-16), so no cancellation;
    /// elsewhere (and for NaN) returns <paramref name="elsewhere"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GeluTanhDerivativeNearZero(Vector128<double> x, Vector128<double> elsewhere)
    {
        var d = (x - Vector128.Create(-0.7524614220710163)) - Vector128.Create(3.635560509207687E-17);
        var q = Vector128.Create(1.4600512200146775E-09);
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-8.991045155395695E-09));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-1.672791046520547E-08));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(7.279664896924296E-08));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(1.4145680974652207E-07));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-4.29889781283684E-07));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-9.89829523239744E-07));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(2.4332162302379418E-06));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(5.91860496383733E-06));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-1.5950832860679398E-05));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-3.4956170863314744E-05));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.0001242522701566289));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.0002639276404628979));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.0009274420224161723));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.0024227318458722273));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.005261059254894798));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.019682309459833052));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.016619328343051937));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.11394448308095899));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.015782853521848033));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.38751844613578895));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.4304000910248585));
        return Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(d), Vector128.Create(0.6)), d * q, elsewhere);
    }
//#EndPerWidth
}
