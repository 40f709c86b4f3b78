// Erf: erf and erfc lane-wise in double, branch-free. |x| < 1/2: erf(x) = x + x·Q(x²) (Q of degree 9 in x², relative
// error 1.8e-17), erfc = 1 - erf with 1 - x kept exact. |x| ≥ 1/2: the tail erfc(a) = e^(-a²)·H(t) / (a + 2),
// t = (a - 2) / (a + 2) (Schonfelder's form, one expansion for the whole half-line; H of degree 26, relative error
// 2.9e-18; both fitted by tests/ActivationGen.Tests/Reference/fit_erf.py), with the rounding of t put back through
// H' ≈ D(t), the last three Horner steps and the division keeping a low part, a² split exactly (a² = hi + lo by FMA)
// and e^(-a²) = 2^k·e^r reduced exactly (ln 2 to 42 bits), scaled by 2^(k + 128) and then by 2^-128 so that subnormal
// results round once; erf = ±(1 - tail), erfc(-a) = 2 - tail.
//
// Lanes:       double
// Max error:   2 ULP (measured 1.05 for erfc, 1.0 for erf against mpmath over 330k random, dense, tiny and tail samples);
//              below the smallest normal double (erfc for x > 26.5) the result is rounded once from an accurate value
// Valid range: all x; NaN gives NaN, erf(±∞) = ±1, erfc(+∞) = 0, erfc(-∞) = 2; erfc rounds to 0 from x ≈ 27.23 on
// Requires:    ExpM1Reduced

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Generated;

internal static partial class ActivationHelpers
{
    private const double ErfSmallLimit = 0.5; // below: erf(x) = x + x·Q(x²); from here the tail expansion
    private const double ErfTailLimit = 27.5; // erfc(27.5) rounds to 0: larger |x| (and ∞) are clamped to it
    private const double ErfTailK = 2; // t = (a - K) / (a + K)
    private const double ErfLn2High = 0.6931471805598903; // ln 2 to 42 bits: k·ErfLn2High is exact for |k| < 2^11
    private const double ErfLn2Low = 5.497923018708371E-14;
    private const long ErfScaleBits = RoundMagicBits - 1023 - 128; // 2^(k + 128) from the bits of k + 1.5·2^52
    private const double ErfTwoToMinus128 = 2.938735877055719E-39;
    //#PerWidth
    /// <summary>
    /// erf(x) lane-wise, within 2 ULP over the whole double range: x + x·Q(x²) for |x| &lt; 1/2 (exact to the subnormals),
    /// ±(1 - erfc(|x|)) beyond; erf(±∞) = ±1, NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Erf(Vector128<double> x)
    {
        var a = Vector128.Abs(x);
        var small = Vector128.FusedMultiplyAdd(x, ErfSmall(x * x), x);
        var tail = Vector128.Create(1.0) - ErfcTail(a);
        tail |= x & Vector128.Create(-0.0);
        return Vector128.ConditionalSelect(Vector128.LessThan(a, Vector128.Create(ErfSmallLimit)), small, tail);
    }

