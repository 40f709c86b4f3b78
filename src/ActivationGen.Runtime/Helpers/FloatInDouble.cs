// FloatInDouble: e^x and ln((1 + s)/(1 - s)) in double lanes to about 1e-10 relative, for kernels that compute float
// elements in double (SigmoidSum's series): their results are rounded to float, where 1e-10 is 0.002 ULP, so the
// polynomials are of lower degree than the double helpers' (Exp, Log1pUnit). Near-minimax fits (Chebyshev, mpmath
// chebyfit) made by tests/ActivationGen.Tests/Reference/fit_float_in_double.py.
//
// Lanes:       double
// Max error:   ExpForFloat 2.2e-10 relative (x ≥ -708); TwoAtanhForFloat 3.9e-10 relative (HelperAccuracyTests)
// Valid range: ExpForFloat: x ≤ 709; below -708 it returns e^-708 (callers round results to float, where e^-708 times
//              any factor up to 1e200 is 0). TwoAtanhForFloat: |s| ≤ 1/3. NaN gives NaN-or-garbage: callers restore
//              NaN lanes (KeepNaN)
// Requires:    ExpM1Reduced

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    // fit_float_in_double.py: q(r) for e^r = 1 + r + r²·q(r), and P(u) for 2·atanh(s) = 2s + 2s³·P(s²).
    private const double EF0 = 0.5000000013463886;
    private const double EF1 = 0.16666666681621095;
    private const double EF2 = 0.041666464944505696;
    private const double EF3 = 0.008333310927615311;
    private const double EF4 = 0.0013933647862928863;
    private const double EF5 = 0.00019890988455544567;
    private const double LF0 = 0.3333333366026371;
    private const double LF1 = 0.1999985316596486;
    private const double LF2 = 0.14296178997151418;
    private const double LF3 = 0.10853287900440187;
    private const double LF4 = 0.11612164612011674;

    //#PerWidth
    /// <summary>
    /// e^x lane-wise to 2.2e-10 relative for -708 ≤ x ≤ 709 (e^-708 below): x = k·ln2 + r, e^r = 1 + r + r²·q(r), q of
    /// degree 5 (ln2 as one double: k·(its rounding) is below 2.4e-14).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpForFloat(Vector128<double> x)
    {
        var min = Vector128.Create(-708.0);
        var max = Vector128.Create(709.0);
        var xc = Vector128.ConditionalSelect(Vector128.LessThan(x, min), min, Vector128.ConditionalSelect(Vector128.GreaterThan(x, max), max, x));
        var t = Vector128.FusedMultiplyAdd(xc, Vector128.Create(Log2E), Vector128.Create(RoundMagic));
        var k = t - Vector128.Create(RoundMagic);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2Hi), xc);
        var q = Vector128.Create(EF5);
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(EF4));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(EF3));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(EF2));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(EF1));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(EF0));
        var p = Vector128.FusedMultiplyAdd(r * r, q, r); // e^r - 1
        var scale = ((t.AsInt64() - Vector128.Create(RoundMagicBits - 1023)) << 52).AsDouble(); // 2^k, k ≥ -1022
        return Vector128.FusedMultiplyAdd(p, scale, scale);
    }

    /// <summary>
    /// 2·atanh(s) = ln((1 + s)/(1 - s)) lane-wise to 3.9e-10 relative for |s| ≤ 1/3: 2s + 2s³·P(s²), P of degree 4.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> TwoAtanhForFloat(Vector128<double> s)
    {
        var s2 = s * s;
        var p = Vector128.Create(2 * LF4);
        p = Vector128.FusedMultiplyAdd(p, s2, Vector128.Create(2 * LF3));
        p = Vector128.FusedMultiplyAdd(p, s2, Vector128.Create(2 * LF2));
        p = Vector128.FusedMultiplyAdd(p, s2, Vector128.Create(2 * LF1));
        p = Vector128.FusedMultiplyAdd(p, s2, Vector128.Create(2 * LF0));
        return Vector128.FusedMultiplyAdd(s * s2, p, s + s);
    }
    //#EndPerWidth
}
