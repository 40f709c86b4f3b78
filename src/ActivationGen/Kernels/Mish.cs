using ActivationGen.Emit;
using ActivationGen.Model;

namespace ActivationGen.Kernels;

/// <summary>
/// Mish: f(x) = x·tanh(softplus(x)) from one exponential s = e^-|x|, computed in double. With t = e^x (x ≤ 0),
/// tanh(ln(1 + t)) = n / (n + 2), n = t(t + 2); with u = e^-x (x &gt; 0), it is 1 - 2u² / (1 + 2u + 2u²): no overflow
/// and no cancellation. f'(x) = tanh(softplus(x)) + x·sech²(softplus(x))·σ(x): for x &gt; 0 a sum of positive terms,
/// for x ≤ 0 the single fraction t·(4(1 + x) + t(6 + 4x) + 4t² + t³) / (n + 2)², and within 0.6 of its zero
/// (x ≈ -1.1924), for double results, a fitted d·Q(d), d = x - x0, so its relative accuracy holds there too (for float
/// results the fraction alone is accurate enough: its terms cancel to an absolute 3e-16, a third of a float ULP at the
/// float nearest x0).
/// </summary>
internal sealed class Mish : Activation
{
    public static readonly Mish Instance = new();

    public override string Name => "Mish";

    public override string Summary =>
        """
        mish: f(x) = x·tanh(softplus(x)) = x·tanh(ln(1 + e^x)), without overflow;
        with <see cref="Derivative"/>, its exact derivative.
        """;

    public override string Accuracy =>
        """
        At most 4 ULP from the exact result, or an absolute error of 1e-30 (float) /
        1e-300 (double) where the exact result is smaller than that (the left tail underflows).
        """;

    /// <summary>The zero x0 = -1.19243… of f' as a double pair.</summary>
    private const double RootHi = -1.1924312145154952;
    private const double RootLo = -4.8484829848031044E-17;

    /// <summary>f'(x0 + d) = d·Q(d) for |d| ≤ 0.6: Q of degree 21 (relative error 7e-17), highest degree first.</summary>
    private static readonly double[] RootFit =
    {
        1.6235719699259118E-10, 2.770967026712696E-09, 6.654918360307832E-09, -4.941492142206513E-09, -6.187052985127551E-08,
        -1.414263774947213E-07, 2.6916962424516343E-08, 1.0717533782481672E-06, 2.908812744210723E-06, 9.427212940900266E-07,
        -1.7299269923867086E-05, -5.582891383223581E-05, -4.1961496099885436E-05, 0.00025412936371959765, 0.0009898181021319823,
        0.0010924055409509976, -0.0033606849270233392, -0.01582112656173353, -0.020271822716684245, 0.04190782104360988,
        0.20473126408010586, 0.2669479140495345,
    };

    /// <summary>Beyond this |x| the exponential terms vanish; x is clamped there where it multiplies one of them.</summary>
    private const double Limit = 1000;

    public override string Describe(ActivationSpec spec) =>
        "Mish: f(x) = x·tanh(softplus(x)) = x·tanh(ln(1 + e^x)); f'(x) = tanh(softplus(x)) + x·sech²(softplus(x))·σ(x).";

    protected override void WriteShared(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute, Parts parts)
    {
        writer.Line("var s = {M}.Exp(-{V}.Abs(x), 0); // e^-|x|: t = e^x for x ≤ 0, u = e^-x for x > 0");
        writer.Line("var twice = s + s;");
        writer.Line("var halfN = {V}.FusedMultiplyAdd(s, s, twice) * " + Constant(0.5, compute) + "; // n / 2, n = t² + 2t = (1 + t)² - 1");
        writer.Line("var q = twice * s; // 2u²");
        writer.Line("var den = {V}.FusedMultiplyAdd(twice, s, {VD}.One + twice); // 1 + 2u + 2u²");
        writer.Line("var tanhPositive = {VD}.One - q / den;");
    }

    protected override void WriteValue(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        writer.Line("var tanhSoftplus = {V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), tanhPositive, {M}.DivideByOnePlus(halfN, halfN));");
        writer.Line("var y = {V}.Max(x, " + Constant(-Limit, compute) + ") * tanhSoftplus; // -∞ gives -0, not ∞·0");
    }

    protected override void WriteSlope(CodeWriter writer, ActivationSpec spec, ElementType element, ElementType compute)
    {
        writer.Line("var xd = {V}.Min({V}.Max(x, " + Constant(-Limit, compute) + "), " + Constant(Limit, compute) + ");");
        writer.Line("var dyPositive = tanhPositive + (xd + xd) * ({VD}.One + s) * q / (den * den);");
        writer.Line("var four = " + Constant(4, compute) + ";");
        writer.Line("var poly = {V}.FusedMultiplyAdd({V}.FusedMultiplyAdd(s + four, s, {V}.FusedMultiplyAdd(four, xd, " + Constant(6, compute) + ")), s, four * ({VD}.One + xd));");
        writer.Line("var dyNegative = {M}.DivideByOnePlusSquared(s * poly * " + Constant(0.25, compute) + ", halfN); // t·P / (n + 2)²");
        var slope = "{V}.ConditionalSelect({V}.GreaterThan(x, {VD}.Zero), dyPositive, dyNegative)";
        if (element == ElementType.Single)
        {
            writer.Line("var dy = " + slope + ";");
        }
        else
        {
            WriteSlopeNearRoot(writer, (RootHi, RootLo), RootFit, 0.6, slope);
        }
    }
}