    /// <summary>
    /// erfc(x) lane-wise, within 2 ULP over the whole double range: 1 - erf(x) with 1 - x kept exact for |x| &lt; 1/2,
    /// e^(-x²)·H(t) / (x + 2) for x ≥ 1/2 (rounded once where subnormal; 0 from x ≈ 27.23 on), 2 - erfc(-x) for
    /// x ≤ -1/2; erfc(+∞) = 0, erfc(-∞) = 2, NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Erfc(Vector128<double> x)
    {
        var one = Vector128.Create(1.0);
        var a = Vector128.Abs(x);
        var s = one - x;
        var error = (one - s) - x; // 1 - x = s + error exactly for |x| ≤ 1
        var small = s + (error - x * ErfSmall(x * x));
        var tail = ErfcTail(a);
        tail = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<double>.Zero), Vector128.Create(2.0) - tail, tail);
        return Vector128.ConditionalSelect(Vector128.LessThan(a, Vector128.Create(ErfSmallLimit)), small, tail);
    }

    /// <summary>Q(z) with erf(x) = x + x·Q(x²) for |x| &lt; 1/2 (fit_erf.py: relative error 1.8e-17).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> ErfSmall(Vector128<double> z)
    {
        var q = Vector128.Create(-1.462091340945175E-07);
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(1.637123442577E-06));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(-1.4923003368152099E-05));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(0.00012055286202005714));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(-0.0008548326510724796));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(0.0052239776220169365));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(-0.02686617064499972));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(0.1128379167095487));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(-0.3761263890318375));
        q = Vector128.FusedMultiplyAdd(q, z, Vector128.Create(0.1283791670955126));
        return q;
    }

    /// <summary>
    /// erfc(a) lane-wise for a ≥ 1/2 (smaller a give finite values the callers discard; a beyond 27.5 and ∞ are clamped
    /// there, where the result is 0; NaN gives NaN): e^(-a²)·H(t) / (a + 2), t = (a - 2) / (a + 2), with the rounding of
    /// t put back through H' ≈ D(t), the last three Horner steps and the division keeping a low part, a² split exactly,
    /// and the result scaled by 2^(k + 128) and then by 2^-128 so that it is rounded once where it is subnormal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> ErfcTail(Vector128<double> a)
    {
        var limit = Vector128.Create(ErfTailLimit);
        a = Vector128.ConditionalSelect(Vector128.GreaterThan(a, limit), limit, a); // NaN stays NaN
        var k2 = Vector128.Create(ErfTailK);
        var den = a + k2;
        var back = den - a;
        var denLow = (a - (den - back)) + (k2 - back); // a + K = den + denLow exactly
        var num = a - k2;
        back = num - a;
        var numLow = (a - (num - back)) - (k2 + back); // a - K = num + numLow exactly
        var t = num / den;
        var delta = (Vector128.FusedMultiplyAdd(-t, den, num) + numLow - t * denLow) / den; // (a - K) / (a + K) - t
        var p = Vector128.Create(-8.105518889737493E-09);
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(5.4122695572223894E-08));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-9.411484248271905E-08));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-5.8836987664215773E-08));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(2.2644615507704376E-07));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(6.95000924453506E-08));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-1.499480205803849E-07));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-2.412918023162501E-07));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-5.012593399794197E-07));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-5.497942830552879E-08));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(1.981170833416678E-06));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(3.66597208549867E-06));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-1.1214010785920704E-06));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-1.6126380265734175E-05));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-2.1696828127690073E-05));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(3.4149772838847356E-05));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(0.0001444708149103716));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(3.437134569651289E-05));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-0.0006630735102385843));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-0.0008372960567229706));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(0.003090612059388587));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(0.0064791850675306505));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-0.021510661889488598));
        p = Vector128.FusedMultiplyAdd(p, t, Vector128.Create(-0.036442231506875394));
        var c2 = Vector128.Create(0.2794720925560547);
        var product = t * p;
        var productLow = Vector128.FusedMultiplyAdd(t, p, -product);
        var sum = c2 + product;
        var low = productLow + (product - (sum - c2)) + Vector128.Create(1.4902310292306504E-17);
        var c1 = Vector128.Create(-0.6871606844138106);
        product = t * sum;
        productLow = Vector128.FusedMultiplyAdd(t, sum, -product);
        var sum1 = c1 + product;
        low = Vector128.FusedMultiplyAdd(t, low, productLow + (product - (sum1 - c1)) + Vector128.Create(8.669415306184533E-18));
        var c0 = Vector128.Create(1.021582705242023);
        product = t * sum1;
        productLow = Vector128.FusedMultiplyAdd(t, sum1, -product);
        sum = c0 + product;
        low = Vector128.FusedMultiplyAdd(t, low, productLow + (product - (sum - c0)) - Vector128.Create(1.6925980598504684E-17));
        var slope = Vector128.Create(-0.008999943252074141);
        slope = Vector128.FusedMultiplyAdd(slope, t, Vector128.Create(0.016290903807675155));
        slope = Vector128.FusedMultiplyAdd(slope, t, Vector128.Create(0.03426841026702901));
        slope = Vector128.FusedMultiplyAdd(slope, t, Vector128.Create(-0.08584691745071467));
        slope = Vector128.FusedMultiplyAdd(slope, t, Vector128.Create(-0.10960372527855358));
        slope = Vector128.FusedMultiplyAdd(slope, t, Vector128.Create(0.558949224006528));
        slope = Vector128.FusedMultiplyAdd(slope, t, Vector128.Create(-0.6871543173403004));
        low = Vector128.FusedMultiplyAdd(slope, delta, low); // H(t + delta) = sum + low
        var ratio = sum / den;
        var ratioLow = (Vector128.FusedMultiplyAdd(-ratio, den, sum) + low - ratio * denLow) / den; // H / (a + K) = ratio + ratioLow

        // e^(-a²) = 2^k·e^(r + rLow): a² = square + squareLow exactly, r = -square - k·ln2 exactly (|k| < 2^11).
        var square = a * a;
        var squareLow = Vector128.FusedMultiplyAdd(a, a, -square);
        var rounded = Vector128.FusedMultiplyAdd(-square, Vector128.Create(Log2E), Vector128.Create(RoundMagic));
        var k = rounded - Vector128.Create(RoundMagic);
        var r = Vector128.FusedMultiplyAdd(k, Vector128.Create(-ErfLn2High), -square);
        var rLow = -Vector128.FusedMultiplyAdd(k, Vector128.Create(ErfLn2Low), squareLow);
        ratioLow = Vector128.FusedMultiplyAdd(ratio, rLow, ratioLow); // the factor e^rLow = 1 + rLow
        var m = ExpM1Reduced(r);
        var mantissa = ratio + Vector128.FusedMultiplyAdd(ratio, m, Vector128.FusedMultiplyAdd(ratioLow, m, ratioLow));
        var scale = ((rounded.AsInt64() - Vector128.Create(ErfScaleBits)) << 52).AsDouble();
        return mantissa * scale * Vector128.Create(ErfTwoToMinus128);
    }
    //#EndPerWidth
}
