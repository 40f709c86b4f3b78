// ExpM1Reduced: the core of every exponential. The constants of the range reduction x = k·ln2 + r (ln2 as a hi + lo
// pair, k rounded by adding 1.5·2^52 resp. 1.5·2^23), the float reduction ReduceExp, and e^r - 1 for the reduced r:
// in double a Taylor polynomial of degree 13, in float a degree-6 minimax polynomial (r + r²·q(r), q of degree 4,
// fitted by tests/ActivationGen.Tests/Reference/fit_exp_polynomial.py).
//
// Lanes:       double, float
// Max error:   e^r - 1: double 0.1 ULP of truncation plus the roundings of Horner's scheme; float 0.03 ULP relative to
//              e^r (0.17 ULP relative to e^r - 1)
// Valid range: |r| ≤ ln(2)/2 + a little (|r| ≤ 0.35)
// Requires:    none

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 0.6931471805599453;
    private const double Ln2Lo = 2.3190468138462996E-17;
    private const double RoundMagic = 6755399441055744.0; // 1.5 · 2^52: adding it rounds to an integer held in the low bits
    private const long RoundMagicBits = 0x4338000000000000;
    private const int ExpBias = 64; // scale by 2^(k + 64), then by 2^-64, so results down into the subnormals round once
    private const double TwoToMinusExpBias = 5.421010862427522E-20;
    private const float Log2EF = 1.44269504f;
    private const float Ln2HiF = 0.693147182f;
    private const float Ln2LoF = -1.90465421E-09f;
    private const float RoundMagicF = 12582912f; // 1.5 · 2^23
    private const int RoundMagicBitsF = 0x4B400000;
    private const int ExpBiasF = 24;
    private const float TwoToMinusExpBiasF = 5.96046448E-08f;
    //#PerWidth
    /// <summary>e^r - 1 for |r| ≤ ln(2)/2 + a little: Taylor to degree 13, below 0.1 ULP of truncation error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpM1Reduced(Vector128<double> r)
    {
        var q = Vector128.Create(1.6059043836821613E-10);
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(2.08767569878681E-09));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(2.505210838544172E-08));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(2.755731922398589E-07));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(2.7557319223985893E-06));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(2.48015873015873E-05));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(0.0001984126984126984));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(0.001388888888888889));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(0.008333333333333333));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(0.041666666666666664));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(0.16666666666666666));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(0.5));
        return Vector128.FusedMultiplyAdd(r * r, q, r);
    }

    /// <summary>r = x - k·ln2 with k = round(x / ln2), |r| ≤ ln2/2 (k is held in the low bits of <paramref name="t"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ReduceExp(Vector128<float> xc, out Vector128<float> t)
    {
        t = Vector128.FusedMultiplyAdd(xc, Vector128.Create(Log2EF), Vector128.Create(RoundMagicF));
        var k = t - Vector128.Create(RoundMagicF);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2HiF), xc);
        return Vector128.FusedMultiplyAdd(k, Vector128.Create(-Ln2LoF), r);
    }

    /// <summary>
    /// e^r - 1 in float for |r| ≤ ln(2)/2 + a little: r + r²·q(r) with q of degree 4, minimax for the error relative to
    /// e^r (0.03 ULP; 0.17 ULP relative to e^r - 1), fitted by tests/ActivationGen.Tests/Reference/fit_exp_polynomial.py.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpM1Reduced(Vector128<float> r)
    {
        var q = Vector128.Create(1.38389028E-03f);
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(8.36919248E-03f));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(4.16681021E-02f));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(0.166665167f));
        q = Vector128.FusedMultiplyAdd(q, r, Vector128.Create(0.49999994f));
        return Vector128.FusedMultiplyAdd(r * r, q, r);
    }
    //#EndPerWidth
}
