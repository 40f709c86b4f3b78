// GeluDerivativeNearZero: exact GELU's derivative Φ(x) + x·φ(x) around its zero x0 = -0.75179…, as d·Q(d), d = x - x0
// (x0 a double pair) and Q a degree-18 fit (fit_coefficients.py), so no cancellation; elsewhere the caller's value.
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
    /// The derivative of exact GELU, Φ(x) + x·φ(x), lane-wise around its zero x0 = -0.75179…: d·Q(d) with d = x - x0
    /// (x0 as a double pair) and Q a degree-18 fit over |d| ≤ 0.6 (relative error 7e-17), so no cancellation;
    /// elsewhere (and for NaN) returns <paramref name="elsewhere"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GeluDerivativeNearZero(Vector128<double> x, Vector128<double> elsewhere)
    {
        var d = (x - Vector128.Create(-0.7517915246935645)) - Vector128.Create(1.4956759177009883E-17);
        var q = Vector128.Create(1.7562879897975466E-09);
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-1.1650491274503813E-09));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-3.5355526780646313E-08));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-1.7676313937126184E-09));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(5.702356887750598E-07));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(4.329086085999942E-07));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-7.748451794705445E-06));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-1.1214394961873585E-05));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(8.615947726914578E-05));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.0001863397483131801));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.0007448268385633687));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.002239538068245906));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.0045392283791204115));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.01942167983819681));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.014771522148244235));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.11400823329722187));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(-0.018199676398671087));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.388284982990552));
        q = Vector128.FusedMultiplyAdd(q, d, Vector128.Create(0.4314939923140469));
        return Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(d), Vector128.Create(0.6)), d * q, elsewhere);
    }
//#EndPerWidth
}
