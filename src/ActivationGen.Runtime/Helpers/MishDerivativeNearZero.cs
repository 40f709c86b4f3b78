// MishDerivativeNearZero: Mish's derivative around its zero x0 = -1.19243…, as d·Q(d), d = x - x0 (x0 a double pair) and
// Q a degree-21 fit (fit_coefficients.py), so no cancellation; elsewhere the caller's value.
//
// Lanes:       double
// Max error:   relative 7e-17 of the fit
// Valid range: any x; the fit serves |x - x0| < 0.6, elsewhere (and for NaN) returns elsewhere
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
//#PerWidth
    /// <summary>
    /// The derivative of Mish lane-wise around its zero x0 = -1.19243…: d·Q(d) with d = x - x0 (x0 as a double pair)
    /// and Q a degree-21 fit over |d| ≤ 0.6 (relative error 7e-17), so no cancellation;
    /// elsewhere (and for NaN) returns <paramref name="elsewhere"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MishDerivativeNearZero(Vector128<double> x, Vector128<double> elsewhere)
    {
        var d = (x - Vector128.Create(-1.1924312145154952)) - Vector128.Create(-4.8484829848031044E-17);
        var q = Vector128.Create(1.6235719699259118E-10);
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(2.770967026712696E-09));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(6.654918360307832E-09));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-4.941492142206513E-09));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-6.187052985127551E-08));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-1.414263774947213E-07));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(2.6916962424516343E-08));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(1.0717533782481672E-06));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(2.908812744210723E-06));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(9.427212940900266E-07));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-1.7299269923867086E-05));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-5.582891383223581E-05));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-4.1961496099885436E-05));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.00025412936371959765));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.0009898181021319823));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.0010924055409509976));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.0033606849270233392));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.01582112656173353));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.020271822716684245));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.04190782104360988));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.20473126408010586));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.2669479140495345));
        return Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(d), Vector128.Create(0.6)), d * q, elsewhere);
    }
//#EndPerWidth
}
