// GeluTanhArgument: v = 2√(2/π)·(a + 0.044715·a³) as a double pair v + lo (the decimal 0.044715 taken exactly), so that
// e^-v keeps its digits deep into tanh-form GELU's left tail (an error of v is an absolute error of ln e^-v).
//
// Lanes:       double
// Max error:   v + lo to about twice double precision
// Valid range: 0 ≤ a ≤ 1000; NaN gives NaN
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
//#PerWidth
    /// <summary>
    /// v = 2√(2/π)·(a + 0.044715·a³) lane-wise for 0 ≤ a ≤ 1000 (the decimal 0.044715 taken exactly) as a double pair
    /// v + lo, so e^-v keeps its digits deep into GELU's left tail (an error of v is an absolute error of ln e^-v).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GeluTanhArgument(Vector128<double> a, out Vector128<double> lo)
    {
        var c1 = Vector128.Create(1.5957691216057308); // 2√(2/π) = c1 + c1Low
        var c1Low = Vector128.Create(-9.96930880911092E-17);
        var c3 = Vector128.Create(0.07135481627260025); // 2√(2/π)·0.044715 = c3 + c3Low
        var c3Low = Vector128.Create(-6.175149918155315E-19);
        var square = a * a;
        var squareLow = Vector128.FusedMultiplyAdd(a, a, -square);
        var cubic = c3 * square; // c3·a² = cubic + cubicLow
        var cubicLow = Vector128.FusedMultiplyAdd(c3, square, -cubic) + Vector128.FusedMultiplyAdd(c3, squareLow, c3Low * square);
        var sum = c1 + cubic; // c1 + c3·a² = sum + sumLow (two-sum)
        var b = sum - c1;
        var sumLow = ((c1 - (sum - b)) + (cubic - b)) + (c1Low + cubicLow);
        var v = a * sum;
        lo = Vector128.FusedMultiplyAdd(a, sum, -v) + a * sumLow;
        return v;
    }
//#EndPerWidth
}
